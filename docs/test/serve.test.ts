// The static docs server: serves the built site on 127.0.0.1 and nothing outside it.
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePort, startDocsServer } from "../scripts/serve.mjs";
import { requireBuiltSite } from "./support/site.js";

let docs: { url: string; port: number; close: () => Promise<void> };

/** A raw GET, so paths like /../x reach the server unnormalised. */
function get(path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: docs.port, path, method: "GET" }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, type: String(res.headers["content-type"]), body }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  requireBuiltSite();
  docs = await startDocsServer({ port: 0 });
});
afterAll(() => docs?.close());

describe("docs server", () => {
  it("listens on 127.0.0.1 and serves the site", async () => {
    expect(docs.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const home = await get("/");
    expect(home.status).toBe(200);
    expect(home.type).toContain("text/html");
    expect(home.body).toContain("<title>");
    expect((await get("/openapi.decorated.yaml")).body).toContain("generated from openapi/");
  });

  it.each(["/../package.json", "/%2e%2e/package.json", "/..%2fscripts/serve.mjs", "/missing.html"])(
    "answers 404 for %s",
    async (path) => {
      expect((await get(path)).status).toBe(404);
    },
  );

  it("rejects a bad DOCS_PORT with a message naming it", () => {
    expect(() => parsePort("abc")).toThrow(/DOCS_PORT must be an integer/);
    expect(() => parsePort("70000")).toThrow(/DOCS_PORT/);
    expect(parsePort("0")).toBe(0);
  });
});

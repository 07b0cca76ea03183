// The static docs server: serves the built site on 127.0.0.1 and nothing outside it, and no request
// can take it down.
import { createHash } from "node:crypto";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { request } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parsePort, startDocsServer } from "../scripts/serve.mjs";
import { distDir, requireBuiltSite } from "./support/site.js";

type Docs = { url: string; port: number; close: () => Promise<void> };
type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };
let docs: Docs;

/** A raw request, so paths like /../x or //a:99999/x reach the server unnormalised. */
function get(path: string, headers: Record<string, string> = {}, server: Docs = docs): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port: server.port, path, method: "GET", headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
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
    expect(home.headers["content-type"]).toContain("text/html");
    expect(home.body).toContain("<title>");
    expect((await get("/openapi.decorated.yaml")).body).toContain("generated from openapi/");
  });

  it.each(["/../package.json", "/%2e%2e/package.json", "/..%2fscripts/serve.mjs", "/missing.html"])(
    "answers 404 for %s",
    async (path) => {
      expect((await get(path)).status).toBe(404);
    },
  );

  it.each(["//a:99999/x", "//a/x", "/%ZZ", "/dep_abc%", "/%C3%28", "/a%00b", "*", "http://a:99999/x"])(
    "survives %s with a 4xx answer, and keeps serving",
    async (path) => {
      const answer = await get(path);
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.status).toBeLessThan(500);
      expect((await get("/")).status).toBe(200);
    },
  );

  it("sets the security headers on every answer, with a CSP that names the page's inline scripts", async () => {
    for (const path of ["/", "/missing", "/openapi.decorated.yaml"]) {
      const { headers } = await get(path);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["referrer-policy"], path).toBe("no-referrer");
      expect(headers["x-frame-options"], path).toBe("DENY");
      const csp = String(headers["content-security-policy"]);
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'none'");
      expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+/);
      expect(csp, path).not.toContain("'unsafe-inline' 'unsafe-eval'");
      expect(csp.split(";").find((d) => d.trim().startsWith("script-src"))).not.toContain("unsafe-inline");
    }
  });

  it("gives each language's page a CSP that allows exactly that page's inline scripts", async () => {
    const scriptHashes = (file: string): string[] =>
      [
        ...readFileSync(join(distDir, file), "utf8").matchAll(
          /<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi,
        ),
      ]
        .map(
          ([, code]) =>
            `'sha256-${createHash("sha256")
              .update(code ?? "")
              .digest("base64")}'`,
        )
        .sort();
    const cspHashes = (csp: unknown): string[] =>
      (String(csp).match(/'sha256-[A-Za-z0-9+/=]+'/g) ?? []).sort();
    const pages: Array<[string, string]> = [
      ["/", "index.html"],
      ["/index.html", "index.html"],
      ["/ja/", "ja/index.html"],
      ["/ja/index.html", "ja/index.html"],
      ["/zh/", "zh/index.html"],
    ];
    for (const [path, file] of pages) {
      const answer = await get(path);
      expect(answer.status, path).toBe(200);
      expect(answer.body, path).toBe(readFileSync(join(distDir, file), "utf8"));
      const expected = scriptHashes(file);
      expect(expected.length, file).toBeGreaterThan(0);
      expect(cspHashes(answer.headers["content-security-policy"]), path).toEqual(expected);
    }
    // The pages differ (each inlines its own spec), so neither page's CSP admits the other's state.
    const ja = new Set(scriptHashes("ja/index.html"));
    expect(scriptHashes("zh/index.html").some((hash) => !ja.has(hash))).toBe(true);
  });

  it("redirects a deep link of a language site to that site's section", async () => {
    const answer = await get("/ja/deployments/listdeployments");
    expect(answer.status).toBe(302);
    expect(answer.headers.location).toBe("/ja/#/deployments/listdeployments");
    expect((await get("/zh/getting-started")).headers.location).toBe("/zh/#/getting-started");
  });

  it("answers 304 to a matching If-None-Match (ETag), and sends Last-Modified", async () => {
    const first = await get("/");
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers["last-modified"]).toBeDefined();
    const again = await get("/", { "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body).toBe("");
    expect((await get("/", { "if-none-match": 'W/"other"' })).status).toBe(200);
  });

  it.each([
    ["/ja", "/ja/"],
    ["/ja/index", "/ja/"],
    ["/ja/index/", "/ja/"],
    ["/index/", "/"],
    ["/zh/index.html/", "/zh/index.html"],
    ["/openapi.decorated.yaml/", "/openapi.decorated.yaml"],
    ["/ja?x=1", "/ja/?x=1"],
  ])(
    "answers %s with one URL per page (301 to %s), so relative links resolve as built",
    async (path, target) => {
      const answer = await get(path);
      expect(answer.status).toBe(301);
      expect(answer.headers.location).toBe(target);
    },
  );

  it("opens deep links at their section: /getting-started → /#/getting-started", async () => {
    const guide = await get("/getting-started");
    expect(guide.status).toBe(302);
    expect(guide.headers.location).toBe("/#/getting-started");
    const op = await get("/deployments/listdeployments");
    expect(op.headers.location).toBe("/#/deployments/listdeployments");
    expect((await get("/missing.yaml")).status).toBe(404); // a file name is not a section
  });

  it("closes the socket of a malformed request it answered, also when the client never closes its side", async () => {
    const openFds = () => readdirSync("/proc/self/fd").length;
    const before = openFds();
    // allowHalfOpen: the client keeps its side open after the server's answer, as one that never reads.
    const clients = Array.from({ length: 10 }, () =>
      connect({ port: docs.port, host: "127.0.0.1", allowHalfOpen: true }),
    );
    try {
      const answers = clients.map(
        (client) =>
          new Promise<string>((resolve) => {
            let received = "";
            client.on("data", (chunk: Buffer) => {
              received += chunk.toString();
            });
            client.once("end", () => resolve(received));
          }),
      );
      for (const client of clients) client.write("NOT HTTP AT ALL\r\n\r\n");
      for (const received of await Promise.all(answers)) expect(received).toMatch(/^HTTP\/1\.1 400 /);
      // Both ends live in this process: only the clients' 10 descriptors may be left.
      const deadline = performance.now() + 5_000;
      while (openFds() > before + 10 && performance.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(openFds()).toBeLessThanOrEqual(before + 10);
    } finally {
      for (const client of clients) client.destroy();
    }
  });

  it("rejects a bad DOCS_PORT with a message naming it; unset or blank is the default", () => {
    expect(() => parsePort("abc")).toThrow(/DOCS_PORT must be an integer/);
    expect(() => parsePort("70000")).toThrow(/DOCS_PORT/);
    // Number() would take these as 8080 and 1000.
    expect(() => parsePort("0x1f90")).toThrow(/DOCS_PORT/);
    expect(() => parsePort("1e3")).toThrow(/DOCS_PORT/);
    expect(() => parsePort("-1")).toThrow(/DOCS_PORT/);
    expect(parsePort("0")).toBe(0);
    expect(parsePort(" 8081 ")).toBe(8081);
    expect(parsePort("")).toBe(8080);
    expect(parsePort(undefined)).toBe(8080);
  });

  it.each(["bytes=5-2", "bytes=0-0", "bytes=-100", "bytes=99999999-", "items=1-2"])(
    "answers Range: %s with the whole file (ranges are not served), and keeps serving",
    async (range) => {
      const whole = await get("/openapi.decorated.yaml");
      const answer = await get("/openapi.decorated.yaml", { range });
      expect(answer.status).toBe(200);
      expect(answer.headers["content-range"]).toBeUndefined();
      expect(answer.body).toBe(whole.body);
    },
  );

  it("serves the generated TypeScript samples as text, not as video/mp2t", async () => {
    const sample = await get("/samples/listDeployments.ts");
    expect(sample.status).toBe(200);
    expect(sample.headers["content-type"]).toBe("text/plain; charset=utf-8");
    expect(sample.body).toContain("qoder.deployments.list(");
  });

  it.each(["/openapi.decorated.yaml", "/ja/openapi.decorated.yaml", "/zh/openapi.decorated.yaml"])(
    "serves %s as UTF-8 (a bare text/yaml leaves a browser to decode Japanese and Chinese as windows-1252)",
    async (path) => {
      const contract = await get(path);
      expect(contract.status).toBe(200);
      expect(contract.headers["content-type"]).toBe("text/yaml; charset=utf-8");
    },
  );
});

describe("docs server on a root with symlinks", () => {
  let dir: string;
  let site: Docs;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "qoder-docs-serve-"));
    const root = join(dir, "dist");
    mkdirSync(join(root, "ja"), { recursive: true });
    writeFileSync(join(root, "index.html"), "<!doctype html><title>t</title>");
    writeFileSync(join(root, "ja", "index.html"), "<!doctype html><title>ja</title>");
    writeFileSync(join(dir, "secret.txt"), "outside the root");
    mkdirSync(join(dir, "outside"));
    writeFileSync(join(dir, "outside", "x.txt"), "outside folder");
    symlinkSync("/etc/passwd", join(root, "passwd"));
    symlinkSync(join(dir, "secret.txt"), join(root, "secret.txt"));
    symlinkSync(join(dir, "outside"), join(root, "out"));
    symlinkSync(join(root, "index.html"), join(root, "inside.html")); // a link, even to inside: refused
    site = await startDocsServer({ port: 0, root });
  });
  afterAll(async () => {
    await site?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(["/passwd", "/secret.txt", "/out/x.txt", "/out/", "/inside.html", "/inside"])(
    "does not follow the symlink %s",
    async (path) => {
      const answer = await get(path, {}, site);
      expect(answer.status).toBe(404);
      expect(answer.body).not.toMatch(/root:|outside/);
    },
  );

  it("serves the regular files, and deep links of a language site go to that site", async () => {
    expect((await get("/", {}, site)).body).toContain("<title>t</title>");
    expect((await get("/ja/", {}, site)).body).toContain("<title>ja</title>");
    expect((await get("/ja/pagination", {}, site)).headers.location).toBe("/ja/#/pagination");
  });
});

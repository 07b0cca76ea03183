// The token must not appear in anything a program might print: error messages, String(), JSON,
// util.inspect of errors and of the client, or log lines (even at debug level).
import { inspect } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Logger } from "../../src/index.js";
import { createQoderClient } from "../support/client.js";
import { envelope, startServer, type TestServer, TOKEN } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer((req, res) => {
    if (req.path.endsWith("reset")) {
      res.socket?.destroy();
      return undefined;
    }
    if (req.path.endsWith("slow"))
      return new Promise((resolve) => setTimeout(() => resolve({ body: {} }), 500));
    return {
      status: req.path.endsWith("_ok") ? 200 : 401,
      headers: { "x-request-id": "req_1" },
      body: req.path.endsWith("_ok")
        ? { id: "dep_ok" }
        : envelope("authentication_error", "Invalid API key or token."),
    };
  });
});
afterAll(() => server.close());

function everyRendering(value: unknown): string {
  return [
    String(value),
    (value as Error)?.message ?? "",
    (value as Error)?.stack ?? "",
    JSON.stringify(value) ?? "",
    inspect(value, { depth: 20, showHidden: true, getters: true }),
  ].join("\n");
}

function capturingLogger(lines: string[]): Logger {
  const write = (message: string, ...details: unknown[]) => {
    lines.push(
      [message, ...details.map((d) => JSON.stringify(d)), ...details.map((d) => inspect(d))].join(" "),
    );
  };
  return { debug: write, info: write, warn: write, error: write };
}

describe("the token never leaks", () => {
  test("through any failure", async () => {
    const lines: string[] = [];
    const qoder = createQoderClient({
      token: TOKEN,
      baseUrl: server.url,
      maxRetries: 1,
      logLevel: "debug",
      logger: capturingLogger(lines),
    });
    const failures = await Promise.all(
      ["dep_1", "dep_1_reset", "dep_1_slow"].map((deployment_id) =>
        qoder
          // Only the slow call gets a short timeout, so a loaded machine cannot turn the others into timeouts.
          .GET("/deployments/{deployment_id}", {
            params: { path: { deployment_id } },
            timeoutMs: deployment_id.endsWith("slow") ? 50 : 30_000,
          })
          .catch((e: unknown) => e),
      ),
    );
    const authError = await qoder.deployments.retrieve("dep_401").catch((e: unknown) => e);
    for (const error of [...failures.filter((f) => f instanceof Error), authError]) {
      expect(everyRendering(error)).not.toContain(TOKEN);
    }
    expect(failures.filter((f) => f instanceof Error)).toHaveLength(2);
    expect(lines.length).toBeGreaterThan(4);
    const log = lines.join("\n");
    expect(log).not.toContain(TOKEN);
    expect(log).toContain("[redacted]"); // the authorization header was logged, redacted
    expect(log).toContain("retrying");
  });

  test("through the client object", async () => {
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    await qoder.deployments.retrieve("dep_ok");
    expect(everyRendering(qoder)).not.toContain(TOKEN);
    expect(inspect(qoder.deployments, { depth: 5, showHidden: true })).not.toContain(TOKEN);
  });

  test("logging is off below the level; warn is the default", async () => {
    const lines: string[] = [];
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, logger: capturingLogger(lines) });
    await qoder.deployments.retrieve("dep_ok");
    expect(lines).toEqual([]);
    const verbose = createQoderClient({
      token: TOKEN,
      baseUrl: server.url,
      logger: capturingLogger(lines),
      logLevel: "debug",
    });
    await verbose.deployments.retrieve("dep_ok");
    expect(lines.join("\n")).toContain("GET");
  });
});

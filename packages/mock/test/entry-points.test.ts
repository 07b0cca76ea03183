// startMock() and the CLI as the README and the option docs describe them: the default port, 127.0.0.1
// only, CORS and x-request-id on every kind of answer, OPTIONS, repeatable seeds, Prism's own 404/422 turned
// into the API's 405/400. Each test was written against a mutant of the front layer that every other test
// let through, and fails on it.
import { spawnSync } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningMock, startMock } from "../src/index.js";
import { createBody } from "./support/simulator.js";

const AUTH = { authorization: "Bearer pt-test" };

/** Binds `port` on 127.0.0.1 for the test's duration; undefined when something else holds it already. */
async function hold(port: number): Promise<Server | undefined> {
  const server = createServer();
  server.listen(port, "127.0.0.1");
  const [event] = await Promise.race([once(server, "listening"), once(server, "error")]).then(
    () => ["listening"],
    () => ["error"],
  );
  return event === "listening" ? server : undefined;
}

async function withEnv<T>(name: string, value: string | undefined, work: () => Promise<T>): Promise<T> {
  const saved = process.env[name];
  if (value === undefined) delete process.env[name];
  else process.env[name] = value;
  try {
    return await work();
  } finally {
    if (saved === undefined) delete process.env[name];
    else process.env[name] = saved;
  }
}

const deploymentsOf = async (url: string, token: string) =>
  (
    (await (
      await fetch(`${url}/deployments?limit=100`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      data: { id: string }[];
    }
  ).data;

describe("startMock's port", () => {
  // README: "--port 4011 # or MOCK_PORT=4011"; StartMockOptions.port: "Default: `MOCK_PORT`, else 4010."
  it("is 4010 without a port option or MOCK_PORT: with 4010 taken, the refusal names it", async () => {
    // 4010 is held (by this test, or by whatever holds it already), so no mock of another test is raced for it.
    const held = await hold(4010);
    try {
      await withEnv("MOCK_PORT", undefined, async () => {
        const started = await startMock().catch((error: Error) => error);
        // Its holder let it go in between: the mock took it.
        if (!(started instanceof Error)) await started.stop();
        expect(started instanceof Error ? started.message : started.url).toMatch(
          started instanceof Error
            ? /port 4010 on 127\.0\.0\.1 is already in use/
            : /^http:\/\/127\.0\.0\.1:4010$/,
        );
      });
    } finally {
      held?.close();
    }
  });
});

describe("a started simulator", () => {
  let mock: RunningMock;
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock.stop());

  // README: "A mock of the Qoder Cloud Agents API for your tests, on `127.0.0.1`". Read from the kernel's
  // table of listening sockets (no request to any other address of the machine).
  it.runIf(existsSync("/proc/net/tcp"))("listens on 127.0.0.1 only, not on every interface", () => {
    const port = mock.port.toString(16).toUpperCase().padStart(4, "0");
    const listening = readFileSync("/proc/net/tcp", "utf8")
      .split("\n")
      .map((line) => line.trim().split(/\s+/))
      .filter(([, local, , state]) => local?.endsWith(`:${port}`) && state === "0A")
      .map(([, local]) => local);
    expect(listening).toEqual([`0100007F:${port}`]); // 127.0.0.1, little-endian
  });

  // README: "Every error carries `request_id`: your `x-request-id` header if you sent one, else a fresh UUID
  // (also in the `x-request-id` response header"; envelope-proxy.ts: "Answers made here (not by Prism) stay
  // readable from a browser page, like Prism's own."
  it("an error answered by the front layer carries CORS and its request id in x-request-id", async () => {
    const answer = await fetch(`${mock.url}/deployments`, { headers: { ...AUTH, prefer: "code=abc" } });
    const body = (await answer.json()) as { request_id: string; error: { param?: string } };
    expect([answer.status, body.error.param]).toEqual([400, "Prefer"]);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
    expect(answer.headers.get("x-request-id")).toBe(body.request_id);
  });

  it("the simulator's answers are readable from a browser page (CORS)", async () => {
    const answer = await fetch(`${mock.url}/deployments?limit=1`, { headers: AUTH });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("access-control-allow-origin")).toBe("*");
  });

  it("an answer of Prism (Prefer) carries the request's x-request-id", async () => {
    const answer = await fetch(`${mock.url}/deployments`, {
      headers: { ...AUTH, prefer: "code=200", "x-request-id": "req-proposed-prism" },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get("x-request-id")).toBe("req-proposed-prism");
  });

  // README: "A browser page may call them: their CORS preflight (`OPTIONS` with `Access-Control-Request-Method`)
  // is answered 204, allowing the page's origin and the headers it asks for"; "An `OPTIONS` request goes to
  // Prism without these checks: a CORS preflight is answered 204, any other `OPTIONS` 405."
  it("answers a CORS preflight of an API path 204 for the page's origin, and a bare OPTIONS 405", async () => {
    const preflight = await fetch(`${mock.url}/deployments`, {
      method: "OPTIONS",
      headers: {
        origin: "http://page.example",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://page.example");
    expect(preflight.headers.get("access-control-allow-headers")).toBe("authorization,content-type");
    // Not a preflight: a method the path lacks, answered as every other 405 is.
    const bare = await fetch(`${mock.url}/deployments`, { method: "OPTIONS", headers: AUTH });
    expect(bare.status).toBe(405);
    expect(bare.headers.get("allow")).toBe("GET, POST");
    expect(((await bare.json()) as { error: { type: string } }).error.type).toBe("invalid_request_error");
    // Whatever else is wrong with it (the route comes first, as for any method), or with an empty
    // Access-Control-Request-Method, which asks about no method.
    for (const [what, query, init] of [
      [
        "a body that is not JSON",
        "",
        { body: "{", headers: { ...AUTH, "content-type": "application/json" } },
      ],
      ["a malformed query", "?limit=%zz", { headers: AUTH }],
      [
        "an empty Access-Control-Request-Method",
        "",
        { headers: { ...AUTH, "access-control-request-method": "" } },
      ],
    ] as const) {
      const answer = await fetch(`${mock.url}/deployments${query}`, { method: "OPTIONS", ...init });
      expect([answer.status, answer.headers.get("allow")], what).toEqual([405, "GET, POST"]);
    }
  });

  // RunningMock.reset: "re-seeds one account (a bearer token) with `fixture` (default: the mock's)".
  it("reset(token, fixture) re-seeds that account with the fixture given", async () => {
    const token = "pt-proposed-reset";
    expect((await deploymentsOf(mock.url, token)).length).toBeGreaterThan(0);
    mock.reset(token, "empty");
    expect(await deploymentsOf(mock.url, token)).toEqual([]);
    mock.reset(token);
    expect((await deploymentsOf(mock.url, token)).length).toBeGreaterThan(0);
  });

  // RunningMock.advanceTime: "a negative `ms` moves it back and fires nothing; returns the new time".
  it("advanceTime(-ms) moves the clock back by ms", () => {
    const now = Date.parse(mock.advanceTime(0));
    expect(Date.parse(mock.advanceTime(-3_600_000))).toBe(now - 3_600_000);
    mock.advanceTime(3_600_000);
  });
});

describe("startMock's seed", () => {
  // StartMockOptions.seed: "the same seed, token and sequence of requests give the same ids at any time".
  it("the same seed gives the same ids for the same token and requests", async () => {
    const idsWith = async (seed: number) => {
      const mock = await startMock({ port: 0, seed });
      try {
        const answer = await fetch(`${mock.url}/deployments`, {
          method: "POST",
          headers: { authorization: "Bearer pt-seeded", "content-type": "application/json" },
          body: JSON.stringify(createBody()),
        });
        expect(answer.status).toBe(200);
        return ((await answer.json()) as { id: string }).id;
      } finally {
        await mock.stop();
      }
    };
    const first = await idsWith(42);
    await sleep(5); // another moment: an unseeded id starts with its time
    expect(await idsWith(42)).toBe(first);
  });
});

describe("examples mode with a document of your own (specPath)", () => {
  // README: "method the path does not have | 405, `invalid_request_error`"; envelope-proxy.ts: "The contract
  // has no 422: the API reports invalid input as 400" — Prism's own answers, turned into the API's.
  it("a wrong method is 405 and a request Prism finds invalid is 400, not Prism's 404 / 422", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qoder-mock-spec-"));
    const specPath = join(dir, "openapi.json");
    writeFileSync(
      specPath,
      JSON.stringify({
        openapi: "3.1.0",
        info: { title: "custom", version: "1" },
        paths: {
          "/things": {
            get: {
              parameters: [{ name: "limit", in: "query", required: true, schema: { type: "integer" } }],
              responses: {
                200: { description: "ok", content: { "application/json": { example: { ok: true } } } },
              },
            },
          },
        },
      }),
    );
    const mock = await startMock({ port: 0, mode: "examples", specPath });
    try {
      expect((await fetch(`${mock.url}/things?limit=1`)).status).toBe(200);
      const wrongMethod = await fetch(`${mock.url}/things`, { method: "DELETE" });
      expect([
        wrongMethod.status,
        ((await wrongMethod.json()) as { error: { type: string } }).error.type,
      ]).toEqual([405, "invalid_request_error"]);
      const invalid = await fetch(`${mock.url}/things`);
      expect([invalid.status, ((await invalid.json()) as { error: { type: string } }).error.type]).toEqual([
        400,
        "invalid_request_error",
      ]);
    } finally {
      await mock.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("the qoder-mock CLI (dist: build first)", () => {
  const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
  // Its usage: "-h, --help          show this help" — help asked for is not an error: exit code 0, on stdout.
  it("--help prints the usage on stdout and exits 0", () => {
    for (const flag of ["--help", "-h"]) {
      const run = spawnSync(process.execPath, [cli, flag], { encoding: "utf8", timeout: 20_000 });
      expect([run.status, run.stderr], flag).toEqual([0, ""]);
      expect(run.stdout).toMatch(/^Usage: qoder-mock \[--port <n>\]/);
    }
  });
});

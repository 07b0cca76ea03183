// Servers here ask for no wait (Retry-After: 0 / retry-after-ms) so the suite stays fast; the default
// backoff is checked through its bounds, not by sleeping.
import { describe, expect, test } from "vitest";
import { serverWaitMs } from "../../src/errors.js";
import {
  APIConnectionError,
  type APIError,
  APITimeoutError,
  ConflictError,
  InternalServerError,
  RateLimitError,
} from "../../src/index.js";
import { backoffMs, shouldRetry } from "../../src/transport.js";
import { createQoderClient } from "../support/client.js";
import { envelope, type Handler, serveDuringTest, TOKEN } from "../support/server.js";

async function serve(handler: Handler) {
  const server = await serveDuringTest(handler);
  return { server, qoder: createQoderClient({ token: TOKEN, baseUrl: server.url }) };
}
/** Fails `failures` times with `status`, then answers 200. */
const flaky =
  (failures: number, status: number, headers: Record<string, string> = { "retry-after": "0" }): Handler =>
  (_req, _res, i) =>
    i < failures
      ? { status, headers, body: envelope(status === 429 ? "rate_limit_error" : "api_error", `failure ${i}`) }
      : { body: { id: "dep_1", attempt: i } };

describe("which failures are retried", () => {
  test.each([408, 429, 500, 502, 503, 504])("%i is retried, then succeeds", async (status) => {
    const { server, qoder } = await serve(flaky(2, status));
    await expect(qoder.deployments.retrieve("dep_1")).resolves.toEqual({ id: "dep_1", attempt: 2 });
    expect(server.requests).toHaveLength(3);
  });

  test.each([400, 401, 403, 404, 409])("%i is never retried", async (status) => {
    const { server, qoder } = await serve(flaky(5, status));
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  test("gives up after maxRetries (default 2 → 3 attempts) with the last error", async () => {
    const { server, qoder } = await serve(flaky(10, 503));
    const error = (await qoder.deployments.retrieve("dep_1").catch((e: unknown) => e)) as APIError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.message).toBe("failure 2");
    expect(server.requests).toHaveLength(3);
  });

  test("maxRetries is configurable per client and per call", async () => {
    const { server } = await serve(flaky(10, 429));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, maxRetries: 4 });
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(5);
    await expect(qoder.deployments.retrieve("dep_1", { maxRetries: 0 })).rejects.toBeInstanceOf(
      RateLimitError,
    );
    expect(server.requests).toHaveLength(6);
  });

  test("x-should-retry: false stops a retry; true allows one for a status not known to be final", async () => {
    const no = await serve(flaky(5, 503, { "x-should-retry": "false" }));
    await expect(no.qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(InternalServerError);
    expect(no.server.requests).toHaveLength(1);

    const yes = await serve(flaky(1, 418, { "x-should-retry": "true", "retry-after-ms": "1" }));
    await expect(yes.qoder.deployments.retrieve("dep_1")).resolves.toMatchObject({ attempt: 1 });
    expect(yes.server.requests).toHaveLength(2);

    const never = await serve(flaky(5, 409, { "x-should-retry": "true" }));
    await expect(never.qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(ConflictError);
    expect(never.server.requests).toHaveLength(1);
  });

  test("connection failures are retried", async () => {
    const { server, qoder } = await serve((_req, res, i) => {
      if (i === 0) {
        res.socket?.destroy(); // reset without a response
        return undefined;
      }
      return { body: { id: "dep_1" } };
    });
    // retry-after headers cannot come from a dead socket: this waits one default backoff (≤ 0.5 s).
    await expect(qoder.deployments.retrieve("dep_1")).resolves.toEqual({ id: "dep_1" });
    expect(server.requests).toHaveLength(2);
  });

  test("connection failures exhaust retries into APIConnectionError", async () => {
    const { server } = await serve((_req, res) => {
      res.socket?.destroy();
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, maxRetries: 1 });
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(APIConnectionError);
    expect(server.requests).toHaveLength(2);
  });
});

describe("how long to wait", () => {
  test("retry-after-ms, Retry-After seconds and Retry-After HTTP date are honoured", async () => {
    const now = Date.parse("2026-11-28T12:00:00Z");
    expect(serverWaitMs(new Headers({ "retry-after-ms": "250" }), now)).toBe(250);
    expect(serverWaitMs(new Headers({ "retry-after-ms": "12.5", "retry-after": "9" }), now)).toBe(12.5);
    expect(serverWaitMs(new Headers({ "retry-after": "3" }), now)).toBe(3000);
    expect(serverWaitMs(new Headers({ "retry-after": "0" }), now)).toBe(0);
    expect(serverWaitMs(new Headers({ "retry-after": "Sat, 28 Nov 2026 12:00:05 GMT" }), now)).toBe(5000);
    expect(serverWaitMs(new Headers({ "retry-after": "Sat, 28 Nov 2026 11:59:00 GMT" }), now)).toBe(0);
    // Absent, unparseable or unreasonably long (> 60 s): fall back to the client's own backoff.
    expect(serverWaitMs(new Headers(), now)).toBeUndefined();
    expect(serverWaitMs(new Headers({ "retry-after": "soon" }), now)).toBeUndefined();
    expect(serverWaitMs(new Headers({ "retry-after": "3600" }), now)).toBe(3_600_000); // reported, not slept
    expect(serverWaitMs(new Headers({ "retry-after": "0x2" }), now)).toBeUndefined();
    expect(serverWaitMs(new Headers({ "retry-after": "1e3" }), now)).toBeUndefined();
    expect(serverWaitMs(new Headers({ "retry-after-ms": "0x2" }), now)).toBeUndefined();
    // Date.parse reads these as dates (in 2001 and 2099): an HTTP date has its time of day.
    expect(serverWaitMs(new Headers({ "retry-after": "Retry 2" }), now)).toBeUndefined();
    expect(serverWaitMs(new Headers({ "retry-after": "later 2099" }), now)).toBeUndefined();
    expect(serverWaitMs(new Headers({ "retry-after": "Saturday, 28-Nov-26 12:00:05 GMT" }), now)).toBe(5000);
    expect(serverWaitMs(new Headers({ "retry-after": "Sat Nov 28 12:00:05 2026" }), now)).toBeGreaterThan(0);
  });

  test("a Retry-After HTTP date is waited for, end to end", async () => {
    // 2 s ahead, truncated to the second by the HTTP-date format: the wait is between 1 and 2 s, longer
    // than the default first backoff (≤ 0.5 s), so only an honoured date passes.
    const { server, qoder } = await serve(
      flaky(1, 503, { "retry-after": new Date(Date.now() + 2000).toUTCString() }),
    );
    const started = performance.now();
    await expect(qoder.deployments.retrieve("dep_1")).resolves.toMatchObject({ attempt: 1 });
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(900);
    expect(waited).toBeLessThan(5000);
    expect(server.requests).toHaveLength(2);
  });

  test("retry-after-ms is waited for, end to end", async () => {
    // 1 s: longer than the default first backoff (≤ 0.5 s), so only an honoured header passes.
    const { qoder } = await serve(flaky(1, 429, { "retry-after-ms": "1000" }));
    const started = performance.now();
    await qoder.deployments.retrieve("dep_1");
    const waited = performance.now() - started;
    expect(waited).toBeGreaterThanOrEqual(950);
    expect(waited).toBeLessThan(5000);
  });

  test("default backoff: exponential from 0.5 s, capped at 8 s, with up to 25 % jitter", () => {
    const expected = [500, 1000, 2000, 4000, 8000, 8000, 8000];
    expected.forEach((max, retry) => {
      expect(backoffMs(retry, () => 0)).toBe(max);
      expect(backoffMs(retry, () => 0.999999)).toBeCloseTo(max * 0.75, 0);
    });
    for (let i = 0; i < 200; i++) {
      const wait = backoffMs(i % 6);
      expect(wait).toBeGreaterThanOrEqual(Math.min(500 * 2 ** (i % 6), 8000) * 0.75);
      expect(wait).toBeLessThanOrEqual(8000);
    }
  });

  test("shouldRetry follows the status table and x-should-retry", () => {
    const r = (status: number, headers?: Record<string, string>) => new Response(null, { status, headers });
    expect([408, 429, 500, 502, 503, 504].every((s) => shouldRetry(r(s)))).toBe(true);
    expect([200, 400, 401, 403, 404, 409, 422, 501].some((s) => shouldRetry(r(s)))).toBe(false);
    expect(shouldRetry(r(501, { "x-should-retry": "true" }))).toBe(true);
    // Final statuses stay final whatever the server hints.
    const final = [400, 401, 403, 404, 409, 422];
    expect(final.filter((s) => shouldRetry(r(s, { "x-should-retry": "true" })))).toEqual([]);
    expect(shouldRetry(r(503, { "x-should-retry": "false" }))).toBe(false);
  });
});

describe("the response size cap (maxResponseBytes) on errors", () => {
  test("a retried error's body is read only up to the cap: past it the connection is closed", async () => {
    const BIG = 64 * 1024 * 1024;
    let cutShort = false;
    const server = await serveDuringTest((_req, res, i) => {
      if (i > 0) return { body: { id: "dep_1", attempt: i } };
      res.writeHead(503, { "content-type": "text/html", "content-length": BIG, "retry-after": "0" });
      const chunk = Buffer.alloc(1024 * 1024, "x");
      let sent = 0;
      const pump = () => {
        while (sent < BIG && !res.destroyed) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", pump);
        }
        res.end();
      };
      res.on("close", () => {
        cutShort = !res.writableFinished;
      });
      pump();
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, maxResponseBytes: 1000 });
    await expect(qoder.deployments.retrieve("dep_1")).resolves.toEqual({ id: "dep_1", attempt: 1 });
    await expect.poll(() => cutShort).toBe(true);
  });

  test("an error whose body stalls is a timeout, and one whose connection resets mid-body a connection error", async () => {
    const server = await serveDuringTest((_req, res, i) => {
      res.writeHead(i === 0 ? 404 : 503, { "content-type": "application/json", "content-length": 100 });
      res.write('{"type":"error",'); // then stalls, or resets
      if (i > 0) setTimeout(() => res.destroy(), 50);
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, timeoutMs: 300, maxRetries: 0 });
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(APITimeoutError);
    // A long timeout here: the reset, 50 ms after the first bytes, must come first however loaded the machine.
    const reset = await qoder.deployments.retrieve("dep_1", { timeoutMs: 30_000 }).catch((e: unknown) => e);
    expect(reset).toBeInstanceOf(APIConnectionError);
    expect(reset).not.toBeInstanceOf(APITimeoutError);
  });

  test("a final error whose body is over the cap is still that error, with its status and headers", async () => {
    const { qoder } = await serve(() => ({
      status: 429,
      headers: { "retry-after": "120", "x-request-id": "req_over_cap" },
      body: `<html>${"x".repeat(2_000)}</html>`,
    }));
    const error = await qoder.deployments
      .retrieve("dep_1", { maxResponseBytes: 1000, maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterMs: 120_000, requestId: "req_over_cap" });
  });
});

describe("safe re-sends", () => {
  test("the body is re-sent intact and the Idempotency-Key is the same on every attempt", async () => {
    const { server, qoder } = await serve(flaky(2, 500));
    const params = {
      name: "nightly-report ✓",
      agent: "agent_019ebb21ef8e7df6a559052c94875160",
      environment_id: "env_019e49a1780171daac1e6b01f290ac2b",
      initial_events: [{ type: "user.message" as const, content: [{ type: "text" as const, text: "Go" }] }],
    };
    await qoder.deployments.create(params);
    expect(server.requests).toHaveLength(3);
    const keys = server.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(keys).size).toBe(1);
    for (const request of server.requests) {
      expect(JSON.parse(request.body)).toEqual(params);
      expect(request.headers["content-type"]).toBe("application/json");
    }
    // the request id is per call too
    expect(new Set(server.requests.map((r) => r.headers["x-request-id"])).size).toBe(1);
  });

  test("each call gets its own key; a caller's key wins (option or header)", async () => {
    const { server, qoder } = await serve(() => ({ body: { id: "dep_1" } }));
    await qoder.deployments.pause("dep_1");
    await qoder.deployments.pause("dep_1");
    await qoder.deployments.pause("dep_1", { idempotencyKey: "key-from-option" });
    await qoder.deployments.unpause("dep_1", { headers: { "Idempotency-Key": "key-from-header" } });
    await qoder.POST("/deployments/{deployment_id}/archive", {
      params: { path: { deployment_id: "dep_1" } },
      idempotencyKey: "key-raw",
    });
    const keys = server.requests.map((r) => r.headers["idempotency-key"]);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys.slice(2)).toEqual(["key-from-option", "key-from-header", "key-raw"]);
  });

  test("GET requests carry no Idempotency-Key", async () => {
    const { server, qoder } = await serve(() => ({ body: { id: "dep_1" } }));
    await qoder.deployments.retrieve("dep_1");
    expect(server.requests[0]?.headers["idempotency-key"]).toBeUndefined();
  });

  test("a retried create makes one deployment on a server that honours idempotency keys", async () => {
    const created = new Map<string, string>(); // Idempotency-Key → deployment id
    const { server, qoder } = await serve((req, res, i) => {
      const key = String(req.headers["idempotency-key"]);
      if (!created.has(key)) created.set(key, `dep_${created.size + 1}`);
      if (i === 0) {
        res.socket?.destroy(); // the first attempt is processed, but its response is lost
        return undefined;
      }
      return { body: { id: created.get(key) } };
    });
    const deployment = await qoder.deployments.create({
      name: "once",
      agent: "agent_1",
      environment_id: "env_1",
      initial_events: [{ type: "user.message", content: [{ type: "text", text: "hi" }] }],
    });
    expect(server.requests).toHaveLength(2);
    expect(deployment).toEqual({ id: "dep_1" });
    expect(created.size).toBe(1);
  });
});

// Issue 10, items 13-19: redirects, timeouts that cannot be honoured, listener leaks, non-JSON 2xx, resets
// mid-body, bad header bytes and base URLs, Retry-After above the cap, and the response-size cap.
import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, test } from "vitest";
import {
  APIConnectionError,
  APIUserAbortError,
  InternalServerError,
  InvalidResponseError,
  QoderError,
  RateLimitError,
  RedirectError,
  ResponseTooLargeError,
  UnprocessableEntityError,
} from "../../src/index.js";
import { createQoderClient, transportFetch } from "../support/client.js";
import { envelope, serveDuringTest, TOKEN } from "../support/server.js";

describe("redirects (item 13)", () => {
  test("a 308 to another origin is not followed: no body, key or secret header goes there", async () => {
    const other = await serveDuringTest(() => ({ body: { id: "dep_evil" } }));
    const api = await serveDuringTest(() => ({
      status: 308,
      headers: { location: `${other.url}/deployments` },
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, headers: { "x-api-key": "secret" } });
    const error = await qoder.deployments.create({ name: "x" } as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedirectError);
    expect(error).toBeInstanceOf(QoderError);
    expect((error as Error).message).toContain(`${other.url}/deployments`);
    expect((error as RedirectError).status).toBe(308);
    expect(other.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(1); // not retried either
  });

  test('redirect: "manual" returns the 3xx; other values are refused, not dropped', async () => {
    const api = await serveDuringTest(() => ({
      status: 302,
      headers: { location: "https://elsewhere.invalid/" },
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const { response } = await qoder.GET("/deployments", { redirect: "manual" } as never);
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("https://elsewhere.invalid/");
    // asResponse() hands back the 3xx it asked for, unread, as it does any status.
    const kept = await qoder.deployments.list({}, { redirect: "manual" }).asResponse();
    expect(kept.status).toBe(302);
    expect(kept.bodyUsed).toBe(false);
    await expect(qoder.GET("/deployments", { redirect: "follow" } as never)).rejects.toThrow(/`redirect`/);
    await expect(qoder.deployments.list({}, { redirect: "follow" as never })).rejects.toBeInstanceOf(
      QoderError,
    );
    expect(api.requests).toHaveLength(2);
  });
});

describe("raw paths", () => {
  test("a path that does not start with / is refused: it could name another host", async () => {
    const other = await serveDuringTest(() => ({ body: { id: "dep_evil" } }));
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    // baseUrl + "@127.0.0.1:<port>/x" reads as user info, then the other server's host.
    const elsewhere = `@${new URL(other.url).host}/deployments`;
    for (const call of [
      () => qoder.GET(elsewhere as never),
      () => qoder.request("get", elsewhere as never),
      () => qoder.paginate(elsewhere as never),
    ]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(QoderError);
      expect((error as Error).message).toMatch(/path.*must start with "\/"/);
    }
    expect(other.requests).toHaveLength(0);
    expect(api.requests).toHaveLength(0);
  });
});

describe("timeouts (item 14)", () => {
  test("Infinity and 0 mean no timeout (not a 1 ms timeout)", async () => {
    const api = await serveDuringTest(async () => {
      await new Promise((resolve) => setTimeout(resolve, 100));
      return { body: { id: "dep_1" } };
    });
    for (const timeoutMs of [Number.POSITIVE_INFINITY, 0]) {
      const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, timeoutMs, maxRetries: 0 });
      await expect(qoder.deployments.retrieve("dep_1")).resolves.toEqual({ id: "dep_1" });
      await expect(qoder.deployments.retrieve("dep_1", { timeoutMs })).resolves.toEqual({ id: "dep_1" });
    }
  });

  test("a timeout setTimeout cannot honour is refused with a clear error", async () => {
    expect(() => createQoderClient({ token: TOKEN, timeoutMs: 2 ** 31 })).toThrow(QoderError);
    const qoder = createQoderClient({ token: TOKEN, baseUrl: "http://127.0.0.1:1" });
    await expect(qoder.deployments.retrieve("dep_1", { timeoutMs: 1e12 })).rejects.toThrow(/2147483647/);
  });
});

describe("a shared AbortSignal (item 15)", () => {
  test("keeps no listener after 30 retried calls", async () => {
    const api = await serveDuringTest((_r, _res, i) =>
      i % 2 === 0
        ? { status: 503, headers: { "retry-after-ms": "1" }, body: envelope("api_error", "busy") }
        : { body: { id: "dep_1" } },
    );
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const controller = new AbortController();
    for (let i = 0; i < 30; i++) await qoder.deployments.retrieve("dep_1", { signal: controller.signal });
    expect(api.requests).toHaveLength(60);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("aborted while a token function runs: nothing is sent", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const controller = new AbortController();
    const token = () => new Promise<string>((resolve) => setTimeout(() => resolve(TOKEN), 200));
    const qoder = createQoderClient({ token, baseUrl: api.url });
    const call = qoder.deployments.retrieve("dep_1", { signal: controller.signal });
    setTimeout(() => controller.abort(), 20);
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(api.requests).toHaveLength(0);
  });

  test("30 calls waiting between retries on one signal: one listener, all aborted at once", async () => {
    const api = await serveDuringTest(() => ({
      status: 503,
      headers: { "retry-after": "5" },
      body: envelope("api_error", "busy"),
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const controller = new AbortController();
    const calls = Array.from({ length: 30 }, () =>
      qoder.deployments.retrieve("dep_1", { signal: controller.signal }).catch((e: unknown) => e),
    );
    while (api.requests.length < 30) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100)); // all of them in their 5 s wait
    expect(getEventListeners(controller.signal, "abort").length).toBeLessThanOrEqual(1);
    const aborted = Date.now();
    controller.abort();
    for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - aborted).toBeLessThan(2_000);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("aborted while a retried answer's body is drained: fails at once, not after the wait", async () => {
    const api = await serveDuringTest((_r, res) => {
      res.writeHead(503, { "retry-after": "5", "content-type": "application/json" });
      res.write('{"type": "error",'); // the rest never comes
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const controller = new AbortController();
    const call = qoder.deployments.retrieve("dep_1", { signal: controller.signal }).catch((e: unknown) => e);
    setTimeout(() => controller.abort(), 300);
    const started = Date.now();
    expect(await call).toBeInstanceOf(APIUserAbortError);
    expect(Date.now() - started).toBeLessThan(2_500);
  });

  test("shared by the calls of 12 clients at once: still one listener on it", async () => {
    const api = await serveDuringTest(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return { body: { id: "dep_1" } };
    });
    const controller = new AbortController();
    const calls = Array.from({ length: 12 }, () =>
      createQoderClient({ token: TOKEN, baseUrl: api.url })
        .deployments.retrieve("dep_1", { signal: controller.signal })
        .catch((e: unknown) => e),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(getEventListeners(controller.signal, "abort").length).toBeLessThanOrEqual(1);
    controller.abort();
    for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(APIUserAbortError);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });

  test("shared by 30 calls at once: one listener on it, and all of them aborted by it", async () => {
    const api = await serveDuringTest(async () => {
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return { body: { id: "dep_1" } };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const controller = new AbortController();
    const calls = Array.from({ length: 30 }, () =>
      qoder.deployments.retrieve("dep_1", { signal: controller.signal }).catch((e: unknown) => e),
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    // EventTarget warns of a leak past 10 listeners; Node's fetch does not add one per request either.
    expect(getEventListeners(controller.signal, "abort").length).toBeLessThanOrEqual(1);
    controller.abort();
    for (const error of await Promise.all(calls)) expect(error).toBeInstanceOf(APIUserAbortError);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
  });
});

describe("memory", () => {
  test("a client its user dropped is collected once its calls end, not kept until its timeout", async () => {
    setFlagsFromString("--expose-gc");
    const gc = runInNewContext("gc") as () => void;
    const server = await serveDuringTest(() => ({ body: { id: "dep_1", type: "deployment" } }));
    // The client's config holds its `fetch`: that function's collection tells that the client's
    // transport went too (its deadline timer held all of it for timeoutMs, here ten minutes).
    let collected = 0;
    const registry = new FinalizationRegistry(() => collected++);
    const clients = 100;
    for (let index = 0; index < clients; index++) {
      const fetch: typeof globalThis.fetch = (input, init) => transportFetch(input, init);
      const qoder = createQoderClient({ baseUrl: server.url, token: TOKEN, timeoutMs: 600_000, fetch });
      await qoder.deployments.retrieve("dep_1");
      registry.register(fetch, index);
    }
    for (let round = 0; round < 10 && collected < clients - 5; round++) {
      gc();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(collected).toBeGreaterThanOrEqual(clients - 5);
  });
});

describe("bodies (item 16)", () => {
  test.each([
    ["HTML", { "content-type": "text/html" }, "<html><body>Gateway login</body></html>", /Gateway login/],
    ["invalid JSON", { "content-type": "application/json" }, '{"id": "dep_1"', /\{"id"/],
    ["a JSON array", { "content-type": "application/json" }, '[{"id": "dep_1"}]', /\[\{"id"/],
    [
      "empty with Content-Length: 0",
      { "content-type": "application/json", "content-length": "0" },
      "",
      /empty body/,
    ],
  ])(
    "a 2xx with %s is an InvalidResponseError with status, request id and excerpt",
    async (_n, headers, body, excerpt) => {
      const api = await serveDuringTest((_r, res) => {
        res.writeHead(200, { ...headers, "x-request-id": "req_html_1" });
        res.end(body);
        return undefined;
      });
      const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
      const error = (await qoder.deployments
        .retrieve("dep_1")
        .catch((e: unknown) => e)) as InvalidResponseError;
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect(error).not.toBeInstanceOf(APIConnectionError);
      expect(error.status).toBe(200);
      expect(error.requestId).toBe("req_html_1");
      expect(`${error.bodyExcerpt} ${error.message}`).toMatch(excerpt);
      expect(api.requests).toHaveLength(1);
    },
  );

  test("a connection reset mid-body is retried for an idempotent call", async () => {
    const api = await serveDuringTest((_r, res, i) => {
      if (i === 0) {
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        res.write('{"id": "dep_');
        setTimeout(() => res.socket?.destroy(), 20);
        return undefined;
      }
      return { body: { id: "dep_1" } };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    await expect(qoder.deployments.retrieve("dep_1")).resolves.toEqual({ id: "dep_1" });
    expect(api.requests).toHaveLength(2);
    expect(api.requests[1]?.headers["x-qoder-retry-count"]).toBe("1");
  });
});

describe("construction (item 17)", () => {
  const secret = "pt-hunter2secret";
  test.each([
    ["a token with a control character", { token: `${secret}\u0007` }],
    ["a token with a space", { token: `${secret} x` }],
    ["a token outside the byte range", { token: `${secret}\u2028` }],
    ["a header value outside the byte range", { token: TOKEN, headers: { "x-a": `${secret}\u0100` } }],
    ["a header value with a control character", { token: TOKEN, headers: { "x-a": `${secret}\u001b` } }],
    ["an invalid header name", { token: TOKEN, headers: { "x a": secret } }],
    ["an httpx:// base URL", { token: TOKEN, baseUrl: "httpx://api.example.com" }],
    ["a ws:// base URL", { token: TOKEN, baseUrl: "ws://127.0.0.1:1" }],
    ["a base URL with user:password@", { token: TOKEN, baseUrl: `https://me:${secret}@api.example.com` }],
    [
      "a base URL with user:password@ on loopback",
      { token: TOKEN, baseUrl: `http://me:${secret}@127.0.0.1:1` },
    ],
  ])("%s is a QoderError that does not echo the secret", (_name, options) => {
    let error: unknown;
    try {
      createQoderClient(options);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QoderError);
    expect(String((error as Error).message)).not.toContain(secret);
  });

  test("a bad per-call header name is a QoderError before any request", async () => {
    const api = await serveDuringTest(() => ({ body: {} }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    await expect(
      qoder.deployments.retrieve("dep_1", { headers: { "bad name": "x" } }),
    ).rejects.toBeInstanceOf(QoderError);
    expect(api.requests).toHaveLength(0);
  });
});

describe("Retry-After above the cap (item 18)", () => {
  test("is not retried sooner than asked; the error carries retryAfterMs", async () => {
    const api = await serveDuringTest(() => ({
      status: 429,
      headers: { "retry-after": "3600" },
      body: envelope("rate_limit_error", "slow down"),
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 3 });
    const error = (await qoder.deployments.retrieve("dep_1").catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(api.requests).toHaveLength(1);
  });

  test("Retry-After: 0x2 is not a wait (the default backoff is used)", async () => {
    const api = await serveDuringTest(() => ({
      status: 503,
      headers: { "retry-after": "0x2" },
      body: envelope("api_error", "busy"),
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
    const error = (await qoder.deployments.retrieve("dep_1").catch((e: unknown) => e)) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(error.retryAfterMs).toBeUndefined();
  });
});

describe("maxResponseBytes (item 19)", () => {
  const big = { id: "dep_1", description: "x".repeat(10_000) };
  test("a body above the cap is a ResponseTooLargeError (Content-Length or streamed)", async () => {
    const api = await serveDuringTest((r, res) => {
      if (r.path.endsWith("chunked")) {
        res.writeHead(200, { "content-type": "application/json" }); // no Content-Length: chunked
        res.write(JSON.stringify(big).slice(0, 6000));
        res.end(JSON.stringify(big).slice(6000));
        return undefined;
      }
      return { body: big };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxResponseBytes: 1000 });
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(ResponseTooLargeError);
    await expect(qoder.deployments.retrieve("chunked")).rejects.toBeInstanceOf(ResponseTooLargeError);
    await expect(qoder.deployments.retrieve("dep_1", { maxResponseBytes: 100_000 })).resolves.toEqual(big);
    expect(api.requests).toHaveLength(3); // not retried
  });
});

describe("errors", () => {
  test("422 is an UnprocessableEntityError with code; requestId falls back to x-request-id", async () => {
    const api = await serveDuringTest((_r, i) =>
      i === undefined
        ? undefined
        : {
            status: 422,
            headers: { "x-request-id": "req_hdr_9" },
            body: {
              type: "error",
              error: { type: "invalid_request_error", message: "no", code: "bad_cron", param: "schedule" },
            },
          },
    );
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const error = (await qoder.deployments
      .retrieve("dep_1")
      .catch((e: unknown) => e)) as UnprocessableEntityError;
    expect(error).toBeInstanceOf(UnprocessableEntityError);
    expect(error.code).toBe("bad_cron");
    expect(error.param).toBe("schedule");
    expect(error.requestId).toBe("req_hdr_9");
  });
});

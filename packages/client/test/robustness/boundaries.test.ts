// Boundaries the README and the shipped doc comments state (8-character tokens scrubbed, a body of exactly
// maxResponseBytes taken, waits over 60 s not slept, whole-second Retry-After, 200-character excerpts,
// `headers` over `defaultHeaders`, cursor cycles): each test was written against a mutant of the client
// that every other test let through, and fails on it.
import { describe, expect, test } from "vitest";
import { serverWaitMs } from "../../src/errors.js";
import {
  AuthenticationError,
  InvalidResponseError,
  type Logger,
  QoderError,
  RateLimitError,
  ResponseTooLargeError,
} from "../../src/index.js";
import { createQoderClient } from "../support/client.js";
import { envelope, serveDuringTest, TOKEN } from "../support/server.js";

describe("stated boundaries", () => {
  test("a token of exactly 8 characters echoed in an error body is redacted (README: 8 or more)", async () => {
    const token = "pt-ab3d5"; // 8 characters
    const api = await serveDuringTest(() => ({
      status: 401,
      body: envelope("authentication_error", `bad token ${token}`),
    }));
    const qoder = createQoderClient({ token, baseUrl: api.url });
    const error = (await qoder.deployments.retrieve("dep_1").catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(error.body)).not.toContain(token);
    expect(error.message).toContain("[redacted]");
  });

  test("a Content-Length over the cap is refused at once, before the body arrives", async () => {
    const api = await serveDuringTest((_r, res) => {
      res.writeHead(200, { "content-type": "application/json", "content-length": "100000" });
      res.write("{"); // then stalls
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxResponseBytes: 1000 });
    const error = await qoder.deployments
      .retrieve("dep_1", { timeoutMs: 3000, maxRetries: 0 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
  });

  test("a body of exactly maxResponseBytes is accepted (only larger bodies are refused)", async () => {
    const body = { id: "dep_1", description: "x".repeat(100) };
    const size = Buffer.byteLength(JSON.stringify(body));
    const api = await serveDuringTest(() => ({ body }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    await expect(qoder.deployments.retrieve("dep_1", { maxResponseBytes: size })).resolves.toEqual(body);
    await expect(qoder.deployments.retrieve("dep_1", { maxResponseBytes: size - 1 })).rejects.toBeInstanceOf(
      ResponseTooLargeError,
    );
  });

  test("debug log lines redact cookie (and the other credential headers)", async () => {
    const lines: string[] = [];
    const write = (message: string, ...details: unknown[]) =>
      lines.push([message, JSON.stringify(details)].join(" "));
    const logger: Logger = { debug: write, info: write, warn: write, error: write };
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({
      token: TOKEN,
      baseUrl: api.url,
      logLevel: "debug",
      logger,
      headers: {
        cookie: "session=s3cr3t-cookie",
        "proxy-authorization": "Basic s3cr3t-proxy",
        "x-api-key": "s3cr3t-key",
      },
    });
    await qoder.deployments.retrieve("dep_1");
    const all = lines.join("\n");
    expect(all).toContain("[redacted]");
    expect(all).not.toMatch(/s3cr3t/);
  });

  test("Retry-After is whole seconds (README): a decimal is no wait", () => {
    expect(serverWaitMs(new Headers({ "retry-after": "1.5" }))).toBeUndefined();
  });

  test("bodyExcerpt and the message hold at most 200 characters of the body", async () => {
    const api = await serveDuringTest(() => ({
      status: 200,
      headers: { "content-type": "text/html" },
      body: `<html>${"y".repeat(5000)}</html>`,
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const error = (await qoder.deployments
      .retrieve("dep_1")
      .catch((e: unknown) => e)) as InvalidResponseError;
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.bodyExcerpt.length).toBeLessThanOrEqual(200);
    expect(error.message.length).toBeLessThan(300);
  });

  test("a Retry-After just over 60 s ends the retries at once (never shortened, never slept)", async () => {
    const api = await serveDuringTest(() => ({
      status: 429,
      headers: { "retry-after": "61" },
      body: envelope("rate_limit_error", "slow down"),
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const started = Date.now();
    const error = (await qoder.deployments.retrieve("dep_1").catch((e: unknown) => e)) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.retryAfterMs).toBe(61_000);
    expect(api.requests).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(5000);
  }, 10_000);

  test("an idempotencyKey option wins over an Idempotency-Key header given with it (README)", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    await qoder.deployments.pause("dep_1", {
      idempotencyKey: "from-option",
      headers: { "Idempotency-Key": "from-header" },
    });
    await qoder.deployments.pause("dep_1", { headers: { "Idempotency-Key": "from-header" } });
    expect(api.requests.map((request) => request.headers["idempotency-key"])).toEqual([
      "from-option",
      "from-header",
    ]);
  });

  test("`headers` wins over `defaultHeaders` for the same name (README)", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({
      token: TOKEN,
      baseUrl: api.url,
      defaultHeaders: { "x-team": "default" },
      headers: { "x-team": "explicit" },
    });
    await qoder.deployments.retrieve("dep_1");
    expect(api.requests[0]?.headers["x-team"]).toBe("explicit");
  });

  test("a cursor cycle longer than one page (A → B → A) raises instead of looping forever", async () => {
    const api = await serveDuringTest((req) => {
      const after = req.query.get("after_id");
      const id = after === "dep_a" ? "dep_b" : "dep_a";
      return { body: { data: [{ id }], first_id: id, last_id: id, has_more: true, next_page: null } };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    let n = 0;
    const walk = (async () => {
      for await (const _ of qoder.deployments.list()) if (++n > 50) throw new Error("looping");
    })();
    await expect(walk).rejects.toThrow(QoderError);
    await expect(walk).rejects.toThrow(/repeats/);
    expect(api.requests.length).toBeLessThanOrEqual(3);
  });

  test("a list page whose `data` is not an array is an InvalidResponseError", async () => {
    const api = await serveDuringTest(() => ({ body: { data: "abc", has_more: false } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    await expect(qoder.deployments.list()).rejects.toBeInstanceOf(InvalidResponseError);
    const items: unknown[] = [];
    await expect(
      (async () => {
        for await (const item of qoder.deployments.list()) items.push(item);
      })(),
    ).rejects.toBeInstanceOf(InvalidResponseError);
    expect(items).toEqual([]);
  });
});

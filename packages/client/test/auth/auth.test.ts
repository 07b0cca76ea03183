import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { QoderError } from "../../src/index.js";
import { createQoderClient } from "../support/client.js";
import { startServer, type TestServer, TOKEN } from "../support/server.js";

let server: TestServer;
beforeAll(async () => {
  server = await startServer(() => ({ body: { id: "dep_1", type: "deployment" } }));
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllEnvs();
  server.requests.length = 0;
});

describe("token", () => {
  test("is sent as a bearer token on every request", async () => {
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    await qoder.deployments.retrieve("dep_1");
    await qoder.GET("/deployments");
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      `Bearer ${TOKEN}`,
      `Bearer ${TOKEN}`,
    ]);
  });

  test("defaults to QODER_PAT", async () => {
    vi.stubEnv("QODER_PAT", "pt-from-env");
    const qoder = createQoderClient({ baseUrl: server.url });
    await qoder.deployments.retrieve("dep_1");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer pt-from-env");
  });

  test("an explicit token beats QODER_PAT", async () => {
    vi.stubEnv("QODER_PAT", "pt-from-env");
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    await qoder.deployments.retrieve("dep_1");
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test("missing everywhere: construction throws and says how to fix it", () => {
    vi.stubEnv("QODER_PAT", "");
    expect(() => createQoderClient({ baseUrl: server.url })).toThrowError(QoderError);
    expect(() => createQoderClient({ baseUrl: server.url })).toThrowError(/QODER_PAT/);
    expect(() => createQoderClient({ baseUrl: server.url })).toThrowError(/`token`/);
  });

  test("an empty token is refused, not replaced by QODER_PAT, and the message says so", () => {
    vi.stubEnv("QODER_PAT", "pt-from-env");
    // An empty string is a token given (a variable read from an unset source): never silently swapped.
    expect(() => createQoderClient({ token: "", baseUrl: server.url })).toThrowError(
      /No token: pass `token`, or omit it and set QODER_PAT/,
    );
  });

  test("a malformed QODER_PAT (a space, a CR from an .env file) is named as QODER_PAT, not as `token`", () => {
    vi.stubEnv("QODER_PAT", "pt-from-env\r");
    expect(() => createQoderClient({ baseUrl: server.url })).toThrowError(
      /^QODER_PAT must be printable ASCII without spaces; copy it again\.$/,
    );
    expect(() => createQoderClient({ token: " ", baseUrl: server.url })).toThrowError(/^`token` must be/);
  });

  test("a token with a line break is refused without echoing it", () => {
    const bad = `${TOKEN}\r\nX-Evil: 1`;
    let error: unknown;
    try {
      createQoderClient({ token: bad, baseUrl: server.url });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(QoderError);
    expect(String(error)).not.toContain(TOKEN);
  });
});

describe("headers", () => {
  test("default and per-call headers are sent; per-call wins", async () => {
    const qoder = createQoderClient({
      token: TOKEN,
      baseUrl: server.url,
      headers: { "x-team": "a", "x-env": "dev" },
    });
    await qoder.deployments.retrieve("dep_1", { headers: { "x-team": "b" } });
    expect(server.requests[0]?.headers["x-team"]).toBe("b");
    expect(server.requests[0]?.headers["x-env"]).toBe("dev");
  });

  test("every call carries a fresh x-request-id unless one is given", async () => {
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    await qoder.deployments.retrieve("dep_1");
    await qoder.deployments.retrieve("dep_1");
    await qoder.deployments.retrieve("dep_1", { headers: { "x-request-id": "mine-1" } });
    const [a, b, c] = server.requests.map((r) => r.headers["x-request-id"]);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(b).toMatch(/^[0-9a-f-]{36}$/);
    expect(a).not.toBe(b);
    expect(c).toBe("mine-1");
  });

  test("header values with CR/LF are refused, naming the header but not the value", async () => {
    expect(() =>
      createQoderClient({ token: TOKEN, baseUrl: server.url, headers: { "x-a": "1\r\nx-b: 2" } }),
    ).toThrow(/header "x-a" contains CR\/LF/);
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    const secretish = "value-that-must-not-leak";
    await expect(
      qoder.deployments.retrieve("dep_1", { headers: { "x-a": `${secretish}\n` } }),
    ).rejects.toThrow(/header "x-a"/);
    await expect(qoder.GET("/deployments", { headers: { "x-a": `${secretish}\r` } })).rejects.toSatisfy(
      (error: Error) => error instanceof QoderError && !error.message.includes(secretish),
    );
    await expect(qoder.deployments.create({} as never, { idempotencyKey: "k\r\n" })).rejects.toThrow(
      /"Idempotency-Key" contains CR\/LF/,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("options", () => {
  test("bad numeric options fail at construction, naming the option", () => {
    expect(() => createQoderClient({ token: TOKEN, maxRetries: -1 })).toThrow(/`maxRetries`/);
    expect(() => createQoderClient({ token: TOKEN, maxRetries: 1.5 })).toThrow(/`maxRetries`/);
    expect(() => createQoderClient({ token: TOKEN, timeoutMs: -1 })).toThrow(/`timeoutMs`/);
    expect(() => createQoderClient({ token: TOKEN, timeoutMs: 2 ** 31 })).toThrow(/`timeoutMs`.*2147483647/);
    expect(() => createQoderClient({ token: TOKEN, timeoutMs: Number.NaN })).toThrow(/`timeoutMs`/);
    expect(() => createQoderClient({ token: TOKEN, logLevel: "loud" as never })).toThrow(/logLevel/);
  });

  test("path ids must be non-empty strings", async () => {
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    await expect(qoder.deployments.retrieve("")).rejects.toThrow(
      /deployments\.retrieve\(\): `deployment_id`/,
    );
    await expect(qoder.deployments.runs.retrieve("dep_1", undefined as never)).rejects.toThrow(/`run_id`/);
    await expect(qoder.deployments.runs.list(42 as never)).rejects.toThrow(QoderError);
    // "." and ".." would be resolved away by the URL: update(".") would POST to the create endpoint.
    await expect(qoder.deployments.update(".", {})).rejects.toThrow(/`deployment_id`/);
    await expect(qoder.deployments.runs.list("..")).rejects.toThrow(/`deployment_id`/);
    await expect(qoder.environments.delete(".")).rejects.toThrow(QoderError);
    // The raw methods too: openapi-fetch would send DELETE /environments/ (the collection).
    const params = { path: { environment_id: "." } };
    await expect(qoder.DELETE("/environments/{environment_id}", { params })).rejects.toThrow(
      /`environment_id`/,
    );
    expect(server.requests).toHaveLength(0);
  });

  test("path ids are URL-encoded", async () => {
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    await qoder.deployments.retrieve("dep/../x?y");
    expect(server.requests[0]?.path).toBe("/deployments/dep%2F..%2Fx%3Fy");
  });
});

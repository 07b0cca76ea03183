// The default URLs are never contacted: a forwarding `fetch` (the documented proxy hook) records the
// URL the client chose and sends the request to the local server instead.
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from "vitest";
import { CN_BASE_URL, createQoderClient, GLOBAL_BASE_URL, QoderError } from "../../src/index.js";
import { startServer, type TestServer, TOKEN } from "../support/server.js";

let server: TestServer;
const chosen: string[] = [];
const forward: typeof fetch = (input, init) => {
  const url = new URL(String(input));
  chosen.push(url.href);
  return fetch(`${server.url}${url.pathname}${url.search}`, init);
};

beforeAll(async () => {
  server = await startServer(() => ({ body: { id: "dep_1" } }));
});
afterAll(() => server.close());
afterEach(() => {
  vi.unstubAllEnvs();
  chosen.length = 0;
});

describe("base URL", () => {
  test("defaults to the global API", async () => {
    vi.stubEnv("QODER_BASE_URL", "");
    await createQoderClient({ token: TOKEN, fetch: forward }).deployments.retrieve("dep_1");
    expect(GLOBAL_BASE_URL).toBe("https://api.qoder.com/api/v1/cloud");
    expect(chosen).toEqual([`${GLOBAL_BASE_URL}/deployments/dep_1`]);
  });

  test('region "cn" selects the China-region API', async () => {
    vi.stubEnv("QODER_BASE_URL", "");
    await createQoderClient({ token: TOKEN, region: "cn", fetch: forward }).deployments.retrieve("dep_1");
    expect(CN_BASE_URL).toBe("https://api.qoder.com.cn/api/v1/cloud");
    expect(chosen).toEqual([`${CN_BASE_URL}/deployments/dep_1`]);
  });

  test("QODER_BASE_URL is the default when no option is given", async () => {
    vi.stubEnv("QODER_BASE_URL", server.url);
    const qoder = createQoderClient({ token: TOKEN });
    await expect(qoder.deployments.retrieve("dep_1")).resolves.toEqual({ id: "dep_1" });
    expect(server.requests.at(-1)?.path).toBe("/deployments/dep_1");
  });

  test("explicit baseUrl and region beat QODER_BASE_URL", async () => {
    vi.stubEnv("QODER_BASE_URL", "https://env.example.test/api");
    await createQoderClient({ token: TOKEN, region: "cn", fetch: forward }).deployments.retrieve("dep_1");
    await createQoderClient({ token: TOKEN, baseUrl: "https://other.example.test/v1/", fetch: forward }).GET(
      "/deployments",
    );
    expect(chosen).toEqual([`${CN_BASE_URL}/deployments/dep_1`, "https://other.example.test/v1/deployments"]);
  });

  test("plain http is refused for non-loopback hosts (tokens only travel over TLS)", () => {
    expect(() => createQoderClient({ token: TOKEN, baseUrl: "http://api.qoder.com/api/v1/cloud" })).toThrow(
      /must be https:\/\/ \(tokens only travel over TLS/,
    );
    expect(() => createQoderClient({ token: TOKEN, baseUrl: "http://10.0.0.7:4010" })).toThrow(QoderError);
    for (const ok of ["http://127.0.0.1:4010", "http://localhost:4010/x", "http://[::1]:4010"]) {
      expect(() => createQoderClient({ token: TOKEN, baseUrl: ok })).not.toThrow();
    }
  });

  test("a query or a fragment is refused: every path would be appended after it", () => {
    for (const bad of [
      "https://api.qoder.com/api/v1/cloud?x=1",
      "https://api.qoder.com/api#v1",
      "http://127.0.0.1:4010/?",
    ]) {
      expect(() => createQoderClient({ token: TOKEN, baseUrl: bad })).toThrow(
        /`baseUrl`.*origin and path only/,
      );
    }
  });

  test("malformed URLs and other schemes are refused", () => {
    for (const bad of ["api.qoder.com", "ftp://api.qoder.com", "ws://127.0.0.1:4010"]) {
      expect(() => createQoderClient({ token: TOKEN, baseUrl: bad })).toThrow(/`baseUrl`/);
    }
  });

  test("an unknown region is refused", () => {
    expect(() => createQoderClient({ token: TOKEN, region: "eu" as never })).toThrow(/`region`/);
  });
});

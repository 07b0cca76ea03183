// The ready-made globalSetup: starts one mock and exposes it, or defers to a QODER_BASE_URL already set.
import { afterEach, beforeEach, expect, it } from "vitest";
import setup from "../src/vitest-global-setup.js";

let saved: NodeJS.ProcessEnv;
beforeEach(() => {
  saved = { ...process.env };
  delete process.env.QODER_BASE_URL;
  delete process.env.QODER_PAT;
});
afterEach(() => {
  process.env = saved;
});

it("starts a mock, exposes its URL through QODER_BASE_URL and provide(), and stops it on teardown", async () => {
  const provided = new Map<string, string>();
  const teardown = await setup({ provide: (key, value) => provided.set(key, value) });
  const url = process.env.QODER_BASE_URL as string;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(provided.get("qoderBaseUrl")).toBe(url);
  expect(process.env.QODER_PAT).toBe("pt-mock");

  const response = await fetch(`${url}/deployments`, {
    headers: { authorization: `Bearer ${process.env.QODER_PAT}` },
  });
  expect(response.status).toBe(200);

  await teardown?.();
  await expect(fetch(`${url}/deployments`)).rejects.toThrow();
});

it("starts nothing when QODER_BASE_URL is already set (tests then run against that server)", async () => {
  process.env.QODER_BASE_URL = "https://api.qoder.com/api/v1/cloud";
  const provided = new Map<string, string>();
  const teardown = await setup({ provide: (key, value) => provided.set(key, value) });
  expect(teardown).toBeUndefined();
  expect(provided.get("qoderBaseUrl")).toBe("https://api.qoder.com/api/v1/cloud");
  expect(process.env.QODER_PAT).toBeUndefined();
});

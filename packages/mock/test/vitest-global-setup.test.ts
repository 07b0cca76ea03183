// The ready-made globalSetup: starts one mock and exposes it, defers to a loopback QODER_BASE_URL already
// set, and never lets an ambient remote URL win without the explicit opt-in.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import setup, { mockGlobalSetup } from "../src/vitest-global-setup.js";
import { typecheck } from "./support/tsc.js";

let saved: NodeJS.ProcessEnv;
beforeEach(() => {
  saved = { ...process.env };
  delete process.env.QODER_BASE_URL;
  delete process.env.QODER_PAT;
  delete process.env.QODER_ALLOW_REMOTE_API;
});
afterEach(() => {
  process.env = saved;
});

const quiet = (lines: string[]) => (line: string) => lines.push(line);

it("starts the simulator, exposes its URL through QODER_BASE_URL and provide(), and stops it on teardown", async () => {
  const provided = new Map<string, string>();
  const lines: string[] = [];
  const teardown = await mockGlobalSetup({ log: quiet(lines) })({
    provide: (key, value) => provided.set(key, value),
  });
  const url = process.env.QODER_BASE_URL as string;
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(provided.get("qoderBaseUrl")).toBe(url);
  expect(process.env.QODER_PAT).toBe("pt-test");
  expect(lines.join("\n")).toContain(`simulator mock at ${url}`);

  const headers = { authorization: `Bearer ${process.env.QODER_PAT}`, "content-type": "application/json" };
  // Stateful: a reset to an empty account is remembered.
  expect(
    (await fetch(`${url}/_mock/reset`, { method: "POST", headers, body: '{"fixture":"empty"}' })).status,
  ).toBe(200);
  const list = await fetch(`${url}/deployments`, { headers });
  expect(list.status).toBe(200);
  expect(((await list.json()) as { data: unknown[] }).data).toEqual([]);

  await teardown?.();
  await expect(fetch(`${url}/deployments`)).rejects.toThrow();
  expect(process.env.QODER_BASE_URL).toBeUndefined();
});

it("runs the examples mock when asked", async () => {
  const teardown = await mockGlobalSetup({ mode: "examples", log: () => {} })();
  try {
    const url = process.env.QODER_BASE_URL as string;
    const reset = await fetch(`${url}/_mock/reset`, {
      method: "POST",
      headers: { authorization: "Bearer pt-test" },
    });
    expect(reset.status).toBe(404);
    expect(((await reset.json()) as { error: { message: string } }).error.message).toContain(
      "simulator mode only",
    );
  } finally {
    await teardown?.();
  }
});

it("with vitest projects, each project's setup starts its own mock, and env comes back in any teardown order", async () => {
  // vitest runs every project's globalSetup in the one main process, one after the other, each given its
  // own project (its provide() and test.env); the second must not take the first one's mock for the user's.
  const project = () => {
    const provided = new Map<string, string>();
    return {
      provided,
      config: { env: {} as Partial<Record<string, string | undefined>> },
      provide: (key: string, value: string) => provided.set(key, value),
    };
  };
  const reset = (url: string | undefined) =>
    fetch(`${url}/_mock/reset`, { method: "POST", headers: { authorization: "Bearer pt-test" } });
  for (const order of ["reverse", "same"] as const) {
    const examples = project();
    const simulator = project();
    const teardowns = [
      await mockGlobalSetup({ mode: "examples", log: () => {} })(examples),
      await mockGlobalSetup({ log: () => {} })(simulator),
    ];
    const examplesUrl = examples.provided.get("qoderBaseUrl");
    const simulatorUrl = simulator.provided.get("qoderBaseUrl");
    try {
      expect(simulatorUrl).not.toBe(examplesUrl);
      expect((await reset(examplesUrl)).status).toBe(404); // examples mode has no controls
      expect((await reset(simulatorUrl)).status).toBe(200); // the simulator's own
      // Each project's workers get its own mock's URL over the main process's environment.
      expect(examples.config.env.QODER_BASE_URL).toBe(examplesUrl);
      expect(simulator.config.env.QODER_BASE_URL).toBe(simulatorUrl);
      expect(process.env.QODER_PAT).toBe("pt-test");
    } finally {
      const [first, second] = order === "reverse" ? [teardowns[1], teardowns[0]] : teardowns;
      await first?.();
      // What is left set names the mock still running, never a stopped one.
      expect(process.env.QODER_BASE_URL).toBe(order === "reverse" ? examplesUrl : simulatorUrl);
      await second?.();
    }
    expect(process.env.QODER_BASE_URL).toBeUndefined();
    expect(process.env.QODER_MOCK_URL).toBeUndefined();
    expect(process.env.QODER_PAT).toBeUndefined();
  }
}, 60_000);

it("a setup that fails after its mock started stops it and changes nothing; a teardown called twice acts once", async () => {
  let started: string | undefined;
  const failing = mockGlobalSetup({
    log: (line) => {
      started = /at (http:\/\/\S+)\.$/.exec(line)?.[1];
      throw new Error("a log that throws");
    },
  });
  await expect(failing({ provide: () => {} })).rejects.toThrow("a log that throws");
  expect(started).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  await expect(fetch(`${started}/deployments`)).rejects.toThrow(); // stopped
  expect(process.env.QODER_BASE_URL).toBeUndefined();
  // A provide() that throws leaves the project's test.env as it was.
  const config = { env: { KEPT: "1" } as Partial<Record<string, string | undefined>> };
  const refusing = {
    config,
    provide: () => {
      throw new Error("provide refused");
    },
  };
  await expect(mockGlobalSetup({ log: () => {} })(refusing)).rejects.toThrow("provide refused");
  expect(config.env).toEqual({ KEPT: "1" });

  // Two projects; the first one's teardown called twice must not take the second one's mock out.
  const urls: string[] = [];
  const provide = (_key: string, value: string) => urls.push(value);
  const first = await mockGlobalSetup({ log: () => {} })({ provide });
  const second = await mockGlobalSetup({ log: () => {} })({ provide });
  await first?.();
  await first?.();
  expect(process.env.QODER_BASE_URL).toBe(urls[1]);
  await second?.();
  expect(process.env.QODER_BASE_URL).toBeUndefined();
}, 60_000);

it("defers to a loopback QODER_BASE_URL (a mock started elsewhere) and starts nothing", async () => {
  process.env.QODER_BASE_URL = "http://127.0.0.1:4999";
  const provided = new Map<string, string>();
  const lines: string[] = [];
  const teardown = await mockGlobalSetup({ log: quiet(lines) })({
    provide: (key, value) => provided.set(key, value),
  });
  expect(provided.get("qoderBaseUrl")).toBe("http://127.0.0.1:4999");
  expect(lines.join("\n")).toContain("tests run against QODER_BASE_URL=http://127.0.0.1:4999");
  // No token was set: the workers get the mock's, as with a mock this setup starts (README).
  expect(process.env.QODER_PAT).toBe("pt-test");
  await teardown?.();
  expect(process.env.QODER_PAT).toBeUndefined();
  // A token already set is left as it is.
  process.env.QODER_PAT = "pt-mine";
  expect(await mockGlobalSetup({ log: quiet(lines) })()).toBeUndefined();
  expect(process.env.QODER_PAT).toBe("pt-mine");
});

it("ignores a remote QODER_BASE_URL (and its token) without the opt-in, saying so", async () => {
  process.env.QODER_BASE_URL = "https://api.qoder.com/api/v1/cloud";
  process.env.QODER_PAT = "pt-real-secret";
  const lines: string[] = [];
  const teardown = await mockGlobalSetup({ log: quiet(lines) })();
  try {
    expect(process.env.QODER_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(process.env.QODER_PAT).toBe("pt-test");
    expect(lines.join("\n")).toContain("ignoring QODER_BASE_URL=https://api.qoder.com/api/v1/cloud");
    expect(lines.join("\n")).toContain("QODER_ALLOW_REMOTE_API=1");
    expect(lines.join("\n")).not.toContain("pt-real-secret");
  } finally {
    await teardown?.();
  }
  expect(process.env.QODER_BASE_URL).toBe("https://api.qoder.com/api/v1/cloud");
  expect(process.env.QODER_PAT).toBe("pt-real-secret");
});

it("uses a remote QODER_BASE_URL only with QODER_ALLOW_REMOTE_API=1, saying so", async () => {
  process.env.QODER_BASE_URL = "https://api.qoder.com/api/v1/cloud";
  process.env.QODER_ALLOW_REMOTE_API = "1";
  const provided = new Map<string, string>();
  const lines: string[] = [];
  const teardown = await mockGlobalSetup({ log: quiet(lines) })({
    provide: (key, value) => provided.set(key, value),
  });
  expect(teardown).toBeUndefined();
  expect(process.env.QODER_BASE_URL).toBe("https://api.qoder.com/api/v1/cloud");
  expect(process.env.QODER_PAT).toBeUndefined(); // a real API gets no made-up token
  expect(provided.get("qoderBaseUrl")).toBe("https://api.qoder.com/api/v1/cloud");
  expect(lines.join("\n")).toContain("(QODER_ALLOW_REMOTE_API=1)");
});

it("the default export is the setup with default options", () => {
  expect(typeof setup).toBe("function");
  expect(setup.length).toBe(mockGlobalSetup().length);
});

it('types inject("qoderBaseUrl") for a strict tsc through the shipped ProvidedContext declaration', async () => {
  // Resolves @qoder-cloud/mock as a consumer would: through the package's exports and its built d.ts.
  const run = typecheck(join(import.meta.dirname, "fixtures/provided-context"));
  await expect(run("ok")).resolves.toBeDefined();
  // The same check fails on a wrong type, so the one above can fail.
  await expect(run("wrong")).rejects.toMatchObject({ stdout: expect.stringContaining("TS2322") });
}, 60_000);

describe("mockGlobalSetup's options", () => {
  // MockGlobalSetupOptions.fixture: "Simulator mode: what each new token's account starts with."
  it("fixture: 'empty' starts every new token's account empty", async () => {
    const teardown = await mockGlobalSetup({ fixture: "empty", log: () => {} })();
    try {
      const page = await fetch(`${process.env.QODER_BASE_URL}/deployments`, {
        headers: { authorization: "Bearer pt-any-new-token" },
      });
      expect(((await page.json()) as { data: unknown[] }).data).toEqual([]);
    } finally {
      await teardown?.();
    }
  });

  // What the setup prints: "tests run against the ${mode} mock at <url>".
  it("says it runs the examples mock when mode is 'examples'", async () => {
    const lines: string[] = [];
    const teardown = await mockGlobalSetup({ mode: "examples", log: (line) => lines.push(line) })();
    try {
      expect(lines.join("\n")).toContain(
        `tests run against the examples mock at ${process.env.QODER_BASE_URL}.`,
      );
    } finally {
      await teardown?.();
    }
  });
});

describe("mockGlobalSetup's loopback check", () => {
  // The setup's promise: "A QODER_BASE_URL already set is used only if it is a loopback URL (a mock started
  // elsewhere), or with QODER_ALLOW_REMOTE_API=1". A name that merely starts like 127.0.0.1 is remote.
  it("ignores a QODER_BASE_URL whose host only starts like a loopback address", async () => {
    process.env.QODER_BASE_URL = "http://127.0.0.1.example.com:4010";
    const lines: string[] = [];
    const teardown = await mockGlobalSetup({ log: (line) => lines.push(line) })();
    try {
      expect(lines[0]).toContain("ignoring QODER_BASE_URL=http://127.0.0.1.example.com:4010");
      expect(process.env.QODER_BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    } finally {
      await teardown?.();
    }
  });
});

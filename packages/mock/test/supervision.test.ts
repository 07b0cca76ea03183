// Supervision of the Prism child: a Prism that dies is restarted (503 envelopes meanwhile, logged,
// bounded), and no Prism outlives the process that started it, whatever signal ends that process.
// Every case starts Prism processes (seconds each on a busy 2-core machine): generous timeouts.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { appendFileSync, copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openapiYamlPath } from "@qoder-cloud/openapi";
import { afterEach, describe, expect, it } from "vitest";
import { startEnvelopeProxy } from "../src/envelope-proxy.js";
import { type RunningMock, startMock, startValidationProxy } from "../src/index.js";
import { supervisePrism } from "../src/prism-process.js";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const AUTH = { authorization: "Bearer pt-test" };
/** Sent to Prism in every mode (the simulator answers requests without `Prefer`). */
const TO_PRISM = { ...AUTH, prefer: "code=200" };

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** Alive, and not a zombie waiting to be reaped (process.kill(pid, 0) succeeds on zombies). */
function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return !/^\d+ \(.*\) Z/s.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await condition()) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return condition();
}

/** The Prism children of a process (the wrapper runs the Prism CLI in its own process). */
function prismChildren(parent: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=,args=", "--ppid", String(parent)], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.includes("prism-cli"))
      .map((line) => Number.parseInt(line, 10));
  } catch {
    return []; // ps exits 1 when there is no child
  }
}

// Generous: a first request to a cold Prism on a busy machine can take seconds.
const answers = (url: string) =>
  fetch(url, { headers: AUTH, signal: AbortSignal.timeout(20_000) }).then(
    () => true,
    () => false,
  );

describe("the CLI leaves no Prism behind", { timeout: 180_000 }, () => {
  it.each(["SIGHUP", "SIGTERM", "SIGKILL"] as const)("when killed with %s", async (signal) => {
    const child: ChildProcess = spawn(process.execPath, [cli, "--port", "0", "--verbose"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    cleanups.push(() => child.kill("SIGKILL"));
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    // Prism's own lines reach us through the CLI's stdout, in no fixed order with the CLI's.
    await waitFor(
      () => (/Try: curl/.test(output) && /Prism is listening on/.test(output)) || child.exitCode !== null,
      60_000,
    );
    const mockUrl = /Try: curl .*"(http:\/\/127\.0\.0\.1:\d+)\//.exec(output)?.[1];
    // Prism's own start-up line (--verbose): the port it bound.
    const prismUrl = /Prism is listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(mockUrl, output).toBeDefined();
    expect(prismUrl, output).toBeDefined();
    const [prismPid] = prismChildren(child.pid as number);
    expect(prismPid, output).toBeGreaterThan(0);
    expect(await answers(prismUrl as string)).toBe(true);

    child.kill(signal);
    const [code, how] = await once(child, "exit");
    expect(signal === "SIGKILL" ? how : code).toBe(signal === "SIGKILL" ? "SIGKILL" : 0);

    expect(await waitFor(() => !isAlive(prismPid as number), 15_000), `Prism ${prismPid} still alive`).toBe(
      true,
    );
    expect(await answers(prismUrl as string)).toBe(false);
    expect(await answers(mockUrl as string)).toBe(false);
  });
});

describe("a Prism that dies under a running mock", { timeout: 180_000 }, () => {
  it("is restarted: 503 api_error envelopes meanwhile, then answers again; restarts are logged", async () => {
    const log: string[] = [];
    const mock: RunningMock = await startMock({ port: 0, onLog: (line) => log.push(line) });
    cleanups.push(() => mock.stop());
    const ok = await fetch(`${mock.url}/deployments?limit=1`, { headers: TO_PRISM });
    expect(ok.status).toBe(200);

    const [prismPid] = prismChildren(process.pid);
    expect(prismPid).toBeGreaterThan(0);
    process.kill(prismPid as number, "SIGKILL");
    // Until the supervisor notices, a request may still race the dying process: it gets a 503 too.
    expect(
      await waitFor(() => log.some((line) => /restarting it \(attempt 1 of 5\)/.test(line)), 15_000),
    ).toBe(true);

    const during = await fetch(`${mock.url}/deployments?limit=1`, {
      headers: { ...TO_PRISM, "x-request-id": "req-during-restart" },
    });
    expect(during.status).toBe(503);
    expect(during.headers.get("retry-after")).toBe("1");
    const body = (await during.json()) as { type: string; request_id: string; error: Record<string, string> };
    expect(body).toMatchObject({
      type: "error",
      request_id: "req-during-restart",
      error: { type: "api_error" },
    });
    expect(body.error.message).toMatch(/Prism \(mock\) exited with SIGKILL; restarting it.*Retry shortly/);

    const recovered = await waitFor(async () => {
      const response = await fetch(`${mock.url}/deployments?limit=1`, { headers: TO_PRISM });
      await response.body?.cancel();
      return response.status === 200;
    }, 60_000);
    expect(recovered, log.join("\n")).toBe(true);
    expect(log.some((line) => /Prism \(mock\) restarted on http:\/\/127\.0\.0\.1:\d+/.test(line))).toBe(true);
    const [newPid] = prismChildren(process.pid);
    expect(newPid).not.toBe(prismPid);

    await mock.stop();
    expect(await mock.exited).toMatch(/exited with SIGTERM/);
    expect(await waitFor(() => !isAlive(newPid as number), 10_000)).toBe(true);
  });

  it("follows Prism when it reloads its changed document on a new port (every later request was a 503 before)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qoder-mock-reload-"));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const specPath = join(dir, "openapi.yaml");
    copyFileSync(openapiYamlPath, specPath);
    const log: string[] = [];
    const mock = await startMock({ port: 0, mode: "examples", specPath, onLog: (line) => log.push(line) });
    cleanups.push(() => mock.stop());
    const answers = async () => {
      const response = await fetch(`${mock.url}/deployments?limit=1`, { headers: AUTH });
      await response.body?.cancel();
      return response.status === 200;
    };
    expect(await answers()).toBe(true);
    const [prismPid] = prismChildren(process.pid);
    appendFileSync(specPath, "\n# edited while the mock runs\n");
    // Prism restarts its server a moment after the change, on a new port, in the same process.
    const reloaded = () =>
      log.some((line) => /Prism \(mock\) reloaded its changed document; listening on/.test(line));
    expect(await waitFor(reloaded, 60_000), log.join("\n")).toBe(true);
    for (let call = 0; call < 3; call++) expect(await answers()).toBe(true);
    expect(prismChildren(process.pid)).toEqual([prismPid]);
  });

  it("is not killed by a request without a body whose Content-Type it cannot parse", async () => {
    const events: string[] = [];
    const prism = await supervisePrism(
      { args: ["mock", openapiYamlPath], logLevel: "warn", startupTimeoutMs: 60_000 },
      { onEvent: (line) => events.push(line) },
    );
    cleanups.push(() => prism.stop());
    const proxy = await startEnvelopeProxy({ port: 0, upstream: prism });
    cleanups.push(() => proxy.close());
    const pid = prism.pid();
    for (const type of ["json", ";;;", "text"]) {
      const response = await fetch(`http://127.0.0.1:${proxy.port}/models`, {
        headers: { ...AUTH, "content-type": type },
      });
      expect(response.status, type).toBe(200);
    }
    expect([prism.pid(), events]).toEqual([pid, []]);
  });

  it("stopped while it is being restarted, leaves no Prism behind", async () => {
    const prism = await supervisePrism(
      { args: ["mock", openapiYamlPath], logLevel: "warn", startupTimeoutMs: 60_000 },
      { backoffMs: 10 },
    );
    cleanups.push(() => prism.stop());
    // The next Prism is starting (a process, not yet listening): stop() now.
    const next = await killForARestart(prism);
    await prism.stop();
    expect(isAlive(next)).toBe(false);
    expect(await prism.exited).toMatch(/stopped while restarting|exited with SIGTERM/);
  });

  it("gives up after the bounded number of restarts, and says so in the 503 and in `exited`", async () => {
    const events: string[] = [];
    const prism = await supervisePrism(
      { args: ["mock", openapiYamlPath], logLevel: "warn", startupTimeoutMs: 60_000 },
      { maxRestarts: 1, backoffMs: 10, onEvent: (line) => events.push(line) },
    );
    cleanups.push(() => prism.stop());
    const proxy = await startEnvelopeProxy({ port: 0, upstream: prism });
    cleanups.push(() => proxy.close());
    const url = `http://127.0.0.1:${proxy.port}/deployments`;

    const first = prism.pid() as number;
    process.kill(first, "SIGKILL");
    expect(
      await waitFor(() => prism.pid() !== undefined && prism.pid() !== first, 60_000),
      events.join("\n"),
    ).toBe(true);
    process.kill(prism.pid() as number, "SIGKILL");
    expect(await prism.exited).toMatch(
      /exited with SIGKILL and was not restarted again \(1 restarts in a row/,
    );
    expect(events).toEqual([
      expect.stringMatching(
        /^Prism \(mock\) exited with SIGKILL; restarting it \(attempt 1 of 1\) in 10 ms$/,
      ),
      expect.stringMatching(/^Prism \(mock\) restarted on http:\/\/127\.0\.0\.1:\d+$/),
      expect.stringMatching(/^Prism \(mock\) exited with SIGKILL and was not restarted again/),
    ]);
    const response = await fetch(url, { headers: AUTH });
    expect(response.status).toBe(503);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /was not restarted again/,
    );
  });
});

/** Kills the supervised Prism; resolves with the pid of the one started in its place, as soon as it exists. */
async function killForARestart(prism: { pid(): number | undefined }): Promise<number> {
  const first = prism.pid() as number;
  process.kill(first, "SIGKILL");
  let next: number | undefined;
  expect(
    await waitFor(() => {
      next = prismChildren(process.pid).find((pid) => pid !== first && isAlive(pid));
      return next !== undefined;
    }, 30_000),
  ).toBe(true);
  return next as number;
}

describe("a restart that fails too", { timeout: 180_000 }, () => {
  it("names Prism once in what it says (the launch's own message named it too)", async () => {
    const events: string[] = [];
    const prism = await supervisePrism(
      { args: ["mock", openapiYamlPath], logLevel: "warn", startupTimeoutMs: 60_000 },
      { maxRestarts: 2, backoffMs: 10, onEvent: (line) => events.push(line) },
    );
    cleanups.push(() => prism.stop());
    // The next Prism is starting (a process, not yet listening): killed too, its launch fails.
    process.kill(await killForARestart(prism), "SIGKILL");
    expect(
      await waitFor(() => events.some((line) => /attempt 2 of 2/.test(line)), 60_000),
      events.join("\n"),
    ).toBe(true);
    const second = events.find((line) => /attempt 2 of 2/.test(line));
    expect(second).toMatch(
      /^Prism \(mock\) exited with SIGKILL before it listened; restarting it \(attempt 2 of 2\)/,
    );
    expect(events.join("\n")).not.toContain("Prism (mock) Prism (mock)");
  });
});

describe("starting Prism", { timeout: 180_000 }, () => {
  it("binds port 0 and reads the port back (no free-port race); the validation proxy too", async () => {
    const proxy = await startValidationProxy({ upstream: "http://127.0.0.1:9" });
    cleanups.push(() => proxy.stop());
    expect(proxy.port).toBeGreaterThan(0);
    expect(proxy.url).toBe(`http://127.0.0.1:${proxy.port}`);
    expect(await answers(proxy.url)).toBe(true);
  });

  it("the validation proxy starts while its caller's event loop is busy (Prism fetches the contract then)", async () => {
    const starting = startValidationProxy({ upstream: "http://127.0.0.1:9" });
    // Busy through the seconds in which Prism boots and fetches the contract (with a 5 s timeout of its
    // own): served from a worker thread, the contract is still answered.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const until = Date.now() + 9_000;
    while (Date.now() < until) {}
    const proxy = await starting;
    cleanups.push(() => proxy.stop());
    expect(await answers(proxy.url)).toBe(true);
  });

  it("reports a start failure in one clear first line, without Prism's usage text", async () => {
    const error: Error = await startMock({
      port: 0,
      mode: "examples",
      specPath: fileURLToPath(new URL("../package.json", import.meta.url)),
    }).then(
      () => new Error("started"),
      (reason: Error) => reason,
    );
    const [first] = error.message.split("\n");
    expect(first).toMatch(/^Prism \(mock\) exited with code 1 before it listened: \S.+/);
    expect(error.message).not.toMatch(/Positionals:|Options:|--multiprocess/);
    expect(prismChildren(process.pid)).toEqual([]);
  });

  it("an aborted start kills Prism at once and rejects, saying so", async () => {
    const start = new AbortController();
    const starting = startMock({ port: 0, signal: start.signal }).then(
      () => new Error("started"),
      (reason: Error) => reason,
    );
    expect(await waitFor(() => prismChildren(process.pid).length > 0, 30_000)).toBe(true);
    const [prism] = prismChildren(process.pid);
    start.abort();
    const error = await starting;
    expect(error.message).toBe("Prism (mock): the start was aborted; it was stopped.");
    expect(isAlive(prism as number)).toBe(false);
  });
});

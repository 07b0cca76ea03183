// Runs the Prism CLI (pinned 5.14.2) in a child process that dies with its parent, binds port 0 and
// reports the port it got, and (for the mock) restarts it with backoff if it dies anyway.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Arguments after `prism` itself, e.g. `["mock", spec, "--dynamic"]`; host and port are added here. */
export interface PrismLaunch {
  args: string[];
  /** Port on 127.0.0.1; default 0 (any free port, read back from Prism). */
  port?: number;
  /** Prism's `-v` level. */
  logLevel: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  startupTimeoutMs: number;
  /** Receives every line Prism prints, for callers that want to show it. */
  onLog?: ((line: string) => void) | undefined;
  /** Largest request body Prism reads (bytes); Prism's own limit is a fixed 10 MiB. */
  maxBodyBytes?: number | undefined;
  /** Called when Prism, after its document changed, listens again (on a new port). */
  onReload?: ((url: string) => void) | undefined;
  /**
   * Aborts the start: the child is killed at once (SIGKILL). While it loads Prism its event loop is
   * busy for seconds, so it would notice its parent's exit only then.
   */
  signal?: AbortSignal | undefined;
}

export interface PrismProcess {
  /** `http://127.0.0.1:<port>`; a new port after Prism reloaded its changed document. */
  url: string;
  pid: number;
  /** Settles with how Prism ended ("exited with code 1", "exited with SIGTERM" …). */
  exited: Promise<string>;
  stop(): Promise<void>;
}

const OUTPUT_TAIL_LINES = 40;

/** The Prism CLI entry point, resolved from the installed package rather than from PATH. */
function prismBinPath(): string {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve("@stoplight/prism-cli/package.json");
  const { bin } = JSON.parse(readFileSync(packageJsonPath, "utf8")) as { bin: { prism: string } };
  return join(dirname(packageJsonPath), bin.prism);
}

/**
 * The child's program (`node -e`, so that it works from both src/ and dist/): it runs the Prism CLI in
 * its own process, so there is no grandchild to orphan.
 * - It exits as soon as the IPC channel to its parent closes, which the OS does even when the parent is
 *   killed with SIGKILL: a Prism never outlives the process that started it.
 * - It ignores SIGINT: a terminal's Ctrl-C reaches the whole process group, and the parent decides how
 *   its Prism ends (it stops it, or its exit closes the channel); Prism dying first would fail a start
 *   that is being stopped.
 * - It tells the parent the port its HTTP server got, so Prism can bind port 0 (no port race).
 * - It raises the body limit Prism hard-codes (micri, 10 MiB, no option) to the front layer's, so one
 *   limit, enforced by the front layer, applies.
 */
const CHILD_PROGRAM = `
process.on("disconnect", () => process.exit(0));
process.on("SIGINT", () => {});
if (!process.connected) process.exit(0);
const { createRequire } = require("node:module");
const net = require("node:net");
const [prismBin, bodyLimit] = [process.argv[1], Number(process.env.QODER_MOCK_PRISM_BODY_LIMIT)];
if (bodyLimit > 0) {
  const prismRequire = createRequire(createRequire(prismBin).resolve("@stoplight/prism-http-server"));
  const micriPath = prismRequire.resolve("micri");
  const micri = prismRequire(micriPath);
  const withLimit = (read) => (request, options) => read(request, { ...options, limit: bodyLimit });
  prismRequire.cache[micriPath].exports = { ...micri, json: withLimit(micri.json), text: withLimit(micri.text) };
}
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  this.once("listening", () => process.send({ listening: this.address().port }));
  return listen.apply(this, args);
};
require(prismBin);
`;

export async function launchPrism(options: PrismLaunch): Promise<PrismProcess> {
  const name = `Prism (${options.args[0]})`;
  const child = spawn(
    process.execPath,
    [
      "-e",
      CHILD_PROGRAM,
      prismBinPath(),
      ...options.args,
      "--host",
      "127.0.0.1",
      "--port",
      String(options.port ?? 0),
      "-v",
      options.logLevel,
    ],
    {
      stdio: ["ignore", "pipe", "pipe", "ipc"],
      env: {
        ...process.env,
        FORCE_COLOR: "0",
        NO_COLOR: "1",
        QODER_MOCK_PRISM_BODY_LIMIT: String(options.maxBodyBytes ?? 0),
      },
    },
  );
  // Prism's own log lines (`[CLI] ✖ fatal …`) and, for crashes without them, the raw tail of its output.
  const output = { logLines: [] as string[], tail: [] as string[], reason: undefined as string | undefined };
  const keep = (lines: string[], line: string) => {
    lines.push(line);
    if (lines.length > OUTPUT_TAIL_LINES) lines.shift();
  };
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      if (/ › \[/.test(line)) keep(output.logLines, line);
      else if (!/^\s+at /.test(line)) keep(output.tail, line);
      output.reason ??= (/\bfatal\s+(.+)$/.exec(line) ?? /^\w*Error: (.+)$/.exec(line))?.[1];
      options.onLog?.(line);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  // The channel only serves the start-up message and the child's "parent gone" signal: it must not keep
  // the parent's event loop alive by itself.
  child.channel?.unref();
  const abortStart = () => child.kill("SIGKILL");
  if (options.signal?.aborted) abortStart();
  else options.signal?.addEventListener("abort", abortStart, { once: true });

  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
    child.once("error", (error) => resolve(`could not be started: ${error.message}`));
  });
  const stop = () => stopChild(child, exited);

  let onMessage: (message: { listening?: unknown }) => void = () => {};
  const listening = new Promise<number>((resolve) => {
    onMessage = (message) => {
      if (typeof message?.listening === "number") resolve(message.listening);
    };
    child.on("message", onMessage);
  });
  const timer = new AbortController();
  const outcome = await Promise.race([
    listening,
    exited.then((how) => `${how} before it listened`),
    sleep(options.startupTimeoutMs, undefined, { signal: timer.signal }).then(
      () => `did not listen within ${options.startupTimeoutMs} ms${cpuUsed(child.pid)}`,
      () => "",
    ),
  ]);
  timer.abort();
  child.off("message", onMessage);
  options.signal?.removeEventListener("abort", abortStart);
  if (typeof outcome !== "number") {
    await stop();
    const shown = (output.logLines.length ? output.logLines : output.tail).slice(-12);
    const lines = shown.length ? `\nPrism output (last lines):\n${shown.join("\n")}` : "";
    if (options.signal?.aborted) throw new Error(`${name}: the start was aborted; it was stopped.`);
    throw new Error(`${name} ${outcome}${output.reason ? `: ${output.reason}` : "."}${lines}`);
  }
  const prism: PrismProcess = { url: `http://127.0.0.1:${outcome}`, pid: child.pid as number, exited, stop };
  // Prism watches its document: when the file changes it restarts its server, in the same process, on a
  // new port (we pass port 0). Follow it, or every later request would go to the closed port.
  child.on("message", (message: { listening?: unknown }) => {
    if (typeof message?.listening !== "number") return;
    prism.url = `http://127.0.0.1:${message.listening}`;
    options.onReload?.(prism.url);
  });
  return prism;
}

/** How much CPU the child got, to tell a hung Prism from a starved one in the timeout message. */
function cpuUsed(pid: number | undefined): string {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime, in clock ticks (100 per second on Linux)
    const seconds = (Number(fields[11]) + Number(fields[12])) / 100;
    return Number.isFinite(seconds) ? ` (it had ${seconds.toFixed(1)} s of CPU in that time)` : "";
  } catch {
    return "";
  }
}

async function stopChild(child: ChildProcess, exited: Promise<string>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill("SIGTERM");
  const killed = await Promise.race([exited.then(() => true), sleep(3_000).then(() => false)]);
  if (!killed) {
    child.kill("SIGKILL");
    await exited;
  }
}

export interface SupervisedPrism {
  /** Prism's current base URL, or undefined while it restarts (or after it was given up). */
  url(): string | undefined;
  /** Why Prism is not answering right now (for the 503 the front layer sends), if it is not. */
  unavailable(): string | undefined;
  /** The current Prism process id (for tests and diagnostics). */
  pid(): number | undefined;
  /** Settles when Prism ended for good: through stop(), or when the restarts were used up. */
  exited: Promise<string>;
  stop(): Promise<void>;
}

export interface Supervision {
  /** Restarts allowed in a row (a Prism that stayed up `stableMs` resets the count). Default 5. */
  maxRestarts?: number;
  /** Default 30 s. */
  stableMs?: number;
  /** First backoff delay, doubled on each further restart, capped at 5 s. Default 250 ms. */
  backoffMs?: number;
  /** Where restarts are logged (one line each). */
  onEvent?: ((line: string) => void) | undefined;
}

/**
 * Starts Prism (rejecting if the first start fails) and restarts it, with backoff, whenever it dies
 * unexpectedly; gives up after `maxRestarts` restarts in a row.
 */
export async function supervisePrism(
  launch: PrismLaunch,
  supervision: Supervision = {},
): Promise<SupervisedPrism> {
  const maxRestarts = supervision.maxRestarts ?? 5;
  const stableMs = supervision.stableMs ?? 30_000;
  const backoffMs = supervision.backoffMs ?? 250;
  const name = `Prism (${launch.args[0]})`;
  const launchFollowed: PrismLaunch = {
    ...launch,
    onReload: (url) => supervision.onEvent?.(`${name} reloaded its changed document; listening on ${url}`),
  };
  let current: PrismProcess | undefined = await launchPrism(launchFollowed);
  let startedAt = Date.now();
  let inARow = 0;
  let stopped = false;
  let gaveUp: string | undefined;
  let restarting: string | undefined;
  /** A restart under way: stop() cancels it and waits until its Prism is gone. */
  let relaunch: { abort: AbortController; done: Promise<unknown> } | undefined;
  let settle: (how: string) => void = () => {};
  const exited = new Promise<string>((resolve) => {
    settle = resolve;
  });

  const watch = (prism: PrismProcess) => {
    void prism.exited.then(async (how) => {
      if (stopped || current !== prism) return;
      current = undefined;
      if (Date.now() - startedAt >= stableMs) inARow = 0;
      while (!stopped) {
        if (inARow >= maxRestarts) {
          gaveUp = `${name} ${how} and was not restarted again (${maxRestarts} restarts in a row failed to keep it up)`;
          supervision.onEvent?.(gaveUp);
          settle(gaveUp);
          return;
        }
        inARow += 1;
        const delay = Math.min(backoffMs * 2 ** (inARow - 1), 5_000);
        restarting = `${name} ${how}; restarting it (attempt ${inARow} of ${maxRestarts})`;
        supervision.onEvent?.(`${restarting} in ${delay} ms`);
        await sleep(delay);
        if (stopped) return;
        const abort = new AbortController(); // (the launch's own signal was the first start's)
        const launching = launchPrism({ ...launchFollowed, signal: abort.signal });
        // Done when the new Prism is gone, if stop() came meanwhile.
        const done = launching.then((next) => (stopped ? next.stop() : undefined)).catch(() => undefined);
        relaunch = { abort, done };
        try {
          const next = await launching;
          if (stopped) {
            await next.stop();
            return;
          }
          current = next;
          startedAt = Date.now();
          restarting = undefined;
          supervision.onEvent?.(`${name} restarted on ${next.url}`);
          watch(next);
          return;
        } catch (error) {
          // launchPrism's message names Prism itself ("Prism (mock) exited … before it listened."): `how`
          // is what happened, which the lines above name it in front of.
          const first = (error as Error).message.split("\n")[0] ?? "";
          how =
            (first.startsWith(`${name} `) ? first.slice(name.length + 1) : first).replace(/\.$/, "") ||
            "failed to restart";
        } finally {
          relaunch = undefined;
        }
      }
    });
  };
  watch(current);

  return {
    url: () => current?.url,
    pid: () => current?.pid,
    unavailable: () => (current ? undefined : (gaveUp ?? restarting ?? `${name} is not running`)),
    exited,
    async stop() {
      if (stopped) return exited.then(() => undefined);
      stopped = true;
      const prism = current;
      current = undefined;
      if (prism) {
        await prism.stop();
        settle(await prism.exited);
      } else {
        relaunch?.abort.abort();
        await relaunch?.done;
        settle(gaveUp ?? `${name} stopped while restarting`);
      }
    },
  };
}

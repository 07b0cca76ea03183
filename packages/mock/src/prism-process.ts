// Runs the Prism CLI (pinned 5.14.2) as a child process and waits until it answers HTTP.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

/** Arguments after `prism` itself, e.g. `["mock", spec, "--dynamic"]`; host and port are added here. */
export interface PrismLaunch {
  args: string[];
  port: number;
  /** Prism's `-v` level. */
  logLevel: "trace" | "debug" | "info" | "warn" | "error" | "fatal" | "silent";
  startupTimeoutMs: number;
  /** Receives every line Prism prints, for callers that want to show it. */
  onLog?: ((line: string) => void) | undefined;
}

export interface PrismProcess {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Settles with how Prism ended ("exited with code 1", "exited with SIGTERM" …). */
  exited: Promise<string>;
  stop(): Promise<void>;
}

const OUTPUT_TAIL_LINES = 40;

/** The Prism CLI entry point, resolved from the installed package rather than from PATH. */
export function prismBinPath(): string {
  const require = createRequire(import.meta.url);
  const packageJsonPath = require.resolve("@stoplight/prism-cli/package.json");
  const { bin } = JSON.parse(readFileSync(packageJsonPath, "utf8")) as { bin: { prism: string } };
  return join(dirname(packageJsonPath), bin.prism);
}

export async function launchPrism(options: PrismLaunch): Promise<PrismProcess> {
  const url = `http://127.0.0.1:${options.port}`;
  const child = spawn(
    process.execPath,
    [
      prismBinPath(),
      ...options.args,
      "--host",
      "127.0.0.1",
      "--port",
      String(options.port),
      "-v",
      options.logLevel,
    ],
    { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, FORCE_COLOR: "0", NO_COLOR: "1" } },
  );
  const tail: string[] = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
      options.onLog?.(line);
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);

  // A Prism that outlives the process that started it would hold the port: kill it on exit.
  const killOnExit = () => child.kill("SIGKILL");
  process.once("exit", killOnExit);

  const exited = new Promise<string>((resolve) => {
    child.once("exit", (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
    child.once("error", (error) => resolve(`could not be started: ${error.message}`));
  });

  const stop = async () => {
    process.off("exit", killOnExit);
    await stopChild(child, exited);
  };

  const giveUp = new AbortController();
  const outcome = await Promise.race([
    waitUntilAnswering(url, options.startupTimeoutMs, giveUp.signal).then((ok) =>
      ok ? "ready" : `did not answer on ${url} within ${options.startupTimeoutMs} ms`,
    ),
    exited,
  ]);
  giveUp.abort();
  if (outcome !== "ready") {
    await stop();
    const output = tail.length ? `\nPrism output (last ${tail.length} lines):\n${tail.join("\n")}` : "";
    throw new Error(`Prism (${options.args[0]}) ${outcome}.${output}`);
  }
  return { url, exited, stop };
}

/** Polls until any HTTP response comes back (Prism answers unknown paths with 404, which is fine). */
async function waitUntilAnswering(url: string, timeoutMs: number, giveUp: AbortSignal): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !giveUp.aborted) {
    try {
      const response = await fetch(`${url}/__qoder_mock_ready`, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      return true;
    } catch {
      await sleep(100);
    }
  }
  return false;
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

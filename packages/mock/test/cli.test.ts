// The `qoder-mock` CLI as a user runs it: prints the URL and a usage hint, serves, stops on a signal
// without leaving Prism behind.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";

const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
let child: ChildProcess | undefined;
afterEach(() => {
  child?.kill("SIGKILL");
});

function childPids(pid: number): number[] {
  try {
    return execFileSync("ps", ["-o", "pid=", "--ppid", String(pid)], { encoding: "utf8" })
      .split("\n")
      .filter((line) => line.trim())
      .map(Number);
  } catch {
    return []; // ps exits 1 when there is no child
  }
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Starts the CLI with `args` (killed after the test): the process, what it prints (stdout and stderr), stderr alone. */
function spawnCli(args: string[], env: NodeJS.ProcessEnv = process.env) {
  const started = spawn(process.execPath, [cli, ...args], { stdio: ["ignore", "pipe", "pipe"], env });
  child = started;
  let output = "";
  let stderr = "";
  started.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  started.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
    stderr += chunk.toString();
  });
  return { cliProcess: started, output: () => output, stderr: () => stderr };
}

it.each(["SIGINT", "SIGTERM"] as const)(
  "starts, prints URL and a curl hint, answers, stops on %s",
  async (signal) => {
    const { url, output, cliProcess } = await startCli([]);
    expect(output()).toContain(`curl -H "Authorization: Bearer pt-test" "${url}/deployments?limit=2"`);

    const response = await fetch(`${url}/deployments?limit=2`, {
      headers: { authorization: "Bearer pt-test" },
    });
    expect(response.status).toBe(200);
    // The access log line reaches our pipe a moment after the response.
    await waitFor(() => /GET \/deployments\?limit=2 → 200/.test(output()), 5_000);
    expect(output()).toMatch(/GET \/deployments\?limit=2 → 200/);

    const prismPids = childPids(cliProcess.pid as number);
    expect(prismPids.length).toBeGreaterThan(0);
    cliProcess.kill(signal);
    const [code] = await once(cliProcess, "close"); // its output all read (exit can come first)
    expect(code).toBe(0);
    for (const pid of prismPids) expect(isAlive(pid)).toBe(false);
    await expect(fetch(`${url}/deployments`)).rejects.toThrow();
  },
);

it("rejects bad arguments with one line saying which and the usage text", async () => {
  for (const [args, says] of [
    [["--port", "abc"], '--port must be an integer, got "abc"'],
    [["--port", "0x10"], '--port must be an integer, got "0x10"'],
    [["--port", "70000"], "--port must be between 0 and 65535 (0 = any free port), got 70000"],
    [["--port=-1"], "--port must be between 0 and 65535 (0 = any free port), got -1"],
    [
      ["--examples", "--spec", "/nonexistent/openapi.yaml"],
      "--spec: /nonexistent/openapi.yaml does not exist",
    ],
  ] as const) {
    const { cliProcess, stderr } = spawnCli([...args]);
    const [code] = await once(cliProcess, "close"); // its output all read (exit can come first)
    expect(code, args.join(" ")).toBe(2);
    expect(stderr()).toContain(`qoder-mock: ${says}`);
    expect(stderr()).toContain("Usage: qoder-mock");
  }
});

it.each(["0x10", "1e3", "-1", "70000"])(
  "refuses MOCK_PORT=%s in one line instead of listening somewhere unexpected",
  async (value) => {
    const { cliProcess, stderr } = spawnCli([], { ...process.env, MOCK_PORT: value });
    const [code] = await once(cliProcess, "close"); // its output all read (exit can come first)
    expect(code).toBe(1);
    expect(stderr().trim()).toBe(`qoder-mock: MOCK_PORT must be a port number (0–65535), got "${value}".`);
  },
);

it.each([
  ["SIGTERM", 1],
  ["SIGINT", 1],
  ["SIGINT", 2], // a terminal's Ctrl-C and the one pnpm forwards: the second must not kill the stop
] as const)(
  "%s (%i×) while it starts: Prism is killed at once, not left to notice seconds later",
  async (signal, times) => {
    const { cliProcess, output } = spawnCli(["--port", "0"]);
    // As soon as the Prism child exists, well before it listens (loading Prism takes seconds).
    let prism: number | undefined;
    await waitFor(() => {
      prism = childPids(cliProcess.pid as number)[0];
      return prism !== undefined;
    }, 30_000);
    expect(prism, output()).toBeDefined();
    const closed = once(cliProcess, "close"); // its output all read (exit can come first)
    cliProcess.kill(signal);
    if (times === 2) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      if (cliProcess.exitCode === null) cliProcess.kill(signal);
    }
    const [code, killedBy] = await closed;
    expect({ code, killedBy }).toEqual({ code: 0, killedBy: null });
    expect(output()).toContain(`${signal}: stopped while starting.`);
    // Killed, not waiting for its event loop: gone (or an unreaped zombie) right away.
    const gone = () => !isAlive(prism as number) || /^\d+ \(.*\) Z/s.test(statOf(prism as number));
    await waitFor(gone, 1_000);
    expect(gone()).toBe(true);
  },
);

function statOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/stat`, "utf8");
  } catch {
    return "";
  }
}

/** Starts the CLI with `args` and resolves with its URL once it prints it. */
async function startCli(args: string[]) {
  const { cliProcess, output } = spawnCli(["--port", "0", ...args]);
  await waitFor(() => /Try: curl/.test(output()) || cliProcess.exitCode !== null, 45_000);
  const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output())?.[1];
  expect(url, output()).toBeDefined();
  return { url: url as string, output, cliProcess };
}

it("keeps serving when whoever reads its output stops reading (qoder-mock | head -2)", async () => {
  const { url, cliProcess } = await startCli([]);
  cliProcess.stdout?.destroy(); // the pipe's reading end closed: the next access-log line meets EPIPE
  cliProcess.stderr?.destroy();
  const headers = { authorization: "Bearer pt-cli-pipe" };
  for (let i = 0; i < 3; i++) {
    expect((await fetch(`${url}/deployments?limit=1`, { headers })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100)); // past the access log's 20 ms batch
  }
  expect(cliProcess.exitCode).toBe(null);
});

it("runs the stateful simulator by default: a pause is remembered", async () => {
  const { url, output } = await startCli(["--fixture", "examples"]);
  expect(output()).toContain("stateful simulator");
  const headers = { authorization: "Bearer pt-cli" };
  const id = "dep_019ec556114c78f8b60ee34fcb98bf59";
  expect((await fetch(`${url}/deployments/${id}/pause`, { method: "POST", headers })).status).toBe(200);
  const again = await fetch(`${url}/deployments/${id}`, { headers });
  expect(((await again.json()) as { status: string }).status).toBe("paused");
});

it("--examples runs the stateless mock: the same request answers the same example every time", async () => {
  const { url, output } = await startCli(["--examples"]);
  expect(output()).toContain("stateless examples");
  const headers = { authorization: "Bearer pt-cli" };
  const id = "dep_019ec556114c78f8b60ee34fcb98bf59";
  const first = await (await fetch(`${url}/deployments/${id}/pause`, { method: "POST", headers })).json();
  const second = await (await fetch(`${url}/deployments/${id}/pause`, { method: "POST", headers })).json();
  expect(second).toEqual(first);
  expect((await fetch(`${url}/_mock/state`, { headers })).status).toBe(404);
});

it.each([
  [["--dynamic"], "--dynamic applies to the stateless mock: add --examples"],
  [["--examples", "--fixture", "empty"], "--fixture applies to the simulator"],
  [["--fixture", "full"], '--fixture must be "examples" or "empty"'],
  [["--examples", "--seed", "42"], "--seed with --examples applies to invented data: add --dynamic"],
])("refuses %j, saying why", async (args, message) => {
  const { cliProcess, stderr } = spawnCli(args);
  const [code] = await once(cliProcess, "close"); // its output all read (exit can come first)
  expect(code).toBe(2);
  expect(stderr()).toContain(message);
});

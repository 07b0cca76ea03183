// The `qoder-mock` CLI as a user runs it: prints the URL and a usage hint, serves, stops on a signal
// without leaving Prism behind.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
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

it.each(["SIGINT", "SIGTERM"] as const)(
  "starts, prints URL and a curl hint, answers, stops on %s",
  async (signal) => {
    child = spawn(process.execPath, [cli, "--port", "0"], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitFor(() => /Try: curl/.test(output) || child?.exitCode !== null, 45_000);
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    expect(url, output).toBeDefined();
    expect(output).toContain(`curl -H "Authorization: Bearer pt-test" "${url}/deployments?limit=2"`);

    const response = await fetch(`${url}/deployments?limit=2`, {
      headers: { authorization: "Bearer pt-test" },
    });
    expect(response.status).toBe(200);
    // The access log line reaches our pipe a moment after the response.
    await waitFor(() => /GET \/deployments\?limit=2 → 200/.test(output), 5_000);
    expect(output).toMatch(/GET \/deployments\?limit=2 → 200/);

    const prismPids = childPids(child.pid as number);
    expect(prismPids.length).toBeGreaterThan(0);
    child.kill(signal);
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    for (const pid of prismPids) expect(isAlive(pid)).toBe(false);
    await expect(fetch(`${url}/deployments`)).rejects.toThrow();
  },
);

it("rejects bad arguments with the usage text", async () => {
  child = spawn(process.execPath, [cli, "--port", "abc"], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const [code] = await once(child, "exit");
  expect(code).toBe(2);
  expect(stderr).toContain("--port must be an integer");
  expect(stderr).toContain("Usage: qoder-mock");
});

// The README's main command: scripts/start.mjs serves the mock and the docs together and stops both on Ctrl-C.
import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { readdirSync, readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { docsDir, requireBuiltSite } from "./support/site.js";

let child: ChildProcess | undefined;
/** Every start.mjs a test ran: none may outlive the tests, whatever failed (its Prism follows it). */
const spawned: ChildProcess[] = [];
afterAll(() => {
  for (const process of [child, ...spawned])
    if (process && process.exitCode === null) process.kill("SIGKILL");
});

/** Everything a child prints, stdout and stderr together; `onOutput` sees it after each chunk. */
function collectOutput(child: ChildProcess, onOutput: (output: string) => void = () => {}): () => string {
  let output = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream?.setEncoding("utf8").on("data", (chunk: string) => {
      output += chunk;
      onOutput(output);
    });
  }
  return () => output;
}

/** Resolves with the child's output once it contains `text`; rejects if the child exits first. */
function waitForOutput(process: ChildProcess, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = collectOutput(process, (printed) => {
      if (printed.includes(text)) resolve(printed);
    });
    process.once("exit", () => reject(new Error(`exited before printing "${text}":\n${output()}`)));
  });
}

function waitForBanner(process: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const output = collectOutput(process, (text) => {
      if (text.includes("Ctrl-C stops both.")) resolve(text);
    });
    process.once("exit", (code) =>
      reject(new Error(`start.mjs exited (${code}) before it was ready:\n${output()}`)),
    );
  });
}

/** Runs start.mjs to its exit: its exit code and everything it printed. */
async function runToExit(
  env: Record<string, string>,
  detached = false,
): Promise<[ChildProcess, Promise<[number | null, string]>]> {
  const started = spawn(process.execPath, [join(docsDir, "..", "scripts", "start.mjs")], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached,
  });
  spawned.push(started);
  const output = collectOutput(started);
  // "close": after its output has all been read ("exit" can come before the last of it).
  const exited = once(started, "close").then(
    ([code]) => [code as number | null, output()] as [number | null, string],
  );
  return [started, exited];
}

describe("pnpm start (scripts/start.mjs)", () => {
  it("a docs port in use fails with the docs server's own reason, not as a mock exit", async () => {
    requireBuiltSite();
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const { port } = taken.address() as { port: number };
    try {
      const [, exited] = await runToExit({ MOCK_PORT: "0", DOCS_PORT: String(port) });
      const [code, output] = await exited;
      expect(code, output).toBe(1);
      expect(output).toMatch(new RegExp(`pnpm start failed: .*${port}.*in use`));
      expect(output).not.toContain("The mock exited");
    } finally {
      taken.close();
    }
  });

  it("Ctrl-C during start-up (to the whole process group, as a terminal sends it) stops cleanly, exit 0", async () => {
    requireBuiltSite();
    const [started, exited] = await runToExit({ MOCK_PORT: "0", DOCS_PORT: "0" }, true);
    // Sent once Prism's process exists: it needs seconds to load, so this lands during start-up (were it
    // later, the answer would be the same).
    const pid = started.pid as number;
    const hasChild = () =>
      readdirSync("/proc")
        .filter((entry) => /^\d+$/.test(entry))
        .some((entry) => {
          try {
            return readFileSync(`/proc/${entry}/stat`, "utf8").split(") ")[1]?.split(" ")[1] === String(pid);
          } catch {
            return false; // the process ended meanwhile
          }
        });
    while (!hasChild() && started.exitCode === null) await new Promise((resolve) => setTimeout(resolve, 20));
    process.kill(-pid, "SIGINT");
    const [code, output] = await exited;
    expect(code, output).toBe(0);
    expect(output).toContain("Stopped.");
    expect(output).not.toContain("pnpm start failed");
  });

  it("keeps serving when whoever reads its output stops reading (pnpm start | head), then stops cleanly", async () => {
    requireBuiltSite();
    const [started, exited] = await runToExit({ MOCK_PORT: "0", DOCS_PORT: "0" });
    const banner = await waitForOutput(started, "Ctrl-C stops both.");
    const mockUrl = /Mock API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    started.stdout?.destroy(); // the pipe's reading end closed: the next [mock] line meets EPIPE
    started.stderr?.destroy();
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${mockUrl}/deployments?limit=1`, {
        headers: { authorization: "Bearer pt-pipe" },
      });
      expect(response.status).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 100)); // past the access log's 20 ms batch
    }
    expect(started.exitCode).toBe(null);
    started.kill("SIGINT");
    const [code] = await exited;
    expect(code).toBe(0);
  });

  it("a second Ctrl-C during the shutdown (pnpm forwards the terminal's) and SIGHUP still stop cleanly", async () => {
    requireBuiltSite();
    for (const signals of [["SIGINT", "SIGINT"], ["SIGHUP"]] as const) {
      const [started, exited] = await runToExit({ MOCK_PORT: "0", DOCS_PORT: "0" });
      await waitForOutput(started, "Ctrl-C stops both.");
      started.kill(signals[0]);
      if (signals[1]) {
        // Sent once the shutdown is under way: the listener of the first must still be there.
        await waitForOutput(started, "stopping the mock");
        if (started.exitCode === null) started.kill(signals[1]);
      }
      const [code, output] = await exited;
      expect({ code, signal: started.signalCode }, `${signals.join(" + ")}:\n${output}`).toEqual({
        code: 0,
        signal: null,
      });
      expect(output).toContain("Stopped.");
    }
  });

  it("docs/scripts/serve.mjs (pnpm run docs) stops with exit 0 on a repeated Ctrl-C and on SIGHUP", async () => {
    requireBuiltSite();
    for (const signals of [["SIGINT", "SIGINT"], ["SIGHUP"]] as const) {
      const served = spawn(process.execPath, [join(docsDir, "scripts", "serve.mjs")], {
        env: { ...process.env, DOCS_PORT: "0" },
        stdio: ["ignore", "pipe", "pipe"],
      });
      spawned.push(served);
      const exited = once(served, "exit");
      const text = await waitForOutput(served, "(Ctrl-C to stop)");
      const url = /Docs: (\S+)/.exec(text)?.[1] ?? "";
      // An open keep-alive connection makes the close take a moment, as a browser's would.
      expect((await fetch(url)).status).toBe(200);
      served.kill(signals[0]);
      if (signals[1]) {
        await new Promise((resolve) => setTimeout(resolve, 10)); // after the first one's listener ran
        if (served.exitCode === null) served.kill(signals[1]);
      }
      const [code, signal] = await exited;
      expect({ code, signal }, signals.join(" + ")).toEqual({ code: 0, signal: null });
    }
  });

  it("serves the mock and the docs, prints both URLs and a sample request, and stops on Ctrl-C", async () => {
    requireBuiltSite();
    child = spawn(process.execPath, [join(docsDir, "..", "scripts", "start.mjs")], {
      env: { ...process.env, MOCK_PORT: "0", DOCS_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const banner = await waitForBanner(child);
    const mockUrl = /Mock API\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(banner)?.[1];
    const docsUrl = /Docs\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(banner)?.[1];
    expect(mockUrl, banner).toBeDefined();
    expect(docsUrl, banner).toBeDefined();
    expect(banner).toContain(`curl "${mockUrl}/deployments?limit=2" -H "Authorization: Bearer $QODER_PAT"`);
    expect(banner).toContain(`日本語 ${docsUrl}ja/`);
    expect(banner).toContain(`中文 ${docsUrl}zh/`);
    for (const [path, lang] of [
      ["ja/", "ja"],
      ["zh/", "zh-Hans"],
    ]) {
      const translated = await fetch(`${docsUrl}${path}`);
      expect(translated.status).toBe(200);
      expect(await translated.text()).toContain(`<html lang="${lang}">`);
    }

    const list = await fetch(`${mockUrl}/deployments?limit=2`, {
      headers: { Authorization: "Bearer pt-test" },
    });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(2);
    // The stateful simulator: the seed's deployment is there, and a pause is remembered.
    const seed = `${mockUrl}/deployments/dep_019ec556114c78f8b60ee34fcb98bf59`;
    const auth = { Authorization: "Bearer pt-test" };
    expect((await fetch(`${seed}/pause`, { method: "POST", headers: auth })).status).toBe(200);
    expect(((await (await fetch(seed, { headers: auth })).json()) as { status: string }).status).toBe(
      "paused",
    );
    // The banner's scripted 404: its documented answer names the deployment the curl asks for.
    const scripted = /curl -i "([^"]+)" -H "Authorization: Bearer \$QODER_PAT" -H "Prefer: (code=404)"/.exec(
      banner,
    );
    expect(scripted, banner).not.toBeNull();
    const missing = await fetch(scripted?.[1] ?? "", { headers: { ...auth, Prefer: scripted?.[2] ?? "" } });
    expect(missing.status).toBe(404);
    const { error } = (await missing.json()) as { error: { message: string } };
    expect(error.message).toContain(scripted?.[1]?.split("/").at(-1));
    const site = await fetch(docsUrl ?? "");
    expect(site.status).toBe(200);
    expect(await site.text()).toContain("Cloud Agents API");

    child.kill("SIGINT");
    const [code] = await once(child, "exit");
    expect(code).toBe(0);
    await expect(fetch(`${mockUrl}/deployments`)).rejects.toThrow();
    await expect(fetch(docsUrl ?? "")).rejects.toThrow();
  });
});

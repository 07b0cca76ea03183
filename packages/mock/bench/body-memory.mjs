// Memory held for large bodies: 8 concurrent 31 MB uploads to a running `qoder-mock`, once through to
// Prism (`Prefer: code=200`) and once to the simulator. Prints the resident memory (RSS) of the mock's
// process and of its Prism child: idle before, peak (VmHWM) and 3 s after the last answer.
//   pnpm --filter @qoder-cloud/mock build && node packages/mock/bench/body-memory.mjs [cli.js]
import { execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";

const cli = process.argv[2] ?? fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const UPLOADS = 8;
const BYTES = 31_000_000;

function memory(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: field("VmRSS"), peak: field("VmHWM") };
}

const body = (() => {
  const json = JSON.stringify({
    name: "big-body",
    agent: "agent_019eb4d4a06d747c865d5800b9c57ae2",
    environment_id: "env_019e64e01a137caf953ac2ac7b42ec5c",
    initial_events: [{ type: "user.message", content: "x".repeat(BYTES - 300) }],
  });
  return Buffer.concat([Buffer.from(json), Buffer.alloc(BYTES - Buffer.byteLength(json), " ")]);
})();

async function scenario(label, headers) {
  const child = spawn(process.execPath, [cli, "--port", "0"], { stdio: ["ignore", "pipe", "inherit"] });
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
  });
  while (!/listening on (http:\S+)/.test(output)) {
    if (child.exitCode !== null) throw new Error(`qoder-mock exited: ${output}`);
    await sleep(100);
  }
  const url = /listening on (http:\S+)/.exec(output)[1];
  const prism = Number(
    execFileSync("ps", ["-o", "pid=", "--ppid", String(child.pid)], { encoding: "utf8" })
      .trim()
      .split("\n")[0],
  );
  await sleep(1_000);
  const idle = { mock: memory(child.pid), prism: memory(prism) };
  const statuses = await Promise.all(
    Array.from({ length: UPLOADS }, () =>
      fetch(`${url}/deployments`, {
        method: "POST",
        headers: { authorization: "Bearer pt-bench", "content-type": "application/json", ...headers },
        body,
      }).then(async (response) => {
        await response.arrayBuffer();
        return response.status;
      }),
    ),
  );
  await sleep(3_000);
  const after = { mock: memory(child.pid), prism: memory(prism) };
  child.kill("SIGTERM");
  await new Promise((resolve) => child.once("exit", resolve));
  const mb = (value) => `${value.toFixed(0)} MB`;
  console.log(
    `${label}: ${UPLOADS} × ${BYTES / 1e6} MB uploads, answers ${[...new Set(statuses)].join(", ")}`,
  );
  for (const name of ["mock", "prism"]) {
    console.log(
      `  ${name.padEnd(5)} RSS idle ${mb(idle[name].rss)}, peak ${mb(after[name].peak)}, 3 s after ${mb(after[name].rss)}`,
    );
  }
}

await scenario("to Prism (Prefer: code=200)", { prefer: "code=200" });
await scenario("to the simulator", {});

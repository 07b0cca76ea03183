// The simulator against the stateless Prism mock, measured in the same run on the same machine:
// requests/s and p99 for GET list and POST create with 10 connections, RSS over 100,000 requests, and a
// list page over 10,000 stored deployments against one over the example data (no scan-and-sort).
//   pnpm --filter @qoder-cloud/mock build && pnpm --filter @qoder-cloud/mock bench
// Both mocks run as `qoder-mock` child processes (request validation on in both), so the load
// generator here never shares an event loop with the server it measures. Writes bench/results.json.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CONNECTIONS = 10;
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 4_000);
const RSS_REQUESTS = Number(process.env.BENCH_RSS_REQUESTS ?? 100_000);
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const createBody = JSON.stringify({
  name: "bench",
  agent: "agent_019eb4d4a06d747c865d5800b9c57ae2",
  environment_id: "env_019e64e01a137caf953ac2ac7b42ec5c",
  initial_events: [{ type: "user.message", content: "ping" }],
  schedule: null,
});

/** Starts `qoder-mock` with `args` on a free port; resolves with its URL and pid once it listens. */
function startCli(args) {
  const child = spawn(process.execPath, [cli, "--port", "0", ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk) => {
      output += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) resolve({ url, pid: child.pid, stop: () => stopChild(child) });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`qoder-mock ${args.join(" ")} exited with ${code}: ${output}`)),
    );
  });
}

function stopChild(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** VmRSS of a process and its children (Prism runs as a child of the CLI), in MB. */
function rssMb(pid) {
  const pids = [pid];
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    if (children) pids.push(...children.split(/\s+/).map(Number));
  } catch {}
  let kb = 0;
  for (const each of pids) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${each}/status`, "utf8"))?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}

/** `CONNECTIONS` loops sending `request()` for PHASE_MS (or `count` requests in all); req/s and latencies. */
async function load(request, { count, durationMs = PHASE_MS } = {}) {
  const latencies = [];
  let sent = 0;
  let failed = 0;
  const deadline = performance.now() + durationMs;
  const started = performance.now();
  const more = () => (count === undefined ? performance.now() < deadline : sent < count);
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (more()) {
        sent++;
        const t = performance.now();
        const response = await request();
        await response.arrayBuffer();
        if (!response.ok) failed++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { requests: latencies.length, failed, rps: latencies.length / seconds, p50: p(0.5), p99: p(0.99) };
}

const get = (url, path, token) => () =>
  fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });
const post = (url, path, token, body) => () =>
  fetch(`${url}${path}`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body,
  });

const format = (r) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms${r.failed ? `  (${r.failed} not 2xx)` : ""}`;

const results = { connections: CONNECTIONS, phaseMs: PHASE_MS };
const prism = await startCli(["--examples"]);
const simulator = await startCli([]);
try {
  // Warm both up, then alternate so that machine noise hits both alike.
  await load(get(prism.url, "/deployments?limit=2", "pt-warm"), { durationMs: 1_000 });
  await load(get(simulator.url, "/deployments?limit=2", "pt-warm"), { durationMs: 1_000 });
  for (const [name, make] of [
    ["list", (url, token) => get(url, "/deployments?limit=2", token)],
    ["create", (url, token) => post(url, "/deployments", token, createBody)],
  ]) {
    const onPrism = await load(make(prism.url, `pt-${name}`));
    // Creates spread over accounts, so that no account reaches the simulator's cap in the run.
    let n = 0;
    const onSimulator = await load(
      name === "create"
        ? () => make(simulator.url, `pt-${name}-${Math.floor(n++ / 5_000)}`)()
        : make(simulator.url, `pt-${name}`),
    );
    results[name] = { prism: onPrism, simulator: onSimulator, ratio: onSimulator.rps / onPrism.rps };
    console.log(`${name.padEnd(6)} Prism     ${format(onPrism)}`);
    console.log(
      `${name.padEnd(6)} simulator ${format(onSimulator)}   → ${results[name].ratio.toFixed(1)}× Prism's req/s`,
    );
  }

  // RSS of the simulator over RSS_REQUESTS requests: reads and creates (creates reset at the cap).
  const rss = [rssMb(simulator.pid)];
  const step = RSS_REQUESTS / 5;
  for (let i = 0; i < 5; i++) {
    await load(get(simulator.url, "/deployments?limit=20", "pt-rss"), { count: step / 2 });
    let n = 0;
    await load(
      () => post(simulator.url, "/deployments", `pt-rss-${i}-${Math.floor(n++ / 5_000)}`, createBody)(),
      {
        count: step / 2,
      },
    );
    // Drop the accounts just filled, as a test suite's reset would.
    await fetch(`${simulator.url}/_mock/reset`, {
      method: "POST",
      headers: { authorization: `Bearer pt-rss-${i}-0`, "content-type": "application/json" },
      body: '{"fixture":"empty"}',
    });
    rss.push(rssMb(simulator.pid));
  }
  results.rssMb = rss.map((mb) => Math.round(mb));
  console.log(
    `RSS of the simulator (MB) at 0, ${step}, … ${RSS_REQUESTS} requests: ${results.rssMb.join(" → ")}`,
  );

  // A list page over 10,000 stored deployments against one over the example data.
  await load(() => post(simulator.url, "/deployments", "pt-big", createBody)(), { count: 10_000 });
  const small = await load(get(simulator.url, "/deployments?limit=100", "pt-small"), { durationMs: 2_000 });
  const big = await load(get(simulator.url, "/deployments?limit=100", "pt-big"), { durationMs: 2_000 });
  results.listOver10k = { examples: small, tenThousand: big, ratio: big.p50 / small.p50 };
  console.log(`list?limit=100 over the examples     ${format(small)}`);
  console.log(
    `list?limit=100 over 10,000 deployments ${format(big)}   → p50 ${results.listOver10k.ratio.toFixed(2)}×`,
  );
} finally {
  await Promise.all([prism.stop(), simulator.stop()]);
}
writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

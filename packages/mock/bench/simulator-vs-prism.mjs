// The simulator against the stateless Prism mock, measured in the same run on the same machine:
// requests/s and p99 for GET list and POST create with 10 connections, RSS over 100,000 requests, and a
// list page over 10,000 stored deployments against one over the example data (no scan-and-sort).
//   pnpm --filter @qoder-cloud/mock build && pnpm --filter @qoder-cloud/mock bench
// Both mocks run as `qoder-mock` child processes (request validation on in both), so the load
// generator here never shares an event loop with the server it measures; it sends with node:http on a
// keep-alive agent (a global fetch costs the generator more than the simulator spends on an answer, and
// would measure itself). Writes bench/results.json.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
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
    let started = false;
    const onData = (chunk) => {
      if (started) return; // the access log is drained, not kept: it would cost the load generator time
      output += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        started = true;
        resolve({ url, pid: child.pid, stop: () => stopChild(child) });
      }
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

/** CPU seconds (user + system) used so far by a process and its children (Prism runs as a child of the CLI). */
function cpuSeconds(pid) {
  const pids = [pid];
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    if (children) pids.push(...children.split(/\s+/).map(Number));
  } catch {}
  let ticks = 0;
  for (const each of pids) {
    try {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name) are utime and stime.
      const fields = readFileSync(`/proc/${each}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/** `CONNECTIONS` loops sending `request()` for PHASE_MS (or `count` requests in all); req/s and latencies. */
async function load(request, { count, durationMs = PHASE_MS, serverPid } = {}) {
  const cpuBefore = serverPid ? cpuSeconds(serverPid) : 0;
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
        if (!response.ok) failed++;
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const p = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  const serverCpu = serverPid ? cpuSeconds(serverPid) - cpuBefore : 0;
  return {
    requests: latencies.length,
    failed,
    rps: latencies.length / seconds,
    // What the server would answer per second of one core: requests over the CPU time it spent on them
    // (the load generator, on the other core, cannot saturate a server this fast).
    perCpuSecond: serverCpu > 0 ? latencies.length / serverCpu : 0,
    p50: p(0.5),
    p99: p(0.99),
  };
}

const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });

/** One request on the keep-alive agent; resolves with `{ ok }` once the answer is read. */
function send(url, path, method, token, body) {
  return new Promise((resolve, reject) => {
    const headers = { authorization: `Bearer ${token}` };
    if (body)
      Object.assign(headers, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
    const req = httpRequest(`${url}${path}`, { method, headers, agent }, (res) => {
      res.resume();
      res.once("end", () => resolve({ ok: res.statusCode >= 200 && res.statusCode < 300 }));
      res.once("error", reject);
    });
    req.once("error", reject);
    req.end(body);
  });
}

const get = (url, path, token) => () => send(url, path, "GET", token);
const post = (url, path, token, body) => () => send(url, path, "POST", token, body);

const format = (r) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  ${r.perCpuSecond.toFixed(0).padStart(6)} req per server CPU-second${r.failed ? `  (${r.failed} not 2xx)` : ""}`;

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
    const onPrism = await load(make(prism.url, `pt-${name}`), { serverPid: prism.pid });
    // Creates spread over accounts, so that no account reaches the simulator's cap in the run.
    let n = 0;
    const onSimulator = await load(
      name === "create"
        ? () => make(simulator.url, `pt-${name}-${Math.floor(n++ / 5_000)}`)()
        : make(simulator.url, `pt-${name}`),
      { serverPid: simulator.pid },
    );
    results[name] = {
      prism: onPrism,
      simulator: onSimulator,
      ratio: onSimulator.rps / onPrism.rps,
      ratioPerCpuSecond: onSimulator.perCpuSecond / onPrism.perCpuSecond,
    };
    console.log(`${name.padEnd(6)} Prism     ${format(onPrism)}`);
    console.log(
      `${name.padEnd(6)} simulator ${format(onSimulator)}   → ${results[name].ratio.toFixed(1)}× Prism's req/s, ${results[name].ratioPerCpuSecond.toFixed(1)}× per CPU-second`,
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
    // Empty the two accounts just filled (5,000 creates each), as a test suite's reset would.
    for (const account of [0, 1]) {
      await send(simulator.url, "/_mock/reset", "POST", `pt-rss-${i}-${account}`, '{"fixture":"empty"}');
    }
    rss.push(rssMb(simulator.pid));
  }
  results.rssMb = rss.map((mb) => Math.round(mb));
  console.log(
    `RSS of the simulator (MB) at 0, ${step}, … ${RSS_REQUESTS} requests: ${results.rssMb.join(" → ")}`,
  );

  // The same full page of 100 over 10,000 stored deployments and over 200: with no scan-and-sort, the
  // account's size does not show in the answer time.
  await load(() => post(simulator.url, "/deployments", "pt-small", createBody)(), { count: 200 });
  await load(() => post(simulator.url, "/deployments", "pt-big", createBody)(), { count: 10_000 });
  const small = await load(get(simulator.url, "/deployments?limit=100", "pt-small"), { durationMs: 2_000 });
  const big = await load(get(simulator.url, "/deployments?limit=100", "pt-big"), { durationMs: 2_000 });
  results.listOver10k = { over200: small, over10000: big, ratio: big.p50 / small.p50 };
  console.log(`list?limit=100 over 200 deployments    ${format(small)}`);
  console.log(
    `list?limit=100 over 10,000 deployments ${format(big)}   → p50 ${results.listOver10k.ratio.toFixed(2)}×`,
  );
} finally {
  agent.destroy();
  await Promise.all([prism.stop(), simulator.stop()]);
}
writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

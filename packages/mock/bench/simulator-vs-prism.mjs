// The simulator against the stateless Prism mock, measured in the same run on the same machine:
// requests/s and p99 for GET list and POST create with 10 connections (3 rounds of 3 s each, in
// alternating order; each side's median round counts), RSS and heap after a full GC over 100,000
// requests, and a list page over 10,000 stored deployments against one over 200 (no scan-and-sort).
//   pnpm --filter @qoder-cloud/mock build && pnpm --filter @qoder-cloud/mock bench
// Both mocks run as `qoder-mock` child processes with their defaults (request validation and the access
// log on in both), so the load generator never shares an event loop with the server it measures. The
// load comes from autocannon, in a fresh process per phase, driving both alike: on a 2-core machine the generator shares the CPU with
// the server, so it must cost far less per request than the server does (node:http as a client costs
// about as much as the simulator's answer). Writes bench/results.json.
import { execFile, spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const CONNECTIONS = 10;
const PHASE_MS = Number(process.env.BENCH_PHASE_MS ?? 3_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WARM_UP_MS = 2_000;
const RSS_REQUESTS = Number(process.env.BENCH_RSS_REQUESTS ?? 100_000);
const cli = fileURLToPath(new URL("../dist/cli.js", import.meta.url));
const createBody = JSON.stringify({
  name: "bench",
  agent: "agent_019eb4d4a06d747c865d5800b9c57ae2",
  environment_id: "env_019e64e01a137caf953ac2ac7b42ec5c",
  initial_events: [{ type: "user.message", content: "ping" }],
  schedule: null,
});

const gcOnSignal = fileURLToPath(new URL("./gc-on-signal.mjs", import.meta.url));
const loadGenerator = fileURLToPath(new URL("./load-generator.mjs", import.meta.url));

/** autocannon with these options, in a fresh child process (see load-generator.mjs for why). */
function autocannon(options) {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [loadGenerator, JSON.stringify(options)],
      { maxBuffer: 64 * 2 ** 20 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`load generator failed: ${stderr.trim() || error.message}`));
        else resolve(JSON.parse(stdout));
      },
    );
  });
}

/**
 * Starts `qoder-mock` on a free port; resolves with its URL, pid, and `memory()`: a full GC in the mock,
 * then its heap and RSS in MB (both mocks are started alike, with the bench's gc-on-signal.mjs loaded).
 */
function startCli(args) {
  const child = spawn(
    process.execPath,
    ["--expose-gc", "--import", gcOnSignal, cli, "--port", "0", ...args],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  let waiting;
  // The access log is drained, not kept: it would cost the load generator time.
  child.stderr.on("data", (chunk) => {
    const memory = /bench-memory (\{.*\})/.exec(String(chunk))?.[1];
    if (memory && waiting) waiting(JSON.parse(memory));
  });
  const memory = () =>
    new Promise((resolve) => {
      waiting = ({ rss, heapUsed }) => resolve({ rssMb: rss / 2 ** 20, heapMb: heapUsed / 2 ** 20 });
      child.kill("SIGUSR2");
    });
  return new Promise((resolve, reject) => {
    let started = false;
    const onData = (chunk) => {
      if (started) return;
      output += chunk;
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
      if (url) {
        started = true;
        resolve({ url, pid: child.pid, memory, stop: () => stopChild(child) });
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

/** A process and its children (Prism runs as a child of the CLI). */
function processTree(pid) {
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim();
    return children ? [pid, ...children.split(/\s+/).map(Number)] : [pid];
  } catch {
    return [pid];
  }
}

/** VmRSS of a process and its children (Prism runs as a child of the CLI), in MB. */
function rssMb(pid) {
  let kb = 0;
  for (const each of processTree(pid)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${each}/status`, "utf8"))?.[1] ?? 0);
    } catch {}
  }
  return kb / 1024;
}

/** CPU seconds (user + system) used so far by a process and its children (Prism runs as a child of the CLI). */
function cpuSeconds(pid) {
  let ticks = 0;
  for (const each of processTree(pid)) {
    try {
      // Fields 14 and 15 of /proc/<pid>/stat (after the parenthesised name) are utime and stime.
      const fields = readFileSync(`/proc/${each}/stat`, "utf8").split(") ")[1].split(" ");
      ticks += Number(fields[11]) + Number(fields[12]);
    } catch {}
  }
  return ticks / 100; // USER_HZ is 100 on Linux
}

/**
 * Load from autocannon (10 keep-alive connections) for PHASE_MS, or `amount` requests in all: req/s,
 * latencies and the CPU the server spent on them. `accounts` spreads the requests over that many tokens
 * (`<token>-0` … in turn), for both mocks alike; the requests are built once, not per request.
 */
async function load(
  url,
  path,
  { method = "GET", body, token, accounts, amount, durationMs = PHASE_MS, serverPid } = {},
) {
  const cpuBefore = serverPid ? cpuSeconds(serverPid) : 0;
  const headers = { authorization: `Bearer ${token}` };
  if (body) headers["content-type"] = "application/json";
  const result = await autocannon({
    url: `${url}${path}`,
    method,
    body,
    headers,
    connections: CONNECTIONS,
    ...(amount === undefined ? { duration: durationMs / 1000 } : { amount }),
    ...(accounts
      ? {
          requests: Array.from({ length: accounts }, (_, index) => ({
            method,
            path,
            body,
            headers: { ...headers, authorization: `Bearer ${token}-${index}` },
          })),
        }
      : {}),
  });
  const serverCpu = serverPid ? cpuSeconds(serverPid) - cpuBefore : 0;
  const requests = result.requests.total;
  return {
    requests,
    failed: result.non2xx + result.errors + result.timeouts,
    rps: requests / result.duration,
    // What the server answers per second of one core: requests over the CPU time it spent on them.
    perCpuSecond: serverCpu > 0 ? requests / serverCpu : 0,
    // autocannon's histogram keeps whole milliseconds.
    p50: result.latency.p50,
    p99: result.latency.p99,
  };
}

const format = (r) =>
  `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50} ms  p99 ${r.p99} ms  ${r.perCpuSecond.toFixed(0).padStart(6)} req per server CPU-second${r.failed ? `  (${r.failed} not 2xx)` : ""}`;

/** Empties an account of the simulator, as a test suite's reset would. */
async function emptyAccount(url, token) {
  const response = await fetch(`${url}/_mock/reset`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: '{"fixture":"empty"}',
  });
  if (!response.ok) throw new Error(`reset: ${response.status} ${await response.text()}`);
}

/** Empties the accounts `<token>-0` … `<token>-<count - 1>` that load() spread requests over. */
async function emptyAccounts(url, token, count) {
  for (let account = 0; account < count; account++) await emptyAccount(url, `${token}-${account}`);
}

const median = (runs) => [...runs].sort((a, b) => a.rps - b.rps)[Math.floor(runs.length / 2)];

const results = { connections: CONNECTIONS, phaseMs: PHASE_MS, rounds: ROUNDS, warmUpMs: WARM_UP_MS };
const prism = await startCli(["--examples"]);
const simulator = await startCli([]);
try {
  for (const [name, request] of [
    ["list", { path: "/deployments?limit=2" }],
    // Creates spread over 20 accounts, so that none reaches the simulator's cap (50,000) in a phase.
    ["create", { path: "/deployments", method: "POST", body: createBody, accounts: 20 }],
  ]) {
    const { path, ...options } = request;
    // Both warmed up on the same requests first (Prism's first seconds are its slowest).
    for (const mock of [prism, simulator])
      await load(mock.url, path, { ...options, token: `pt-${name}-warm`, durationMs: WARM_UP_MS });
    if (options.accounts) await emptyAccounts(simulator.url, `pt-${name}-warm`, options.accounts);
    const runs = { prism: [], simulator: [] };
    // Rounds in alternating order, so that machine noise hits both alike; each side's median round counts.
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? ["prism", "simulator"] : ["simulator", "prism"];
      for (const side of order) {
        const mock = side === "prism" ? prism : simulator;
        const token = `pt-${name}-${round}`;
        runs[side].push(await load(mock.url, path, { ...options, token, serverPid: mock.pid }));
        // Each round starts from the same state, as a test suite's reset would leave it (out of the
        // measured time): rounds of creates would otherwise measure an ever larger heap to collect.
        if (options.accounts && side === "simulator")
          await emptyAccounts(simulator.url, token, options.accounts);
      }
    }
    const onPrism = median(runs.prism);
    const onSimulator = median(runs.simulator);
    results[name] = {
      prism: onPrism,
      simulator: onSimulator,
      ratio: onSimulator.rps / onPrism.rps,
      ratioPerCpuSecond: onSimulator.perCpuSecond / onPrism.perCpuSecond,
      rounds: {
        prism: runs.prism.map((run) => Math.round(run.rps)),
        simulator: runs.simulator.map((run) => Math.round(run.rps)),
      },
    };
    console.log(
      `${name.padEnd(6)} Prism     ${format(onPrism)}   (rounds: ${results[name].rounds.prism.join(", ")} req/s)`,
    );
    console.log(
      `${name.padEnd(6)} simulator ${format(onSimulator)}   (rounds: ${results[name].rounds.simulator.join(", ")} req/s)   → ${results[name].ratio.toFixed(1)}× Prism's req/s, ${results[name].ratioPerCpuSecond.toFixed(1)}× per CPU-second`,
    );
  }

  // Memory of the simulator over RSS_REQUESTS requests: reads, and creates into accounts that are
  // emptied afterwards, as a test suite's reset would. RSS as the system sees it (the CLI and its idle
  // Prism child), and the simulator's heap after a full GC: what it keeps, not what V8 has yet to collect.
  const memory = [{ rssMb: rssMb(simulator.pid), heapMb: (await simulator.memory()).heapMb }];
  const step = RSS_REQUESTS / 5;
  for (let i = 0; i < 5; i++) {
    await load(simulator.url, "/deployments?limit=20", { token: "pt-rss", amount: step / 2 });
    await load(simulator.url, "/deployments", {
      method: "POST",
      body: createBody,
      token: `pt-rss-${i}`,
      accounts: 20,
      amount: step / 2,
    });
    await emptyAccounts(simulator.url, `pt-rss-${i}`, 20);
    const rss = rssMb(simulator.pid);
    memory.push({ rssMb: rss, heapMb: (await simulator.memory()).heapMb });
  }
  results.rssMb = memory.map(({ rssMb }) => Math.round(rssMb));
  results.heapAfterGcMb = memory.map(({ heapMb }) => Math.round(heapMb));
  console.log(
    `simulator at 0, ${step}, … ${RSS_REQUESTS} requests: RSS (MB) ${results.rssMb.join(" → ")}; heap after a full GC (MB) ${results.heapAfterGcMb.join(" → ")}`,
  );

  // The same full page of 100 over 10,000 stored deployments and over 200: with no scan-and-sort, the
  // account's size does not show in the answer time.
  const create = { method: "POST", body: createBody };
  await load(simulator.url, "/deployments", { ...create, token: "pt-small", amount: 200 });
  await load(simulator.url, "/deployments", { ...create, token: "pt-big", amount: 10_000 });
  const page = "/deployments?limit=100";
  const small = await load(simulator.url, page, { token: "pt-small", durationMs: 2_000 });
  const big = await load(simulator.url, page, { token: "pt-big", durationMs: 2_000 });
  results.listOver10k = { over200: small, over10000: big, ratio: big.rps / small.rps };
  console.log(`list?limit=100 over 200 deployments    ${format(small)}`);
  console.log(
    `list?limit=100 over 10,000 deployments ${format(big)}   → ${results.listOver10k.ratio.toFixed(2)}× the req/s`,
  );
} finally {
  await Promise.all([prism.stop(), simulator.stop()]);
}
writeFileSync(new URL("./results.json", import.meta.url), `${JSON.stringify(results, null, 2)}\n`);

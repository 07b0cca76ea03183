#!/usr/bin/env node
// `pnpm bench`: the built client (dist/) against one local keep-alive server (its own process).
//  1. per-request cost of qoder.deployments.retrieve() and of qoder.deployments.list({ limit: 2 }), on the
//     default transport (global fetch; target ≤ 1.10×) and on undiciFetch() (target ≤ 0.80×), as ratios to a
//     bare fetch + res.json() measured in the same rounds, with the floor of each: undici's own request(),
//     and a bare fetch carrying the client's two headers and a cancellable signal;
//  2. walking 100,000 deployments at limit=1000 vs a hand-written fetch loop (target ≤ 1.15×), with the
//     peak RSS of each walk (own process each), plus a 10,000-item walk to show RSS does not grow with items.
// Prints medians and ratios and writes bench/results.json.
import { execFile, fork } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import createClient from "openapi-fetch";
import { createQoderClient } from "../dist/index.js";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const SMALL_ITEMS = ITEMS / 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 100);
const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 50);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2000);
const WALK_ROUNDS = Number(process.env.BENCH_WALK_ROUNDS ?? 7);
const { version } = JSON.parse(readFileSync(here("../package.json"), "utf8"));
const USER_AGENT = `@qoder-cloud/client/${version} node/${process.versions.node}`;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const round = (value, digits = 3) => Number(value.toFixed(digits));

async function startServer(items) {
  const child = fork(here("./server.mjs"), {
    env: { ...process.env, BENCH_ITEMS: String(items) },
    stdio: "inherit",
  });
  const { port } = await new Promise((resolve) => child.once("message", resolve));
  return { child, url: `http://127.0.0.1:${port}` };
}

/**
 * Per-request cost of one call, interleaved with its baselines in every round: a bare `fetch` +
 * `res.json()` (the reference of every ratio), undici's own `request` + `body.json()` (the floor on
 * undici), that bare fetch with the client's headers and signal (the floor on fetch), openapi-fetch alone,
 * the client on its default transport and the client on `undiciFetch()`. Each round runs REQUESTS_PER_ROUND
 * sequential requests of each case, in an order that rotates from round to round; a ratio is the median
 * of the per-round ratios (the two sides of a round share the machine's load of that moment).
 */
async function perRequest(baseUrl, list = false) {
  const token = "pt-bench-token";
  // Every feature on: auth, request ids, timeouts with real cancellation, retries armed.
  const options = { token, baseUrl, timeoutMs: 60_000, maxRetries: 2 };
  const qoder = createQoderClient(options);
  const qoderUndici = createQoderClient({
    ...options,
    fetch: undiciFetch(new Agent({ keepAliveTimeout: 60_000 })),
  });
  const agent = new Agent({ keepAliveTimeout: 60_000 });
  // openapi-fetch alone (its own Request, the global fetch), the builder the client stands on: context.
  const bare = createClient({ baseUrl, headers: { authorization: `Bearer ${token}` } });
  const id = "dep_00000000000000000000000000000007";
  const path = list ? "/deployments?limit=2" : `/deployments/${id}`;
  const call = list
    ? (client) => client.deployments.list({ limit: 2 })
    : (client) => client.deployments.retrieve(id);
  const headers = { authorization: `Bearer ${token}` };
  // The least a fetch-based client with these features must do on top of a bare fetch: send a fresh
  // request id and its User-Agent, and pass a signal that can really cancel (reused for 8 requests, as
  // the client reuses its controllers).
  let controller;
  let uses = 0;
  const floorInit = () => {
    if (uses++ % 8 === 0) controller = new AbortController();
    return {
      headers: { ...headers, "user-agent": USER_AGENT, "x-request-id": crypto.randomUUID() },
      signal: controller.signal,
      redirect: "manual",
    };
  };
  const cases = {
    rawFetch: async () => (await fetch(`${baseUrl}${path}`, { headers })).json(),
    fetchFloor: async () => (await fetch(`${baseUrl}${path}`, floorInit())).json(),
    undiciRequest: async () =>
      (await agent.request({ origin: baseUrl, path, method: "GET", headers })).body.json(),
    client: () => call(qoder),
    undici: () => call(qoderUndici),
    openapiFetch: () =>
      list
        ? bare.GET("/deployments", { params: { query: { limit: 2 } } })
        : bare.GET("/deployments/{deployment_id}", { params: { path: { deployment_id: id } } }),
  };
  const names = Object.keys(cases);
  const time = async (fn) => {
    const started = performance.now();
    for (let i = 0; i < REQUESTS_PER_ROUND; i++) await fn();
    return ((performance.now() - started) * 1000) / REQUESTS_PER_ROUND; // µs per request
  };
  // Warm-up: JIT, keep-alive connections, the server's own caches.
  for (const name of names) for (let i = 0; i < WARMUP; i++) await cases[name]();
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  for (let r = 0; r < ROUNDS; r++) {
    for (let i = 0; i < names.length; i++) {
      const name = names[(i + r) % names.length];
      samples[name].push(await time(cases[name]));
    }
  }
  await agent.close();
  const raw = samples.rawFetch;
  const summary = (name) => {
    const us = median(samples[name]);
    return {
      client_us: round(us, 1),
      rawFetch_us: round(median(raw), 1),
      ratio: round(median(samples[name].map((value, i) => value / raw[i]))),
      ratioOfMedians: round(us / median(raw)),
      rounds: ROUNDS,
      requestsPerRound: REQUESTS_PER_ROUND,
    };
  };
  return {
    client: summary("client"),
    undici: summary("undici"),
    undiciRequest: summary("undiciRequest"),
    fetchFloor: summary("fetchFloor"),
    openapiFetch: summary("openapiFetch"),
  };
}

async function walk(mode, baseUrl, nodeArgs = []) {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [...nodeArgs, here("./walk.mjs"), mode, baseUrl],
    {
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(stdout);
}

async function pagination(baseUrl, items, rounds) {
  await walk("client", baseUrl); // warm-up: the server builds and caches its pages once
  const client = [];
  const raw = [];
  for (let r = 0; r < rounds; r++) {
    const order = r % 2 ? ["raw", "client"] : ["client", "raw"];
    for (const mode of order) {
      const result = await walk(mode, baseUrl);
      if (result.items !== items)
        throw new Error(`${mode} walk saw ${result.items} items, expected ${items}`);
      (mode === "client" ? client : raw).push(result);
    }
  }
  const client_s = median(client.map((r) => r.seconds));
  const rawFetch_s = median(raw.map((r) => r.seconds));
  return {
    items,
    limit: 1000,
    client_s: round(client_s),
    rawFetch_s: round(rawFetch_s),
    // the median of each round's client/raw ratio (both walks of a round share the machine's load)
    ratio: round(median(client.map((c, i) => c.seconds / raw[i].seconds))),
    ratioOfMedians: round(client_s / rawFetch_s),
    client_peak_rss_mb: round(median(client.map((r) => r.peakRssMb)), 1),
    rawFetch_peak_rss_mb: round(median(raw.map((r) => r.peakRssMb)), 1),
    rounds,
  };
}

const started = performance.now();
const big = await startServer(ITEMS);
const small = await startServer(SMALL_ITEMS);
// The global fetch makes Node's own dispatcher on first use; undici, loaded first, would make its Agent the
// global dispatcher instead (undici's own behaviour), and the baseline would not be the fetch users have.
await (await fetch(`${big.url}/deployments?limit=1`)).arrayBuffer();
const { Agent } = await import("undici");
const { undiciFetch } = await import("../dist/undici.js");
if (globalThis[Symbol.for("undici.globalDispatcher.1")] instanceof Agent)
  throw new Error("the global fetch runs on undici's Agent: the baseline would not be Node's own fetch");
try {
  console.log(
    `per-request: ${ROUNDS} rounds × ${REQUESTS_PER_ROUND} sequential requests per case, interleaved; ratios are medians of per-round ratios to a bare fetch + res.json()`,
  );
  const show = (label, result) => {
    for (const [name, r] of Object.entries(result))
      console.log(
        `  ${label} ${name.padEnd(13)} median ${r.client_us} µs/request (fetch ${r.rawFetch_us} µs)  ratio ${r.ratio}×`,
      );
  };
  const retrieve = await perRequest(big.url);
  show("retrieve", retrieve);
  const list = await perRequest(big.url, true);
  show("list    ", list);
  console.log("  targets: client ≤ 1.10×, undici ≤ 0.80× (stretch 0.70×); fetchFloor: the least on fetch");

  console.log(
    `pagination: ${WALK_ROUNDS} interleaved walks each of ${ITEMS} deployments at limit=1000 (one process per walk)`,
  );
  const paginationResult = await pagination(big.url, ITEMS, WALK_ROUNDS);
  console.log(
    `  client   median ${paginationResult.client_s} s, peak RSS ${paginationResult.client_peak_rss_mb} MB\n` +
      `  raw loop median ${paginationResult.rawFetch_s} s, peak RSS ${paginationResult.rawFetch_peak_rss_mb} MB\n` +
      `  ratio ${paginationResult.ratio}× (target ≤ 1.15×)`,
  );

  const smallResult = await pagination(small.url, SMALL_ITEMS, 3);
  const growth = paginationResult.client_peak_rss_mb / smallResult.client_peak_rss_mb;
  console.log(
    `  memory: client peak RSS ${smallResult.client_peak_rss_mb} MB at ${SMALL_ITEMS} items vs ` +
      `${paginationResult.client_peak_rss_mb} MB at ${ITEMS} items (${round(growth, 2)}×; flat means no growth with item count)`,
  );

  // Peak RSS also reflects how far V8 lets the heap grow before collecting; a hard heap cap shows what the
  // walk really retains: 100,000 deployments (~100 MB as objects) could not fit in 48 MB if it kept them.
  const capped = await walk("client", big.url, ["--max-old-space-size=48"]);
  console.log(
    `  with the heap capped at 48 MB the client still walks all ${capped.items} items (peak RSS ${round(capped.peakRssMb, 1)} MB)`,
  );

  const results = {
    perRequest: retrieve.client,
    perRequestList: list.client,
    undici: { perRequest: retrieve.undici, perRequestList: list.undici },
    // undici's own request + body.json(), no client: the floor of any client on undici
    undiciRequest: { perRequest: retrieve.undiciRequest, perRequestList: list.undiciRequest },
    // a bare fetch with the client's two headers and a cancellable signal: the floor of any client on fetch
    fetchFloor: { perRequest: retrieve.fetchFloor, perRequestList: list.fetchFloor },
    // openapi-fetch alone (its own Request, the global fetch): what the client's builder costs by itself
    openapiFetch: { perRequest: retrieve.openapiFetch, perRequestList: list.openapiFetch },
    pagination: paginationResult,
    paginationSmall: smallResult,
    rssGrowth_10x_items: round(growth, 2),
    heapCapped48mb: {
      items: capped.items,
      client_s: round(capped.seconds),
      client_peak_rss_mb: round(capped.peakRssMb, 1),
    },
    environment: {
      node: process.version,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? "unknown",
      date: new Date().toISOString(),
      durationSeconds: round((performance.now() - started) / 1000, 1),
    },
  };
  writeFileSync(here("./results.json"), `${JSON.stringify(results, null, 2)}\n`);
  console.log(`wrote bench/results.json in ${results.environment.durationSeconds} s`);
} finally {
  big.child.kill();
  small.child.kill();
}

#!/usr/bin/env node
// `pnpm bench`: the built client (dist/) against one local keep-alive server, interleaved with raw fetch.
//  1. per-request cost of qoder.deployments.retrieve() vs fetch + JSON.parse (target ≤ 1.10×)
//  2. walking 100,000 deployments at limit=1000 vs a hand-written fetch loop (target ≤ 1.15×), with the
//     peak RSS of each walk (own process each), plus a 10,000-item walk to show RSS does not grow with items.
// Prints medians and ratios and writes bench/results.json.
import { execFile, fork } from "node:child_process";
import { writeFileSync } from "node:fs";
import os from "node:os";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { createQoderClient } from "../dist/index.js";

const here = (file) => fileURLToPath(new URL(file, import.meta.url));
const ITEMS = Number(process.env.BENCH_ITEMS ?? 100_000);
const SMALL_ITEMS = ITEMS / 10;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 40);
const REQUESTS_PER_ROUND = Number(process.env.BENCH_REQUESTS ?? 200);
const WALK_ROUNDS = Number(process.env.BENCH_WALK_ROUNDS ?? 5);

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

async function perRequest(baseUrl, list = false) {
  const token = "pt-bench-token";
  const qoder = createQoderClient({ token, baseUrl });
  const id = "dep_00000000000000000000000000000007";
  const rawUrl = list ? `${baseUrl}/deployments?limit=2` : `${baseUrl}/deployments/${id}`;
  const viaClient = list
    ? async () => {
        for (let i = 0; i < REQUESTS_PER_ROUND; i++) await qoder.deployments.list({ limit: 2 });
      }
    : async () => {
        for (let i = 0; i < REQUESTS_PER_ROUND; i++) await qoder.deployments.retrieve(id);
      };
  const viaFetch = async () => {
    for (let i = 0; i < REQUESTS_PER_ROUND; i++) {
      const response = await fetch(rawUrl, { headers: { authorization: `Bearer ${token}` } });
      JSON.parse(await response.text());
    }
  };
  const time = async (fn) => {
    const started = performance.now();
    await fn();
    return ((performance.now() - started) * 1000) / REQUESTS_PER_ROUND; // µs per request
  };
  await viaClient(); // warm-up: JIT and keep-alive connections
  await viaFetch();
  const client = [];
  const raw = [];
  for (let r = 0; r < ROUNDS; r++) {
    // Alternate which goes first so drift (GC, CPU frequency) hits both alike.
    if (r % 2) {
      raw.push(await time(viaFetch));
      client.push(await time(viaClient));
    } else {
      client.push(await time(viaClient));
      raw.push(await time(viaFetch));
    }
  }
  const client_us = median(client);
  const rawFetch_us = median(raw);
  return {
    client_us: round(client_us, 1),
    rawFetch_us: round(rawFetch_us, 1),
    ratio: round(client_us / rawFetch_us),
    // the median of each round's client/raw ratio: less sensitive to load that drifts between rounds
    pairedRatio: round(median(client.map((c, i) => c / raw[i]))),
    rounds: ROUNDS,
    requestsPerRound: REQUESTS_PER_ROUND,
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
    ratio: round(client_s / rawFetch_s),
    client_peak_rss_mb: round(median(client.map((r) => r.peakRssMb)), 1),
    rawFetch_peak_rss_mb: round(median(raw.map((r) => r.peakRssMb)), 1),
    rounds,
  };
}

const started = performance.now();
const big = await startServer(ITEMS);
const small = await startServer(SMALL_ITEMS);
try {
  console.log(
    `per-request: ${ROUNDS} interleaved rounds × ${REQUESTS_PER_ROUND} sequential GETs of a ~1 KB deployment`,
  );
  const perRequestResult = await perRequest(big.url);
  console.log(
    `  qoder.deployments.retrieve  median ${perRequestResult.client_us} µs/request\n` +
      `  fetch + JSON.parse          median ${perRequestResult.rawFetch_us} µs/request\n` +
      `  ratio ${perRequestResult.ratio}× (median of per-round ratios ${perRequestResult.pairedRatio}×; target ≤ 1.10×)`,
  );

  const perRequestListResult = await perRequest(big.url, true);
  console.log(
    `  qoder.deployments.list({limit: 2}) median ${perRequestListResult.client_us} µs/request\n` +
      `  fetch + JSON.parse                 median ${perRequestListResult.rawFetch_us} µs/request\n` +
      `  ratio ${perRequestListResult.ratio}× (median of per-round ratios ${perRequestListResult.pairedRatio}×; target ≤ 1.10×)`,
  );

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
    perRequest: perRequestResult,
    perRequestList: perRequestListResult,
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

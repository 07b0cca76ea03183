// Prints how long the mock takes to start and to answer (through the envelope layer), for reference.
//   pnpm --filter @qoder-cloud/mock build && pnpm --filter @qoder-cloud/mock bench
import { startMock } from "../dist/index.js";

const REQUESTS = 200;
const started = performance.now();
const mock = await startMock({ port: 0 });
console.log(`startMock() until the mock answers: ${(performance.now() - started).toFixed(0)} ms`);

async function measure(label, path, headers) {
  const samples = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    const response = await fetch(`${mock.url}${path}`, { headers });
    await response.arrayBuffer();
    samples.push(performance.now() - t);
  }
  samples.sort((a, b) => a - b);
  const at = (q) => samples[Math.floor(q * (samples.length - 1))].toFixed(1);
  console.log(`${label}: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms (${REQUESTS} sequential requests)`);
}

try {
  await measure("200 GET /deployments", "/deployments?limit=2", { authorization: "Bearer pt-bench" });
  await measure("400 GET /deployments?limit=0", "/deployments?limit=0", { authorization: "Bearer pt-bench" });
  await measure("401 without Authorization", "/deployments", {});
} finally {
  await mock.stop();
}

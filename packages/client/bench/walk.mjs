// One pagination walk in a fresh process, so its peak RSS is its own: `node walk.mjs <client|raw> <baseUrl>`.
// Prints {"seconds", "items", "peakRssMb"} as JSON on stdout.
import { createQoderClient } from "../dist/index.js";

const [mode, baseUrl] = process.argv.slice(2);
const token = "pt-bench-token";
const LIMIT = 1000;

async function walkWithClient() {
  const qoder = createQoderClient({ token, baseUrl });
  let items = 0;
  for await (const deployment of qoder.deployments.list({ limit: LIMIT })) {
    if (deployment.id) items++;
  }
  return items;
}

/** The hand-written loop a careful developer would write with fetch: after_id = last_id until has_more is false. */
async function walkWithRawFetch() {
  let items = 0;
  let after = null;
  for (;;) {
    const url = `${baseUrl}/deployments?limit=${LIMIT}${after ? `&after_id=${encodeURIComponent(after)}` : ""}`;
    const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    // The client's own parsing path (text, then JSON.parse), so the ratio is the client's own cost.
    const page = JSON.parse(await response.text());
    for (const deployment of page.data) {
      if (deployment.id) items++;
    }
    if (!page.has_more) return items;
    after = page.last_id;
  }
}

const started = performance.now();
const items = mode === "client" ? await walkWithClient() : await walkWithRawFetch();
const seconds = (performance.now() - started) / 1000;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ seconds, items, peakRssMb }));

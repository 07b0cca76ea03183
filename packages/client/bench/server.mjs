// Benchmark server (its own process, so it does not disturb the measured one): one keep-alive HTTP
// server on 127.0.0.1 serving a ~1 KB deployment and a cursor-paginated list of TOTAL deployments.
import { createServer } from "node:http";

const TOTAL = Number(process.env.BENCH_ITEMS ?? 100_000);
const id = (i) => `dep_${String(i).padStart(32, "0")}`;
const deployment = (i) => ({
  agent: { id: "agent_019eb4d4a06d747c865d5800b9c57ae2", type: "agent", version: 1 },
  archived_at: null,
  created_at: "2026-06-14T08:53:32Z",
  description: "Deployment created for API documentation verification",
  environment_id: "env_019e64e01a137caf953ac2ac7b42ec5c",
  id: id(i),
  initial_events: [
    { content: [{ type: "text", text: "Generate today's status report" }], type: "user.message" },
  ],
  metadata: { team: "reports" },
  name: `deployment-${i}`,
  paused_reason: null,
  resources: [],
  schedule: {
    expression: "0 9 * * *",
    timezone: "Asia/Shanghai",
    type: "cron",
    upcoming_runs_at: ["2026-06-15T01:00:00Z", "2026-06-16T01:00:00Z", "2026-06-17T01:00:00Z"],
  },
  status: "active",
  type: "deployment",
  updated_at: "2026-06-14T08:53:32Z",
  vault_ids: [],
});

const single = JSON.stringify(deployment(7));
const pages = new Map(); // start index + limit → body; built once, so every walk costs the server the same

function listBody(start, limit) {
  const key = `${start}:${limit}`;
  let body = pages.get(key);
  if (!body) {
    const end = Math.min(TOTAL, start + limit);
    const data = [];
    for (let i = start; i < end; i++) data.push(deployment(i));
    const has_more = end < TOTAL;
    body = JSON.stringify({
      data,
      first_id: data[0]?.id ?? null,
      last_id: data.at(-1)?.id ?? null,
      has_more,
      next_page: has_more ? (data.at(-1)?.id ?? null) : null,
    });
    pages.set(key, body);
  }
  return body;
}

const server = createServer((req, res) => {
  const url = new URL(req.url, "http://127.0.0.1");
  let body;
  if (url.pathname === "/deployments") {
    const after = url.searchParams.get("after_id");
    const start = after ? Number(after.slice(4)) + 1 : 0;
    body = listBody(start, Number(url.searchParams.get("limit") ?? 20));
  } else {
    body = single;
  }
  res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => process.send?.({ port: server.address().port }));
process.on("disconnect", () => process.exit(0));

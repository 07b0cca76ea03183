// Each operation's documented error examples are ones that operation answers: the simulator is driven
// into every invalid request, conflict and missing record the contract documents, and the messages it
// answers are compared, per operation and status, with the examples of that operation's response. For
// 404 and 409 both ways (an answer the operation does not document, or an example no scenario reaches,
// fails); for 400 every example but the generic `invalid_request` must be reached (the validators say
// more than any list of examples). Another operation's error listed as an example misleads the docs
// reader, and `Prefer: code=` answers the first one.
import { expect, it } from "vitest";
import { createBody, simServerOfFile } from "./support/simulator.js";
import { matchOperation, operations } from "./support/spec.js";

type Resource = { id: string; version?: number };
type ErrorBody = { error: { type: string; message: string; param?: string } };

const server = simServerOfFile();

/**
 * An error's message and `param`, ids blanked out (the examples name records of their own): what both
 * share. The param too: an example's `param` is what a client branches on.
 */
const shape = ({ message, param }: ErrorBody["error"]) =>
  `${message.replace(/\b[a-z]+_[0-9a-f]{32}\b/g, "<id>")} (param: ${param ?? "none"})`;

/** The operation a concrete request is for, matched against the contract's path templates. */
function operationOf(method: string, path: string): string {
  const bare = path.split("?")[0] as string;
  const found = matchOperation(method, bare);
  if (!found) throw new Error(`No operation for ${method} ${bare}`);
  return found.operationId;
}

it("every operation's error examples are ones it answers (404 and 409: no more and no fewer)", async () => {
  const token = "pt-documented-errors";
  const answered = new Map<string, Set<string>>();
  const call = async <T = Resource>(
    method: string,
    path: string,
    body?: unknown,
    key?: string,
  ): Promise<{ status: number; body: T }> => {
    const answer = await server.call<T>(method, path, {
      token,
      body,
      headers: key ? { "idempotency-key": key } : {},
    });
    if (answer.status === 400 || answer.status === 404 || answer.status === 409) {
      const where = `${operationOf(method, path)} ${answer.status}`;
      const messages = answered.get(where) ?? new Set();
      messages.add(shape((answer.body as ErrorBody).error));
      answered.set(where, messages);
    } else {
      expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(200);
    }
    return answer;
  };
  const ok = async <T = Resource>(method: string, path: string, body?: unknown) =>
    (await call<T>(method, path, body)).body;
  /** The same Idempotency-Key sent first with `first`, then with `second`: a 409 for the second. */
  let keys = 0;
  const reuseKey = async (first: [string, string, unknown?], second: [string, string, unknown?]) => {
    const key = `conflict-${++keys}`;
    expect((await call(first[0], first[1], first[2], key)).status).toBe(200);
    expect((await call(second[0], second[1], second[2], key)).status).toBe(409);
  };

  // Deployments: one paused twice, unpaused twice, archived twice, run while paused, paused and unpaused when archived.
  const deployment = await ok("POST", "/deployments", createBody());
  const other = await ok("POST", "/deployments", createBody());
  await reuseKey(
    ["POST", "/deployments", createBody({ name: "a" })],
    ["POST", "/deployments", createBody({ name: "b" })],
  );
  await reuseKey(
    ["POST", `/deployments/${deployment.id}`, { name: "a" }],
    ["POST", `/deployments/${deployment.id}`, { name: "b" }],
  );
  await reuseKey(["POST", `/deployments/${deployment.id}/pause`], ["POST", `/deployments/${other.id}/pause`]);
  await call("POST", `/deployments/${deployment.id}/pause`);
  await call("POST", `/deployments/${deployment.id}/run`);
  await reuseKey(["POST", `/deployments/${other.id}/run`], ["POST", `/deployments/${deployment.id}/run`]);
  await reuseKey(
    ["POST", `/deployments/${deployment.id}/unpause`],
    ["POST", `/deployments/${other.id}/unpause`],
  );
  await call("POST", `/deployments/${deployment.id}/unpause`);
  await reuseKey(
    ["POST", `/deployments/${deployment.id}/archive`],
    ["POST", `/deployments/${other.id}/archive`],
  );
  await call("POST", `/deployments/${deployment.id}/archive`);
  await call("POST", `/deployments/${deployment.id}/pause`);
  await call("POST", `/deployments/${deployment.id}/unpause`);

  // Agents: a stale version (the agent at 2, the request at 1), an archived one updated and archived again.
  const agentBody = { name: "agent", model: "ultimate" };
  const agent = await ok("POST", "/agents", agentBody);
  await reuseKey(["POST", "/agents", agentBody], ["POST", "/agents", { ...agentBody, name: "other" }]);
  await reuseKey(
    ["POST", `/agents/${agent.id}`, { version: 1, name: "a" }],
    ["POST", `/agents/${agent.id}`, { version: 2, name: "b" }],
  );
  await call("POST", `/agents/${agent.id}`, { version: 1, name: "stale" });
  const spare = await ok("POST", "/agents", agentBody);
  await reuseKey(["POST", `/agents/${agent.id}/archive`], ["POST", `/agents/${spare.id}/archive`]);
  await call("POST", `/agents/${agent.id}/archive`);
  await call("POST", `/agents/${agent.id}`, { version: 2, name: "late" });

  // Environments: archived twice, deleted while a run's session references it.
  const environmentBody = { name: "env", config: { type: "cloud", networking: { type: "unrestricted" } } };
  const environment = await ok("POST", "/environments", environmentBody);
  const used = await ok("POST", "/environments", environmentBody);
  const spareEnvironment = await ok("POST", "/environments", environmentBody);
  await reuseKey(
    ["POST", "/environments", environmentBody],
    ["POST", "/environments", { ...environmentBody, name: "other" }],
  );
  await reuseKey(
    ["POST", `/environments/${environment.id}`, { name: "a" }],
    ["POST", `/environments/${environment.id}`, { name: "b" }],
  );
  await reuseKey(
    ["POST", `/environments/${environment.id}/archive`],
    ["POST", `/environments/${spareEnvironment.id}/archive`],
  );
  await call("POST", `/environments/${environment.id}/archive`);
  const running = await ok("POST", "/deployments", createBody({ environment_id: used.id }));
  await ok("POST", `/deployments/${running.id}/run`);
  await call("DELETE", `/environments/${used.id}`);
  await reuseKey(
    ["DELETE", `/environments/${environment.id}`],
    ["DELETE", `/environments/${spareEnvironment.id}`],
  );

  // Records that do not exist: every operation that names one in its path.
  const missing = (prefix: string) => `${prefix}_${"0".repeat(32)}`;
  for (const path of ["", "/pause", "/unpause", "/archive", "/run"])
    await call("POST", `/deployments/${missing("dep")}${path}`, path ? undefined : { name: "x" });
  await call("GET", `/deployments/${missing("dep")}`);
  await call("GET", `/deployments/${missing("dep")}/runs`);
  await call("GET", `/deployments/${missing("dep")}/runs/${missing("drun")}`);
  const run = await ok("POST", `/deployments/${other.id}/run`);
  await ok("GET", `/deployments/${other.id}/runs/${run.id}`);
  await call("GET", `/deployments/${running.id}/runs/${run.id}`); // a run of another deployment
  await call("GET", `/deployment_runs/${missing("drun")}`);
  await call("GET", `/agents/${missing("agent")}`);
  await call("GET", `/agents/${spare.id}?version=7`);
  await call("POST", `/agents/${missing("agent")}`, { version: 1 });
  await call("POST", `/agents/${missing("agent")}/archive`);
  await call("GET", `/agents/${missing("agent")}/versions`);
  for (const method of ["GET", "POST", "DELETE"])
    await call(method, `/environments/${missing("env")}`, method === "POST" ? { name: "x" } : undefined);
  await call("POST", `/environments/${missing("env")}/archive`);

  // Invalid requests: every documented 400 example, on each operation that lists it.
  const lists = [
    "/deployments",
    "/deployment_runs",
    `/deployments/${other.id}/runs`,
    "/agents",
    "/environments",
  ];
  for (const list of lists) {
    await call("GET", `${list}?limit=${list === "/agents" || list === "/environments" ? 500 : 5000}`);
    await call("GET", `${list}?page=x&after_id=${other.id}`);
    await call("GET", `${list}?page=zzz`);
  }
  await call("GET", `/agents/${spare.id}/versions?limit=500`);
  await call("GET", `/agents/${spare.id}/versions?page=zzz`);
  await call("GET", "/models?limit=5000");
  await call("GET", `/models?after_id=${other.id}&before_id=${other.id}`);
  await ok("POST", `/environments/${spareEnvironment.id}/archive`);
  const stray = { reason: "x" };
  for (const path of ["pause", "unpause", "archive", "run"])
    await call("POST", `/deployments/${other.id}/${path}`, stray);
  await call("POST", `/agents/${spare.id}/archive`, stray);
  await call("POST", `/environments/${used.id}/archive`, stray);
  const { name: _, ...nameless } = createBody();
  await call("POST", "/deployments", nameless);
  for (const [path, base] of [
    ["/deployments", createBody()],
    [`/deployments/${other.id}`, {}],
  ] as const) {
    await call("POST", path, { ...base, scheduel: "daily" });
    await call("POST", path, { ...base, schedule: { type: "cron", expression: "0 9 * *", timezone: "UTC" } });
    await call("POST", path, { ...base, agent: agent.id });
    await call("POST", path, { ...base, agent: missing("agent") });
    await call("POST", path, { ...base, agent: { type: "agent", id: spare.id, version: 7 } });
    await call("POST", path, { ...base, environment_id: missing("env") });
    await call("POST", path, { ...base, environment_id: spareEnvironment.id });
  }
  const browser = { tools: [{ type: "browser_toolset_20260714" }] };
  const unreferenced = {
    mcp_servers: [{ type: "url", name: "docs-search", url: "https://example.com/mcp" }],
  };
  await call("POST", "/agents", { model: "ultimate" });
  await call("POST", `/agents/${spare.id}`, { name: "x" });
  for (const [path, base] of [
    ["/agents", agentBody],
    [`/agents/${spare.id}`, { version: 1 }],
  ] as const) {
    await call("POST", path, { ...base, sytem: "Be brief." });
    await call("POST", path, { ...base, ...browser });
    await call("POST", path, { ...base, ...unreferenced });
  }
  await call("POST", "/environments", { config: environmentBody.config });
  for (const [path, base] of [
    ["/environments", environmentBody],
    [`/environments/${used.id}`, {}],
  ] as const) {
    await call("POST", path, { ...base, config: {} });
    await call("POST", path, { ...base, confg: {} });
  }

  const documented = new Map(
    operations.flatMap((operation) =>
      operation.responses
        .filter((response) => response.status === 400 || response.status === 404 || response.status === 409)
        .map((response) => {
          const messages = response.examples
            .filter((example) => example.name !== "invalid_request")
            .map((example) => shape((example.value as ErrorBody).error));
          return [`${operation.operationId} ${response.status}`, new Set(messages)] as const;
        }),
    ),
  );
  const sorted = (map: Map<string, Set<string>>) =>
    Object.fromEntries([...map].sort().map(([where, messages]) => [where, [...messages].sort()]));
  const byStatus = (map: Map<string, Set<string>>, status: number) =>
    sorted(new Map([...map].filter(([where]) => where.endsWith(` ${status}`))));
  for (const status of [404, 409]) expect(byStatus(answered, status)).toEqual(byStatus(documented, status));
  // 400: what each operation documents is a subset of what it answered.
  const badRequests = byStatus(answered, 400);
  for (const [where, messages] of Object.entries(byStatus(documented, 400)))
    expect(badRequests[where] ?? [], where).toEqual(expect.arrayContaining(messages));
});

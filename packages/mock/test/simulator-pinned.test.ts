// Behaviours the contract and issue 11 promise that the other suites left open: each test was written
// against a mutant of the simulator (a changed comparison, a dropped update) that every other test let
// through, and fails on it.
import { beforeEach, describe, expect, it } from "vitest";
import {
  accountCalls,
  createBody,
  type Deployment,
  type ErrorBody,
  type List,
  type Run,
  referenced as referencedState,
  simServerOfFile,
} from "./support/simulator.js";

const referenced = referencedState();

const server = simServerOfFile();
let token: string;
let count = 0;
beforeEach(async () => {
  token = `pt-pinned-${++count}`;
  expect((await server.call("POST", "/_mock/reset", { token, body: { fixture: "empty" } })).status).toBe(200);
  expect((await server.call("POST", "/_mock/state", { token, body: referenced })).status).toBe(200);
});
const { call, create } = accountCalls(server, () => token);
const clock = (body: object) => server.call<{ now: string }>("POST", "/_mock/clock", { body });
/** metadata.cas_config.stats of a deployment made with a cas_config. */
const statsOf = (deployment: Deployment) =>
  (deployment.metadata.cas_config as { stats: Record<string, unknown> }).stats;
const hourly = { type: "cron", expression: "0 * * * *", timezone: "UTC" };

describe("promised behaviours, pinned", () => {
  it("archive renames to <name>_archived_<unix seconds of archived_at>", async () => {
    await clock({ now: "2026-07-01T00:00:00Z" });
    const made = await create({ name: "nightly" });
    const archived = (await call("POST", `/deployments/${made.id}/archive`)).body;
    expect(archived.name).toBe(`nightly_archived_${Date.parse(archived.archived_at as string) / 1000}`);
  });

  it("an archived deployment never fires, and keeps upcoming_runs_at empty", async () => {
    await clock({ now: "2026-07-01T00:30:00Z" });
    const made = await create({ schedule: hourly });
    await call("POST", `/deployments/${made.id}/archive`);
    await clock({ advance_ms: 3 * 3_600_000 });
    expect((await call<List<Run>>("GET", `/deployments/${made.id}/runs`)).body.data).toEqual([]);
    expect((await call("GET", `/deployments/${made.id}`)).body.schedule?.upcoming_runs_at).toEqual([]);
  });

  it("triggered_before and triggered_after bound the runs by trigger time (exclusive)", async () => {
    await clock({ now: "2026-07-01T00:00:00Z" });
    const made = await create();
    const older = (await call<Run>("POST", `/deployments/${made.id}/run`)).body;
    await clock({ advance_ms: 60_000 });
    const newer = (await call<Run>("POST", `/deployments/${made.id}/run`)).body;
    const ids = async (query: string) =>
      (await call<List<Run>>("GET", `/deployments/${made.id}/runs?${query}`)).body.data.map((run) => run.id);
    expect(await ids(`triggered_before=${encodeURIComponent(newer.created_at)}`)).toEqual([older.id]);
    expect(await ids(`triggered_after=${encodeURIComponent(older.created_at)}`)).toEqual([newer.id]);
  });

  it("created_at[lt] is strictly before", async () => {
    const made = await create();
    const run = (await call<Run>("POST", `/deployments/${made.id}/run`)).body;
    const lt = await call<List<Run>>(
      "GET",
      `/deployment_runs?created_at[lt]=${encodeURIComponent(run.created_at)}`,
    );
    expect(lt.body.data).toEqual([]);
  });

  it("deployment_id naming no deployment gives an empty page", async () => {
    const made = await create();
    await call<Run>("POST", `/deployments/${made.id}/run`);
    const page = await call<List<Run>>(
      "GET",
      "/deployment_runs?deployment_id=dep_00000000000000000000000000000000",
    );
    expect(page.status).toBe(200);
    expect(page.body).toEqual({ data: [], first_id: null, last_id: null, has_more: false, next_page: null });
  });

  it("a list without limit answers 20 items", async () => {
    for (let index = 0; index < 21; index++) await create({ name: `d${index}` });
    const page = await call<List<Deployment>>("GET", "/deployments");
    expect(page.body.data).toHaveLength(20);
    expect(page.body.has_more).toBe(true);
  });

  it("a run sets cas_config.stats.last_triggered_at to its created_at", async () => {
    const made = await create({ metadata: { cas_config: { session_strategy: "new_session" } } });
    const run = (await call<Run>("POST", `/deployments/${made.id}/run`)).body;
    const after = (await call("GET", `/deployments/${made.id}`)).body;
    expect(statsOf(after)).toMatchObject({
      total_runs: 1,
      last_triggered_at: run.created_at,
    });
  });

  it("a successful run resets cas_config.stats.consecutive_failures", async () => {
    const env = (
      await call<{ id: string }>("POST", "/environments", {
        body: { name: "env", config: { type: "cloud", networking: { type: "unrestricted" } } },
      })
    ).body;
    const made = await create({
      environment_id: env.id,
      metadata: { cas_config: { session_strategy: "new_session" } },
    });
    await call("POST", `/environments/${env.id}/archive`);
    const failed = (await call<Run>("POST", `/deployments/${made.id}/run`)).body;
    expect(failed.error).not.toBeNull();
    const fresh = (
      await call<{ id: string }>("POST", "/environments", {
        body: { name: "env2", config: { type: "cloud", networking: { type: "unrestricted" } } },
      })
    ).body;
    await call("POST", `/deployments/${made.id}`, { body: { environment_id: fresh.id } });
    expect((await call<Run>("POST", `/deployments/${made.id}/run`)).body.error).toBeNull();
    const stats = statsOf((await call("GET", `/deployments/${made.id}`)).body);
    expect(stats).toMatchObject({ total_runs: 2, total_failures: 1, consecutive_failures: 0 });
  });

  it("before_id with created_at[gte] never pages back below the bound", async () => {
    await clock({ now: "2026-07-01T00:00:00Z" });
    const old = await create({ name: "old" });
    await clock({ advance_ms: 60_000 });
    await create({ name: "between" });
    await clock({ advance_ms: 60_000 });
    const middle = await create({ name: "middle" });
    await clock({ advance_ms: 60_000 });
    const newest = await create({ name: "newest" });
    const gte = encodeURIComponent(middle.created_at as string);
    const page = await call<List<Deployment>>(
      "GET",
      `/deployments?before_id=${old.id}&created_at[gte]=${gte}`,
    );
    expect(page.body.data.map((item) => item.name)).toEqual(["newest", "middle"]);
    expect(newest.id).toBe(page.body.first_id);
  });

  it("cas_config.stats.next_trigger_at moves on with the schedule", async () => {
    await clock({ now: "2026-07-01T00:30:00Z" });
    const made = await create({
      schedule: hourly,
      metadata: { cas_config: { session_strategy: "new_session" } },
    });
    expect(statsOf(made).next_trigger_at).toBe("2026-07-01T01:00:00Z");
    await clock({ advance_ms: 3 * 3_600_000 });
    const after = (await call("GET", `/deployments/${made.id}`)).body;
    expect(statsOf(after).next_trigger_at).toBe("2026-07-01T04:00:00Z");
  });

  it("an idempotency key used on one deployment is not replayed for another", async () => {
    const a = await create({ name: "a" });
    const b = await create({ name: "b" });
    const headers = { "idempotency-key": "pause-key" };
    expect((await call("POST", `/deployments/${a.id}/pause`, { headers })).status).toBe(200);
    const other = await call("POST", `/deployments/${b.id}/pause`, { headers });
    expect(other.status).toBe(409);
    expect((await call("GET", `/deployments/${b.id}`)).body.status).toBe("active");
  });

  it("an agent version the agent does not have is a 400 naming agent.version", async () => {
    const agent = referenced.agents[0] as unknown as { id: string };
    const latest = (await call<{ version: number }>("GET", `/agents/${agent.id}`)).body.version;
    const answer = await call<ErrorBody>("POST", "/deployments", {
      body: createBody({ agent: { type: "agent", id: agent.id, version: latest + 1 } }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.param).toBe("agent.version");
  });

  it("pause and archive refresh updated_at", async () => {
    await clock({ now: "2026-07-01T00:00:00Z" });
    const made = await create();
    await clock({ advance_ms: 60_000 });
    const paused = (await call("POST", `/deployments/${made.id}/pause`)).body;
    expect(paused.updated_at).toBe("2026-07-01T00:01:00Z");
    await clock({ advance_ms: 60_000 });
    const archived = (await call("POST", `/deployments/${made.id}/archive`)).body;
    expect(archived.updated_at).toBe(archived.archived_at);
    expect(archived.updated_at).toBe("2026-07-01T00:02:00Z");
  });

  it("unpausing a paused, archived deployment is a 409 and leaves it paused", async () => {
    const made = await create();
    await call("POST", `/deployments/${made.id}/pause`);
    await call("POST", `/deployments/${made.id}/archive`);
    const answer = await call<ErrorBody>("POST", `/deployments/${made.id}/unpause`);
    expect(answer.status).toBe(409);
    expect(answer.body.error.message).toMatch(/archived/);
    expect((await call("GET", `/deployments/${made.id}`)).body.status).toBe("paused");
  });

  it("a manual run of a deployment whose environment was archived fails without a session", async () => {
    const env = (
      await call<{ id: string }>("POST", "/environments", {
        body: { name: "env", config: { type: "cloud", networking: { type: "unrestricted" } } },
      })
    ).body;
    const made = await create({ environment_id: env.id });
    await call("POST", `/environments/${env.id}/archive`);
    const run = (await call<Run & { session_id: string | null }>("POST", `/deployments/${made.id}/run`)).body;
    expect(run).toMatchObject({ session_id: null, error: { type: "environment_archived_error" } });
  });

  it("a run asked under an unknown deployment is a 404 naming deployment_id", async () => {
    const made = await create();
    const run = (await call<Run>("POST", `/deployments/${made.id}/run`)).body;
    const answer = await call<ErrorBody>(
      "GET",
      `/deployments/dep_00000000000000000000000000000000/runs/${run.id}`,
    );
    expect(answer.status).toBe(404);
    expect(answer.body.error.param).toBe("deployment_id");
  });

  it("a schedule added by update fires as the clock moves", async () => {
    await clock({ now: "2026-07-01T00:30:00Z" });
    const made = await create({ schedule: null });
    await call("POST", `/deployments/${made.id}`, { body: { schedule: hourly } });
    await clock({ advance_ms: 3 * 3_600_000 });
    const runs = (await call<List<Run>>("GET", `/deployments/${made.id}/runs`)).body.data;
    expect(runs.map((run) => run.trigger_context)).toEqual([
      { type: "schedule", scheduled_at: "2026-07-01T03:00:00Z" },
      { type: "schedule", scheduled_at: "2026-07-01T02:00:00Z" },
      { type: "schedule", scheduled_at: "2026-07-01T01:00:00Z" },
    ]);
  });

  it("the Authorization scheme is case-insensitive (RFC 9110 §11.1)", async () => {
    const answer = await server.call("GET", "/deployments", {
      token: null,
      headers: { authorization: `bearer ${token}` },
    });
    expect(answer.status).toBe(200);
  });

  it("include_archived=false hides archived deployments", async () => {
    const made = await create();
    await call("POST", `/deployments/${made.id}/archive`);
    const page = await call<List<Deployment>>("GET", "/deployments?include_archived=false");
    expect(page.body.data).toEqual([]);
  });

  it("a negative advance_ms moves the clock back", async () => {
    await clock({ now: "2026-07-01T12:00:00Z" });
    const moved = await clock({ advance_ms: -3_600_000 });
    expect(moved.body.now).toMatch(/^2026-07-01T11:00:0\dZ$/);
  });

  it("a run records the deployment's pinned agent version", async () => {
    const agent = referenced.agents[0] as unknown as { id: string };
    const made = await create({ agent: agent.id }); // a bare id pins the latest version (2 in the examples)
    expect((made.agent as { version: number }).version).toBe(2);
    const run = (await call<Run & { agent: unknown }>("POST", `/deployments/${made.id}/run`)).body;
    expect(run.agent).toEqual(made.agent);
  });

  it("update replaces resources whole, and never returns a repository's token", async () => {
    const repo = (name: string) => ({ type: "github_repository", url: `https://github.com/example/${name}` });
    const made = await create({ resources: [{ ...repo("a"), authorization_token: "ghp_first" }] });
    const updated = await call("POST", `/deployments/${made.id}`, {
      body: { resources: [{ ...repo("b"), authorization_token: "ghp_secret_value" }] },
    });
    expect(JSON.stringify(updated.body)).not.toContain("ghp_secret_value");
    expect(updated.body.resources).toEqual([repo("b")]);
    expect(JSON.stringify((await call("GET", `/deployments/${made.id}`)).body)).not.toContain(
      "ghp_secret_value",
    );
  });

  it("rescheduling keeps schedule.last_run_at", async () => {
    const made = await create({ schedule: hourly });
    const run = (await call<Run>("POST", `/deployments/${made.id}/run`)).body;
    const updated = await call("POST", `/deployments/${made.id}`, {
      body: { schedule: { type: "cron", expression: "30 * * * *", timezone: "UTC" } },
    });
    expect(updated.body.schedule?.last_run_at).toBe(run.created_at);
  });
});

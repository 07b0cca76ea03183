// The official Go SDK's Deployments scenarios (QoderAI/qoder-cloud-agents-sdk-go, managed/, at commit
// 4cccfbbc42b6e44bb81895830330a27d34b23fd3 unless noted), replayed request by request with the SDK's wire
// format against the simulator served by the mock's own front layer, strict mode on. Written from reading
// the SDK; none of its code is copied.
// - lists: deployment_live_test.go TestDeploymentListLive, deploymentrun_live_test.go
//   TestDeploymentRunListLive;
// - lifecycle: deployment_live_test.go TestDeploymentLifecycleLive, with live_helpers_test.go's helpers
//   (model, createEnvironment, createAgent, managedUnique, LIFO cleanups where a 404 is ResourceAlreadyGone
//   and an environment delete answering 409 is followed by archive);
// - scoped runs: TestManagedDeploymentScopedRunsLive (deploymentrun_live_test.go in the version the code
//   search stores, newer than 4cccfbb), with execution_live_test.go's cleanupSession / finishSession (GET
//   /sessions/{id} first: the simulator has no sessions, so a 404 in the API's envelope = already gone);
// - E2E: deployment_execution_live_test.go TestManagedDeploymentE2ELive up to DeploymentRuns.Get (waitTurn
//   needs a model that answers);
// - the auto-pager: convention/pagination PageCursor.GetNextPage; queries as Go's url.Values.Encode;
// - error envelopes: convention/apierror/error.go ({request_id, error{type, message, code}}, strings only);
// - headers and `{}\n` for a POST without params: convention/requestconfig.go.
import { beforeEach, describe, expect, it } from "vitest";
import { type Deployment, type List, type Run, simServerOfFile } from "./support/simulator.js";

type SdkRun = Run & { session_id: string | null };
type SdkDeployment = Deployment & { agent: { id: string }; description: string | null };
type Query = Record<string, string | number | boolean>;
type Reply<T> = { status: number; requestId: string | null; body: T };
type Options = { query?: Query; body?: unknown; headers?: Record<string, string>; token?: string | null };

const server = simServerOfFile();

let token: string;
let count = 0;
beforeEach(() => {
  token = `pt-go-sdk-${++count}`; // a new token is a new account with the example data
});

/** Go's url.Values.Encode: keys sorted, query-escaped (space as `+`; `[`, `]`, `:`, `+`, `!` etc. as %XX). */
const goEscape = (text: string) =>
  encodeURIComponent(text)
    .replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, "+");
const goQuery = (query: Query) =>
  Object.keys(query)
    .sort()
    .map((key) => `${goEscape(key)}=${goEscape(String(query[key]))}`)
    .join("&");

/** One request as the Go SDK sends it: its headers, base path, query encoding, and `{}\n` for a bare POST. */
async function goSdk<T>(method: string, path: string, options: Options = {}): Promise<Reply<T>> {
  const { query, body, headers = {}, token: as = token } = options;
  const payload = body !== undefined ? JSON.stringify(body) : method === "POST" ? "{}\n" : undefined;
  const r = await fetch(`${server.url}/api/v1/cloud/${path}${query ? `?${goQuery(query)}` : ""}`, {
    method,
    headers: {
      accept: "application/json",
      "user-agent": "Qoder/Go",
      "x-qoder-retry-count": "0",
      "x-qoder-timeout": "15",
      "x-qoder-lang": "go",
      "x-qoder-package-version": "0.1.0",
      "x-qoder-os": "Linux",
      "x-qoder-arch": "x64",
      "x-qoder-runtime": "go",
      "x-qoder-runtime-version": "go1.24.0",
      ...(as === null ? {} : { authorization: `Bearer ${as}` }),
      ...(payload === undefined ? {} : { "content-type": "application/json" }),
      ...headers,
    },
    body: payload,
  });
  return { status: r.status, requestId: r.headers.get("x-request-id"), body: await r.json() };
}
const ok = async <T>(method: string, path: string, options: Options = {}) => {
  const reply = await goSdk<T>(method, path, options);
  expect(reply.status, `${method} ${path}: ${JSON.stringify(reply.body).slice(0, 300)}`).toBe(200);
  return reply.body;
};

/** The error as apierror.Error decodes it: encoding/json into string fields, so any other type fails. */
function sdkError(reply: Reply<unknown>, status: number, type: string) {
  expect(reply.status).toBe(status);
  const { request_id, error } = reply.body as { request_id: unknown; error: Record<string, unknown> };
  expect(request_id).toEqual(expect.stringMatching(/^\S+$/)); // the SDK prefers it to x-request-id
  expect(request_id).toBe(reply.requestId);
  for (const field of ["type", "message", "code"])
    expect(["string", "undefined"], `error.${field}'s type`).toContain(typeof error[field]);
  expect(error.type).toBe(type);
  expect(error.message).not.toBe("");
  return error.message as string;
}

let unique = 0;
const managedUnique = (prefix: string) => `sdk-${prefix}-${Date.now()}${++unique}`;
const metadata = { suite: "sdk-live" };
/** DeploymentNewParams as the live tests build them. */
const deploymentBody = (agent: string, environment_id: string, name: string, text: string) => ({
  name,
  agent,
  environment_id,
  initial_events: [{ type: "user.message", content: [{ type: "text", text }] }],
});

/** t.Cleanup in LIFO order; a 404 counts as already gone. Each returns what it saw, for the test to check. */
function cleanups() {
  const stack: Array<() => Promise<string>> = [];
  const archive = (label: string, path: string) => async () => {
    const { status } = await goSdk("POST", `${path}/archive`);
    return `${label}: ${status === 404 ? "already gone" : status}`;
  };
  return {
    archive: (label: string, path: string) => stack.push(archive(label, path)),
    environment: (id: string) =>
      stack.push(async () => {
        const { status } = await goSdk("DELETE", `environments/${id}`);
        return status === 409
          ? `environment: delete 409, ${await archive("archive", `environments/${id}`)()}`
          : `environment: delete ${status}`;
      }),
    session: (id: string) =>
      stack.push(async () => {
        const reply = await goSdk("GET", `sessions/${id}`);
        if (reply.status !== 404) return `session: GET ${reply.status}`;
        sdkError(reply, 404, "not_found_error"); // the API's envelope, so the SDK sees ResourceAlreadyGone
        return "session: already gone";
      }),
    run: async () => {
      const seen: string[] = [];
      for (let next = stack.pop(); next; next = stack.pop()) seen.push(await next());
      return seen;
    },
  };
}

/** createEnvironment, then createAgent with the first enabled model, then Deployments.New. */
async function deploymentOf(cleanup: ReturnType<typeof cleanups>, prefix: string, text: string) {
  const environment = await ok<{ id: string }>("POST", "environments", {
    body: { name: managedUnique("env"), config: { type: "cloud" }, metadata },
  });
  cleanup.environment(environment.id);
  const models = await ok<List<{ id: string; is_enabled: boolean }>>("GET", "models");
  const model = models.data.find((m) => m.is_enabled && m.id)?.id;
  expect(model).toBeTruthy();
  const agent = await ok<{ id: string }>("POST", "agents", {
    headers: { "idempotency-key": managedUnique("ikey") },
    body: { name: managedUnique("agent"), model: { id: model }, system: "You are a test.", metadata },
  });
  cleanup.archive("agent", `agents/${agent.id}`);
  const body = deploymentBody(agent.id, environment.id, managedUnique(prefix), text);
  const deployment = await ok<SdkDeployment>("POST", "deployments", { body });
  cleanup.archive("deployment", `deployments/${deployment.id}`);
  return deployment;
}

/** Deployments.Run as the execution scenarios call it: the run names a session, whose cleanup is queued. */
async function runOf(cleanup: ReturnType<typeof cleanups>, deploymentId: string) {
  const run = await ok<SdkRun>("POST", `deployments/${deploymentId}/run`);
  expect(run.session_id).toEqual(expect.stringMatching(/^sess_\w+$/));
  cleanup.session(run.session_id as string);
  return run;
}

/** The auto-pager: stops when has_more is false or next_page empty, else sends page=next_page without ids. */
async function walk(path: string, query: Query = {}) {
  const ids: string[] = [];
  for (let page = 0, q = query; page < 100; page++) {
    const answer = await ok<List<{ id: string }>>("GET", path, { query: q });
    ids.push(...answer.data.map((item) => item.id));
    if (!answer.has_more || !answer.next_page) return ids;
    const { after_id: _a, before_id: _b, ...rest } = q;
    q = { ...rest, page: answer.next_page };
  }
  throw new Error(`${path}: more than 100 pages`);
}

describe("the Go SDK's live Deployments scenarios", () => {
  it.each(["deployments", "deployment_runs"])("TestDeployment(Run)ListLive: GET %s", async (path) => {
    const page = await ok<List<{ id: string }>>("GET", path);
    expect(page.data.length).toBeGreaterThan(0); // the example data's
    for (const item of page.data) expect(item.id).toMatch(path === "deployments" ? /^dep_/ : /^drun_/);
    expect(typeof page.has_more).toBe("boolean");
    expect([page.first_id, page.last_id]).toEqual([page.data[0]?.id, page.data.at(-1)?.id]);
    expect(page.next_page).toBe(page.has_more ? page.last_id : null);
  });

  it("TestDeploymentLifecycleLive: create, get, update, pause, unpause, list runs, then LIFO cleanups", async () => {
    const cleanup = cleanups();
    const created = await deploymentOf(cleanup, "deployment", "Reply with SDK-LIVE.");
    expect((await ok<SdkDeployment>("GET", `deployments/${created.id}`)).id).toBe(created.id);
    const description = "updated through Managed Go SDK";
    const updated = await ok<SdkDeployment>("POST", `deployments/${created.id}`, { body: { description } });
    expect(updated.description).toBe(description);
    expect((await ok<SdkDeployment>("POST", `deployments/${created.id}/pause`)).status).toBe("paused");
    expect((await ok<SdkDeployment>("POST", `deployments/${created.id}/unpause`)).status).toBe("active");
    expect((await ok<List<SdkRun>>("GET", "deployment_runs")).data.length).toBeGreaterThan(0);
    expect(await cleanup.run()).toEqual(["deployment: 200", "agent: 200", "environment: delete 200"]);
  });

  it("TestManagedDeploymentScopedRunsLive: run, scoped get and list; the environment is archived", async () => {
    const cleanup = cleanups();
    const deployment = await deploymentOf(cleanup, "scoped-runs", "Reply with SDK-LIVE.");
    const run = await runOf(cleanup, deployment.id);
    const scoped = await ok<SdkRun>("GET", `deployments/${deployment.id}/runs/${run.id}`);
    expect(scoped).toMatchObject({ id: run.id, deployment_id: deployment.id, session_id: run.session_id });
    const runs = await ok<List<SdkRun>>("GET", `deployments/${deployment.id}/runs`, { query: { limit: 10 } });
    expect(runs.data.map((item) => item.deployment_id)).toEqual([deployment.id]);
    expect(runs.data.map((item) => item.id)).toEqual([run.id]);
    expect(await cleanup.run()).toEqual([
      "session: already gone",
      "deployment: 200",
      "agent: 200",
      "environment: delete 409, archive: 200",
    ]);
  });

  it("TestManagedDeploymentE2ELive (up to waitTurn): DeploymentRuns.Get keeps the run's session", async () => {
    const cleanup = cleanups();
    const deployment = await deploymentOf(cleanup, "deployment-e2e", "Reply with exactly 0123456789abcdef");
    const run = await runOf(cleanup, deployment.id);
    const got = await ok<SdkRun>("GET", `deployment_runs/${run.id}`);
    expect([got.id, got.session_id]).toEqual([run.id, run.session_id]);
    expect((await cleanup.run()).at(-1)).toBe("environment: delete 409, archive: 200");
  });
});

describe("the Go SDK's auto-pager over more than 100 records loses and repeats nothing", () => {
  beforeEach(async () => {
    const reset = await server.call("POST", "/_mock/reset", { token, body: { fixture: "empty" } });
    expect(reset.status).toBe(200);
  });
  const plusEight = (ms: number) => `${new Date(ms + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;

  it("on GET /deployments: limit=7, default, created_at[gte] at +08:00, include_archived, status", async () => {
    const start = Date.now() - 1000;
    const first = await deploymentOf(cleanups(), "page", "x");
    const created = [first.id];
    while (created.length < 130) {
      const body = deploymentBody(first.agent.id, first.environment_id, managedUnique("page"), "x");
      created.push((await ok<SdkDeployment>("POST", "deployments", { body })).id);
    }
    const newestFirst = [...created].reverse();
    expect(await walk("deployments", { limit: 7 })).toEqual(newestFirst);
    expect(await walk("deployments")).toEqual(newestFirst);
    const paused = created.slice(0, 15);
    const archived = created.slice(15, 25);
    for (const id of paused) await ok("POST", `deployments/${id}/pause`);
    for (const id of archived) await ok("POST", `deployments/${id}/archive`);
    const shown = newestFirst.filter((id) => !archived.includes(id));
    expect(await walk("deployments", { limit: 7, "created_at[gte]": plusEight(start) })).toEqual(shown);
    expect(await walk("deployments", { "created_at[gte]": plusEight(Date.now() + 60_000) })).toEqual([]);
    expect(await walk("deployments", { limit: 7, include_archived: true })).toEqual(newestFirst);
    expect(await walk("deployments", { limit: 7, status: "paused" })).toEqual([...paused].reverse());
    const active = shown.filter((id) => !paused.includes(id));
    expect(await walk("deployments", { status: "active" })).toEqual(active);
  });

  it("on a deployment's runs and on GET /deployment_runs, with limit=7 and the default limit", async () => {
    const deployment = await deploymentOf(cleanups(), "runs", "x");
    const runs: string[] = [];
    while (runs.length < 130) runs.push((await ok<SdkRun>("POST", `deployments/${deployment.id}/run`)).id);
    const newestFirst = runs.reverse();
    expect(await walk(`deployments/${deployment.id}/runs`, { limit: 7 })).toEqual(newestFirst);
    expect(await walk(`deployments/${deployment.id}/runs`)).toEqual(newestFirst);
    expect(await walk("deployment_runs", { deployment_id: deployment.id, limit: 7 })).toEqual(newestFirst);
    expect(await walk("deployment_runs")).toEqual(newestFirst);
  });
});

it("error envelopes of a 404, a 400, a 401 and a 409 decode as apierror.Error does", async () => {
  sdkError(await goSdk("GET", `deployments/dep_${"0".repeat(32)}`), 404, "not_found_error");
  const tooFew = await goSdk("GET", "deployments", { query: { limit: 0 } });
  expect(sdkError(tooFew, 400, "invalid_request_error")).toMatch(/limit/);
  sdkError(await goSdk("GET", "deployments", { token: null }), 401, "authentication_error");
  const deployment = await deploymentOf(cleanups(), "errors", "x");
  await ok("POST", `deployments/${deployment.id}/pause`);
  const message = sdkError(await goSdk("POST", `deployments/${deployment.id}/pause`), 409, "conflict_error");
  expect(message).toBe("Deployment is already paused.");
});

// The stateful simulator over real HTTP, strict mode on (every answer checked against the contract).
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from "vitest";
import { loadContract } from "../src/simulator/contract.js";
import { ApiError } from "../src/simulator/errors.js";
import { LIMITS, refusal, Simulator } from "../src/simulator/index.js";
import { MAX_JSON_DEPTH } from "../src/simulator/requests.js";
import { checkSchedule, fireTimes, upcoming, withinBudget } from "../src/simulator/schedule.js";
import {
  accountCalls,
  createBody,
  type Deployment,
  type ErrorBody,
  example,
  type List,
  type Run,
  referenced as referencedState,
  type SimServer,
  simServerOfFile,
  startSimServer,
} from "./support/simulator.js";

const seedList = example<List<Deployment>>("DeploymentListExample");
const seedDeployment = seedList.data[0] as Deployment;
const referenced = referencedState();

/** One request to an in-process simulator as `token`'s account: its status and parsed body. */
const handleOf = (sim: Simulator) => (token: string, method: string, url: string, body?: unknown) => {
  const answer = sim.handle({
    method,
    url,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: answer.status, body: JSON.parse(answer.body) };
};

/** An account's records, without the clock's reading (real time moves it on while a test runs). */
const recordsOf = (sim: Simulator, token: string) => {
  const { now: _, ...records } = sim.state(token);
  return records;
};

/** Runs `test` with one of the simulator's limits set to `value`, restored after whatever happens. */
function withLimit(name: keyof typeof LIMITS, value: number, test: () => void): void {
  const saved = LIMITS[name];
  setLimit(name, value);
  try {
    test();
  } finally {
    setLimit(name, saved);
  }
}
const setLimit = (name: keyof typeof LIMITS, value: number) => {
  (LIMITS as Record<keyof typeof LIMITS, number>)[name] = value;
};

const server = simServerOfFile();

/** A fresh, empty account per test: tokens are accounts. */
let token: string;
let tokenCount = 0;
beforeEach(async () => {
  token = `pt-sim-${++tokenCount}`;
  const reset = await server.call("POST", "/_mock/reset", { token, body: { fixture: "empty" } });
  expect(reset.status).toBe(200);
  // Deployments must reference an existing agent and environment: load the example ones (no deployments).
  const loaded = await server.call("POST", "/_mock/state", { token, body: referenced });
  expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
});
const { call, create } = accountCalls(server, () => token);

describe("accounts and the example fixture", () => {
  it("starts a new token's account with the contract's examples: the seed's deployment is retrievable", async () => {
    const fresh = "pt-sim-examples";
    const got = await server.call<Deployment>("GET", `/deployments/${seedDeployment.id}`, { token: fresh });
    expect(got.status).toBe(200);
    expect(got.body.name).toBe(seedDeployment.name);
    expect(got.body.created_at).toBe(seedDeployment.created_at);
    const list = await server.call<List<Deployment>>("GET", "/deployments?limit=100", { token: fresh });
    expect(list.body.data.map((item) => item.id)).toContain(seedDeployment.id);
  });

  it("shows a seeded schedule's upcoming runs from now on the very first read of a new account", async () => {
    const scheduled = seedList.data.find((item) => item.schedule) as Deployment;
    const now = Date.parse((await server.call<{ now: string }>("GET", "/_mock/clock")).body.now);
    // Each token's first read comes in the millisecond its account was filled, often enough.
    for (let i = 0; i < 20; i++) {
      const fresh = `pt-sim-first-read-${i}`;
      const got = await server.call<Deployment>("GET", `/deployments/${scheduled.id}`, { token: fresh });
      const first = Date.parse(got.body.schedule?.upcoming_runs_at?.[0] as string);
      expect(first, `${fresh}: ${got.body.schedule?.upcoming_runs_at?.[0]}`).toBeGreaterThan(now);
    }
  });

  it("keeps accounts apart: what one token creates another never sees", async () => {
    const mine = await create({ name: "mine" });
    const other = await server.call<ErrorBody>("GET", `/deployments/${mine.id}`, { token: `${token}-other` });
    expect(other.status).toBe(404);
    const list = await server.call<List<Deployment>>("GET", "/deployments", { token: `${token}-other` });
    expect(list.body.data.map((item) => item.id)).not.toContain(mine.id);
  });

  it("answers 401 in the envelope without a bearer token", async () => {
    const answer = await call<ErrorBody>("GET", "/deployments", { token: null });
    expect(answer.status).toBe(401);
    expect(answer.body.error.type).toBe("authentication_error");
  });
});

describe("create", () => {
  it("gives a dep_ id, the clock's timestamps, active status and the next five fire times of the cron", async () => {
    // The seed's own deployment: created 2026-06-14T08:53:32Z, "0 9 * * *" in Asia/Shanghai.
    await server.call("POST", "/_mock/clock", { body: { now: seedDeployment.created_at } });
    const made = await create({ name: "x" });
    expect(made.id).toMatch(/^dep_[0-9a-f]{32}$/);
    expect(made.name).toBe("x");
    expect(made.status).toBe("active");
    expect(made.paused_reason).toBeNull();
    expect(made.archived_at).toBeNull();
    expect(made.created_at).toBe(seedDeployment.created_at);
    expect(made.updated_at).toBe(seedDeployment.created_at);
    expect(made.schedule?.upcoming_runs_at).toEqual(seedDeployment.schedule?.upcoming_runs_at);
    const got = await call("GET", `/deployments/${made.id}`);
    expect(got.body).toEqual(made);
  });

  it("schedule: null gives a manual-only deployment with no upcoming runs", async () => {
    const made = await create({ schedule: null });
    expect(made.schedule).toBeNull();
  });

  it.each([
    [{ type: "cron", expression: "0 9 * *", timezone: "UTC" }, "schedule.expression"],
    [{ type: "cron", expression: "61 9 * * *", timezone: "UTC" }, "schedule.expression"],
    [{ type: "cron", expression: "0 9 * * *", timezone: "Mars/Olympus" }, "schedule.timezone"],
  ])("refuses an invalid schedule %j with a 400 naming %s", async (schedule, param) => {
    const answer = await call<ErrorBody>("POST", "/deployments", { body: createBody({ schedule }) });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({ type: "invalid_request_error", param });
  });

  it("validates the body with the contract's schemas, naming the field", async () => {
    const { name: _name, ...noName } = createBody();
    const missing = await call<ErrorBody>("POST", "/deployments", { body: noName });
    expect(missing.status).toBe(400);
    expect(missing.body.error).toMatchObject({ message: "Missing required field: name", param: "name" });
    const unknown = await call<ErrorBody>("POST", "/deployments", { body: createBody({ colour: "red" }) });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.param).toBe("colour");
    const notJson = await call<ErrorBody>("POST", "/deployments", { body: "{nope" });
    expect(notJson.status).toBe(400);
    expect(notJson.body.error.message).toBe("Request body must be valid JSON.");
  });

  it("refuses environment variables the contract rules out, on create and update, naming the field", async () => {
    const made = await create({ environment_variables: "REPORT_LANG=en;REPORT_FORMAT=markdown\nA_1=x;" });
    expect(made.environment_variables).toBe("REPORT_LANG=en;REPORT_FORMAT=markdown\nA_1=x;");
    for (const [variables, says] of [
      ["QODER_TOKEN=1", "QODER_TOKEN is reserved"],
      ["A=1;CAW_MODE=x", "CAW_MODE is reserved"],
      ["USER_ID=7", "USER_ID is reserved"],
      ["SERVER_ENDPOINT=x", "SERVER_ENDPOINT is reserved"],
      ["WORK_DIR=/tmp", "WORK_DIR is reserved"],
      ["1BAD=x", '"1BAD" is not a valid name'],
      ["A-B=1", "The name of pair 1 (3 characters) is not a valid name"],
      ["FOO=bar;sk-live-51Habc123=", "The name of pair 2 (17 characters) is not a valid name"],
      [
        "A=1;Authorization: Bearer sk-live-SECRET=1",
        "The name of pair 2 (36 characters) is not a valid name",
      ],
      ["secret-without-equals", "a pair has no `=`"],
    ]) {
      for (const [path, body] of [
        ["/deployments", createBody({ environment_variables: variables })],
        [`/deployments/${made.id}`, { environment_variables: variables }],
      ] as const) {
        const refused = await call<ErrorBody>("POST", path, { body });
        expect(refused.status, `${path} ${variables}`).toBe(400);
        expect(refused.body.error.param).toBe("environment_variables");
        expect(refused.body.error.message).toContain(says);
        expect(refused.body.error.message).not.toContain("secret-without-equals"); // values are never quoted
        expect(refused.body.error.message).not.toContain("sk-live"); // nor a line that is no NAME=VALUE
      }
    }
    // A refused update left the deployment as it was.
    expect((await call("GET", `/deployments/${made.id}`)).body).toEqual(made);
  });

  it("never returns a repository's authorization_token", async () => {
    const made = await create({
      resources: [
        {
          type: "github_repository",
          url: "https://github.com/example/repo",
          authorization_token: "ghp_secret_value",
        },
      ],
    });
    expect(JSON.stringify(made)).not.toContain("ghp_secret_value");
  });
});

describe("list", () => {
  it("lists newest first with limit, first_id, last_id, has_more and next_page", async () => {
    const made = [];
    for (let index = 0; index < 5; index++) {
      made.push(await create({ name: `d${index}` }));
      await server.call("POST", "/_mock/clock", { body: { advance_ms: 1_000 } });
    }
    const page = await call<List<Deployment>>("GET", "/deployments?limit=2");
    expect(page.body.data.map((item) => item.name)).toEqual(["d4", "d3"]);
    expect(page.body).toMatchObject({ first_id: made[4]?.id, last_id: made[3]?.id, has_more: true });
    expect(page.body.next_page).toBe(page.body.last_id);
    const next = await call<List<Deployment>>("GET", `/deployments?limit=2&page=${page.body.next_page}`);
    expect(next.body.data.map((item) => item.name)).toEqual(["d2", "d1"]);
    const last = await call<List<Deployment>>("GET", `/deployments?limit=2&after_id=${made[1]?.id}`);
    expect(last.body).toMatchObject({ has_more: false, next_page: null });
    expect(last.body.data.map((item) => item.name)).toEqual(["d0"]);
    const back = await call<List<Deployment>>("GET", `/deployments?limit=2&before_id=${made[1]?.id}`);
    expect(back.body.data.map((item) => item.name)).toEqual(["d3", "d2"]);
    expect(back.body.has_more).toBe(true);
    // The seed: next_page is last_id while has_more is true, whichever way the page was asked for.
    expect(back.body.next_page).toBe(made[2]?.id);
    // So `page` goes on toward older records after a before_id page too (docs/guides/03-pagination.md).
    const onward = await call<List<Deployment>>("GET", `/deployments?limit=2&page=${back.body.next_page}`);
    expect(onward.body.data.map((item) => item.name)).toEqual(["d1", "d0"]);
    // A page that holds exactly what is left, in each direction: nothing more to fetch.
    for (const [query, names] of [
      ["limit=5", ["d4", "d3", "d2", "d1", "d0"]],
      [`limit=3&after_id=${made[3]?.id}`, ["d2", "d1", "d0"]],
      [`limit=3&before_id=${made[1]?.id}`, ["d4", "d3", "d2"]],
    ] as const) {
      const exact = await call<List<Deployment>>("GET", `/deployments?${query}`);
      expect(
        exact.body.data.map((item) => item.name),
        query,
      ).toEqual(names);
      expect([exact.body.has_more, exact.body.next_page], query).toEqual([false, null]);
    }
  });

  it("refuses two cursors at once and a cursor that names nothing", async () => {
    const one = await create();
    const both = await call<ErrorBody>("GET", `/deployments?after_id=${one.id}&before_id=${one.id}`);
    expect(both.status).toBe(400);
    expect(both.body.error.param).toBe("before_id");
    const stale = await call<ErrorBody>("GET", `/deployments?page=dep_${"0".repeat(32)}`);
    expect(stale.status).toBe(400);
    expect(stale.body.error.param).toBe("page");
    // Also where the page would be empty anyway: a deployment with no runs yet, bounds that cross.
    const unknownRun = `drun_${"0".repeat(32)}`;
    for (const [query, param] of [
      [`/deployments/${one.id}/runs?page=bogus`, "page"],
      [`/deployments/${one.id}/runs?after_id=${unknownRun}`, "after_id"],
      [`/deployment_runs?deployment_id=${one.id}&before_id=${unknownRun}`, "before_id"],
      [
        "/deployments?page=bogus&created_at[gte]=2030-01-02T00:00:00Z&created_at[lte]=2030-01-01T00:00:00Z",
        "page",
      ],
      [
        `/environments?after_id=env_${"0".repeat(32)}&created_at[gte]=2030-01-02T00:00:00Z&created_at[lte]=2030-01-01T00:00:00Z`,
        "after_id",
      ],
    ] as const) {
      const refused = await call<ErrorBody>("GET", query);
      expect([refused.status, refused.body.error?.param], query).toEqual([400, param]);
    }
  });

  it("refuses limits outside the contract and unknown query parameters", async () => {
    for (const query of ["limit=0", "limit=1001", "limit=abc", "status=deleted", "colour=red"]) {
      const answer = await call<ErrorBody>("GET", `/deployments?${query}`);
      expect(answer.status, query).toBe(400);
      expect(answer.body.error.param, query).toBe(query.split("=")[0]);
    }
  });

  it("filters by status, agent_id, include_archived and created_at", async () => {
    const start = Date.parse("2026-07-01T00:00:00Z");
    await server.call("POST", "/_mock/clock", { body: { now: new Date(start).toISOString() } });
    const other = await call<{ id: string }>("POST", "/agents", { body: { name: "aaa", model: "ultimate" } });
    const a = await create({ name: "a", agent: other.body.id });
    await server.call("POST", "/_mock/clock", { body: { advance_ms: 60_000 } });
    const b = await create({ name: "b" });
    await server.call("POST", "/_mock/clock", { body: { advance_ms: 60_000 } });
    const c = await create({ name: "c" });
    expect((await call("POST", `/deployments/${b.id}/pause`)).status).toBe(200);
    expect((await call("POST", `/deployments/${c.id}/archive`)).status).toBe(200);
    const names = async (query: string) =>
      (await call<List<Deployment>>("GET", `/deployments?${query}`)).body.data.map((item) => item.name);
    expect(await names("")).toEqual(["b", "a"]);
    expect(await names("include_archived=true")).toEqual([
      expect.stringMatching(/^c_archived_\d+$/),
      "b",
      "a",
    ]);
    expect(await names("status=paused")).toEqual(["b"]);
    expect(await names(`agent_id=${other.body.id}`)).toEqual(["a"]);
    expect(await names(`created_at[gte]=${b.created_at}&include_archived=true`)).toHaveLength(2);
    expect(await names(`created_at[lte]=${a.created_at}`)).toEqual(["a"]);
  });

  it("walks 2,345 deployments forwards and backwards, losing and repeating nothing, also while creating", async () => {
    const ids = new Set<string>();
    for (let index = 0; index < 2_345; index++) {
      // In process: the walk below is what goes over HTTP.
      const answer = server.sim.handle({
        method: "POST",
        url: "/deployments",
        headers: { authorization: `Bearer ${token}` },
        body: JSON.stringify(createBody({ name: `bulk-${index}`, schedule: null })),
      });
      expect(answer.status).toBe(200);
      ids.add(JSON.parse(answer.body).id);
    }
    const forwards: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: List<Deployment> } = await call<List<Deployment>>(
        "GET",
        `/deployments?limit=100${cursor ? `&after_id=${cursor}` : ""}`,
      );
      forwards.push(...page.body.data.map((item) => item.id));
      cursor = page.body.has_more ? page.body.last_id : null;
      // Newer items appear at the head of the list; a walk towards older ones never meets them.
      await create({ name: "created-during-walk", schedule: null });
    } while (cursor);
    expect(forwards).toHaveLength(ids.size);
    expect(new Set(forwards)).toEqual(ids);

    const backwards: string[] = [];
    cursor = forwards[forwards.length - 1] as string;
    backwards.push(cursor);
    let more = true;
    while (more) {
      const page: { body: List<Deployment> } = await call<List<Deployment>>(
        "GET",
        `/deployments?limit=100&before_id=${cursor}`,
      );
      backwards.unshift(...page.body.data.map((item) => item.id));
      cursor = page.body.first_id ?? cursor;
      more = page.body.has_more;
    }
    const walkedBack = backwards.filter((id) => ids.has(id));
    expect(walkedBack).toEqual(forwards);
    expect(new Set(backwards).size).toBe(backwards.length);
    expect(backwards.length - walkedBack.length).toBe(24); // the ones created during the forward walk
  });
});

describe("refusal: the simulator's checks of a request that Prism will answer", () => {
  const request = (body: string) => ({
    method: "POST",
    url: "/agents",
    headers: { authorization: "Bearer pt-test", "x-request-id": "req-refusal" },
    body,
  });

  it("passes a valid request and refuses an invalid one with the simulator's 400", () => {
    const contract = loadContract();
    expect(refusal(contract, request('{"name":"a","model":"ultimate"}'))).toBeUndefined();
    const refused = refusal(contract, request('{"name":"a","model":"ultimate","colour":"red"}'));
    expect(refused?.status).toBe(400);
    expect(JSON.parse(refused?.body ?? "{}")).toMatchObject({
      request_id: "req-refusal",
      error: { type: "invalid_request_error", param: "colour" },
    });
  });

  it("answers a validator that runs out of stack as the simulator does (400), never by throwing", () => {
    const contract = loadContract();
    const overflowing = Object.assign(
      () => {
        throw new RangeError("Maximum call stack size exceeded");
      },
      { errors: null },
    );
    const deep = {
      ...contract,
      operations: contract.operations.map((operation) =>
        operation.operationId === "createAgent" && operation.body
          ? { ...operation, body: { ...operation.body, validate: overflowing as never } }
          : operation,
      ),
    };
    const refused = refusal(deep, request('{"name":"a","model":"ultimate"}'));
    expect(refused?.status).toBe(400);
    expect(JSON.parse(refused?.body ?? "{}").error.message).toBe(
      "Request body is nested too deeply to process.",
    );
  });
});

describe("lifecycle", () => {
  it("pause → paused (409 twice), unpause → active (409 twice), run, archive (409 twice, irreversible)", async () => {
    const made = await create();
    const paused = await call("POST", `/deployments/${made.id}/pause`, { body: {} });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ status: "paused", paused_reason: { type: "manual" } });
    expect(paused.body.schedule?.upcoming_runs_at).toEqual(made.schedule?.upcoming_runs_at);
    expect((await call("GET", `/deployments/${made.id}`)).body.status).toBe("paused");
    const again = await call<ErrorBody>("POST", `/deployments/${made.id}/pause`);
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual(example<ErrorBody>("ErrorAlreadyPaused").error);
    const notActive = await call<ErrorBody>("POST", `/deployments/${made.id}/run`);
    expect(notActive.status).toBe(409);
    expect(notActive.body.error).toEqual(example<ErrorBody>("ErrorNotActive").error);

    await server.call("POST", "/_mock/clock", { body: { advance_ms: 3 * 86_400_000 } });
    const unpaused = await call("POST", `/deployments/${made.id}/unpause`);
    expect(unpaused.body).toMatchObject({ status: "active", paused_reason: null });
    const firstUpcoming = Date.parse(unpaused.body.schedule?.upcoming_runs_at?.[0] as string);
    const now = Date.parse((await server.call<{ now: string }>("GET", "/_mock/clock")).body.now);
    expect(firstUpcoming).toBeGreaterThan(now - 1_000);
    expect(firstUpcoming).toBeLessThanOrEqual(now + 86_400_000);
    const twice = await call<ErrorBody>("POST", `/deployments/${made.id}/unpause`);
    expect(twice.status).toBe(409);
    expect(twice.body.error).toEqual(example<ErrorBody>("ErrorNotPaused").error);

    const run = await call<Run & { error: null; session_id: string }>("POST", `/deployments/${made.id}/run`);
    expect(run.status).toBe(200);
    expect(run.body).toMatchObject({
      deployment_id: made.id,
      trigger_context: { type: "manual" },
      error: null,
    });
    expect(run.body.session_id).toMatch(/^sess_/);

    const archived = await call("POST", `/deployments/${made.id}/archive`);
    expect(archived.body.name).toMatch(new RegExp(`^${made.name}_archived_\\d+$`));
    expect(archived.body.archived_at).not.toBeNull();
    expect(archived.body.schedule?.upcoming_runs_at).toEqual([]);
    const archivedTwice = await call<ErrorBody>("POST", `/deployments/${made.id}/archive`);
    expect(archivedTwice.status).toBe(409);
    expect(archivedTwice.body.error).toEqual(example<ErrorBody>("ErrorAlreadyArchived").error);
    expect((await call("POST", `/deployments/${made.id}/run`)).status).toBe(409);
    expect((await call("POST", `/deployments/${made.id}/pause`)).status).toBe(409);
    expect((await call("POST", `/deployments/${made.id}/unpause`)).status).toBe(409);
    const list = await call<List<Deployment>>("GET", "/deployments");
    expect(list.body.data.map((item) => item.id)).not.toContain(made.id);
  });

  it.each(["//deployments", "/deployments//runs", "/nothing-here"])(
    "answers %s, which names no endpoint, with a 404 naming that path",
    async (path) => {
      const answer = await call<ErrorBody>("GET", path);
      expect(answer.status).toBe(404);
      expect(answer.body.error.message).toBe(`Not found: GET ${path} is not an endpoint of this API.`);
    },
  );

  it("answers 404 with the documented message for unknown ids", async () => {
    const missing = `dep_${"a".repeat(32)}`;
    for (const path of [`/deployments/${missing}`, `/deployments/${missing}/runs`]) {
      const answer = await call<ErrorBody>("GET", path);
      expect(answer.status, path).toBe(404);
      expect(answer.body.error).toEqual({
        type: "not_found_error",
        message: `Deployment not found: ${missing}.`,
        param: "deployment_id",
      });
    }
    for (const verb of ["pause", "unpause", "archive", "run"]) {
      expect((await call("POST", `/deployments/${missing}/${verb}`)).status, verb).toBe(404);
    }
    const run = await call<ErrorBody>("GET", `/deployment_runs/drun_${"b".repeat(32)}`);
    expect(run.status).toBe(404);
    expect(run.body.error.param).toBe("run_id");
  });

  it("update is a merge patch: null metadata keys deleted, arrays replaced, {} a no-op", async () => {
    const made = await create({
      metadata: { team: "infra", owner: "ana" },
      vault_ids: ["vault_1", "vault_2"],
    });
    await server.call("POST", "/_mock/clock", { body: { advance_ms: 5_000 } });
    const noop = await call("POST", `/deployments/${made.id}`, { body: {} });
    expect(noop.body).toEqual(made);
    const patched = await call("POST", `/deployments/${made.id}`, {
      body: { metadata: { owner: null, tier: "gold" }, vault_ids: ["vault_3"], description: null },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.metadata).toEqual({
      ...(made.metadata as object),
      team: "infra",
      tier: "gold",
      owner: undefined,
    });
    expect(patched.body.metadata).not.toHaveProperty("owner");
    expect(patched.body.vault_ids).toEqual(["vault_3"]);
    expect(patched.body.description).toBeNull();
    expect(patched.body.name).toBe(made.name);
    expect(patched.body.updated_at).not.toBe(made.updated_at);
    const manual = await call("POST", `/deployments/${made.id}`, { body: { schedule: null } });
    expect(manual.body.schedule).toBeNull();
    // `metadata: null` removes every key, the cas_config block too.
    const withConfig = await call("POST", `/deployments/${made.id}`, {
      body: { metadata: { cas_config: { session_strategy: "new_session" } } },
    });
    expect(withConfig.body.metadata).toHaveProperty("cas_config");
    const cleared = await call("POST", `/deployments/${made.id}`, { body: { metadata: null } });
    expect(cleared.status).toBe(200);
    expect(cleared.body.metadata).toEqual({});
  });

  it("refuses metadata over 16 keys on create and update, saying so (cas_config not counted)", async () => {
    const keys = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, `${i}`]));
    const tooMany = await call<ErrorBody>("POST", "/deployments", {
      body: createBody({ metadata: keys(17) }),
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.error).toMatchObject({ param: "metadata" });
    expect(tooMany.body.error.message).toContain("at most 16");
    const made = await create({ metadata: { ...keys(16), cas_config: { session_strategy: "new_session" } } });
    const grown = await call<ErrorBody>("POST", `/deployments/${made.id}`, {
      body: { metadata: { extra: "x" } },
    });
    expect(grown.status).toBe(400);
    expect(grown.body.error.message).toContain("at most 16");
  });

  it("says what is accepted: the values of an enum or a union's type, the JSON types, lengths, id prefixes, date-times", async () => {
    const cases: [string, string, Record<string, unknown> | undefined, string, RegExp][] = [
      [
        "GET",
        "/deployments?status=Active",
        undefined,
        "status",
        /^status must be one of: "active", "paused"/,
      ],
      [
        "POST",
        "/deployments",
        createBody({ initial_events: [{ type: "user.msg", content: "hi" }] }),
        "initial_events[0].type",
        /must be one of: .*"user\.message"/,
      ],
      [
        "POST",
        "/deployments",
        createBody({ vault_ids: "v" }),
        "vault_ids",
        /^vault_ids must be an array or null\.$/,
      ],
      [
        "POST",
        "/deployments",
        createBody({ initial_events: [] }),
        "initial_events",
        /must have at least 1 item\.$/,
      ],
      ["POST", "/deployments", createBody({ name: "" }), "name", /must have at least 1 character\.$/],
      [
        "POST",
        "/deployments",
        createBody({ agent: "dep_1" }),
        "agent",
        /must be an id starting with "agent_"/,
      ],
      [
        "GET",
        "/deployment_runs?created_at[gte]=yesterday",
        undefined,
        "created_at[gte]",
        /RFC 3339 date-time, e\.g\./,
      ],
      // RFC 3339's grammar, as POST /_mock/clock reads it: ajv-formats took a space and a colon-less offset.
      [
        "GET",
        `/deployments?created_at[gte]=${encodeURIComponent("2027-01-01 00:00:00Z")}`,
        undefined,
        "created_at[gte]",
        /RFC 3339 date-time/,
      ],
      [
        "GET",
        `/agents?created_at[lte]=${encodeURIComponent("2027-01-01T00:00:00+0100")}`,
        undefined,
        "created_at[lte]",
        /RFC 3339 date-time/,
      ],
    ];
    for (const [method, path, body, param, message] of cases) {
      const refused = await call<ErrorBody>(method, path, body === undefined ? {} : { body });
      expect([refused.status, refused.body.error.param], path).toEqual([400, param]);
      expect(refused.body.error.message, path).toMatch(message);
    }
  });

  it("takes only URIs as RFC 3986 writes them, base64 as RFC 4648 does, and RFC 3339 dates of any year", async () => {
    const repository = (url: string) =>
      createBody({ resources: [{ type: "github_repository", url, authorization_token: "t0ken" }] });
    const image = (url: string) =>
      createBody({
        initial_events: [
          { type: "user.message", content: [{ type: "image", source: { type: "url", url } }] },
        ],
      });
    // ajv-formats' `uri` took each of these (an authority after a single slash), and answers echoed them.
    for (const url of [
      "https://github.com:abc/acme/reports",
      "https://a@b@github.com/acme/reports",
      "https://github.com:443:80/acme",
      "https://::",
    ]) {
      for (const [body, param] of [
        [repository(url), "resources[0].url"],
        [image(url), "initial_events[0].content[0].source.url"],
      ] as const) {
        const refused = await call<ErrorBody>("POST", "/deployments", { body });
        expect([refused.status, refused.body.error.param], url).toEqual([400, param]);
      }
    }
    const made = await call<Deployment>("POST", "/deployments", {
      body: repository("https://github.com:443/acme/reports"),
    });
    expect(made.status).toBe(200);
    // contentEncoding: base64 is asserted as RFC 4648 reads base64 (JSON Schema leaves it an annotation).
    const inline = (data: string) =>
      createBody({
        initial_events: [
          {
            type: "user.message",
            content: [{ type: "image", source: { type: "base64", media_type: "image/png", data } }],
          },
        ],
      });
    for (const data of ["data:image/png;base64,iVBORw0KGgo=", "iVBORw0KGgo", "%%%not base64", "aGk=\n"]) {
      const refused = await call<ErrorBody>("POST", "/deployments", { body: inline(data) });
      expect([refused.status, refused.body.error.param], data).toEqual([
        400,
        "initial_events[0].content[0].source.data",
      ]);
      expect(refused.body.error.message, data).toMatch(/must be base64 \(RFC 4648.*data: URL prefix\.$/);
    }
    for (const data of ["iVBORw0KGgo=", "aGk=", "aGk/", ""])
      expect((await call("POST", "/deployments", { body: inline(data) })).status, data).toBe(200);
    // An image of megabytes (one regex of four-character groups ran V8 out of stack past ≈ 4 MB of text).
    const large = Buffer.alloc(4 * 2 ** 20, 7).toString("base64");
    expect((await call("POST", "/deployments", { body: inline(large) })).status).toBe(200);
    const largeBroken = await call<ErrorBody>("POST", "/deployments", {
      body: inline(`${large.slice(4)}ab!=`),
    });
    expect([largeBroken.status, largeBroken.body.error.param]).toEqual([
      400,
      "initial_events[0].content[0].source.data",
    ]);
    // Year 0 is a leap year (Date.UTC read it as 1900, which is not); 1900 is not.
    const leapYearZero = encodeURIComponent("0000-02-29T00:00:00Z");
    expect((await call("GET", `/deployments?created_at[gte]=${leapYearZero}`)).status).toBe(200);
    const notLeap = await call<ErrorBody>("GET", "/deployments?created_at[gte]=1900-02-29T00:00:00Z");
    expect([notLeap.status, notLeap.body.error.param]).toEqual([400, "created_at[gte]"]);
  });

  it("names the metadata key that is too long or empty, not the whole object", async () => {
    const long = "k".repeat(65);
    for (const [key, problem] of [
      [long, "must have at most 64 characters"],
      ["", "must have at least 1 character"],
    ]) {
      const refused = await call<ErrorBody>("POST", "/deployments", {
        body: createBody({ metadata: { [key as string]: "v" } }),
      });
      expect(refused.status).toBe(400);
      expect(refused.body.error).toEqual({
        type: "invalid_request_error",
        message: `metadata key ${JSON.stringify(key)} ${problem}.`,
        param: "metadata",
      });
    }
  });

  it("refuses any field in the body of pause, unpause, archive and run, naming it", async () => {
    const made = await create();
    for (const action of ["pause", "unpause", "archive", "run"]) {
      const refused = await call<ErrorBody>("POST", `/deployments/${made.id}/${action}`, {
        body: { reason: "x" },
      });
      expect(refused.status, action).toBe(400);
      expect(refused.body.error).toMatchObject({ type: "invalid_request_error", param: "reason" });
    }
  });
});

describe("runs", () => {
  it("shows a manual run in both runs lists, with filters, and by id in both places", async () => {
    const made = await create();
    const other = await create({ name: "other" });
    const run = (await call<Run>("POST", `/deployments/${made.id}/run`)).body;
    await call<Run>("POST", `/deployments/${other.id}/run`);
    const own = await call<List<Run>>("GET", `/deployments/${made.id}/runs`);
    expect(own.body.data.map((item) => item.id)).toEqual([run.id]);
    const all = await call<List<Run>>("GET", "/deployment_runs");
    expect(all.body.data).toHaveLength(2);
    const scoped = await call<List<Run>>("GET", `/deployment_runs?deployment_id=${made.id}`);
    expect(scoped.body.data.map((item) => item.id)).toEqual([run.id]);
    expect((await call<List<Run>>("GET", "/deployment_runs?trigger_type=schedule")).body.data).toEqual([]);
    expect((await call<List<Run>>("GET", "/deployment_runs?has_error=false")).body.data).toHaveLength(2);
    expect((await call<List<Run>>("GET", "/deployment_runs?has_error=true")).body.data).toEqual([]);
    expect((await call<Run>("GET", `/deployment_runs/${run.id}`)).body).toEqual(run);
    expect((await call<Run>("GET", `/deployments/${made.id}/runs/${run.id}`)).body).toEqual(run);
    expect((await call("GET", `/deployments/${other.id}/runs/${run.id}`)).status).toBe(404);
  });
});

describe("the runs status filter", () => {
  it("applies to runs that carry a status (the Gen-1 examples) and is ignored for the slim runs the simulator records", async () => {
    const seeded = (method: string, url: string) =>
      server.call<List<Run & { status?: string }>>(method, url, { token: "pt-status-filter" });
    const examplesRuns = (await seeded("GET", "/deployment_runs?limit=100")).body.data;
    const completed = examplesRuns.filter((run) => run.status === "completed").map((run) => run.id);
    expect(completed.length).toBeGreaterThan(0);
    expect(examplesRuns.some((run) => run.status !== undefined && run.status !== "completed")).toBe(true);
    const made = (await seeded("POST", `/deployments/${seedDeployment.id}/run`)).body as unknown as Run & {
      status?: string;
    };
    expect(made.status).toBeUndefined();
    for (const path of ["/deployment_runs", `/deployments/${seedDeployment.id}/runs`]) {
      const ids = (await seeded("GET", `${path}?limit=100&status=completed`)).body.data.map((run) => run.id);
      expect(ids, path).toContain(made.id);
      const expected = examplesRuns
        .filter(
          (run) =>
            (run.status === undefined || run.status === "completed") &&
            (path === "/deployment_runs" || run.deployment_id === seedDeployment.id),
        )
        .map((run) => run.id);
      expect(
        ids.filter((id) => id !== made.id),
        path,
      ).toEqual(expected);
    }
  });
});

describe("run time filters past the millisecond", () => {
  it("compare the digits Date.parse drops: a run at 17.13334 s is after 17.133 s and before 17.1334 s", async () => {
    const runs = (query: string) =>
      server
        .call<List<Run>>("GET", `/deployment_runs?limit=100&${query}`, { token: "pt-sub-ms" })
        .then((answer) => answer.body.data.map((run) => run.id));
    const seeded = "drun_019ec55a68af73028afa5b87931cb2f3"; // created 2026-06-14T08:58:17.13334Z
    const at = (time: string) => encodeURIComponent(`2026-06-14T08:58:${time}Z`);
    expect(await runs(`created_at[gt]=${at("17.133")}`)).toContain(seeded);
    expect(await runs(`created_at[lte]=${at("17.133")}`)).not.toContain(seeded);
    expect(await runs(`created_at[lt]=${at("17.1334")}`)).toContain(seeded);
    expect(await runs(`created_at[gte]=${at("17.13334")}&created_at[lte]=${at("17.13334")}`)).toEqual([
      seeded,
    ]);
    expect(await runs(`created_at[gt]=${at("17.13334")}`)).not.toContain(seeded);
  });
});

describe("time filters at a leap second", () => {
  it("read …23:59:60 as the second after …23:59:59 (RFC 3339 allows it; it matched nothing or everything)", async () => {
    const runs = (query: string) =>
      server
        .call<List<Run>>("GET", `/deployment_runs?limit=100&${query}`, { token: "pt-leap" })
        .then((answer) => {
          expect(answer.status).toBe(200);
          return answer.body.data.map((run) => run.id);
        });
    const all = await runs("");
    expect(all.length).toBeGreaterThan(0);
    // Every seeded run is from 2026: a bound in 2030 leaves none after it, all before it.
    expect(await runs(`created_at[gte]=${encodeURIComponent("2030-12-31T23:59:60Z")}`)).toEqual([]);
    expect(await runs(`created_at[gt]=${encodeURIComponent("2030-12-31T23:59:60Z")}`)).toEqual([]);
    expect(await runs(`created_at[lte]=${encodeURIComponent("2030-12-31T23:59:60Z")}`)).toEqual(all);
  });

  it("place …23:59:60 after …23:59:59 and at the next day's 00:00:00, as POSIX time does", async () => {
    await server.call("POST", "/_mock/clock", { body: { now: "2026-06-30T23:59:59Z" } });
    const before = await create({ name: "before" });
    await server.call("POST", "/_mock/clock", { body: { now: "2026-07-01T00:00:01Z" } });
    const after = await create({ name: "after" });
    const names = async (bound: string) => {
      const answer = await call<List<Deployment>>(
        "GET",
        `/deployments?${bound}=${encodeURIComponent("2026-06-30T23:59:60Z")}`,
      );
      expect(answer.status).toBe(200);
      return answer.body.data.map((item) => item.name);
    };
    expect(before.created_at).toBe("2026-06-30T23:59:59Z");
    expect(after.created_at).toBe("2026-07-01T00:00:01Z");
    expect(await names("created_at[gte]")).toEqual(["after"]);
    expect(await names("created_at[lte]")).toEqual(["before"]);
  });
});

describe("idempotency", () => {
  it("replays the first answer for the same key and body, refuses another body with 409", async () => {
    const headers = { "idempotency-key": "key-1" };
    const first = await call("POST", "/deployments", { body: createBody(), headers });
    const second = await call("POST", "/deployments", { body: createBody(), headers });
    expect(second.status).toBe(200);
    expect(second.body).toEqual(first.body);
    expect((await call<List<Deployment>>("GET", "/deployments")).body.data).toHaveLength(1);
    const other = await call<ErrorBody>("POST", "/deployments", { body: createBody({ name: "y" }), headers });
    expect(other.status).toBe(409);
    expect(other.body.error).toEqual(example<ErrorBody>("ErrorIdempotencyKeyReused").error);
    // Per account: another token may use the same key for its own request.
    const elsewhere = await server.call("POST", "/deployments", {
      token: `${token}-b`,
      body: createBody({ name: "y" }),
      headers,
    });
    expect(elsewhere.status).toBe(200);
  });

  it("forgets a key after 24 h of simulated time", async () => {
    const headers = { "idempotency-key": "key-ttl" };
    const first = await call("POST", "/deployments", { body: createBody(), headers });
    await server.call("POST", "/_mock/clock", { body: { advance_ms: 24 * 3_600_000 + 1_000 } });
    const later = await call("POST", "/deployments", { body: createBody(), headers });
    expect(later.status).toBe(200);
    expect(later.body.id).not.toBe(first.body.id);
  });
});

describe("idempotency: what a key applies to, and its limit", () => {
  it("replays a refused write with the first answer's request id (never an empty one)", async () => {
    const deployment = await create();
    await call("POST", `/deployments/${deployment.id}/pause`);
    const headers = { "idempotency-key": "key-refused", "x-request-id": "rid-first" };
    const first = await call<ErrorBody>("POST", `/deployments/${deployment.id}/pause`, { headers });
    const again = await call<ErrorBody>("POST", `/deployments/${deployment.id}/pause`, {
      headers: { ...headers, "x-request-id": "rid-again" },
    });
    expect([first.status, again.status]).toEqual([409, 409]);
    expect(first.body.request_id).toBe("rid-first");
    expect(again.body).toEqual(first.body);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
  });

  it("takes the same body with its keys in another order, or an absent body as {}, as the same request", async () => {
    const headers = { "idempotency-key": "key-order" };
    const body = createBody();
    const reordered = Object.fromEntries(Object.entries(body).reverse());
    const first = await call("POST", "/deployments", { body, headers });
    const again = await call("POST", "/deployments", { body: reordered, headers });
    expect([again.status, again.body.id, again.headers.get("idempotent-replayed")]).toEqual([
      200,
      first.body.id,
      "true",
    ]);
    const run = (options: { body?: unknown }) =>
      call<Run>("POST", `/deployments/${first.body.id}/run`, {
        ...options,
        headers: { "idempotency-key": "key-run" },
      });
    const ran = await run({});
    expect((await run({})).body.id).toBe(ran.body.id);
    expect((await run({ body: undefined })).body.id).toBe(ran.body.id);
  });

  it("keeps no answer for a request refused as invalid: fixed, it may be sent again with the same key", async () => {
    const headers = { "idempotency-key": "key-invalid" };
    const bad = createBody({ schedule: { type: "cron", expression: "0 9 * * XYZ", timezone: "UTC" } });
    expect((await call<ErrorBody>("POST", "/deployments", { body: bad, headers })).status).toBe(400);
    const fixed = await call("POST", "/deployments", { body: createBody(), headers });
    expect([fixed.status, fixed.headers.get("idempotent-replayed")]).toEqual([200, null]);
  });

  it("at the key limit, counts only live keys, also after the clock moved back", () => {
    withLimit("idempotencyKeysPerAccount", 3, () => {
      const sim = new Simulator({ strict: true });
      sim.setTime("2026-07-03T00:00:00Z");
      sim.loadState("pt-keys-back", referenced);
      const body = JSON.stringify(createBody({ schedule: null }));
      const createWith = (key: string) =>
        sim.handle({
          method: "POST",
          url: "/deployments",
          headers: { authorization: "Bearer pt-keys-back", "idempotency-key": key },
          body,
        }).status;
      expect(createWith("k-late")).toBe(200); // expires 07-04
      sim.setTime("2026-07-01T00:00:00Z");
      expect([createWith("k-early-1"), createWith("k-early-2")]).toEqual([200, 200]); // expire 07-02
      sim.setTime("2026-07-03T12:00:00Z"); // the two early keys have expired; the first one has not
      expect(createWith("k-new")).toBe(200);
    });
  });

  it("ignores a key sent with a read: a GET is answered afresh, and the key stays free for a write", async () => {
    const deployment = await create();
    const headers = { "idempotency-key": "key-get" };
    expect((await call("GET", `/deployments/${deployment.id}`, { headers })).body.status).toBe("active");
    await call("POST", `/deployments/${deployment.id}/pause`);
    const read = await call("GET", `/deployments/${deployment.id}`, { headers });
    expect([read.body.status, read.headers.get("idempotent-replayed")]).toEqual(["paused", null]);
    const write = await call("POST", `/deployments/${deployment.id}/unpause`, { headers });
    expect([write.status, write.body.status]).toEqual([200, "active"]);
  });

  it("keeps no answer for a refusal at a limit of the simulator: made room, the key goes through", () => {
    withLimit("deploymentsPerAccount", 1, () => {
      const sim = new Simulator({ strict: true });
      sim.loadState("pt-limit-key", referenced);
      const send = (key?: string) =>
        sim.handle({
          method: "POST",
          url: "/deployments",
          headers: { authorization: "Bearer pt-limit-key", ...(key ? { "idempotency-key": key } : {}) },
          body: JSON.stringify(createBody({ schedule: null })),
        });
      expect(send().status).toBe(200);
      expect(send("key-at-limit").status).toBe(409);
      setLimit("deploymentsPerAccount", 2);
      expect(send("key-at-limit").status).toBe(200);
    });
  });

  it("refuses a new key past the limit before acting, and never forgets a kept one", () => {
    withLimit("idempotencyKeysPerAccount", 3, () => {
      const sim = new Simulator({ strict: true });
      sim.loadState("pt-keys", referenced);
      const body = JSON.stringify(createBody({ schedule: null }));
      const createWith = (key: string) =>
        sim.handle({
          method: "POST",
          url: "/deployments",
          headers: { authorization: "Bearer pt-keys", "idempotency-key": key },
          body,
        });
      const firsts = ["k0", "k1", "k2"].map((key) => createWith(key));
      expect(firsts.map((answer) => answer.status)).toEqual([200, 200, 200]);
      const refused = createWith("k3");
      expect(refused.status).toBe(409);
      expect(JSON.parse(refused.body).error.message).toMatch(/3 idempotency keys/);
      expect(sim.state("pt-keys").deployments).toHaveLength(3); // the refused write did nothing
      expect(createWith("k0").body).toBe(firsts[0]?.body); // still replayed
    });
  });
});

describe("fourth audit: schedules, ids and controls of an in-process simulator", () => {
  it("a seeded or loaded deployment never fires before it was created", () => {
    const sim = new Simulator({ strict: true });
    const handle = handleOf(sim);
    sim.setTime("2026-01-01T00:00:00Z");
    sim.reset("pt-early"); // the examples, created in June 2026
    const daily = sim
      .state("pt-early")
      .deployments.find((d) => d.schedule?.expression === "0 9 * * *") as Deployment;
    const { upcoming_runs_at: _, ...schedule } = daily.schedule as NonNullable<Deployment["schedule"]>;
    sim.loadState("pt-early-loaded", { ...referenced, deployments: [{ ...daily, schedule }] });
    sim.setTime("2026-06-16T00:00:00Z");
    for (const token of ["pt-early", "pt-early-loaded"]) {
      const runs = handle(token, "GET", `/deployments/${daily.id}/runs?limit=1000`).body as List<Run>;
      const fired = runs.data.filter((run) => run.trigger_context.type === "schedule");
      expect(
        fired.map((run) => run.trigger_context.scheduled_at),
        token,
      ).toContain("2026-06-15T01:00:00Z");
      for (const run of fired)
        expect(Date.parse(run.trigger_context.scheduled_at as string), token).toBeGreaterThanOrEqual(
          Date.parse(daily.created_at),
        );
    }
  });

  it("a clock move counts one fire for a deployment whose agent is archived (it fails and pauses)", () => {
    const sim = new Simulator({ strict: true });
    const handle = handleOf(sim);
    sim.setTime("2026-07-01T00:00:30Z");
    sim.loadState("pt-archived-agent", referenced);
    const hourly = createBody({ schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" } });
    const made = handle("pt-archived-agent", "POST", "/deployments", hourly).body as Deployment;
    const agentId = (made.agent as { id: string }).id;
    expect(handle("pt-archived-agent", "POST", `/agents/${agentId}/archive`).status).toBe(200);
    // Two years of hourly fires would be 17,520 runs, over the 10,000 of one move; it records one.
    expect(sim.advanceTime(2 * 365 * 24 * 3_600_000)).toBe("2028-06-30T00:00:30Z");
    const runs = handle("pt-archived-agent", "GET", `/deployments/${made.id}/runs`).body as List<Run>;
    expect(runs.data).toHaveLength(1);
    const after = handle("pt-archived-agent", "GET", `/deployments/${made.id}`).body as Deployment;
    expect([after.status, (after.paused_reason as { error: { type: string } }).error.type]).toEqual([
      "paused",
      "agent_archived_error",
    ]);
  });

  it("with a seed, the same token and requests give the same ids at another time", async () => {
    // Real time is not frozen: the second run starts later, and with its clock moved a year on.
    const idsOf = (seed: number, moveMs: number) => {
      const sim = new Simulator({ strict: true, seed });
      const handle = handleOf(sim);
      sim.advanceTime(moveMs);
      sim.loadState("pt-repeat", referenced);
      const environment = handle("pt-repeat", "POST", "/environments", {
        name: "e",
        config: { type: "cloud" },
      });
      const made = handle("pt-repeat", "POST", "/deployments", createBody()).body as Deployment;
      const run = handle("pt-repeat", "POST", `/deployments/${made.id}/run`).body as Run & {
        session_id: string;
      };
      return [environment.body.id, made.id, run.id, run.session_id] as string[];
    };
    const first = idsOf(42, 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const second = idsOf(42, 365 * 24 * 3_600_000);
    expect(second).toEqual(first);
    expect(first.every((id) => /^[a-z]+_[0-9a-f]{32}$/.test(id))).toBe(true);
    expect(new Set(first).size).toBe(first.length);
    // Another seed gives other ids.
    expect(idsOf(43, 0)[1]).not.toBe(first[1]);
  });

  it("with a seed, the runs schedules fire as time passes do not shift the ids later requests make", () => {
    // The same requests, started at two times of the minute: a per-minute schedule fires once in one run
    // of them and not in the other (its runs draw from their own seeded sequence).
    const idsAfter = (start: string) => {
      const sim = new Simulator({ strict: true, seed: 42 });
      const handle = handleOf(sim);
      sim.setTime(new Date(start));
      sim.loadState("pt-repeat", referenced);
      const schedule = { type: "cron", expression: "* * * * *", timezone: "UTC" };
      const made = handle("pt-repeat", "POST", "/deployments", createBody({ schedule })).body as Deployment;
      sim.advanceTime(30_000);
      const fired = handle("pt-repeat", "GET", `/deployments/${made.id}/runs`).body as List<Run>;
      const environment = handle("pt-repeat", "POST", "/environments", { name: "e" }).body as { id: string };
      return { ids: [made.id, environment.id], runs: fired.data.length };
    };
    const quiet = idsAfter("2027-01-01T10:00:10Z");
    const firing = idsAfter("2027-01-01T10:00:45Z");
    expect([quiet.runs, firing.runs]).toEqual([0, 1]);
    expect(firing.ids).toEqual(quiet.ids);
  });

  it("with a seed, an id a loaded state already holds is drawn again", () => {
    // Real time stands still here, so both creates have the same clock time (and the same seeded bytes).
    const frozen = vi.spyOn(Date, "now").mockReturnValue(Date.now());
    onTestFinished(() => frozen.mockRestore());
    const sim = new Simulator({ strict: true, seed: 1 });
    const handle = handleOf(sim);
    sim.setTime("2026-07-01T00:00:00Z");
    sim.loadState("pt-seeded", referenced);
    const first = handle("pt-seeded", "POST", "/deployments", createBody()).body as Deployment;
    // The same state loaded again restarts the seeded sequence: at the same time, it would give the same id.
    const { now: _, idempotency_keys: __, ...saved } = sim.state("pt-seeded");
    sim.loadState("pt-seeded", saved);
    const second = handle("pt-seeded", "POST", "/deployments", createBody()).body as Deployment;
    expect(second.id).not.toBe(first.id);
    const listed = handle("pt-seeded", "GET", "/deployments?limit=100").body as List<Deployment>;
    expect(new Set(listed.data.map((d) => d.id)).size).toBe(listed.data.length);
  });

  it("a body nested deeper than the stated limit is refused before anything acts; the limit itself is fine", () => {
    const sim = new Simulator({ strict: true });
    const handle = handleOf(sim);
    sim.loadState("pt-deep", referenced);
    const agentWith = (depth: number) => ({
      name: `deep-${depth}`,
      model: "ultimate",
      tools: [
        {
          type: "custom",
          name: "t",
          description: "d",
          // The body's own levels: the body, tools, the tool, input_schema, then `depth - 4` arrays.
          input_schema: { type: "object", x: JSON.parse(`${"[".repeat(depth - 4)}${"]".repeat(depth - 4)}`) },
        },
      ],
    });
    const refused = handle("pt-deep", "POST", "/agents", agentWith(MAX_JSON_DEPTH + 1));
    expect([refused.status, refused.body.error.message]).toEqual([
      400,
      `Request body nests more than ${MAX_JSON_DEPTH} levels of objects and arrays.`,
    ]);
    expect(handle("pt-deep", "GET", "/agents?limit=100").body.data).toHaveLength(
      referenced.agents.length - 1,
    );
    expect(handle("pt-deep", "POST", "/agents", agentWith(MAX_JSON_DEPTH)).status).toBe(200);
    expect(handle("pt-deep", "GET", "/agents?limit=100").status).toBe(200);
    expect(() => sim.state("pt-deep")).not.toThrow();
  });

  it("keeps a metadata key named __proto__ as the key it is", () => {
    const sim = new Simulator({ strict: true });
    const handle = handleOf(sim);
    sim.loadState("pt-proto", referenced);
    const metadata = JSON.parse('{"__proto__":"kept","team":"a"}'); // an own key, as the API's JSON gives it
    const answer = handle("pt-proto", "POST", "/deployments", createBody({ metadata }));
    expect(answer.status).toBe(200);
    const made = answer.body as Deployment;
    expect(Object.entries(made.metadata)).toEqual([
      ["__proto__", "kept"],
      ["team", "a"],
    ]);
    expect(Object.getPrototypeOf(handle("pt-proto", "GET", `/deployments/${made.id}`).body.metadata)).toBe(
      Object.prototype,
    );
  });

  it("with a seed, a new environment never takes the id of a deleted one", () => {
    const frozen = vi.spyOn(Date, "now").mockReturnValue(Date.now());
    onTestFinished(() => frozen.mockRestore());
    const sim = new Simulator({ strict: true, seed: 7 });
    const handle = handleOf(sim);
    sim.setTime("2026-07-01T00:00:00Z");
    sim.reset("pt-env-ids", "empty");
    const body = { name: "e", config: { type: "cloud" } };
    const gone = handle("pt-env-ids", "POST", "/environments", body).body as { id: string };
    expect(handle("pt-env-ids", "DELETE", `/environments/${gone.id}`).status).toBe(200);
    const { now: _, idempotency_keys: __, ...saved } = sim.state("pt-env-ids");
    sim.loadState("pt-env-ids", saved); // the seeded sequence starts again, at the same time
    const next = handle("pt-env-ids", "POST", "/environments", body).body as { id: string };
    expect(next.id).not.toBe(gone.id);
    const { now: ___, idempotency_keys: ____, ...again } = sim.state("pt-env-ids");
    expect(() => sim.loadState("pt-env-ids", again)).not.toThrow();
  });

  it("reset() checks its arguments as POST /_mock/reset does", () => {
    const sim = new Simulator();
    expect(() => sim.reset("pt-x", "bogus" as "empty")).toThrow(/fixture must be "examples" or "empty"/);
    expect(() => sim.reset(undefined, "empty")).toThrow(/pass its token/);
    expect(() => sim.reset(null as unknown as string)).toThrow(/non-empty string/);
    expect(() => sim.reset("")).toThrow(/non-empty string/);
    sim.reset("pt-x", "empty");
    expect(sim.state("pt-x").deployments).toEqual([]);
  });
});

describe("an account at its limit of runs", () => {
  it("pauses a deployment whose fire it cannot record, saying why; its other requests and other accounts go on", () => {
    withLimit("runsPerAccount", 2, () => {
      const sim = new Simulator({ strict: true });
      sim.setTime("2026-07-01T00:30:00Z");
      const handle = handleOf(sim);
      for (const account of ["pt-runs-full", "pt-runs-other"]) {
        sim.reset(account, "empty");
        sim.loadState(account, referenced);
      }
      const hourly = createBody({ schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" } });
      const full = handle("pt-runs-full", "POST", "/deployments", hourly).body as Deployment;
      handle("pt-runs-other", "POST", "/deployments", hourly);
      expect(sim.advanceTime(5 * 3_600_000)).toBe("2026-07-01T05:30:00Z");
      const after = handle("pt-runs-full", "GET", `/deployments/${full.id}`).body as Deployment;
      expect(after.status).toBe("paused");
      expect(after.paused_reason).toEqual({
        type: "error",
        error: {
          type: "unknown_error",
          message: expect.stringMatching(/^Not fired at 2026-07-01T03:00:00Z: .*holds 2 deployment runs/),
        },
      });
      expect(sim.state("pt-runs-full").runs).toHaveLength(2);
      expect(handle("pt-runs-full", "GET", "/deployments").status).toBe(200);
      // The other account is at its limit too (2 runs), and its clock moved with the same rules.
      expect(sim.state("pt-runs-other").runs).toHaveLength(2);
      const refusedRun = handle("pt-runs-full", "POST", `/deployments/${full.id}/unpause`);
      expect(refusedRun.status).toBe(200);
      expect(handle("pt-runs-full", "POST", `/deployments/${full.id}/run`).status).toBe(409);
    });
  });
});

describe("an account close to its limit of runs", () => {
  it("records every fire it has room for, in every deployment, and pauses the first it has none for", () => {
    withLimit("runsPerAccount", 7, () => {
      const sim = new Simulator({ strict: true });
      sim.setTime("2026-07-01T00:00:30Z");
      sim.loadState("pt-room", referenced);
      const minutely = createBody({ schedule: { type: "cron", expression: "* * * * *", timezone: "UTC" } });
      const make = () =>
        JSON.parse(
          sim.handle({
            method: "POST",
            url: "/deployments",
            headers: { authorization: "Bearer pt-room" },
            body: JSON.stringify(minutely),
          }).body,
        ) as Deployment;
      const a = make();
      const b = make();
      sim.advanceTime(3 * 60_000); // 3 fires each: 6 runs, room for 7
      const runsOf = (id: string) => sim.state("pt-room").runs.filter((run) => run.deployment_id === id);
      expect([runsOf(a.id).length, runsOf(b.id).length]).toEqual([3, 3]);
      sim.advanceTime(2 * 60_000); // room for 1 more: a fires once, then pauses; b pauses at its first
      expect([runsOf(a.id).length, runsOf(b.id).length]).toEqual([4, 3]);
      const statuses = sim.state("pt-room").deployments.map((d) => [d.id, d.status, d.paused_reason?.type]);
      expect(statuses).toEqual(
        expect.arrayContaining([
          [a.id, "paused", "error"],
          [b.id, "paused", "error"],
        ]),
      );
    });
  });
});

describe("clock and schedules", () => {
  it("fires one run per fire time passed for active deployments, none for paused ones", async () => {
    await server.call("POST", "/_mock/clock", { body: { now: "2026-07-01T00:30:00Z" } });
    const hourly = await create({
      name: "hourly",
      schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" },
      metadata: { cas_config: { session_strategy: "new_session" } },
    });
    const paused = await create({
      name: "paused",
      schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" },
    });
    await call("POST", `/deployments/${paused.id}/pause`);
    const moved = await server.call<{ now: string }>("POST", "/_mock/clock", {
      body: { advance_ms: 3 * 3_600_000 },
    });
    expect(moved.body.now).toMatch(/^2026-07-01T03:30:0\dZ$/);
    const runs = await call<List<Run>>("GET", `/deployments/${hourly.id}/runs`);
    expect(runs.body.data.map((run) => run.trigger_context)).toEqual([
      { type: "schedule", scheduled_at: "2026-07-01T03:00:00Z" },
      { type: "schedule", scheduled_at: "2026-07-01T02:00:00Z" },
      { type: "schedule", scheduled_at: "2026-07-01T01:00:00Z" },
    ]);
    const after = (await call("GET", `/deployments/${hourly.id}`)).body;
    expect(after.schedule?.last_run_at).toBe("2026-07-01T03:00:00Z");
    expect(after.schedule?.upcoming_runs_at?.[0]).toBe("2026-07-01T04:00:00Z");
    expect((after.metadata.cas_config as { stats: { total_runs: number } }).stats.total_runs).toBe(3);
    expect((await call<List<Run>>("GET", `/deployments/${paused.id}/runs`)).body.data).toEqual([]);
    const pausedAfter = (await call("GET", `/deployments/${paused.id}`)).body;
    expect(pausedAfter.schedule?.upcoming_runs_at?.[0]).toBe("2026-07-01T04:00:00Z");
  });
});

describe("last_run_at", () => {
  it("a schedule set after none (manual runs only) starts from the deployment's newest run, not from nothing", async () => {
    const hourly = { type: "cron", expression: "0 * * * *", timezone: "UTC" };
    const made = await create({ schedule: hourly });
    await server.call("POST", "/_mock/clock", { body: { advance_ms: 90 * 60_000 } });
    await call("POST", `/deployments/${made.id}`, { body: { schedule: null } });
    const manual = await call<Run>("POST", `/deployments/${made.id}/run`);
    const again = await call("POST", `/deployments/${made.id}`, { body: { schedule: hourly } });
    expect(again.body.schedule?.last_run_at).toBe(manual.body.created_at);
    // Never scheduled before: its manual run is its last.
    const manualOnly = await create({ schedule: null });
    const run = await call<Run>("POST", `/deployments/${manualOnly.id}/run`);
    const scheduled = await call("POST", `/deployments/${manualOnly.id}`, { body: { schedule: hourly } });
    expect(scheduled.body.schedule?.last_run_at).toBe(run.body.created_at);
    // Not run yet: none.
    const fresh = await create({ schedule: null });
    const first = await call("POST", `/deployments/${fresh.id}`, { body: { schedule: hourly } });
    expect(first.body.schedule?.last_run_at ?? null).toBeNull();
  });
});

describe("the clock moved back", () => {
  it("plans every schedule again from the new now: the next fire times, which then fire", async () => {
    await server.call("POST", "/_mock/clock", { body: { now: "2026-06-01T00:00:00Z" } });
    const daily = await create({ schedule: { type: "cron", expression: "0 1 * * *", timezone: "UTC" } });
    await server.call("POST", "/_mock/clock", { body: { now: "2026-06-11T00:00:00Z" } });
    const runsOf = async () => (await call<List<Run>>("GET", `/deployments/${daily.id}/runs`)).body.data;
    expect(await runsOf()).toHaveLength(10);
    await server.call("POST", "/_mock/clock", { body: { now: "2026-06-01T12:00:00Z" } });
    const back = (await call("GET", `/deployments/${daily.id}`)).body;
    expect(back.schedule?.upcoming_runs_at?.slice(0, 2)).toEqual([
      "2026-06-02T01:00:00Z",
      "2026-06-03T01:00:00Z",
    ]);
    await server.call("POST", "/_mock/clock", { body: { advance_ms: 3 * 24 * 3_600_000 } });
    const times = (await runsOf()).map((run) => run.trigger_context.scheduled_at);
    // The 10 runs from before the move back, and 3 more: the 2nd, 3rd and 4th fire again.
    expect(times).toHaveLength(13);
    for (const day of ["02", "03", "04"])
      expect(times.filter((at) => at === `2026-06-${day}T01:00:00Z`)).toHaveLength(2);
  });
});

describe("the clock moved back before a deployment was created", () => {
  it("plans its schedule from its creation: it never fires before it existed", async () => {
    await server.call("POST", "/_mock/clock", { body: { now: "2026-08-10T12:00:00Z" } });
    const daily = await create({ schedule: { type: "cron", expression: "0 1 * * *", timezone: "UTC" } });
    await server.call("POST", "/_mock/clock", { body: { now: "2026-08-01T00:00:00Z" } });
    const back = (await call("GET", `/deployments/${daily.id}`)).body;
    expect(back.schedule?.upcoming_runs_at?.[0]).toBe("2026-08-11T01:00:00Z");
    await server.call("POST", "/_mock/clock", { body: { now: "2026-08-11T00:00:00Z" } });
    expect((await call<List<Run>>("GET", `/deployments/${daily.id}/runs`)).body.data).toEqual([]);
  });
});

describe("clock with schedules at different times", () => {
  it("fires the due one and leaves the others' upcoming times as they were", async () => {
    await server.call("POST", "/_mock/clock", { body: { now: "2026-07-01T00:30:00Z" } });
    const hourly = await create({
      name: "hourly",
      schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" },
    });
    const daily = await create({
      name: "daily",
      schedule: { type: "cron", expression: "0 12 * * *", timezone: "Asia/Shanghai" },
    });
    await server.call("POST", "/_mock/clock", { body: { advance_ms: 3_600_000 } });
    const runsOf = async (id: string) =>
      (await call<List<Run>>("GET", `/deployments/${id}/runs?limit=100`)).body.data.map(
        (run) => run.trigger_context,
      );
    expect(await runsOf(hourly.id)).toEqual([{ type: "schedule", scheduled_at: "2026-07-01T01:00:00Z" }]);
    expect(await runsOf(daily.id)).toEqual([]);
    expect((await call("GET", `/deployments/${daily.id}`)).body.schedule).toEqual(daily.schedule);
    // Noon in Shanghai is 04:00 UTC: a day later the daily one has fired once, the hourly 24 more times.
    await server.call("POST", "/_mock/clock", { body: { advance_ms: 24 * 3_600_000 } });
    expect(await runsOf(daily.id)).toEqual([{ type: "schedule", scheduled_at: "2026-07-01T04:00:00Z" }]);
    expect(await runsOf(hourly.id)).toHaveLength(25);
  });
});

describe("control endpoints", () => {
  it("GET /_mock/state shows the account and POST /_mock/state loads one, validated by the contract", async () => {
    const made = await create();
    const state = await call<{ deployments: Deployment[]; runs: unknown[] }>("GET", "/_mock/state");
    expect(state.body.deployments.map((item) => item.id)).toEqual([made.id]);
    const target = `${token}-loaded`;
    const loaded = await server.call("POST", "/_mock/state", { token: target, body: state.body });
    expect(loaded.status).toBe(200);
    expect((await server.call("GET", `/deployments/${made.id}`, { token: target })).body).toEqual(made);
    // Records created in the same second (created_at's precision) are listed in the order given, and keep
    // that order through a round trip.
    await call("POST", `/deployments/${made.id}/run`);
    const { runs } = (await call<{ runs: Run[] }>("GET", "/_mock/state")).body;
    const twin = (id: string, last: string) => `${id.slice(0, -1)}${last}`;
    const tied = {
      ...referenced,
      deployments: ["b", "a"].map((last) => ({ ...made, id: twin(made.id, last), name: `tied-${last}` })),
      runs: ["b", "a"].map((last) => ({
        ...runs[0],
        id: twin(runs[0]?.id as string, last),
        deployment_id: twin(made.id, last),
      })),
    };
    const listed = async (who: string) => ({
      deployments: (await server.call<List<Deployment>>("GET", "/deployments", { token: who })).body.data,
      runs: (await server.call<List<Run>>("GET", "/deployment_runs", { token: who })).body.data,
    });
    expect((await server.call("POST", "/_mock/state", { token: target, body: tied })).status).toBe(200);
    const given = await listed(target);
    expect(given.deployments.map((item) => item.name)).toEqual(["tied-b", "tied-a"]);
    expect(given.runs.map((item) => item.id)).toEqual(tied.runs.map((item) => item.id));
    const copy = `${token}-copy`;
    const dumped = (await server.call("GET", "/_mock/state", { token: target })).body;
    expect((await server.call("POST", "/_mock/state", { token: copy, body: dumped })).status).toBe(200);
    expect(await listed(copy)).toEqual(given);

    const broken = await call<ErrorBody>("POST", "/_mock/state", {
      body: { deployments: [{ ...made, status: "deleted" }] },
    });
    expect(broken.status).toBe(400);
    expect(broken.body.error.param).toBe("deployments[0].status");
  });

  it("POST /_mock/state is all or nothing: a refused state (bad cron, a record twice, an unknown field) leaves the account as it was", async () => {
    const made = await create();
    const before = (await call("GET", "/_mock/state")).body;
    const { now: _, ...dumped } = before as Record<string, unknown>;
    for (const [body, status, param] of [
      [
        { deployments: [{ ...made, schedule: { ...made.schedule, expression: "this is not cron" } }] },
        400,
        "deployments[0].schedule.expression",
      ],
      [
        { deployments: [{ ...made, schedule: { ...made.schedule, timezone: "Not/AZone" } }] },
        400,
        "deployments[0].schedule.timezone",
      ],
      [{ ...referenced, deployments: [made, made] }, 409, undefined],
      [{ deployment: [made] }, 400, "deployment"],
    ] as const) {
      const refused = await call<ErrorBody>("POST", "/_mock/state", { body });
      expect(refused.status, JSON.stringify(body).slice(0, 80)).toBe(status);
      if (param) expect(refused.body.error.param).toBe(param);
      const { now: __, ...after } = (await call("GET", "/_mock/state")).body as Record<string, unknown>;
      expect(after).toEqual(dumped);
    }
    // The clock still moves for every account (a bad schedule loaded before poisoned every move).
    expect((await call("POST", "/_mock/clock", { body: { advance_ms: 60_000 } })).status).toBe(200);
  });

  it("POST /_mock/state refuses a reference the state does not hold, naming the field", async () => {
    const made = await create();
    await call("POST", `/deployments/${made.id}/run`);
    const {
      now: _,
      idempotency_keys: __,
      ...state
    } = (await call<unknown>("GET", "/_mock/state")).body as Record<string, unknown> & {
      deployments: Deployment[];
      runs: Run[];
      environments: { id: string }[];
    };
    const [deployment] = state.deployments as [Deployment];
    const [run] = state.runs as [Run];
    const environmentId = deployment.environment_id;
    const agent = deployment.agent as { id: string; type: "agent"; version: number };
    const unknownAgent = { ...agent, id: "agent_0000000000000000000000000000beef" };
    for (const [change, param] of [
      [{ deployments: [{ ...deployment, agent: unknownAgent }] }, "deployments[0].agent"],
      [{ deployments: [{ ...deployment, agent: { ...agent, version: 9 } }] }, "deployments[0].agent"],
      [
        { deployments: [{ ...deployment, environment_id: "env_0000000000000000000000000000beef" }] },
        "deployments[0].environment_id",
      ],
      [
        { runs: [{ ...run, deployment_id: "dep_0000000000000000000000000000beef" }] },
        "runs[0].deployment_id",
      ],
      [{ runs: [{ ...run, agent: unknownAgent }] }, "runs[0].agent"],
      [{ deleted_environment_ids: [environmentId] }, "deleted_environment_ids[0]"],
      [
        { environment_sessions: { env_0000000000000000000000000000beef: 1 } },
        "environment_sessions.env_0000000000000000000000000000beef",
      ],
    ] as const) {
      const refused = await call<ErrorBody>("POST", "/_mock/state", { body: { ...state, ...change } });
      expect([refused.status, refused.body.error.param], param).toEqual([400, param]);
      expect(refused.body.error.message).toMatch(/not in the state's|neither in|both in/);
    }
    // A deployment of a deleted environment is a state the API can reach: it loads.
    const deleted = {
      ...state,
      environments: state.environments.filter((environment) => environment.id !== environmentId),
      deleted_environment_ids: [environmentId],
      environment_sessions: {},
    };
    expect((await call("POST", "/_mock/state", { body: deleted })).status).toBe(200);
  });

  it("a loaded schedule without upcoming_runs_at (the contract lets it be absent) gets them, and fires", async () => {
    const made = await create();
    const { upcoming_runs_at: _, ...schedule } = {
      ...made.schedule,
      expression: "* * * * *",
      timezone: "UTC",
    };
    const target = `${token}-no-upcoming`;
    const loaded = await server.call("POST", "/_mock/state", {
      token: target,
      body: { ...referenced, deployments: [{ ...made, schedule }] },
    });
    expect(loaded.status).toBe(200);
    const got = await server.call<Deployment>("GET", `/deployments/${made.id}`, { token: target });
    expect(got.body.schedule?.upcoming_runs_at).toHaveLength(5);
    await server.call("POST", "/_mock/clock", { body: { advance_ms: 3 * 60_000 } });
    const runs = await server.call<List<Run>>("GET", `/deployments/${made.id}/runs`, { token: target });
    expect(runs.body.data.length).toBeGreaterThanOrEqual(3);
  });

  it("a loaded schedule's upcoming_runs_at must follow it: an empty or foreign list would never fire or show wrong times", async () => {
    const made = await create({
      schedule: { type: "cron", expression: "0 9 * * *", timezone: "Asia/Shanghai" },
    });
    const target = `${token}-upcoming`;
    await server.call("POST", "/_mock/reset", { token: target, body: { fixture: "empty" } });
    const load = (deployment: Deployment) =>
      server.call<ErrorBody>("POST", "/_mock/state", {
        token: target,
        body: { ...referenced, deployments: [deployment] },
      });
    const withTimes = (times: string[], changes: Partial<Deployment> = {}) =>
      ({ ...made, ...changes, schedule: { ...made.schedule, upcoming_runs_at: times } }) as Deployment;
    const given = made.schedule?.upcoming_runs_at as string[];
    const param = "deployments[0].schedule.upcoming_runs_at";
    for (const [deployment, field, message] of [
      [
        withTimes([]),
        param,
        /is empty, but "0 9 \* \* \*" in Asia\/Shanghai fires \(next at \d{4}-.*\): leave upcoming_runs_at out/,
      ],
      // The expression edited, the times of the old one kept.
      [
        {
          ...withTimes(given),
          schedule: { ...withTimes(given).schedule, expression: "0 12 * * *" },
        } as Deployment,
        `${param}[0]`,
        /is not a fire time of "0 12 \* \* \*" in Asia\/Shanghai/,
      ],
      // A fire time and a half second: not one (the run due on the second would wait for the half).
      [withTimes([(given[0] as string).replace("Z", ".500Z")]), `${param}[0]`, /\.500Z is not a fire time/],
      // Times ahead of the clock but before the deployment existed.
      [
        withTimes(["2098-12-31T01:00:00Z"], {
          created_at: "2099-01-01T00:00:00Z",
          updated_at: "2099-01-01T00:00:00Z",
        } as Partial<Deployment>),
        `${param}[0]`,
        /is not after the deployment's created_at/,
      ],
      // Only the later ones not fire times.
      [
        withTimes([given[0] as string, "2099-07-04T13:37:00Z"]),
        `${param}[1]`,
        /\[1\] 2099-07-04T13:37:00Z is not a fire time/,
      ],
      [withTimes([...given].reverse()), `${param}[1]`, /ascending order/],
      [withTimes([given[0] as string, given[0] as string]), `${param}[1]`, /ascending order/],
      [
        withTimes(given, { archived_at: made.created_at } as Partial<Deployment>),
        param,
        /an archived deployment has no upcoming runs/,
      ],
    ] as const) {
      const refused = await load(deployment);
      expect([refused.status, refused.body.error.param], field).toEqual([400, field]);
      expect(refused.body.error.message).toMatch(message);
    }
    expect((await server.call<List<Deployment>>("GET", "/deployments", { token: target })).body.data).toEqual(
      [],
    );
    // A first time already past is planned again by the load, whatever it was.
    const past = await load(withTimes(["2000-01-01T00:00:00Z"]));
    expect(past.status, JSON.stringify(past.body)).toBe(200);
    const replanned = await server.call<Deployment>("GET", `/deployments/${made.id}`, { token: target });
    expect(replanned.body.schedule?.upcoming_runs_at).toEqual(given);
    // The list as the simulator gave it loads, and so does the schedule without it; both fire.
    for (const deployment of [
      withTimes(given),
      { ...made, schedule: { ...made.schedule, upcoming_runs_at: undefined } },
    ]) {
      const loaded = await load(deployment as Deployment);
      expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
      const got = await server.call<Deployment>("GET", `/deployments/${made.id}`, { token: target });
      expect(got.body.schedule?.upcoming_runs_at).toEqual(given);
    }
    await server.call("POST", "/_mock/clock", { token: target, body: { advance_ms: 3 * 86_400_000 } });
    const runs = await server.call<List<Run>>("GET", `/deployments/${made.id}/runs`, { token: target });
    expect(runs.body.data.length).toBeGreaterThanOrEqual(3);
  });

  it("a loaded schedule whose first upcoming time is after its next fire fires from then on: the times before it never fire late", async () => {
    const made = await create({ schedule: { type: "cron", expression: "0 9 * * *", timezone: "UTC" } });
    const given = made.schedule?.upcoming_runs_at as string[];
    const target = `${token}-later-upcoming`;
    const later = { ...made, schedule: { ...made.schedule, upcoming_runs_at: given.slice(2) } };
    const loaded = await server.call("POST", "/_mock/state", {
      token: target,
      body: { ...referenced, deployments: [later] },
    });
    expect(loaded.status, JSON.stringify(loaded.body)).toBe(200);
    // The scheduled times of the deployment's runs once the clock is an hour past `time`.
    const firedBy = async (time: string) => {
      const clock = await server.call<{ now: string }>("GET", "/_mock/clock", { token: target });
      const advance_ms = Date.parse(time) + 3_600_000 - Date.parse(clock.body.now);
      await server.call("POST", "/_mock/clock", { token: target, body: { advance_ms } });
      const runs = await server.call<List<Run>>("GET", `/deployments/${made.id}/runs`, { token: target });
      return runs.body.data.map((run) => run.trigger_context.scheduled_at);
    };
    expect(await firedBy(given[1] as string)).toEqual([]);
    expect(await firedBy(given[2] as string)).toEqual([given[2]]);
  });

  it("POST /_mock/state refuses null for a list of records, naming it, instead of loading an empty account", async () => {
    await create();
    for (const field of [
      "deployments",
      "runs",
      "agents",
      "environments",
      "deleted_environment_ids",
      "environment_sessions",
    ]) {
      const refused = await call<ErrorBody>("POST", "/_mock/state", { body: { [field]: null } });
      expect([refused.status, refused.body.error.param], field).toEqual([400, field]);
      expect(refused.body.error.message).toContain(`${field} is null`);
    }
    expect((await call<List<Deployment>>("GET", "/deployments")).body.data).toHaveLength(1);
    // What GET gives beside the records is not loaded: null there is no mistake.
    const state = (await call<Record<string, unknown>>("GET", "/_mock/state")).body;
    expect(
      (await call("POST", "/_mock/state", { body: { ...state, now: null, idempotency_keys: null } })).status,
    ).toBe(200);
  });

  it("a browser page may call the control endpoints: their CORS preflight is allowed", async () => {
    for (const [path, methods] of [
      ["/_mock/reset", "POST"],
      ["/_mock/clock", "GET, POST"],
      ["/_mock/state", "GET, POST"],
    ]) {
      const preflight = await fetch(`${server.url}${path}`, {
        method: "OPTIONS",
        headers: {
          origin: "http://localhost:5173",
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
      expect(preflight.status, path).toBe(204);
      expect(await preflight.text()).toBe("");
      expect(Object.fromEntries(preflight.headers)).toMatchObject({
        "access-control-allow-origin": "http://localhost:5173",
        "access-control-allow-methods": methods,
        "access-control-allow-headers": "authorization,content-type",
      });
      expect(preflight.headers.get("content-length"), path).toBeNull();
    }
    // An OPTIONS that is no preflight is still a method these endpoints do not have.
    const plain = await server.call<ErrorBody>("OPTIONS", "/_mock/reset");
    expect(plain.status).toBe(405);
  });

  it("POST /_mock/reset restores the examples, and refuses unknown fields", async () => {
    await create();
    expect((await call("POST", "/_mock/reset", { body: {} })).status).toBe(200);
    const list = await call<List<Deployment>>("GET", "/deployments?limit=100");
    expect(list.body.data.map((item) => item.id)).toContain(seedDeployment.id);
    for (const fixture of ["full", null]) {
      const bad = await call<ErrorBody>("POST", "/_mock/reset", { body: { fixture } });
      expect([bad.status, bad.body.error.param]).toEqual([400, "fixture"]);
      // Without a token the account is missing before the body is wrong: 401, as on the API's paths.
      const anonymous = await call<ErrorBody>("POST", "/_mock/reset", { token: null, body: { fixture } });
      expect([anonymous.status, anonymous.body.error.type]).toEqual([401, "authentication_error"]);
    }
  });

  it("POST /_mock/clock refuses a date that does not exist, naming now", async () => {
    for (const now of [
      "2027-02-30T00:00:00Z",
      "2027-04-31T12:00:00Z",
      "2027-01-01T24:00:00Z",
      "2027-01-01T00:00:00+24:00",
    ]) {
      const answer = await server.call<ErrorBody>("POST", "/_mock/clock", { body: { now } });
      expect([answer.status, answer.body.error.param], now).toEqual([400, "now"]);
    }
    expect(() => server.sim.setTime("2027-02-29T00:00:00Z")).toThrow(/now/);
    expect(new Simulator().setTime("2028-02-29T00:00:00Z")).toBe("2028-02-29T00:00:00Z");
    // setTime() from startMock() takes what POST /_mock/clock takes: RFC 3339, a real day.
    for (const at of ["2027-02-30", "2027-06-31T00:00:00", "June 1, 2027"])
      expect(() => new Simulator().setTime(at), at).toThrow(/RFC 3339/);
    expect(new Simulator().setTime(new Date("2027-06-01T00:00:00Z"))).toBe("2027-06-01T00:00:00Z");
  });

  it("POST /_mock/clock takes a leap second as the list filters do: the next minute's :00", async () => {
    const { now } = (await server.call<{ now: string }>("POST", "/_mock/clock", { body: { advance_ms: 0 } }))
      .body;
    const leap = `${now.slice(0, 11)}23:59:60Z`; // the end of the clock's day
    const answer = await server.call<{ now: string }>("POST", "/_mock/clock", { body: { now: leap } });
    const next = new Date(Date.parse(`${now.slice(0, 11)}23:59:59Z`) + 1000)
      .toISOString()
      .replace(".000Z", "Z");
    expect([answer.status, answer.body]).toEqual([200, { now: next }]);
    expect(new Simulator().setTime("2026-12-31T23:59:60Z")).toBe("2027-01-01T00:00:00Z");
    expect(new Simulator().setTime("2016-12-31T05:29:60+05:30")).toBe("2016-12-31T00:00:00Z"); // 23:59:60 UTC on the 30th
    expect(() => new Simulator().setTime("2016-12-31T23:59:60+01:00")).toThrow(/now/); // 22:59:60 UTC
    // Only the last second of a UTC day can be a leap second.
    const bad = await server.call<ErrorBody>("POST", "/_mock/clock", {
      body: { now: "2027-01-01T12:30:60Z" },
    });
    expect([bad.status, bad.body.error.param]).toEqual([400, "now"]);
  });

  it("GET /_mock/state gives the deleted environments, and a loaded state keeps them deleted", async () => {
    const environment = (
      await call<{ id: string }>("POST", "/environments", { body: { name: "short-lived" } })
    ).body;
    await server.call("POST", "/_mock/clock", { body: { now: "2026-07-01T00:30:00Z" } });
    const deployment = await create({
      environment_id: environment.id,
      schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" },
    });
    expect((await call("DELETE", `/environments/${environment.id}`)).status).toBe(200);
    const state = (await call<{ deleted_environment_ids: string[] }>("GET", "/_mock/state")).body;
    expect(state.deleted_environment_ids).toEqual([environment.id]);
    const copy = `${token}-copy`;
    expect((await server.call("POST", "/_mock/state", { token: copy, body: state })).status).toBe(200);
    await server.call("POST", "/_mock/clock", { body: { advance_ms: 3_600_000 } });
    for (const account of [token, copy]) {
      const after = (
        await server.call<Deployment>("GET", `/deployments/${deployment.id}`, { token: account })
      ).body;
      expect(after.paused_reason, account).toEqual({
        type: "error",
        error: { type: "environment_not_found_error" },
      });
    }
    const refused = await call<ErrorBody>("POST", "/_mock/state", {
      body: { deleted_environment_ids: ["x"] },
    });
    expect([refused.status, refused.body.error.param]).toEqual([400, "deleted_environment_ids[0]"]);
  });

  it("GET /_mock/state gives the sessions of each environment, and a loaded state keeps them there", async () => {
    const first = (await call<{ id: string }>("POST", "/environments", { body: { name: "first" } })).body;
    const second = (await call<{ id: string }>("POST", "/environments", { body: { name: "second" } })).body;
    const deployment = await create({ environment_id: first.id, schedule: null });
    expect((await call("POST", `/deployments/${deployment.id}/run`)).status).toBe(200);
    await call("POST", `/deployments/${deployment.id}`, { body: { environment_id: second.id } });
    const state = (await call<{ environment_sessions: Record<string, number> }>("GET", "/_mock/state")).body;
    expect(state.environment_sessions).toEqual({ [first.id]: 1 });
    const copy = `${token}-sessions`;
    expect((await server.call("POST", "/_mock/state", { token: copy, body: state })).status).toBe(200);
    // The session stays with the environment it ran in: that one cannot be deleted, the other can.
    for (const account of [copy, token]) {
      const del = (id: string) => server.call("DELETE", `/environments/${id}`, { token: account });
      expect([(await del(first.id)).status, (await del(second.id)).status], account).toEqual([409, 200]);
    }
    const refused = await call<ErrorBody>("POST", "/_mock/state", {
      body: { environment_sessions: { [first.id]: -1 } },
    });
    expect([refused.status, refused.body.error.param]).toEqual([400, `environment_sessions.${first.id}`]);
  });

  it("POST /_mock/clock takes exactly one of advance_ms and now", async () => {
    for (const body of [
      {},
      { advance_ms: 1, now: "2026-01-01T00:00:00Z" },
      { now: "yesterday" },
      { advance_ms: "1" },
    ]) {
      const answer = await call<ErrorBody>("POST", "/_mock/clock", { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.param, JSON.stringify(body)).toMatch(/^(advance_ms|now)$/);
    }
  });

  it("keeps the clock within the years 1970–9999: a move beyond is refused and changes nothing", async () => {
    const before = (await server.call<{ now: string }>("GET", "/_mock/clock")).body.now;
    for (const [body, param] of [
      [{ advance_ms: 1e16 }, "advance_ms"],
      [{ advance_ms: -1e15 }, "advance_ms"],
      [{ now: "1969-12-31T23:59:59Z" }, "now"],
    ] as const) {
      const answer = await call<ErrorBody>("POST", "/_mock/clock", { body });
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error).toMatchObject({
        param,
        message: expect.stringContaining("9999-12-31T23:59:59Z"),
      });
    }
    const after = await server.call<{ now: string }>("GET", "/_mock/clock");
    expect(after.status).toBe(200);
    expect(Date.parse(after.body.now) - Date.parse(before)).toBeLessThan(60_000);
    expect((await call("GET", "/deployments")).status).toBe(200);
  });
});

describe("the records kept in all accounts are bounded", () => {
  const ENV = { name: "e", config: { type: "cloud", networking: { type: "unrestricted" } } };
  /** An empty-fixture simulator holding at most `max` records, and one account's deployment in it. */
  const withDeployment = (max: number, token: string) => {
    const sim = new Simulator({ strict: true, fixture: "empty", maxRecords: max });
    const handle = handleOf(sim);
    const environment = handle(token, "POST", "/environments", ENV).body;
    const agent = handle(token, "POST", "/agents", { name: "a", model: "ultimate" }).body;
    const deployment = handle(token, "POST", "/deployments", {
      name: "d",
      agent: agent.id,
      environment_id: environment.id,
      initial_events: [{ type: "user.message", content: "hi" }],
      schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" },
    });
    expect(deployment.status, JSON.stringify(deployment.body)).toBe(200);
    return { sim, handle, environment, agent, deployment: deployment.body };
  };

  it("counts runs, which no body pays for, and every other record, in all accounts together", () => {
    const { handle, deployment } = withDeployment(5, "pt-records-a"); // 3 records
    const run = () => handle("pt-records-a", "POST", `/deployments/${deployment.id}/run`);
    expect([run().status, run().status]).toEqual([200, 200]);
    const refused = run();
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(
      "This mock already keeps as many records as it may in all accounts: 5 (deployments, runs, agent versions and environments together)",
    );
    // Another account meets the same limit...
    expect(handle("pt-records-b", "POST", "/environments", ENV).status).toBe(409);
    // ...until one is reset, which frees its records.
    expect(handle("pt-records-a", "POST", "/_mock/reset", { fixture: "empty" }).status).toBe(200);
    expect(handle("pt-records-b", "POST", "/environments", ENV).status).toBe(200);
  });

  it("frees a deleted environment's record; a refused state load frees what it counted", () => {
    const { sim, handle } = withDeployment(4, "pt-records-c"); // 3 records
    const spare = handle("pt-records-c", "POST", "/environments", ENV).body;
    expect(handle("pt-records-c", "POST", "/environments", ENV).status).toBe(409);
    expect(handle("pt-records-c", "DELETE", `/environments/${spare.id}`).status).toBe(200);
    expect(handle("pt-records-c", "POST", "/environments", ENV).status).toBe(200);
    // A state of 4 records for another token cannot load beside these 4 (409), and counts nothing after.
    const state = sim.state("pt-records-c");
    const { now: _, idempotency_keys: __, ...records } = state;
    expect(() => sim.loadState("pt-records-d", records)).toThrow(
      /as many records as it may in all accounts: 4 \(/,
    );
    // The same state loaded in place of the account it came from fits: the old records make room.
    sim.loadState("pt-records-c", { ...records });
    expect(handle("pt-records-e", "POST", "/environments", ENV).status).toBe(409);
    expect(handle("pt-records-c", "POST", "/_mock/reset", { fixture: "empty" }).status).toBe(200);
    sim.loadState("pt-records-d", records);
    expect(handle("pt-records-e", "POST", "/environments", ENV).status).toBe(409);
  });

  it("a new token's first request is answered when the store is full (its example data is never refused)", () => {
    const sim = new Simulator({ strict: true, maxRecords: 1 });
    const handle = handleOf(sim);
    expect(handle("pt-records-g", "POST", "/environments", ENV).status).toBe(409); // full with one account
    for (const path of ["/models", "/deployments", "/agents"])
      expect(handle(`pt-records-new${path}`, "GET", path).status, path).toBe(200);
    // The account filling the store resets to its examples, as the limit's message says to.
    expect(handle("pt-records-g", "POST", "/_mock/reset", {}).status).toBe(200);
  });

  it("past the limit by new accounts' example data, a scheduled fire still pauses its deployment, saying so", () => {
    const sim = new Simulator({ strict: true, maxRecords: 1 });
    const handle = handleOf(sim);
    const scheduled = (
      handle("pt-records-over", "GET", "/deployments?limit=100").body as List<Deployment>
    ).data.filter((deployment) => deployment.status === "active" && deployment.schedule);
    expect(scheduled.length).toBeGreaterThan(0); // the examples' data alone holds 16 records
    sim.advanceTime(2 * 24 * 60 * 60 * 1000);
    for (const { id } of scheduled) {
      const after = handle("pt-records-over", "GET", `/deployments/${id}`).body;
      expect(after.status, id).toBe("paused");
      expect(after.paused_reason.error.message).toMatch(
        /^Not fired at .*: This mock already keeps as many records as it may in all accounts: 1 \(/,
      );
    }
  });

  it("a clock move with little room left pauses every deployment it cannot fire, in every account", () => {
    const sim = new Simulator({ strict: true, fixture: "empty", maxRecords: 15 });
    const handle = handleOf(sim);
    const ids: [string, string][] = [];
    for (const token of ["pt-records-j", "pt-records-k"]) {
      const environment = handle(token, "POST", "/environments", ENV).body;
      const agent = handle(token, "POST", "/agents", { name: "a", model: "ultimate" }).body;
      for (const name of ["d1", "d2"]) {
        const made = handle(token, "POST", "/deployments", {
          ...createBody({ name, agent: agent.id, environment_id: environment.id }),
          schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" },
        }).body;
        ids.push([token, made.id]);
      }
    }
    // 8 records held, room for 7 runs; 4 deployments x 7 fires are due: the first fires all 7, and each
    // of the three that met no room is paused, saying why (one was left active with its fires dropped).
    sim.advanceTime(7 * 60 * 60 * 1000);
    const after = ids.map(([token, id]) => ({
      runs: handle(token, "GET", `/deployments/${id}/runs`).body.data.length as number,
      deployment: handle(token, "GET", `/deployments/${id}`).body,
    }));
    expect(after.map(({ runs, deployment }) => [runs, deployment.status])).toEqual([
      [7, "active"],
      [0, "paused"],
      [0, "paused"],
      [0, "paused"],
    ]);
    for (const { deployment } of after.slice(1))
      expect(deployment.paused_reason.error.message).toMatch(
        /^Not fired at .*: This mock already keeps as many records as it may in all accounts: 15 \(/,
      );
  });

  it("a clock move counts the store's room once, not once per account", () => {
    withLimit("runsPerClockMove", 10, () => {
      const first = withDeployment(15, "pt-records-h"); // 3 records; an every-hour schedule
      const handle = handleOf(first.sim);
      const environment = handle("pt-records-i", "POST", "/environments", ENV).body;
      const agent = handle("pt-records-i", "POST", "/agents", { name: "a", model: "ultimate" }).body;
      handle("pt-records-i", "POST", "/deployments", {
        ...createBody({ agent: agent.id, environment_id: environment.id }),
        schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" },
      });
      // 6 records held, room for 9 runs: 2 accounts x 7 fires ask 14, but only 9 can be recorded (the
      // rest pause their deployment at no cost), so the move is not refused as more than 10 runs (each
      // account's room counted whole, it was: 7 + 4).
      expect(first.sim.advanceTime(7 * 60 * 60 * 1000)).toMatch(/Z$/);
      const runs = (token: string) => first.sim.state(token).runs.length;
      expect(runs("pt-records-h") + runs("pt-records-i")).toBe(9);
    });
  });

  it("a scheduled fire with no room left in the mock pauses its deployment, saying which limit", () => {
    const { sim, handle, deployment } = withDeployment(3, "pt-records-f");
    sim.advanceTime(2 * 60 * 60 * 1000);
    const paused = handle("pt-records-f", "GET", `/deployments/${deployment.id}`).body;
    expect(paused.status).toBe("paused");
    expect(paused.paused_reason.error.message).toMatch(
      /^Not fired at .*: This mock already keeps as many records as it may in all accounts: 3 \(/,
    );
  });
});

describe("the request data kept in all accounts is bounded", () => {
  let own: SimServer;
  beforeAll(async () => {
    own = await startSimServer({ maxStoredBytes: 100_000 });
  });
  afterAll(() => own.close());

  it("replays a kept answer at the limit: a replay keeps nothing", async () => {
    const sim = new Simulator({ strict: true, maxStoredBytes: 100_000 });
    const body = JSON.stringify(createBody({ name: "kept", description: "x".repeat(30_000) }));
    const send = () =>
      sim.handle({
        method: "POST",
        url: "/deployments",
        headers: { authorization: "Bearer pt-bytes-replay", "idempotency-key": "key-full" },
        body,
      });
    const first = send(); // kept twice: its body and its answer
    expect(first.status).toBe(200);
    const again = send();
    expect([again.status, again.body, again.headers["idempotent-replayed"]]).toEqual([
      200,
      first.body,
      "true",
    ]);
  });

  /** A simulator keeping 100,000 bytes at most, holding `token`'s agent with a prompt `chars` long. */
  const bigAgent = (token: string, chars: number) => {
    const sim = new Simulator({ strict: true, maxStoredBytes: 100_000 });
    const handle = handleOf(sim);
    const made = handle(token, "POST", "/agents", {
      name: "a",
      model: "ultimate",
      system: "s".repeat(chars),
    });
    expect(made.status).toBe(200);
    const update = (body: object) => handle(token, "POST", `/agents/${made.body.id}`, body);
    return { sim, handle, id: made.body.id as string, update };
  };

  it("counts each agent version whole: updates of a big agent stop at the limit, its versions intact", () => {
    const { sim, handle, id, update } = bigAgent("pt-bytes-versions", 30_000);
    // Each version repeats the 30 KB prompt: the body of 30 KB and two versions fit, a third does not.
    const statuses = [1, 2, 3, 4].map((version) => update({ version, name: `big-${version}` }).status);
    expect(statuses).toEqual([200, 200, 409, 409]);
    const versions = handle("pt-bytes-versions", "GET", `/agents/${id}/versions`).body as List<{
      version: number;
    }>;
    expect(versions.data.map((v) => v.version)).toEqual([3, 2, 1]);
    expect((sim.state("pt-bytes-versions").agents ?? []).filter((v) => v.id === id)).toHaveLength(3);
  });

  it("counts a version only once stored: updates refused at the versions limit keep nothing", () => {
    withLimit("agentVersions", 2, () => {
      const { handle, update } = bigAgent("pt-bytes-version-limit", 10_000);
      expect(update({ version: 1, name: "a2" }).status).toBe(200);
      for (let n = 0; n < 10; n++) expect(update({ version: 2, name: `a${n}` }).status).toBe(409);
      // 20 KB kept so far: a 60 KB write still fits (ten refused 10 KB versions counted would leave none).
      const big = { name: "b", model: "ultimate", system: "s".repeat(60_000) };
      expect(handle("pt-bytes-version-limit", "POST", "/agents", big).status).toBe(200);
    });
  });

  it("counts a write's body and what it keeps beyond it together, before storing anything", () => {
    const { handle, id, update } = bigAgent("pt-bytes-together", 40_000);
    // A 30 KB body making a 30 KB version: 100 KB with the 40 KB kept, past the limit.
    const refused = update({ version: 1, system: "t".repeat(30_000) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain("request data in all accounts");
    expect(handle("pt-bytes-together", "GET", `/agents/${id}`).body.version).toBe(1);
  });

  it("counts idempotency keys and the refusals kept under them", () => {
    const sim = new Simulator({ strict: true, maxStoredBytes: 100_000 });
    sim.loadState("pt-bytes-keys", referenced);
    const made = sim.handle({
      method: "POST",
      url: "/deployments",
      headers: { authorization: "Bearer pt-bytes-keys" },
      body: JSON.stringify(createBody()),
    });
    const id = (JSON.parse(made.body) as Deployment).id;
    // An 8 KB key per refused unpause (409: not paused): the store fills up within 13 of them.
    const statuses = Array.from(
      { length: 20 },
      (_, n) =>
        sim.handle({
          method: "POST",
          url: `/deployments/${id}/unpause`,
          headers: { authorization: "Bearer pt-bytes-keys", "idempotency-key": `${n}-${"k".repeat(8_000)}` },
        }).body,
    ).map((body) => (JSON.parse(body) as ErrorBody).error.message);
    expect(statuses.at(-1)).toContain("request data in all accounts");
    // Kept 24 h of simulated time: once they expire, they count no more, for a write of any account
    // (not only once this one sends a key again), and the account's state counts none.
    sim.advanceTime(25 * 3_600_000);
    sim.loadState("pt-bytes-other", referenced);
    const other = sim.handle({
      method: "POST",
      url: "/deployments",
      headers: { authorization: "Bearer pt-bytes-other" },
      body: JSON.stringify(createBody({ description: "d".repeat(30_000) })),
    });
    expect(other.status, other.body).toBe(200);
    expect(sim.state("pt-bytes-keys").idempotency_keys).toBe(0);
    const after = sim.handle({
      method: "POST",
      url: `/deployments/${id}/pause`,
      headers: { authorization: "Bearer pt-bytes-keys", "idempotency-key": `later-${"k".repeat(8_000)}` },
    });
    expect(after.status).toBe(200);
  });

  it("a state that replaces an account with expired keys still counts the other accounts' data", () => {
    const sim = new Simulator({ strict: true, maxStoredBytes: 200_000 });
    const id = "dep_019ec556114c78f8b60ee34fcb98bf59"; // seeded active: each unpause is a 409 kept under its key
    const keyed = (token: string, n: number) =>
      sim.handle({
        method: "POST",
        url: `/deployments/${id}/unpause`,
        headers: { authorization: `Bearer ${token}`, "idempotency-key": `${n}-${"k".repeat(8_000)}` },
      }).status;
    const template = sim.state("pt-bytes-template");
    for (let n = 0; n < 15; n++) keyed("pt-bytes-a", n); // ≈ 130 KB under keys
    sim.advanceTime(12 * 3_600_000);
    for (let n = 0; n < 4; n++) keyed("pt-bytes-b", n); // ≈ 36 KB, 12 h younger
    sim.advanceTime(13 * 3_600_000); // a's keys expired, b's live; no write since
    const big = structuredClone(template) as { deployments: { description: string }[] };
    (big.deployments[0] as { description: string }).description = "x".repeat(200_000);
    // b's 36 KB and the 200 KB state: past the limit, however much of a's expired data it replaces.
    expect(() => sim.loadState("pt-bytes-a", big)).toThrow(/request data in all accounts/);
    expect(sim.state("pt-bytes-b").idempotency_keys).toBe(4);
  });

  it("refuses a keyed write without a body once the store is full (it keeps its answer)", () => {
    const sim = new Simulator({ strict: true, maxStoredBytes: 100_000 });
    sim.loadState("pt-bytes-keyed", referenced);
    const send = (method: string, url: string, key: string, body?: unknown) =>
      sim.handle({
        method,
        url,
        headers: { authorization: "Bearer pt-bytes-keyed", "idempotency-key": key },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).status;
    const made = sim.handle({
      method: "POST",
      url: "/deployments",
      headers: { authorization: "Bearer pt-bytes-keyed" },
      body: JSON.stringify(createBody({ description: "d".repeat(30_000) })),
    });
    const id = (JSON.parse(made.body) as Deployment).id;
    // Each keyed pause or unpause keeps its answer, the 30 KB deployment: two fit after the create.
    const statuses = Array.from({ length: 6 }, (_, n) =>
      send("POST", `/deployments/${id}/${n % 2 ? "unpause" : "pause"}`, `key-${n}`),
    );
    expect(statuses.slice(0, 2)).toEqual([200, 200]);
    expect(statuses.slice(3)).toEqual([409, 409, 409]);
  });

  it("refuses a write past the limit before storing anything, and a reset makes room again", async () => {
    const big = (n: number) => createBody({ name: `big-${n}`, description: "x".repeat(30_000) });
    for (let n = 0; n < 3; n++) {
      const made = await own.call("POST", "/deployments", { token: "pt-bytes-a", body: big(n) });
      expect(made.status, n.toString()).toBe(200);
    }
    // A second account shares the limit: it is a bound on the mock's memory, not on one account.
    const refused = await own.call<ErrorBody>("POST", "/deployments", { token: "pt-bytes-b", body: big(3) });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toMatch(
      /request data in all accounts.*limit of 1 MiB.*Reset accounts/,
    );
    const names = async (token: string) =>
      (await own.call<List<Deployment>>("GET", "/deployments?limit=100", { token })).body.data.map(
        (d) => d.name,
      );
    expect(await names("pt-bytes-b")).not.toContain("big-3");
    const state = (await own.call("GET", "/_mock/state", { token: "pt-bytes-a" })).body;
    expect((await own.call("POST", "/_mock/state", { token: "pt-bytes-b", body: state })).status).toBe(409);
    expect(await names("pt-bytes-b")).not.toContain("big-0");

    await own.call("POST", "/_mock/reset", { token: "pt-bytes-a", body: {} });
    expect((await own.call("POST", "/deployments", { token: "pt-bytes-b", body: big(3) })).status).toBe(200);
  });
});

describe("the cron work of one request is bounded", () => {
  // cron-parser steps over every day between two fires: "M 0 29 2 *" costs ≈ 3 ms a fire (a daily
  // schedule ≈ 0.08 ms), so four of them moved to the year 9999 were ≈ 8,000 fires and 20 s or more.
  const leapDays = (sim: Simulator, token: string, count: number) => {
    sim.setTime("2026-07-01T00:00:30Z");
    sim.loadState(token, referenced);
    const handle = handleOf(sim);
    for (let minute = 0; minute < count; minute++) {
      const schedule = { type: "cron", expression: `${minute} 0 29 2 *`, timezone: "UTC" };
      expect(handle(token, "POST", "/deployments", createBody({ schedule })).status).toBe(200);
    }
    return handle;
  };
  const refusalOf = (work: () => unknown) => {
    try {
      work();
    } catch (error) {
      return error as ApiError;
    }
    throw new Error("not refused");
  };

  it("refuses a clock move past its budget, before changing anything", () => {
    const sim = new Simulator({ strict: true });
    const handle = leapDays(sim, "pt-leap", 4);
    const before = recordsOf(sim, "pt-leap");
    withLimit("scheduleComputationMs", 200, () => {
      const refused = refusalOf(() => sim.setTime("9999-01-01T00:00:00Z"));
      expect([refused.status, refused.param]).toEqual([400, "now"]);
      expect(refused.message).toContain("more than 200 ms of cron computation");
    });
    expect(recordsOf(sim, "pt-leap")).toEqual(before);
    expect(handle("pt-leap", "GET", "/deployment_runs").body.data).toEqual([]);
    // Moved in smaller steps, the same schedules fire.
    expect(sim.setTime("2036-07-01T00:00:00Z")).toBe("2036-07-01T00:00:00Z");
    expect(handle("pt-leap", "GET", "/deployment_runs?limit=100").body.data).toHaveLength(4 * 3);
  });

  it("refuses a move back past its budget (every schedule is planned again), before changing anything", () => {
    const sim = new Simulator({ strict: true });
    leapDays(sim, "pt-leap-back", 20);
    sim.setTime("2030-01-01T00:00:00Z");
    const before = recordsOf(sim, "pt-leap-back");
    // Twenty leap-day schedules take ≈ 150 ms to plan again: fifteen times the budget set here.
    withLimit("scheduleComputationMs", 10, () => {
      const refused = refusalOf(() => sim.setTime("2027-01-01T00:00:00Z"));
      expect([refused.status, refused.param]).toEqual([400, "now"]);
    });
    expect(recordsOf(sim, "pt-leap-back")).toEqual(before);
  });

  it("refuses a state whose upcoming times are past when planning them again takes longer than the budget", () => {
    const sim = new Simulator({ strict: true });
    leapDays(sim, "pt-leap-past", 20);
    const { now: _now, idempotency_keys: _keys, ...loadable } = structuredClone(sim.state("pt-leap-past"));
    // Each one's fire time of the last leap day: past, so planned again.
    for (const deployment of loadable.deployments)
      if (deployment.schedule) {
        const minute = deployment.schedule.expression.split(" ")[0]?.padStart(2, "0");
        deployment.schedule.upcoming_runs_at = [`2020-02-29T00:${minute}:00Z`];
      }
    sim.setTime("2032-01-01T00:00:07Z"); // plans (and keeps by second) the upcoming times of then
    sim.setTime("2032-01-01T00:00:08Z"); // a second with none kept: nothing is due
    const before = recordsOf(sim, "pt-leap-past");
    withLimit("scheduleComputationMs", 10, () => {
      const refused = refusalOf(() => sim.loadState("pt-leap-past", loadable));
      expect([refused.status, refused.param]).toEqual([400, "deployments"]);
    });
    expect(recordsOf(sim, "pt-leap-past")).toEqual(before);
  });

  it("counts the check of a state's upcoming times against the budget too (a state holds up to 250,000)", () => {
    const sim = new Simulator({ strict: true });
    sim.setTime("2026-07-01T00:00:30Z");
    sim.loadState("pt-upcoming-budget", referenced);
    const handle = handleOf(sim);
    const schedule = { type: "cron", expression: "0 9 * * *", timezone: "Asia/Shanghai" };
    for (let count = 0; count < 50; count++)
      expect(handle("pt-upcoming-budget", "POST", "/deployments", createBody({ schedule })).status).toBe(200);
    const {
      now: _now,
      idempotency_keys: _keys,
      ...loadable
    } = structuredClone(sim.state("pt-upcoming-budget"));
    // The expression is known (checked and parsed): only the upcoming times are left to check.
    withLimit("scheduleComputationMs", 0, () => {
      const refused = refusalOf(() => sim.loadState("pt-upcoming-budget-copy", loadable));
      expect([refused.status, refused.param]).toEqual([400, "deployments"]);
    });
    sim.loadState("pt-upcoming-budget-copy", loadable);
    expect(sim.state("pt-upcoming-budget-copy").deployments).toHaveLength(50);
  });

  it("refuses a state whose schedules take longer than the budget to plan, leaving the account as it was", () => {
    const sim = new Simulator({ strict: true });
    leapDays(sim, "pt-leap-state", 20);
    sim.setTime("2031-01-01T00:00:00Z");
    sim.setTime("2031-01-01T00:00:01Z"); // a second no upcoming time is known for yet (they are kept by second)
    const { now: _now, idempotency_keys: _keys, ...loadable } = structuredClone(sim.state("pt-leap-state"));
    for (const deployment of loadable.deployments) delete deployment.schedule?.upcoming_runs_at;
    withLimit("scheduleComputationMs", 10, () => {
      const refused = refusalOf(() => sim.loadState("pt-leap-state", loadable));
      expect([refused.status, refused.param]).toEqual([400, "deployments"]);
      expect(refused.message).toContain("give each its upcoming_runs_at");
    });
    expect(sim.state("pt-leap-state").deployments.map((d) => d.schedule?.upcoming_runs_at?.length)).toEqual(
      Array(20).fill(5),
    );
  });
});

describe("one clock move fires a bounded number of runs", () => {
  let own: SimServer;
  beforeAll(async () => {
    own = await startSimServer();
  });
  afterAll(() => own.close());

  it(`refuses a move that would fire more than ${LIMITS.runsPerClockMove} runs in all, before changing anything`, async () => {
    const token = "pt-clock-budget";
    // At the start of a minute: the every-minute schedule below must not fire by real time passing
    // between its creation and the first checks (a loaded machine once took the test across a minute).
    await own.call("POST", "/_mock/clock", { body: { now: "2030-01-01T00:00:00Z" } });
    await own.call("POST", "/_mock/reset", { token, body: { fixture: "empty" } });
    const agent = (
      await own.call<{ id: string }>("POST", "/agents", { token, body: { name: "a", model: "ultimate" } })
    ).body;
    const environment = (
      await own.call<{ id: string }>("POST", "/environments", { token, body: { name: "e" } })
    ).body;
    const everyMinute = { type: "cron", expression: "* * * * *", timezone: "UTC" };
    const made = await own.call("POST", "/deployments", {
      token,
      body: createBody({ agent: agent.id, environment_id: environment.id, schedule: everyMinute }),
    });
    expect(made.status).toBe(200);
    const before = (await own.call<{ now: string }>("GET", "/_mock/clock")).body.now;
    // Seven days of an every-minute schedule: 10,080 runs.
    const refused = await own.call<ErrorBody>("POST", "/_mock/clock", {
      body: { advance_ms: 7 * 86_400_000 },
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({
      param: "advance_ms",
      message: expect.stringContaining(`more than ${LIMITS.runsPerClockMove} scheduled runs in all accounts`),
    });
    const runs = await own.call<{ data: unknown[] }>("GET", "/deployment_runs?limit=5", { token });
    expect(runs.body.data).toEqual([]);
    expect(
      Date.parse((await own.call<{ now: string }>("GET", "/_mock/clock")).body.now) - Date.parse(before),
    ).toBeLessThan(60_000);
    // Within the limit, the same schedule fires every run.
    const moved = await own.call("POST", "/_mock/clock", { body: { advance_ms: 86_400_000 } });
    expect(moved.status).toBe(200);
    const state = await own.call<{ runs: unknown[] }>("GET", "/_mock/state", { token });
    expect(state.body.runs.length).toBeGreaterThanOrEqual(1_440);
    expect(state.body.runs.length).toBeLessThanOrEqual(1_441);
  });
});

describe("list answers reuse serialized records only while nothing changed", () => {
  const sim = new Simulator({ strict: true });
  const request = (method: string, url: string, body?: unknown) =>
    sim.handle({
      method,
      url,
      headers: { authorization: "Bearer pt-serialized" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const page = () => {
    const answer = request("GET", "/deployments?limit=5");
    expect(answer.status, answer.body).toBe(200);
    // Byte for byte what JSON.stringify makes of the same answer.
    expect(JSON.stringify(JSON.parse(answer.body))).toBe(answer.body);
    return JSON.parse(answer.body) as List<Deployment>;
  };

  it("shows a write made between two reads, also one that changes the record in place", () => {
    sim.setTime("2026-07-01T00:30:00Z");
    const created = JSON.parse(
      request(
        "POST",
        "/deployments",
        createBody({
          name: "cached",
          schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" },
          metadata: { cas_config: { session_strategy: "new_session" } },
        }),
      ).body,
    );
    const stats = (deployment?: Deployment) =>
      (deployment?.metadata.cas_config as { stats: { total_runs: number } } | undefined)?.stats;
    expect(page().data[0]).toMatchObject({ id: created.id, status: "active" });
    expect(stats(page().data[0])?.total_runs).toBe(0);
    // A manual run updates the deployment's bookkeeping where it is.
    expect(request("POST", `/deployments/${created.id}/run`).status).toBe(200);
    expect(stats(page().data[0])?.total_runs).toBe(1);
    expect(page().data[0]?.schedule?.last_run_at).toBe("2026-07-01T00:30:00Z");
    expect(request("POST", `/deployments/${created.id}/pause`).status).toBe(200);
    expect(page().data[0]).toMatchObject({ id: created.id, status: "paused" });
  });

  it("shows a schedule fired by real time passing between two reads (no request in between)", () => {
    sim.setTime("2026-07-01T00:30:00Z");
    const created = JSON.parse(
      request(
        "POST",
        "/deployments",
        createBody({ name: "hourly", schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" } }),
      ).body,
    );
    expect(page().data[0]?.schedule?.upcoming_runs_at?.[0]).toBe("2026-07-01T01:00:00Z");
    sim.clock.advance(3_600_000); // as time passing does, without moving the clock through the simulator
    const after = page().data[0];
    expect(after?.id).toBe(created.id);
    expect(after?.schedule?.last_run_at).toBe("2026-07-01T01:00:00Z");
    expect(after?.schedule?.upcoming_runs_at?.[0]).toBe("2026-07-01T02:00:00Z");
  });
});

describe("schedules computed once per second", () => {
  it("gives every moment of a second the fire times computed afresh for it, per zone and expression", () => {
    const minute = Date.parse("2026-07-01T00:59:00Z");
    const cron = (expression: string, timezone: string) => ({ type: "cron" as const, expression, timezone });
    const cases: [ReturnType<typeof cron>, number][] = [
      [cron("* * * * *", "UTC"), minute],
      [cron("0 9 * * *", "Asia/Shanghai"), minute],
      [cron("0 9 * * *", "America/New_York"), minute],
      [cron("*/15 * * * 1-5", "Europe/Berlin"), minute],
      // Before 1901 Shanghai kept local mean time (+08:05:43): fire times fall off whole UTC minutes.
      [cron("* * * * *", "Asia/Shanghai"), Date.parse("1890-01-01T00:00:00Z")],
    ];
    for (const [schedule, start] of cases) {
      // A second's first and last moments, the next second, around second 17, and the next minute.
      for (const offset of [0, 1, 999, 1_000, 16_999, 17_000, 59_999, 60_000]) {
        const at = start + offset;
        expect(upcoming(schedule, at), `${schedule.expression} ${schedule.timezone} after ${at}`).toEqual(
          fireTimes(schedule, at, 5),
        );
      }
    }
  });

  it("matches literal wall-clock time: a reading skipped by a spring-forward never fires, one repeated by a fall-back fires twice", () => {
    const newYork = (expression: string) => ({
      type: "cron" as const,
      expression,
      timezone: "America/New_York",
    });
    const iso = (times: readonly number[]) => times.map((at) => new Date(at).toISOString().slice(0, 16));
    // 2027-03-14: New York's clocks go from 02:00 EST to 03:00 EDT; 02:30 is never shown that day.
    expect(iso(fireTimes(newYork("30 2 * * *"), Date.parse("2027-03-13T12:00:00Z"), 3))).toEqual([
      "2027-03-15T06:30",
      "2027-03-16T06:30",
      "2027-03-17T06:30",
    ]);
    // 2028-11-05: from 02:00 EDT back to 01:00 EST; 01:30 is shown twice, and each fires.
    expect(iso(fireTimes(newYork("30 1 * * *"), Date.parse("2028-11-04T12:00:00Z"), 3))).toEqual([
      "2028-11-05T05:30",
      "2028-11-05T06:30",
      "2028-11-06T06:30",
    ]);
    // In time order, though the second pass of 01:00 comes after the first pass of 01:45.
    expect(iso(fireTimes(newYork("*/15 1 * * *"), Date.parse("2028-11-05T04:00:00Z"), 9))).toEqual([
      "2028-11-05T05:00",
      "2028-11-05T05:15",
      "2028-11-05T05:30",
      "2028-11-05T05:45",
      "2028-11-05T06:00",
      "2028-11-05T06:15",
      "2028-11-05T06:30",
      "2028-11-05T06:45",
      "2028-11-06T06:00",
    ]);
    // From 01:50 EDT, 01:20 is still to come (at 01:20 EST), though it is an earlier reading.
    expect(iso(upcoming(newYork("20 1 * * *"), Date.parse("2028-11-05T05:50:00Z")).slice(0, 2))).toEqual([
      "2028-11-05T06:20",
      "2028-11-06T06:20",
    ]);
    expect(fireTimes(newYork("* * * * *"), Date.parse("2028-11-05T05:00:00Z"), 0)).toEqual([]);
    // A clock move over both days fires each instant once, bounded by the move.
    const year = fireTimes(
      newYork("30 1 * * *"),
      Date.parse("2028-01-01T00:00:00Z"),
      1_000,
      Date.parse("2029-01-01T00:00:00Z"),
    );
    expect(year).toHaveLength(366 + 1);
    expect(new Set(year).size).toBe(year.length);
    expect([...year].sort((a, b) => a - b)).toEqual(year);
  });

  it("takes POSIX names for months and days of the week, and refuses what is not POSIX, naming the field", () => {
    const utc = (expression: string) => ({ type: "cron" as const, expression, timezone: "UTC" });
    for (const expression of [
      "0 9 * * WED",
      "0 9 * JUL *",
      "0 9 * jan-mar mon-fri",
      "*/15 0-6,22 1,15 * SUN",
    ])
      expect(() => checkSchedule(utc(expression)), expression).not.toThrow();
    expect(
      upcoming(utc("0 9 * JUL WED"), Date.parse("2026-07-01T00:00:00Z"))
        .slice(0, 2)
        .map((ms) => new Date(ms).toISOString()),
    ).toEqual(["2026-07-01T09:00:00.000Z", "2026-07-08T09:00:00.000Z"]);
    for (const [expression, field] of [
      ["H 9 * * *", "minute"],
      ["H(0-29) 9 * * *", "minute"],
      ["0 9 L * *", "day-of-month"],
      ["0 9 15W * *", "day-of-month"],
      ["0 9 * * 5#2", "day-of-week"],
      ["0 9 ? * MON", "day-of-month"],
    ] as const)
      expect(() => checkSchedule(utc(expression)), expression).toThrow(new RegExp(`${field} field`));
  });

  it("refuses names run together or into numbers, which cron-parser would read as other months", () => {
    const utc = (expression: string) => ({ type: "cron" as const, expression, timezone: "UTC" });
    for (const expression of [
      "0 9 * JANJAN *",
      "0 9 * 1JAN *",
      "0 9 * JAN1 *",
      "0 9 * * SUNMON",
      "0 9 * * 0MON",
      "0 9 * MON *",
    ])
      expect(() => checkSchedule(utc(expression)), expression).toThrow(/field/);
    for (const expression of ["0 9 * JAN-MAR/2 *", "0 9 * * MON-FRI,SUN", "*/5 1-5/2 1,15 * *"])
      expect(() => checkSchedule(utc(expression)), expression).not.toThrow();
  });

  it("reads a list as a set, as cron does: items that overlap or repeat a value are taken (cron-parser refuses them)", () => {
    const utc = (expression: string) => ({ type: "cron" as const, expression, timezone: "UTC" });
    const next = (expression: string) =>
      upcoming(utc(expression), Date.parse("2026-07-01T00:00:00Z")).map((ms) => new Date(ms).toISOString());
    // Each with the fire times of the list without its repeats.
    for (const [expression, same] of [
      ["0 0 * * 0,7", "0 0 * * 0"],
      ["0 0 * * SUN,7", "0 0 * * 0"],
      ["0 0 * * 5-7,1", "0 0 * * 0,1,5,6"],
      ["0 0 * * 0-3,2", "0 0 * * 0-3"],
      ["0,0 * * * *", "0 * * * *"],
      ["0 0 1,1 * *", "0 0 1 * *"],
      ["0 0 * 1,1 *", "0 0 * 1 *"],
      ["*/20,0,40 * * * *", "*/20 * * * *"],
    ] as const) {
      expect(() => checkSchedule(utc(expression)), expression).not.toThrow();
      expect(next(expression), expression).toEqual(next(same));
    }
    // An item that is wrong on its own is still refused, naming the field.
    expect(() => checkSchedule(utc("0 0 * * 1,9"))).toThrow(/schedule.expression/);
    // A day field starting with `*` is unrestricted, as cron reads it: the other day field alone decides.
    expect(next("0 0 1 * *,5")).toEqual(next("0 0 1 * *"));
    expect(next("0 0 *,1 * 1")).toEqual(next("0 0 * * 1"));
    // Elsewhere in the list, `*` adds every value and the field stays restricted: either day field fires.
    expect(next("0 0 5,* * MON")).toEqual(next("0 0 * * *"));
    expect(next("0 0 5 * 1,*")).toEqual(next("0 0 * * *"));
    // cron-parser's length limit holds for lists too: a list shortened to its set got past it, and a
    // list of 300,000 items was read item by item for seconds.
    const long = `${Array(600).fill("1").join(",")} * * * *`;
    expect(() => checkSchedule(utc(long))).toThrow(/too long, expected at most 1024 characters/);
  });

  it("skips a day of the wrong weekday whole: every-minute schedules on sparse days cost what their fires cost", () => {
    const utc = (expression: string) => ({ type: "cron" as const, expression, timezone: "UTC" });
    const overBudget = () => new Error("over the CPU budget");
    // Read minute by minute, the candidate days in between took 15–20 s of CPU (an audit's figures).
    const cases = [
      ["* * */31 2 */7", "2043-02-02T00:00:23Z", "2054-02-01T00:00:00.000Z"],
      ["* * */31 * */7", "2026-12-02T00:00:41Z", "2027-08-01T00:00:00.000Z"],
      ["* * 29 2 */7", "2026-12-02T00:00:41Z", "2032-02-29T00:00:00.000Z"],
    ] as const;
    for (const [expression, from, first] of cases) {
      const times = withinBudget(500, () => upcoming(utc(expression), Date.parse(from)), overBudget);
      expect(new Date(times[0] as number).toISOString(), expression).toBe(first);
      expect(times, expression).toHaveLength(5); // the next minutes of that Sunday
    }
    // A clock move over six weeks of every minute of Sundays: 8,640 fires, written either way.
    for (const expression of ["* * * * */7", "* * * * 0", "* * */1 * */7"]) {
      const fires = withinBudget(
        2_000,
        () =>
          fireTimes(
            utc(expression),
            Date.parse("2027-01-04T00:00:00Z"),
            20_000,
            Date.parse("2027-02-15T00:00:00Z"),
          ),
        overBudget,
      );
      expect(fires, expression).toHaveLength(8_640);
    }
  });

  it("refuses a time zone in the wrong case naming its spelling, and says when an expression never fires", () => {
    const refusal = (expression: string, timezone: string) => {
      try {
        checkSchedule({ type: "cron", expression, timezone });
      } catch (error) {
        return { message: (error as ApiError).message, param: (error as ApiError).param };
      }
      return undefined;
    };
    for (const [zone, spelled] of [
      ["utc", "UTC"],
      ["america/new_york", "America/New_York"],
      ["ASIA/TOKYO", "Asia/Tokyo"],
      // Links (aliases) too: tzdb spells them one way.
      ["us/eastern", "US/Eastern"],
      ["asia/kolkata", "Asia/Kolkata"],
      ["etc/gmt+5", "Etc/GMT+5"],
    ])
      expect(refusal("0 9 * * *", zone as string), zone).toEqual({
        message: `schedule.timezone "${zone}" is not an IANA time zone: names are case-sensitive; use "${spelled}".`,
        param: "schedule.timezone",
      });
    for (const zone of [
      "UTC",
      "America/New_York",
      "US/Eastern",
      "Etc/GMT+5",
      "Asia/Kolkata",
      "Asia/Calcutta",
    ])
      expect(refusal("0 9 * * *", zone), zone).toBeUndefined();
    // Names ICU takes that tzdb never had (Java's three-letter IDs, "BST" being Dhaka there), or dropped.
    for (const zone of [
      "PST",
      "pst",
      "BST",
      "ART",
      "IST",
      "JST",
      "SystemV/AST4",
      "US/Pacific-New",
      "Factory",
    ])
      expect(refusal("0 9 * * *", zone), zone).toEqual({
        message: `schedule.timezone "${zone}" is not an IANA time zone (e.g. "Asia/Shanghai", "UTC").`,
        param: "schedule.timezone",
      });
    for (const expression of ["0 0 31 2 *", "* * 30 2 *", "0 0 31 4,6,9,11 *", "0 0 31 FEB */4"])
      expect(refusal(expression, "UTC"), expression).toEqual({
        message: `schedule.expression "${expression}" is not a valid cron expression: it never fires: none of its months has that day of the month.`,
        param: "schedule.expression",
      });
    // A weekday restriction rescues it (either day field), and Feb 29 comes every leap year.
    for (const expression of ["0 0 31 2 MON", "0 0 29 2 *"])
      expect(refusal(expression, "UTC")).toBeUndefined();
  });

  it("reads `a/n` as `a-max/n`", () => {
    const utc = (expression: string) => ({ type: "cron" as const, expression, timezone: "UTC" });
    const at = Date.parse("2027-03-12T07:00:17Z");
    expect(upcoming(utc("10/20 * * * *"), at)).toEqual(upcoming(utc("10-59/20 * * * *"), at));
    // The day of the week runs to 7, Sunday again: 3/2 is 3, 5 and 7.
    expect(upcoming(utc("0 0 * * 3/2"), at)).toEqual(upcoming(utc("0 0 * * 0,3,5"), at));
  });

  it("reads a day field starting with `*` (a step too) as cron does: then a day must match both day fields", () => {
    const utc = (expression: string) => ({ type: "cron" as const, expression, timezone: "UTC" });
    const days = (expression: string, from = "2027-03-12T07:00:17Z") =>
      upcoming(utc(expression), Date.parse(from)).map((ms) => new Date(ms).toISOString().slice(0, 10));
    // Mondays that are odd days (cron-parser alone gave odd days or Mondays: 03-13, 03-15, 03-17…).
    expect(days("0 0 */2 * 1")).toEqual([
      "2027-03-15",
      "2027-03-29",
      "2027-04-05",
      "2027-04-19",
      "2027-05-03",
    ]);
    expect(days("0 0 */1 * MON")).toEqual(days("0 0 * * MON"));
    expect(days("0 0 */2,1 * MON")).toEqual(days("0 0 */2 * 1"));
    // The day-of-week side: 11 September falling on a Sunday or a Thursday.
    expect(days("8 0 11 9 */4")).toEqual([
      "2031-09-11",
      "2033-09-11",
      "2036-09-11",
      "2039-09-11",
      "2042-09-11",
    ]);
    // Both: the 1st, 11th, 21st or 31st on a Sunday, Wednesday or Saturday.
    for (const day of days("0 0 */10 * */3")) {
      expect([1, 11, 21, 31], day).toContain(new Date(day).getUTCDate());
      expect([0, 3, 6], day).toContain(new Date(day).getUTCDay());
    }
    // Two restricted day fields that do not start with `*`: either one fires, even one covering every day.
    expect(days("0 0 1-31 * 1")).toEqual(days("0 0 * * *"));
    expect(days("0 0 13 * 5")).toEqual([
      "2027-03-13",
      "2027-03-19",
      "2027-03-26",
      "2027-04-02",
      "2027-04-09",
    ]);
  });

  it("lists no fire time past the year 9999, which RFC 3339 cannot write, and the clock stops there", () => {
    const monthly = { type: "cron" as const, expression: "0 0 1 * *", timezone: "UTC" };
    const times = upcoming(monthly, Date.parse("9999-10-15T00:00:00Z")).map((ms) =>
      new Date(ms).toISOString(),
    );
    expect(times).toEqual(["9999-11-01T00:00:00.000Z", "9999-12-01T00:00:00.000Z"]);
    const sim = new Simulator({ strict: true });
    expect(sim.setTime("9999-12-31T23:59:59Z")).toBe("9999-12-31T23:59:59Z");
    const now = JSON.parse(
      sim.handle({ method: "GET", url: "/_mock/clock", headers: { authorization: "Bearer pt-end" } }).body,
    );
    expect(now).toEqual({ now: "9999-12-31T23:59:59Z" });
  });

  it("refuses an invalid expression or zone every time, not only the first", () => {
    for (let i = 0; i < 2; i++) {
      expect(() => checkSchedule({ type: "cron", expression: "61 * * * *", timezone: "UTC" })).toThrow(
        /schedule.expression "61 \* \* \* \*" is not a valid cron expression/,
      );
      expect(() => checkSchedule({ type: "cron", expression: "0 9 * * *", timezone: "Mars/Base" })).toThrow(
        /schedule.timezone "Mars\/Base" is not an IANA time zone/,
      );
      expect(() => checkSchedule({ type: "cron", expression: "0 9 * * *", timezone: "UTC" })).not.toThrow();
    }
  });
});

describe("bounded state", () => {
  it(`refuses the deployment past ${LIMITS.deploymentsPerAccount} in one account with a 409 in the envelope, saying how to go on`, () => {
    const sim = new Simulator({ strict: true });
    const body = JSON.stringify(createBody({ name: "filler", schedule: null }));
    const create = (token: string) =>
      sim.handle({
        method: "POST",
        url: "/deployments",
        headers: { authorization: `Bearer ${token}` },
        body,
      });
    const seeded = sim.state("pt-full").deployments.length;
    for (let i = seeded; i < LIMITS.deploymentsPerAccount; i++) {
      const answer = create("pt-full");
      if (answer.status !== 200) throw new Error(`create ${i}: ${answer.body}`);
    }
    const refused = create("pt-full");
    expect(refused.status).toBe(409);
    expect(JSON.parse(refused.body)).toMatchObject({
      type: "error",
      error: {
        type: "conflict_error",
        message: expect.stringMatching(
          new RegExp(`already holds ${LIMITS.deploymentsPerAccount} deployments.*POST /_mock/reset`),
        ),
      },
    });
    // Another token is another account, and a reset frees this one.
    expect(create("pt-other").status).toBe(200);
    sim.reset("pt-full", "empty");
    expect(sim.state("pt-full").deployments).toEqual([]);
  }, 120_000);
});

describe("strict mode", () => {
  it("answers a loud 500 naming the schema when an answer drifts from the contract", () => {
    const sim = new Simulator({
      strict: true,
      resources: [{ handlers: { getDeployment: () => ({ body: { id: 42 } }) } }],
    });
    const answer = sim.handle({
      method: "GET",
      url: `/deployments/dep_${"c".repeat(32)}`,
      headers: { authorization: "Bearer pt-drift" },
    });
    expect(answer.status).toBe(500);
    expect(answer.body).toMatch(
      /Simulator drift \(strict mode\).*getDeployment.*#\/components\/schemas\/Deployment/,
    );
  });

  it("holds refusals to the operation's documented answers too", () => {
    const sim = new Simulator({
      strict: true,
      resources: [
        {
          handlers: {
            listDeployments: () => {
              throw new ApiError(409, "conflict_error", "a status listDeployments does not document");
            },
          },
        },
      ],
    });
    const answer = sim.handle({
      method: "GET",
      url: "/deployments",
      headers: { authorization: "Bearer pt-drift" },
    });
    expect(answer.status).toBe(500);
    expect(answer.body).toMatch(/drift.*status 409 is not a documented response of listDeployments/);
  });

  it(`answers the account past ${LIMITS.accounts} with a 429 every operation documents, reads included`, () => {
    const sim = new Simulator({ strict: true });
    const list = (token: string) =>
      sim.handle({
        method: "GET",
        url: "/deployments?limit=1",
        headers: { authorization: `Bearer ${token}` },
      });
    for (let i = 0; i < LIMITS.accounts; i++) sim.reset(`pt-many-${i}`, "empty");
    const refused = list("pt-one-too-many");
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body).error).toMatchObject({
      type: "rate_limit_error",
      message: expect.stringMatching(/already holds 1000 accounts/),
    });
    expect(list("pt-many-0").status).toBe(200);
  });
});

// Agents, Environments and Models in the simulator, over real HTTP with strict mode on (every answer is
// checked against the contract), and the references deployments make to them.
import { beforeEach, describe, expect, it } from "vitest";
import { createBody, example, type SimServer, simServerOfFile } from "./support/simulator.js";

type Agent = { id: string; version: number; archived_at: string | null; [key: string]: unknown };
type Environment = {
  id: string;
  archived_at: string | null;
  config: Record<string, unknown>;
  [key: string]: unknown;
};
type Deployment = {
  id: string;
  status: string;
  paused_reason: unknown;
  agent: { id: string; version: number };
};
type Run = { id: string; error: { type: string; message: string } | null; session_id: string | null };
type List<T> = { data: T[]; has_more: boolean; next_page?: string | null; first_id?: string | null };
type ErrorBody = { type: "error"; error: { type: string; message: string; param?: string } };

const SEED_AGENT = "agent_019eb4d4a06d747c865d5800b9c57ae2";
const SEED_ENV = "env_019e64e01a137caf953ac2ac7b42ec5c";
const BETA = { "x-qoder-beta": "browser-use-2026-07-14" };

const server = simServerOfFile();

let token: string;
let count = 0;
beforeEach(() => {
  token = `pt-agents-${++count}`; // a new token is a new account with the example data
});
const call = <T = Record<string, unknown>>(
  method: string,
  path: string,
  options: Parameters<SimServer["call"]>[2] = {},
) => server.call<T>(method, path, { token, ...options });
const ok = async <T>(method: string, path: string, options: Parameters<SimServer["call"]>[2] = {}) => {
  const answer = await call<T>(method, path, options);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body;
};
/** The error of an answer that must be a 400. */
const refused400Or = async (answer: Promise<{ status: number; body: ErrorBody }>) => {
  const { status, body } = await answer;
  expect(status, JSON.stringify(body).slice(0, 200)).toBe(400);
  return body.error;
};
const refused = async (
  status: number,
  method: string,
  path: string,
  options: Parameters<SimServer["call"]>[2] = {},
) => {
  const answer = await call<ErrorBody>(method, path, options);
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  return answer.body.error;
};
const newAgent = (body: Record<string, unknown> = {}) =>
  ok<Agent>("POST", "/agents", { body: { name: "tester", model: "ultimate", ...body } });
const newEnvironment = (body: Record<string, unknown> = {}) =>
  ok<Environment>("POST", "/environments", {
    body: { name: "env", config: { type: "cloud", networking: { type: "unrestricted" } }, ...body },
  });

describe("a new account's example data", () => {
  it("holds the agent (two versions) and the environment the example deployments reference", async () => {
    const agent = await ok<Agent>("GET", `/agents/${SEED_AGENT}`);
    expect(agent.version).toBe(2);
    expect((await ok<Agent>("GET", `/agents/${SEED_AGENT}?version=1`)).version).toBe(1);
    const versions = await ok<List<Agent>>("GET", `/agents/${SEED_AGENT}/versions`);
    expect(versions.data.map((v) => v.version)).toEqual([2, 1]);
    expect((await ok<Environment>("GET", `/environments/${SEED_ENV}`)).archived_at).toBeNull();
    const deployments = await ok<List<Deployment>>("GET", "/deployments?include_archived=true");
    expect(deployments.data.length).toBeGreaterThan(1);
    for (const deployment of deployments.data) {
      const agent = await ok<Agent>(
        "GET",
        `/agents/${deployment.agent.id}?version=${deployment.agent.version}`,
      );
      expect(agent.version).toBe(deployment.agent.version);
      await ok(
        "GET",
        `/environments/${(deployment as unknown as { environment_id: string }).environment_id}`,
      );
    }
    // The auto-paused example deployment was paused because its environment is archived: so it is here.
    const autoPaused = example<Deployment & { environment_id: string }>("DeploymentAutoPausedExample");
    expect(
      (await ok<Environment>("GET", `/environments/${autoPaused.environment_id}`)).archived_at,
    ).not.toBeNull();
    // Every documented create example is accepted as it stands.
    const created = await ok<Deployment>("POST", "/deployments", { body: createBody() });
    expect(created.agent).toEqual({ id: SEED_AGENT, type: "agent", version: 1 });
  });

  it("lists the models of the contract's example, as {data, has_more}", async () => {
    const models = await ok<List<{ id: string }>>("GET", "/models");
    expect(models.data.map((m) => m.id)).toEqual(
      example<List<{ id: string }>>("ModelListExample").data.map((m) => m.id),
    );
    expect(models.has_more).toBe(false);
    const first = await ok<List<{ id: string }> & { last_id: string }>("GET", "/models?limit=1");
    expect(first.has_more).toBe(true);
    const rest = await ok<List<{ id: string }>>("GET", `/models?limit=1&after_id=${first.last_id}`);
    expect(rest.data.map((m) => m.id)).toEqual(["auto"]);
  });
});

describe("agents", () => {
  it("creates version 1 with defaults, and the four tool types (Browser Use with the beta header)", async () => {
    const minimal = await newAgent();
    expect(minimal).toMatchObject({
      type: "agent",
      version: 1,
      description: "",
      system: "",
      tools: [],
      mcp_servers: [],
      skills: [],
      multiagent: null,
      metadata: {},
      archived_at: null,
    });
    const full = example<Record<string, unknown>>("CreateAgentFullRequest");
    const agent = await ok<Agent>("POST", "/agents", { body: full, headers: BETA });
    expect((agent.tools as { type: string }[]).map((t) => t.type)).toEqual([
      "agent_toolset_20260401",
      "mcp_toolset",
      "custom",
      "browser_toolset_20260714",
    ]);
    expect(agent.multiagent).toEqual({
      type: "coordinator",
      agents: [
        { type: "agent", id: SEED_AGENT, version: 2 },
        { type: "agent", id: agent.id, version: 1 },
      ],
    });
  });

  it("names the field of the union member the body's own type chose, not of another member", async () => {
    const agent = (tool: Record<string, unknown>) =>
      refused(400, "POST", "/agents", { body: { name: "x", model: "auto", tools: [tool] } });
    expect(await agent({ type: "custom", name: "t", description: "d" })).toMatchObject({
      param: "tools[0].input_schema",
      message: "Missing required field: tools[0].input_schema",
    });
    expect(
      (await agent({ type: "custom", name: "a b", description: "d", input_schema: { type: "object" } }))
        .param,
    ).toBe("tools[0].name");
    expect((await agent({ type: "mcp_toolset" })).param).toBe("tools[0].mcp_server_name");
    const environment = await refused(400, "POST", "/environments", {
      body: { name: "x", config: { type: "self_hosted", networking: { type: "unrestricted" } } },
    });
    expect(environment).toMatchObject({
      param: "config.networking",
      message: expect.stringMatching(/^Unknown field/),
    });
  });

  it("refuses a tool's input_schema nested too deeply with a 400, not a 500, and keeps serving", async () => {
    // Written out: JSON.stringify itself runs out of stack on such a value.
    const depth = 3_000;
    const schema = `${'{"type":"object","properties":{"a":'.repeat(depth)}{"type":"string"}${"}}".repeat(depth)}`;
    const body = `{"name":"deep","model":"ultimate","tools":[{"type":"custom","name":"deep","description":"d","input_schema":${schema}}]}`;
    const refused = await refused400Or(call("POST", "/agents", { body }));
    expect(refused).toMatchObject({
      type: "invalid_request_error",
      message: "Request body nests more than 512 levels of objects and arrays.",
    });
    // Refused before anything acted: the account's reads still work.
    expect((await call("GET", "/agents")).status).toBe(200);
    expect((await call("GET", "/_mock/state")).status).toBe(200);
  });

  it("accepts what the official SDKs send: null for unset fields, tools named by type, snake_case names", async () => {
    const agent = await ok<Agent>("POST", "/agents", {
      body: {
        ...example<Record<string, unknown>>("CreateAgentSdkRequest"),
        tools: [
          {
            type: "agent_toolset_20260401",
            enabled_tools: ["bash", "web_fetch", "Read"],
            disallowed_tools: null,
            configs: [{ type: "bash", enabled: null, permission_policy: { type: "always_ask" } }],
            default_config: { enabled: null, permission_policy: null },
          },
        ],
      },
    });
    // Strict mode checked the answer; the nulls are left out of it.
    expect(agent.tools).toEqual([
      {
        type: "agent_toolset_20260401",
        enabled_tools: ["bash", "web_fetch", "Read"],
        configs: [{ type: "bash", permission_policy: { type: "always_ask" } }],
        default_config: {},
      },
    ]);
    const environment = await ok<Environment>("POST", "/environments", {
      body: {
        name: "sdk-env",
        description: null,
        scope: null,
        metadata: null,
        config: { networking: { type: "unrestricted" } },
      },
    });
    expect(environment.config).toMatchObject({ type: "cloud", networking: { type: "unrestricted" } });
    expect((await refused(400, "POST", "/environments", { body: { name: "e", config: {} } })).param).toMatch(
      /^config/,
    );
  });

  it("takes the SDKs' roster advisor (one) and the web tools' options, on the tools that take them only", async () => {
    const coordinator = await ok<Agent>("POST", "/agents", {
      body: {
        name: "coordinator",
        model: "ultimate",
        multiagent: { type: "coordinator", agents: [SEED_AGENT, { type: "advisor", model: "ultimate" }] },
      },
    });
    // Strict mode checked the answer against the contract's roster union.
    expect((coordinator.multiagent as { agents: unknown[] }).agents).toEqual([
      { type: "agent", id: SEED_AGENT, version: 2 },
      { type: "advisor", model: "ultimate" },
    ]);
    const twoAdvisors = await refused(400, "POST", "/agents", {
      body: {
        name: "c",
        model: "ultimate",
        multiagent: {
          type: "coordinator",
          agents: [
            { type: "advisor", model: "ultimate" },
            { type: "advisor", model: "ultimate" },
          ],
        },
      },
    });
    expect(twoAdvisors).toMatchObject({
      param: "multiagent.agents[1]",
      message: expect.stringContaining("at most one advisor"),
    });

    const web = [
      { type: "web_fetch", allowed_domains: ["docs.example.com"], max_content_tokens: 1000 },
      {
        name: "WebSearch",
        blocked_domains: ["example.org"],
        user_location: { type: "approximate", country: "US" },
      },
    ];
    const agent = await ok<Agent>("POST", "/agents", {
      body: { name: "web", model: "ultimate", tools: [{ type: "agent_toolset_20260401", configs: web }] },
    });
    expect((agent.tools as { configs?: unknown }[])[0]?.configs).toEqual(web);
    const toolset = (configs: unknown[]) => ({
      body: { name: "w", model: "ultimate", tools: [{ type: "agent_toolset_20260401", configs }] },
    });
    expect(
      await refused(400, "POST", "/agents", toolset([{ type: "bash", allowed_domains: ["a.com"] }])),
    ).toMatchObject({
      param: "tools[0].configs[0].allowed_domains",
      message: expect.stringContaining("`allowed_domains` applies to web_fetch and web_search only"),
    });
    expect(
      (await refused(400, "POST", "/agents", toolset([{ type: "web_search", max_content_tokens: 5 }])))
        .message,
    ).toContain("`max_content_tokens` applies to web_fetch only");
    expect(
      (
        await refused(
          400,
          "POST",
          "/agents",
          toolset([{ name: "WebFetch", user_location: { country: "US" } }]),
        )
      ).message,
    ).toContain("`user_location` applies to web_search only");
    // The contract: an IANA time zone, spelled as the zone database spells it.
    for (const [timezone, message] of [
      ["Not/AZone", 'tools[0].configs[0].user_location.timezone "Not/AZone" is not an IANA time zone'],
      ["utc", 'names are case-sensitive; use "UTC"'],
    ] as const) {
      const wrong = await refused(
        400,
        "POST",
        "/agents",
        toolset([{ type: "web_search", user_location: { type: "approximate", timezone } }]),
      );
      expect(wrong).toMatchObject({
        param: "tools[0].configs[0].user_location.timezone",
        message: expect.stringContaining(message),
      });
    }
    const located = await ok<Agent>(
      "POST",
      "/agents",
      toolset([{ type: "web_search", user_location: { type: "approximate", timezone: "America/New_York" } }]),
    );
    expect(JSON.stringify(located.tools)).toContain("America/New_York");
    expect(
      await refused(
        400,
        "POST",
        "/agents",
        toolset([{ type: "web_fetch", allowed_domains: ["a.com"], blocked_domains: ["b.com"] }]),
      ),
    ).toMatchObject({
      param: "tools[0].configs[0].blocked_domains",
      message: expect.stringContaining("not both"),
    });
    // An empty list is refused (omit the field instead), as the SDK documents.
    expect(
      await refused(400, "POST", "/agents", toolset([{ type: "web_fetch", allowed_domains: [] }])),
    ).toMatchObject({ param: expect.stringContaining("allowed_domains") });
  });

  it("refuses Browser Use without the beta header, an unreferenced MCP server, an unknown tool, a bad effort", async () => {
    const browser = await refused(400, "POST", "/agents", {
      body: { name: "b", model: "ultimate", tools: [{ type: "browser_toolset_20260714" }] },
    });
    expect(browser.message).toContain("x-qoder-beta: browser-use-2026-07-14");
    expect(browser.param).toBe("tools[0].type");
    const mcp = await refused(400, "POST", "/agents", {
      body: {
        name: "m",
        model: "ultimate",
        mcp_servers: [{ type: "url", name: "docs", url: "https://mcp.example.com" }],
      },
    });
    expect(mcp).toMatchObject({
      param: "mcp_servers[0]",
      message: expect.stringContaining("not referenced"),
    });
    const tool = await refused(400, "POST", "/agents", {
      body: {
        name: "t",
        model: "ultimate",
        tools: [{ type: "agent_toolset_20260401", enabled_tools: ["Foo"] }],
      },
    });
    expect(tool).toMatchObject({
      param: "tools[0].enabled_tools[0]",
      message: expect.stringContaining("unknown tool name 'Foo'"),
    });
    // In the toolset's per-tool configs too, by `name` or by the SDKs' `type`; a known one in either spelling passes.
    for (const [config, param] of [
      [{ name: "NotATool", enabled: false }, "tools[0].configs[0].name"],
      [{ type: "not_a_tool", enabled: false }, "tools[0].configs[0].type"],
      [{ name: "Bash", type: "nope" }, "tools[0].configs[0].type"],
      [{ name: "bash", type: "web_fetch" }, "tools[0].configs[0].type"],
    ] as const) {
      const configured = await refused(400, "POST", "/agents", {
        body: {
          name: "c",
          model: "ultimate",
          tools: [{ type: "agent_toolset_20260401", configs: [config] }],
        },
      });
      expect(configured).toMatchObject({
        param,
        message: expect.stringMatching(/unknown tool name|name different tools/),
      });
    }
    expect(
      (
        await newAgent({
          tools: [
            {
              type: "agent_toolset_20260401",
              configs: [
                { name: "WebFetch", enabled: false },
                { type: "web_search", enabled: true },
                { name: "Bash", type: "bash" },
              ],
            },
          ],
        })
      ).tools,
    ).toHaveLength(1);
    const effort = await refused(400, "POST", "/agents", {
      body: { name: "e", model: { id: "auto", effort: "high" } },
    });
    expect(effort).toMatchObject({
      param: "model.effort",
      message: expect.stringContaining("supported: none"),
    });
    // A model without efforts takes the object form without an effort, as Qoder's Python SDK sends it.
    expect((await newAgent({ model: { id: "auto" } })).model).toEqual({ id: "auto" });
    expect((await newAgent({ model: "auto" })).model).toBe("auto");
    expect((await refused(400, "POST", "/agents", { body: { model: "ultimate" } })).param).toBe("name");
  });

  it("update needs the current version: missing → 400, stale → 409 Version conflict, else a new version", async () => {
    const agent = await newAgent({ metadata: { team: "a", keep: "yes" } });
    expect((await refused(400, "POST", `/agents/${agent.id}`, { body: { name: "x" } })).param).toBe(
      "version",
    );
    const updated = await ok<Agent>("POST", `/agents/${agent.id}`, {
      body: { version: 1, system: "Be brief.", metadata: { team: null, new: "1" } },
    });
    expect(updated).toMatchObject({ version: 2, system: "Be brief.", metadata: { keep: "yes", new: "1" } });
    const stale = await refused(409, "POST", `/agents/${agent.id}`, { body: { version: 1, name: "late" } });
    expect(stale).toMatchObject({
      type: "conflict_error",
      message: expect.stringMatching(/^Version conflict/),
      param: example<ErrorBody>("ErrorVersionConflict").error.param,
    });
    expect(stale.param).toBe("version");
    expect((await ok<Agent>("GET", `/agents/${agent.id}`)).name).toBe("tester");
    expect((await ok<Agent>("GET", `/agents/${agent.id}?version=1`)).system).toBe("");
    expect((await refused(404, "GET", `/agents/${agent.id}?version=3`)).param).toBe("version");
  });

  it("a new account lists the example environments in the contract's example order, through a state round trip too", async () => {
    const listed = await ok<{ data: { id: string }[] }>("GET", "/environments?limit=100");
    const order = example<{ data: { id: string }[] }>("EnvironmentListExample").data.map((e) => e.id);
    expect(listed.data.map((e) => e.id).filter((id) => order.includes(id))).toEqual(order);
    // Two of them were created in the same second: GET /_mock/state → POST → GET keeps their order.
    const { now: _, ...state } = await ok<Record<string, unknown>>("GET", "/_mock/state");
    const { idempotency_keys: __, ...loadable } = state;
    const copy = `${token}-copy`;
    expect((await server.call("POST", "/_mock/state", { token: copy, body: loadable })).status).toBe(200);
    const { now: ___, ...again } = (
      await server.call<Record<string, unknown>>("GET", "/_mock/state", { token: copy })
    ).body;
    expect(again).toEqual(state);
    const relisted = await server.call("GET", "/environments?limit=100", { token: copy });
    expect(relisted.body).toEqual(listed);
  });

  it("POST /_mock/state: an agent's history with a version skipped is a 400 naming it, a version given twice a 409", async () => {
    const agent = await newAgent();
    await ok("POST", `/agents/${agent.id}`, { body: { version: 1, description: "v2" } });
    const { agents } = await ok<{ agents: Agent[] }>("GET", "/_mock/state");
    const versions = agents.filter((a) => a.id === agent.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const others = agents.filter((a) => a.id !== agent.id);
    const load = (history: Agent[]) =>
      server.call<ErrorBody>("POST", "/_mock/state", {
        token: `${token}-history`,
        body: { agents: [...others, ...history] },
      });
    const gap = await load([versions[1] as Agent]);
    expect([gap.status, gap.body.error.param]).toEqual([400, `agents[${others.length}].version`]);
    expect(gap.body.error.message).toContain("version 2 after 0");
    const twice = await load([versions[0] as Agent, versions[0] as Agent]);
    expect([twice.status, twice.body.error.type]).toEqual([409, "conflict_error"]);
    expect(twice.body.error.message).toContain("given twice");
    expect((await load(versions)).status).toBe(200);
  });

  it("names the field at fault in the checks the schema cannot state: MCP servers, custom tools", async () => {
    const server = { type: "url", name: "docs", url: "https://mcp.example.com" };
    const toolset = { type: "mcp_toolset", mcp_server_name: "docs" };
    expect(
      await refused(400, "POST", "/agents", {
        body: { name: "m", model: "ultimate", mcp_servers: [server, server], tools: [toolset] },
      }),
    ).toMatchObject({ param: "mcp_servers[1].name", message: expect.stringContaining("used twice") });
    expect(
      await refused(400, "POST", "/agents", {
        body: { name: "m", model: "ultimate", tools: [{ ...toolset, mcp_server_name: "nope" }] },
      }),
    ).toMatchObject({ param: "tools[0].mcp_server_name", message: expect.stringContaining('"nope"') });
    const custom = {
      type: "custom",
      name: "lookup",
      description: "Looks up.",
      input_schema: { type: "object" },
    };
    expect(
      await refused(400, "POST", "/agents", {
        body: { name: "c", model: "ultimate", tools: [toolset, custom, custom], mcp_servers: [server] },
      }),
    ).toMatchObject({ param: "tools[2].name", message: expect.stringContaining("used twice") });
  });

  it("POST /_mock/state makes create's checks on every loaded agent, naming the agent and the field", async () => {
    const coordinator = await newAgent({
      multiagent: { type: "coordinator", agents: [SEED_AGENT, { type: "self" }] },
    });
    const browsing = await ok<Agent>("POST", "/agents", {
      headers: BETA,
      body: { name: "b", model: "ultimate", tools: [{ type: "browser_toolset_20260714" }] },
    });
    const { agents } = await ok<{ agents: Agent[] }>("GET", "/_mock/state");
    const load = (loaded: Agent[]) =>
      server.call<ErrorBody>("POST", "/_mock/state", { token: `${token}-checked`, body: { agents: loaded } });
    // What the simulator stored loads back as it is: a Browser Use toolset needs no header there.
    expect((await load(agents)).status).toBe(200);
    const at = agents.findIndex((agent) => agent.id === browsing.id);
    const altered = (change: Partial<Agent>) =>
      load(agents.map((agent, index) => (index === at ? { ...agent, ...change } : agent)));
    for (const [change, param, message] of [
      [
        { tools: [{ type: "agent_toolset_20260401", enabled_tools: ["Bash", "Teleport"] }] },
        `agents[${at}].tools[0].enabled_tools[1]`,
        "unknown tool name 'Teleport'",
      ],
      [
        { mcp_servers: [{ type: "url", name: "docs", url: "https://mcp.example.com" }] },
        `agents[${at}].mcp_servers[0]`,
        "not referenced",
      ],
      [{ model: { id: "auto", effort: "high" } }, `agents[${at}].model.effort`, "supported: none"],
    ] as const) {
      const answer = await altered(change as Partial<Agent>);
      expect([answer.status, answer.body.error?.param]).toEqual([400, param]);
      expect(answer.body.error.message).toContain(message);
    }
    // A roster names agent versions of the state: one left out is named, as a deployment's agent is.
    const dangling = await load(agents.filter((agent) => agent.id === coordinator.id));
    expect([dangling.status, dangling.body.error.param]).toEqual([400, "agents[0].multiagent.agents[0]"]);
    expect(dangling.body.error.message).toContain(`Agent ${SEED_AGENT} version 2 is not in the state`);
    // And holds what create lets it hold: each agent once, members without a roster, one advisor.
    const seed = { type: "agent", id: SEED_AGENT, version: 2 };
    const advisor = { type: "advisor", model: "ultimate" };
    const coordinatorAt = agents.findIndex((agent) => agent.id === coordinator.id);
    const withRoster = (roster: unknown[]) =>
      load(
        agents.map((agent, index) =>
          index === coordinatorAt ? { ...agent, multiagent: { type: "coordinator", agents: roster } } : agent,
        ),
      );
    const nested = { type: "agent", id: coordinator.id, version: 1 }; // itself: a `self` entry, allowed
    expect((await withRoster([seed, nested, advisor])).status).toBe(200);
    for (const [roster, at, message] of [
      [[seed, seed], 1, "is listed twice"],
      [[advisor, seed, advisor], 2, "at most one advisor"],
    ] as const) {
      const answer = await withRoster([...roster]);
      expect([answer.status, answer.body.error.param]).toEqual([
        400,
        `agents[${coordinatorAt}].multiagent.agents[${at}]`,
      ]);
      expect(answer.body.error.message).toContain(message);
    }
    // A member pinned at a version that had a roster, chosen when its current version had none (create
    // checks the current one): GET /_mock/state gives such a state, and it loads back.
    const former = await newAgent({ multiagent: { type: "coordinator", agents: [SEED_AGENT] } });
    await ok("POST", `/agents/${former.id}`, { body: { version: 1, multiagent: null } });
    await newAgent({
      multiagent: { type: "coordinator", agents: [{ type: "agent", id: former.id, version: 1 }] },
    });
    const { agents: now } = await ok<{ agents: Agent[] }>("GET", "/_mock/state");
    expect((await load(now)).status).toBe(200);
  });

  it("pages the versions with next_page, newest first", async () => {
    const agent = await newAgent();
    for (let version = 1; version < 5; version++)
      await ok("POST", `/agents/${agent.id}`, { body: { version, description: `v${version + 1}` } });
    const first = await ok<List<Agent>>("GET", `/agents/${agent.id}/versions?limit=2`);
    expect(first.data.map((v) => v.version)).toEqual([5, 4]);
    const second = await ok<List<Agent>>(
      "GET",
      `/agents/${agent.id}/versions?limit=2&page=${first.next_page}`,
    );
    const third = await ok<List<Agent>>(
      "GET",
      `/agents/${agent.id}/versions?limit=2&page=${second.next_page}`,
    );
    expect([...second.data, ...third.data].map((v) => v.version)).toEqual([3, 2, 1]);
    expect(third).toMatchObject({ has_more: false, next_page: null });
    expect((await refused(400, "GET", `/agents/${agent.id}/versions?page=nope`)).param).toBe("page");
  });

  it("archive: hidden from the list unless include_archived, 409 twice, no more updates", async () => {
    const agent = await newAgent();
    expect((await ok<Agent>("POST", `/agents/${agent.id}/archive`)).archived_at).not.toBeNull();
    expect((await refused(409, "POST", `/agents/${agent.id}/archive`)).message).toBe(
      "Agent is already archived.",
    );
    await refused(409, "POST", `/agents/${agent.id}`, { body: { version: 1, name: "x" } });
    const ids = async (query: string) =>
      (await ok<List<Agent>>("GET", `/agents${query}`)).data.map((a) => a.id);
    expect(await ids("")).not.toContain(agent.id);
    expect(await ids("?include_archived=true")).toContain(agent.id);
    await refused(404, "GET", "/agents/agent_0000");
  });
});

describe("environments", () => {
  it("create: config omitted → cloud with the default networking (left out, as the API answers); packages are accepted under any networking (they install, or fail, when a session starts)", async () => {
    const plain = await ok<Environment>("POST", "/environments", { body: { name: "plain" } });
    expect(plain.config).toMatchObject({ type: "cloud" });
    expect(plain.config).not.toHaveProperty("networking");
    // The official SDK's captured create: packages without networking, answered 200 without networking.
    const captured = await ok<Environment>("POST", "/environments", {
      body: { name: "doc-test-env", config: { type: "cloud", packages: { apt: ["curl"] } } },
    });
    expect(captured.config).toMatchObject({ type: "cloud", packages: { apt: ["curl"] } });
    expect(captured.config).not.toHaveProperty("networking");
    // The same policy given explicitly is accepted alike.
    const limited = await ok<Environment>("POST", "/environments", {
      body: {
        name: "p",
        config: { type: "cloud", networking: { type: "limited" }, packages: { pip: ["pandas"] } },
      },
    });
    expect(limited.config).toMatchObject({
      networking: { type: "limited", allow_package_managers: false },
      packages: { pip: ["pandas"] },
    });
    expect((await refused(400, "POST", "/environments", { body: { name: "n", config: null } })).param).toBe(
      "config",
    );
    // `{}` names the empty config, not a field of the self-hosted branch.
    expect(await refused(400, "POST", "/environments", { body: { name: "n", config: {} } })).toMatchObject({
      param: "config",
      message: "config must not be empty.",
    });
    expect((await refused(400, "POST", "/environments", { body: { name: "   " } })).param).toBe("name");
    const selfHosted = await ok<Environment>("POST", "/environments", {
      body: example("CreateEnvironmentSelfHostedRequest"),
    });
    expect(selfHosted.config).toEqual({ type: "self_hosted" });
  });

  it("update keeps what is not given; archive 409 twice; delete answers environment_deleted, then 404", async () => {
    const env = await newEnvironment({ metadata: { a: "1", b: "2" } });
    const updated = await ok<Environment>("POST", `/environments/${env.id}`, {
      body: {
        description: "d",
        config: { type: "cloud", packages: { npm: ["typescript"] } },
        metadata: { a: null, b: "", c: "3" },
      },
    });
    expect(updated.config).toMatchObject({
      networking: { type: "unrestricted" },
      packages: { npm: ["typescript"] },
    });
    expect(updated.metadata).toEqual({ c: "3" });
    // The SDKs' `name: null` keeps the name (a name cannot be cleared): alone, like `{}`, it changes nothing.
    await ok("POST", "/_mock/clock", { body: { advance_ms: 60_000 } });
    expect(
      await ok<Environment>("POST", `/environments/${env.id}`, { body: { name: null, scope: null } }),
    ).toEqual(updated);
    await ok("POST", `/environments/${env.id}/archive`);
    expect((await refused(409, "POST", `/environments/${env.id}/archive`)).message).toBe(
      "Environment is already archived.",
    );
    expect(await ok("DELETE", `/environments/${env.id}`)).toEqual({
      id: env.id,
      type: "environment_deleted",
    });
    await refused(404, "GET", `/environments/${env.id}`);
  });

  it("delete is refused with a 409 while a session references the environment (a run of a deployment)", async () => {
    const env = await newEnvironment();
    const deployment = await ok<Deployment>("POST", "/deployments", {
      body: createBody({ environment_id: env.id }),
    });
    await ok("POST", `/deployments/${deployment.id}/run`);
    await ok("POST", `/deployments/${deployment.id}/archive`);
    const inUse = await refused(409, "DELETE", `/environments/${env.id}`);
    expect(inUse.message).toBe(
      "Environment is referenced by 1 session and cannot be deleted; archive it instead.",
    );
    // The example environment has the example runs' sessions.
    expect((await refused(409, "DELETE", `/environments/${SEED_ENV}`)).type).toBe("conflict_error");
  });

  it("a session counts against the environment it ran in, not the one its deployment moved to", async () => {
    const [first, second] = [await newEnvironment(), await newEnvironment()];
    const deployment = await ok<Deployment>("POST", "/deployments", {
      body: createBody({ environment_id: first.id }),
    });
    await ok("POST", `/deployments/${deployment.id}/run`);
    await ok("POST", `/deployments/${deployment.id}`, { body: { environment_id: second.id } });
    expect((await refused(409, "DELETE", `/environments/${first.id}`)).message).toContain("1 session");
    expect(await ok("DELETE", `/environments/${second.id}`)).toEqual({
      id: second.id,
      type: "environment_deleted",
    });
  });

  it("a page cursor naming a deleted environment still pages on (list a page, delete it, ask for the next)", async () => {
    await ok("POST", "/_mock/reset", { body: { fixture: "empty" } });
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.unshift((await newEnvironment({ name: `env-${i}` })).id);
    const seen: string[] = [];
    let page = await ok<List<Environment>>("GET", "/environments?limit=2");
    for (;;) {
      seen.push(...page.data.map((item) => item.id));
      for (const item of page.data) await ok("DELETE", `/environments/${item.id}`);
      if (!page.next_page) break;
      page = await ok<List<Environment>>("GET", `/environments?limit=2&page=${page.next_page}`);
    }
    expect(seen).toEqual(made);
    // The other cursors too, both ways.
    const kept = [];
    for (let i = 0; i < 3; i++) kept.unshift((await newEnvironment({ name: `kept-${i}` })).id);
    await ok("DELETE", `/environments/${kept[1]}`);
    const older = await ok<List<Environment>>("GET", `/environments?after_id=${kept[1]}`);
    expect(older.data.map((item) => item.id)).toEqual([kept[2]]);
    const newer = await ok<List<Environment>>("GET", `/environments?before_id=${kept[1]}`);
    expect(newer.data.map((item) => item.id)).toEqual([kept[0]]);
    await refused(404, "GET", `/environments/${kept[1]}`);
  });

  it("a deployment that never ran does not block the delete; its next scheduled run fails with environment_not_found_error", async () => {
    const env = await newEnvironment();
    const deployment = await ok<Deployment>("POST", "/deployments", {
      body: createBody({
        environment_id: env.id,
        schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" },
      }),
    });
    expect(await ok("DELETE", `/environments/${env.id}`)).toEqual({
      id: env.id,
      type: "environment_deleted",
    });
    await ok("POST", "/_mock/clock", { body: { advance_ms: 2 * 60 * 60 * 1000 } });
    const runs = await ok<List<Run>>("GET", `/deployments/${deployment.id}/runs`);
    expect(runs.data).toHaveLength(1);
    expect(runs.data[0]).toMatchObject({ session_id: null, error: { type: "environment_not_found_error" } });
    expect(await ok<Deployment>("GET", `/deployments/${deployment.id}`)).toMatchObject({
      status: "paused",
      paused_reason: { type: "error", error: { type: "environment_not_found_error" } },
    });
  });
});

describe("deployments check their references", () => {
  it("unknown or archived agent, unknown agent version, unknown or archived environment → 400 naming the field", async () => {
    expect(
      (await refused(400, "POST", "/deployments", { body: createBody({ agent: "agent_0000" }) })).param,
    ).toBe("agent");
    expect(
      (
        await refused(400, "POST", "/deployments", {
          body: createBody({ agent: { id: SEED_AGENT, type: "agent", version: 9 } }),
        })
      ).param,
    ).toBe("agent.version");
    expect(
      (await refused(400, "POST", "/deployments", { body: createBody({ environment_id: "env_0000" }) }))
        .param,
    ).toBe("environment_id");
    const agent = await newAgent();
    await ok("POST", `/agents/${agent.id}/archive`);
    const archivedAgent = await refused(400, "POST", "/deployments", {
      body: createBody({ agent: agent.id }),
    });
    expect(archivedAgent).toMatchObject({ param: "agent", message: "The referenced agent is archived." });
    const env = await newEnvironment();
    await ok("POST", `/environments/${env.id}/archive`);
    const archivedEnv = await refused(400, "POST", "/deployments", {
      body: createBody({ environment_id: env.id }),
    });
    expect(archivedEnv).toMatchObject({
      param: "environment_id",
      message: "The referenced environment is archived.",
    });
    // The same rules on update.
    const deployment = await ok<Deployment>("POST", "/deployments", { body: createBody() });
    expect(
      (await refused(400, "POST", `/deployments/${deployment.id}`, { body: { agent: agent.id } })).param,
    ).toBe("agent");
    expect(
      (await refused(400, "POST", `/deployments/${deployment.id}`, { body: { environment_id: env.id } }))
        .param,
    ).toBe("environment_id");
  });

  it("a bare agent id pins the latest version (re-pinned on update); the object form pins the given one", async () => {
    const agent = await newAgent();
    const deployment = await ok<Deployment>("POST", "/deployments", {
      body: createBody({ agent: agent.id }),
    });
    expect(deployment.agent.version).toBe(1);
    await ok("POST", `/agents/${agent.id}`, { body: { version: 1, name: "v2" } });
    expect((await ok<Deployment>("GET", `/deployments/${deployment.id}`)).agent.version).toBe(1);
    expect(
      (await ok<Deployment>("POST", `/deployments/${deployment.id}`, { body: { agent: agent.id } })).agent
        .version,
    ).toBe(2);
    const pinned = await ok<Deployment>("POST", `/deployments/${deployment.id}`, {
      body: { agent: { id: agent.id, type: "agent", version: 1 } },
    });
    expect(pinned.agent.version).toBe(1);
    // The object form without a version (or with null) pins the latest, as the SDKs type it.
    for (const agentRef of [
      { id: agent.id, type: "agent" },
      { id: agent.id, type: "agent", version: null },
    ]) {
      const latest = await ok<Deployment>("POST", `/deployments/${deployment.id}`, {
        body: { agent: agentRef },
      });
      expect(latest.agent.version).toBe(2);
      expect(
        (await ok<Deployment>("POST", "/deployments", { body: createBody({ agent: agentRef }) })).agent
          .version,
      ).toBe(2);
    }
  });

  for (const [what, archive, errorType] of [
    ["agent", (ids: { agent: string }) => `/agents/${ids.agent}/archive`, "agent_archived_error"],
    [
      "environment",
      (ids: { environment: string }) => `/environments/${ids.environment}/archive`,
      "environment_archived_error",
    ],
  ] as const) {
    it(`a scheduled fire after its ${what} was archived records a failed run (${errorType}) and pauses the deployment`, async () => {
      const ids = { agent: (await newAgent()).id, environment: (await newEnvironment()).id };
      const deployment = await ok<Deployment>("POST", "/deployments", {
        body: createBody({
          agent: ids.agent,
          environment_id: ids.environment,
          schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" },
        }),
      });
      await ok("POST", archive(ids as never));
      await ok("POST", "/_mock/clock", { body: { advance_ms: 3 * 60 * 60 * 1000 } });
      const runs = await ok<List<Run>>("GET", `/deployments/${deployment.id}/runs`);
      expect(runs.data).toHaveLength(1); // paused after the first failed fire: no more runs
      expect(runs.data[0]).toMatchObject({ session_id: null, error: { type: errorType } });
      const paused = await ok<Deployment>("GET", `/deployments/${deployment.id}`);
      expect(paused).toMatchObject({
        status: "paused",
        paused_reason: { type: "error", error: { type: errorType } },
      });
      const failed = await ok<List<Run>>(
        "GET",
        `/deployment_runs?deployment_id=${deployment.id}&has_error=true`,
      );
      expect(failed.data.map((r) => r.id)).toEqual([runs.data[0]?.id]);
    });
  }

  it("a deployment whose agent and environment stay usable keeps firing with sessions", async () => {
    const deployment = await ok<Deployment>("POST", "/deployments", {
      body: createBody({ schedule: { type: "cron", expression: "0 * * * *", timezone: "UTC" } }),
    });
    await ok("POST", "/_mock/clock", { body: { advance_ms: 3 * 60 * 60 * 1000 } });
    const runs = await ok<List<Run>>("GET", `/deployments/${deployment.id}/runs`);
    expect(runs.data.length).toBeGreaterThanOrEqual(2);
    expect(runs.data.every((r) => r.error === null && r.session_id !== null)).toBe(true);
    expect((await ok<Deployment>("GET", `/deployments/${deployment.id}`)).status).toBe("active");
  });
});

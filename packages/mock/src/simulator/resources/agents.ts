// Agents: create / list / get (any version) / update (optimistic concurrency on `version`, every update
// a new version) / archive / versions, with the checks the contract documents (Browser Use beta
// header, MCP servers referenced by a toolset, known built-in tool names, roster entries).
import type {
  Agent,
  AgentModelParams,
  AgentToolParams,
  CreateAgentParams,
  UpdateAgentParams,
} from "@qoder-cloud/types";
import { rfc3339 } from "../clock.js";
import { conflict, invalid, notFound } from "../errors.js";
import { listPage, timeOf } from "../pagination.js";
import type { RequestContext, Resource } from "../routes.js";
import { checkTimeZone } from "../schedule.js";
import type { Account, AgentRecord } from "../store.js";
import { patchMetadata } from "./metadata.js";
import { modelById } from "./models.js";

const BROWSER_TOOLSET = "browser_toolset_20260714";
const BROWSER_BETA = "browser-use-2026-07-14";
const BUILT_IN_TOOLS = [
  "Bash",
  "DeliverArtifacts",
  "Edit",
  "Glob",
  "Grep",
  "ImageGen",
  "ImageSearch",
  "Read",
  "WebFetch",
  "WebSearch",
  "Write",
];
/** `WebFetch`, `webfetch` and the SDKs' `web_fetch` name the same tool. */
const spelling = (name: string) => name.toLowerCase().replaceAll("_", "");

/** The agent record of an id, or the documented 404. */
function agentRecord(account: Account, id: string, param = "agent_id"): AgentRecord {
  const record = account.agents.get(id);
  if (!record) throw notFound(`Agent not found: ${id}.`, param);
  return record;
}

export const currentOf = (record: AgentRecord): Agent => record.versions[record.versions.length - 1] as Agent;

function betasOf(headers: RequestContext["headers"]): string[] {
  const raw = headers?.["x-qoder-beta"];
  return (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).split(",").map((beta) => beta.trim());
}

function checkModel(model: AgentModelParams): Agent["model"] {
  if (typeof model === "string") return model;
  // Model IDs differ per account, so any ID is accepted; a listed model's efforts and windows are checked.
  const known = modelById(model.id);
  const effort =
    model.effort == null ? undefined : typeof model.effort === "string" ? model.effort : model.effort.type;
  if (known && effort !== undefined && !(known.efforts ?? []).includes(effort)) {
    throw invalid(
      `model.effort "${effort}" is not supported by model ${model.id} (supported: ${(known.efforts ?? []).join(", ") || "none"}).`,
      "model.effort",
    );
  }
  const windows = known?.available_context_windows;
  if (windows && model.context_window != null && !windows.includes(model.context_window)) {
    throw invalid(
      `model.context_window ${model.context_window} is not available for model ${model.id} (available: ${windows.join(", ")}).`,
      "model.context_window",
    );
  }
  const out: Record<string, unknown> = { id: model.id };
  if (model.effort != null) out.effort = model.effort;
  if (model.context_window != null) out.context_window = model.context_window;
  if (model.speed != null) out.speed = model.speed;
  if (model.inference_geo != null) out.inference_geo = model.inference_geo;
  return out as Agent["model"];
}

/** Options only the web tools take, and the tools that take each. */
const WEB_OPTIONS = {
  allowed_domains: ["web_fetch", "web_search"],
  blocked_domains: ["web_fetch", "web_search"],
  max_content_tokens: ["web_fetch"],
  user_location: ["web_search"],
} as const;

/** A built-in tool's config: the web tools' options only on the tools that take them, one domain list. */
function checkWebOptions(config: Record<string, unknown>, at: string): void {
  const named = String(config.name ?? config.type ?? "");
  for (const [option, tools] of Object.entries(WEB_OPTIONS)) {
    if (config[option] != null && !tools.some((tool) => spelling(tool) === spelling(named)))
      throw invalid(
        `${at}: \`${option}\` applies to ${tools.join(" and ")} only, not to '${named}'.`,
        `${at}.${option}`,
      );
  }
  if (config.allowed_domains != null && config.blocked_domains != null)
    throw invalid(
      `${at}: give \`allowed_domains\` or \`blocked_domains\`, not both.`,
      `${at}.blocked_domains`,
    );
  // The contract: "An IANA time zone".
  const zone = (config.user_location as { timezone?: string | null } | null | undefined)?.timezone;
  if (zone != null) checkTimeZone(zone, `${at}.user_location.timezone`);
}

/** Validates the tools against the MCP servers and the beta header; returns them as stored. */
function checkTools(
  tools: AgentToolParams[],
  servers: { name: string }[],
  headers: RequestContext["headers"],
): Agent["tools"] {
  const serverNames = new Set<string>();
  servers.forEach((server, index) => {
    if (serverNames.has(server.name))
      throw invalid(
        `mcp_servers[${index}]: the name "${server.name}" is used twice; names must be unique.`,
        `mcp_servers[${index}].name`,
      );
    serverNames.add(server.name);
  });
  const customNames = new Set<string>();
  const referenced = new Set<string>();
  tools.forEach((tool, index) => {
    if (tool.type === BROWSER_TOOLSET && !betasOf(headers).includes(BROWSER_BETA)) {
      throw invalid(
        `tools containing ${BROWSER_TOOLSET} require the 'x-qoder-beta: ${BROWSER_BETA}' header.`,
        `tools[${index}].type`,
      );
    }
    if (tool.type === "mcp_toolset") {
      if (!serverNames.has(tool.mcp_server_name))
        throw invalid(
          `tools[${index}]: mcp_server_name "${tool.mcp_server_name}" is not the name of an entry of mcp_servers.`,
          `tools[${index}].mcp_server_name`,
        );
      referenced.add(tool.mcp_server_name);
    }
    if (tool.type === "custom") {
      if (customNames.has(tool.name))
        throw invalid(
          `tools[${index}]: the custom tool name "${tool.name}" is used twice.`,
          `tools[${index}].name`,
        );
      customNames.add(tool.name);
    }
    if (tool.type === "agent_toolset_20260401") {
      const at = `tools[${index}]`;
      // The built-in toolset's tools, however named: in its lists and in its per-tool configs.
      const named: [name: string, param: string][] = [
        ...(tool.enabled_tools ?? []).map((name, k): [string, string] => [name, `${at}.enabled_tools[${k}]`]),
        ...(tool.disallowed_tools ?? []).map((name, k): [string, string] => [
          name,
          `${at}.disallowed_tools[${k}]`,
        ]),
      ];
      (tool.configs ?? []).forEach((config, k) => {
        const { name, type } = config as { name?: string | null; type?: string | null };
        if (name != null && type != null && spelling(name) !== spelling(type))
          throw invalid(
            `tools[${index}].configs[${k}]: name '${name}' and type '${type}' name different tools; give one.`,
            `${at}.configs[${k}].type`,
          );
        if (name != null) named.push([name, `${at}.configs[${k}].name`]);
        if (type != null) named.push([type, `${at}.configs[${k}].type`]);
      });
      for (const [name, param] of named) {
        if (!BUILT_IN_TOOLS.some((known) => spelling(known) === spelling(name)))
          throw invalid(
            `tools[${index}]: unknown tool name '${name}' (built-in tools: ${BUILT_IN_TOOLS.join(", ")}).`,
            param,
          );
      }
      (tool.configs ?? []).forEach((config, k) => {
        checkWebOptions(config as Record<string, unknown>, `${at}.configs[${k}]`);
      });
    }
  });
  servers.forEach((server, index) => {
    if (!referenced.has(server.name))
      throw invalid(
        `mcp_servers[${index}] (${server.name}) is not referenced by any mcp_toolset in tools.`,
        `mcp_servers[${index}]`,
      );
  });
  return tools.map((tool) => withoutNulls(tool)) as Agent["tools"];
}

/**
 * The checks create makes that the contract's schema cannot state, on an agent of a loaded state
 * (POST /_mock/state): its model's effort and context window, its tools against its MCP servers, its
 * roster's own rules. A stored Browser Use toolset was written with the beta header.
 */
export function checkStoredAgent(agent: Agent): void {
  checkModel(agent.model);
  checkTools(agent.tools as AgentToolParams[], agent.mcp_servers, { "x-qoder-beta": BROWSER_BETA });
  // Its roster's own rules (the versions it names are the state's to hold: store.ts checks them).
  const rules = rosterRules();
  agent.multiagent?.agents.forEach((entry, index) => {
    const param = `multiagent.agents[${index}]`;
    if (entry.type === "advisor") rules.advisor(param);
    else rules.agent(param, entry.id);
  });
}

/** A roster's own rules, whatever its entries name: each agent once, one advisor at most. */
function rosterRules() {
  const seen = new Set<string>();
  let advisor = false;
  return {
    advisor(param: string): void {
      if (advisor) throw invalid(`${param}: a roster has at most one advisor.`, param);
      advisor = true;
    },
    agent(param: string, id: string, self = false): void {
      if (seen.has(id))
        throw invalid(`${param}: ${self ? "the agent itself" : `agent ${id}`} is listed twice.`, param);
      seen.add(id);
    },
  };
}

/** A copy without `null` fields (the SDKs send `null` for "not set"; answers leave such fields out). */
function withoutNulls(value: unknown, key?: string): unknown {
  if (key === "input_schema" || typeof value !== "object" || value === null) return structuredClone(value);
  if (Array.isArray(value)) return value.map((item) => withoutNulls(item));
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, field]) => field !== null)
      .map(([name, field]) => [name, withoutNulls(field, name)]),
  );
}

function checkRoster(
  account: Account,
  multiagent: CreateAgentParams["multiagent"],
  selfId: string,
  selfVersion: number,
): Agent["multiagent"] {
  if (!multiagent) return null;
  const rules = rosterRules();
  const agents = multiagent.agents.map((entry, index) => {
    const param = `multiagent.agents[${index}]`;
    if (typeof entry === "object" && entry.type === "advisor") {
      rules.advisor(param);
      return { type: "advisor" as const, model: entry.model };
    }
    if (typeof entry === "object" && entry.type === "self") {
      rules.agent(param, selfId, true);
      return { type: "agent" as const, id: selfId, version: selfVersion };
    }
    const id = typeof entry === "string" ? entry : entry.id;
    const record = account.agents.get(id);
    if (!record) throw invalid(`${param}: agent not found: ${id}.`, param);
    const current = currentOf(record);
    if (current.archived_at !== null) throw invalid(`${param}: agent ${id} is archived.`, param);
    if (current.multiagent)
      throw invalid(`${param}: agent ${id} has a multiagent roster itself (depth limit 1).`, param);
    rules.agent(param, id);
    const version = typeof entry === "string" ? current.version : (entry.version ?? current.version);
    if (version > current.version) throw invalid(`${param}: agent ${id} has no version ${version}.`, param);
    return { type: "agent" as const, id, version };
  });
  return { type: "coordinator", agents };
}

export const agents: Resource = {
  handlers: {
    createAgent({ account, nowMs, body, headers }) {
      const input = body as CreateAgentParams;
      const at = rfc3339(nowMs);
      const id = account.newId("agent_", nowMs);
      const mcpServers = (input.mcp_servers ?? []).map((server) => ({ ...server }));
      const agent: Agent = {
        id,
        type: "agent",
        name: input.name,
        description: input.description ?? "",
        model: checkModel(input.model),
        system: input.system ?? "",
        tools: checkTools(input.tools ?? [], mcpServers, headers),
        mcp_servers: mcpServers,
        skills: (input.skills ?? []).map((skill) => ({ ...skill, version: skill.version ?? "latest" })),
        // (mcp_servers are closed objects without nullable fields: stored as given)
        multiagent: checkRoster(account, input.multiagent, id, 1),
        metadata: patchMetadata({}, input.metadata, { replace: true }),
        version: 1,
        archived_at: null,
        created_at: at,
        updated_at: at,
      };
      account.addAgentVersion(agent);
      return { body: agent };
    },

    listAgents({ account, query }) {
      const includeArchived = query.include_archived === true;
      return {
        body: listPage(
          account.agents,
          query,
          currentOf,
          (record) => includeArchived || currentOf(record).archived_at === null,
          { fromMs: timeOf(query["created_at[gte]"]), toMs: timeOf(query["created_at[lte]"]) },
        ),
      };
    },

    getAgent({ account, path, query }) {
      const record = agentRecord(account, path.agent_id as string);
      if (query.version === undefined) return { body: currentOf(record) };
      const snapshot = record.versions[(query.version as number) - 1];
      if (!snapshot) throw notFound(`Agent ${path.agent_id} has no version ${query.version}.`, "version");
      return { body: snapshot };
    },

    updateAgent({ account, nowMs, path, body, headers, keep }) {
      const record = agentRecord(account, path.agent_id as string);
      const current = currentOf(record);
      const patch = body as UpdateAgentParams;
      if (current.archived_at !== null) throw conflict("Agent is archived and cannot be updated.");
      if (patch.version !== current.version) {
        throw conflict(
          `Version conflict: the agent is at version ${current.version}, the request was made at version ${patch.version}. Get the agent and retry with its current version.`,
          "version",
        );
      }
      // Validate everything before storing anything, so a 400 leaves the agent as it was.
      const mcpServers =
        patch.mcp_servers === undefined
          ? current.mcp_servers
          : (patch.mcp_servers ?? []).map((s) => ({ ...s }));
      const toolsChanged = patch.tools !== undefined || patch.mcp_servers !== undefined;
      const tools = toolsChanged
        ? checkTools(
            (patch.tools === undefined ? current.tools : (patch.tools ?? [])) as AgentToolParams[],
            mcpServers,
            {
              ...headers,
              // Only writing a browser toolset needs the header: one kept from the stored tools does not.
              ...(patch.tools === undefined ? { "x-qoder-beta": BROWSER_BETA } : {}),
            },
          )
        : current.tools;
      const version = current.version + 1;
      const next: Agent = {
        ...structuredClone(current),
        version,
        mcp_servers: mcpServers,
        tools,
        updated_at: rfc3339(nowMs),
      };
      if (patch.name !== undefined) next.name = patch.name;
      if (patch.description !== undefined) next.description = patch.description ?? "";
      if (patch.system !== undefined) next.system = patch.system ?? "";
      if (patch.model !== undefined) next.model = checkModel(patch.model);
      if (patch.skills !== undefined)
        next.skills = (patch.skills ?? []).map((skill) => ({ ...skill, version: skill.version ?? "latest" }));
      if (patch.multiagent !== undefined)
        next.multiagent = checkRoster(account, patch.multiagent, current.id, version);
      if (patch.metadata !== undefined)
        next.metadata = patchMetadata(current.metadata, patch.metadata, { replace: patch.metadata === null });
      // A version keeps all of its agent again (a 30 MiB system prompt is kept once per version).
      keep(Buffer.byteLength(JSON.stringify(next)));
      account.addAgentVersion(next);
      return { body: next };
    },

    archiveAgent({ account, nowMs, path }) {
      const record = agentRecord(account, path.agent_id as string);
      const current = currentOf(record);
      if (current.archived_at !== null) throw conflict("Agent is already archived.");
      const at = rfc3339(nowMs);
      // Archiving marks the agent, not a new version: every snapshot reports it archived.
      record.versions = record.versions.map((snapshot) => ({ ...snapshot, archived_at: at }));
      const archived = { ...currentOf(record), updated_at: at };
      record.versions[record.versions.length - 1] = archived;
      return { body: archived };
    },

    listAgentVersions({ account, path, query }) {
      const record = agentRecord(account, path.agent_id as string);
      const limit = (query.limit as number | undefined) ?? 20;
      // The opaque cursor is "v<N>": continue below version N (newest version first).
      let below = record.versions.length + 1;
      if (query.page !== undefined) {
        const match = /^v([1-9][0-9]*)$/.exec(String(query.page));
        if (!match || Number(match[1]) > record.versions.length + 1)
          throw invalid(
            "The page cursor is invalid or expired: pass the next_page of a previous answer of this list.",
            "page",
          );
        below = Number(match[1]);
      }
      const data = record.versions.slice(Math.max(0, below - 1 - limit), below - 1).reverse();
      const lowest = data[data.length - 1]?.version ?? 1;
      const hasMore = lowest > 1;
      return { body: { data, has_more: hasMore, next_page: hasMore ? `v${lowest}` : null } };
    },
  },
};

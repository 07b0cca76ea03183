// SDK-level breaking-change gate: typed usage of @qoder-cloud/client 0.2.0, the release that adds Agents,
// Environments and Models. Only type-checked (test/sdk-compat.test.ts), never run. Never edit it to make
// it compile: a failure means the new client breaks 0.2.0 users (see CONTRIBUTING.md).
import {
  type Agent,
  type AgentList,
  type AgentVersionList,
  ConflictError,
  type CreateAgentParams,
  type CreateEnvironmentParams,
  createQoderClient,
  type DeletedEnvironment,
  type Environment,
  type EnvironmentList,
  type Model,
  type ModelList,
  type QoderClient,
  type UpdateAgentParams,
  type UpdateEnvironmentParams,
} from "@qoder-cloud/client";

const createEnvironment: CreateEnvironmentParams = {
  name: "python-data-env",
  config: { type: "cloud", networking: { type: "unrestricted" }, packages: { pip: ["pandas"] } },
};
const updateEnvironment: UpdateEnvironmentParams = { description: null, metadata: { team: "data" } };
const createAgent: CreateAgentParams = {
  name: "daily-report-agent",
  model: { id: "ultimate", effort: "high" },
  tools: [{ type: "agent_toolset_20260401" }, { type: "browser_toolset_20260714" }],
};

/** Reads that 0.2.0 users rely on. */
function readAgent(agent: Agent): string[] {
  const version: number = agent.version;
  const archivedAt: string | null = agent.archived_at;
  return [agent.id, agent.name, String(version), archivedAt ?? ""];
}
function readEnvironment(environment: Environment): string[] {
  const type: "cloud" | "self_hosted" = environment.config.type;
  return [environment.id, environment.name, type, environment.archived_at ?? ""];
}

export async function usage(): Promise<string[]> {
  const qoder: QoderClient = createQoderClient({ token: "pt-example" });
  const seen: string[] = [];

  const environment: Environment = await qoder.environments.create(createEnvironment, {
    idempotencyKey: "env-1",
  });
  seen.push(...readEnvironment(await qoder.environments.retrieve(environment.id)));
  seen.push(...readEnvironment(await qoder.environments.update(environment.id, updateEnvironment)));
  const environments: EnvironmentList = await qoder.environments.list({ limit: 100, include_archived: true });
  seen.push(...environments.data.map((e) => e.id));
  for await (const e of qoder.environments.list()) seen.push(e.id);

  const agent: Agent = await qoder.agents.create(createAgent);
  const update: UpdateAgentParams = { version: agent.version, system: "Be brief." };
  try {
    seen.push(...readAgent(await qoder.agents.update(agent.id, update)));
  } catch (caught) {
    if (caught instanceof ConflictError) seen.push(caught.message); // a stale version
  }
  seen.push(...readAgent(await qoder.agents.retrieve(agent.id, { version: 1 })));
  const agents: AgentList = await qoder.agents.list({ limit: 20, page: "next" });
  seen.push(...agents.data.map((a) => a.id));
  const versions: AgentVersionList = await qoder.agents.versions.list(agent.id, { limit: 10 });
  seen.push(...versions.data.map((v) => String(v.version)));
  for await (const v of qoder.agents.versions.list(agent.id)) seen.push(String(v.version));
  seen.push(...readAgent(await qoder.agents.archive(agent.id)));

  const archived: Environment = await qoder.environments.archive(environment.id);
  const deleted: DeletedEnvironment = await qoder.environments.delete(archived.id);
  seen.push(deleted.type);

  const models: ModelList = await qoder.models.list();
  for await (const model of qoder.models.list({ limit: 1000 })) seen.push((model satisfies Model).id);
  seen.push(...models.data.map((m) => m.display_name));
  return seen;
}

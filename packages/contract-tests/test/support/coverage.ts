// One entry per operation of the contract: how to call it through @qoder-cloud/client. The coverage
// test fails when the contract gains an operation that has no entry here (or loses one that has).
import type {
  CreateAgentParams,
  CreateDeploymentParams,
  CreateEnvironmentParams,
  QoderClient,
  RequestOptions,
  UpdateAgentParams,
  UpdateDeploymentParams,
  UpdateEnvironmentParams,
} from "@qoder-cloud/client";
import { exampleBody, operationById } from "./spec.js";

/** IDs to call with: the contract's example IDs against the mock, discovered ones against a real server. */
export interface Ids {
  deploymentId: string;
  runId: string;
  /** An agent and an environment to call with (on the mock: ones no example deployment uses). */
  agentId?: string;
  environmentId?: string;
}

export interface Coverage {
  /** Safe against a real account (no writes). */
  readOnly: boolean;
  call(client: QoderClient, ids: Ids, options: RequestOptions): Promise<unknown>;
}

export const EXAMPLE_IDS: Ids = {
  deploymentId: "dep_019ec556114c78f8b60ee34fcb98bf59",
  runId: "drun_019ec55694c07f2a9b402ffb4448ec18",
  // The contract's path examples: an agent and an environment no example deployment references, so
  // updating, archiving and deleting them leaves the deployments' references intact.
  agentId: "agent_019eb4d5c2f87a1e9b3d4c5e6f708192",
  environmentId: "env_019e64e1b2c3d4e5f60718293a4b5c6d",
};

// Bodies come from the contract's own request examples, so they follow it when it changes.
const createBody = exampleBody(operationById("createDeployment")) as CreateDeploymentParams;
const updateBody = exampleBody(operationById("updateDeployment")) as UpdateDeploymentParams;
const createAgentBody = exampleBody(operationById("createAgent")) as CreateAgentParams;
const updateAgentBody = exampleBody(operationById("updateAgent")) as UpdateAgentParams;
const createEnvironmentBody = exampleBody(operationById("createEnvironment")) as CreateEnvironmentParams;
const updateEnvironmentBody = exampleBody(operationById("updateEnvironment")) as UpdateEnvironmentParams;
const required = (id: string | undefined, what: string): string => {
  if (!id) throw new Error(`no ${what} to call with`);
  return id;
};

export const coverage: Record<string, Coverage> = {
  createDeployment: {
    readOnly: false,
    call: async (qoder, _ids, options) => qoder.deployments.create(createBody, options),
  },
  listDeployments: {
    readOnly: true,
    // Every filter, so each one's serialisation goes through the validating proxy.
    call: async (qoder, _ids, options) =>
      qoder.deployments.list(
        {
          limit: 2,
          status: "active",
          include_archived: false,
          agent_id: "agent_019eb4d4a06d747c865d5800b9c57ae2",
          "created_at[gte]": "2026-01-01T00:00:00Z",
          "created_at[lte]": "2027-01-01T00:00:00Z",
        },
        options,
      ),
  },
  getDeployment: {
    readOnly: true,
    call: async (qoder, ids, options) => qoder.deployments.retrieve(ids.deploymentId, options),
  },
  updateDeployment: {
    readOnly: false,
    call: async (qoder, ids, options) => qoder.deployments.update(ids.deploymentId, updateBody, options),
  },
  pauseDeployment: {
    readOnly: false,
    call: async (qoder, ids, options) => qoder.deployments.pause(ids.deploymentId, options),
  },
  unpauseDeployment: {
    readOnly: false,
    call: async (qoder, ids, options) => qoder.deployments.unpause(ids.deploymentId, options),
  },
  archiveDeployment: {
    readOnly: false,
    call: async (qoder, ids, options) => qoder.deployments.archive(ids.deploymentId, options),
  },
  runDeployment: {
    readOnly: false,
    call: async (qoder, ids, options) => qoder.deployments.run(ids.deploymentId, options),
  },
  listRunsOfDeployment: {
    readOnly: true,
    call: async (qoder, ids, options) =>
      qoder.deployments.runs.list(
        ids.deploymentId,
        {
          limit: 2,
          status: "completed",
          triggered_after: "2026-01-01T00:00:00Z",
          triggered_before: "2027-01-01T00:00:00Z",
        },
        options,
      ),
  },
  getRunOfDeployment: {
    readOnly: true,
    call: async (qoder, ids, options) =>
      qoder.deployments.runs.retrieve(ids.deploymentId, ids.runId, options),
  },
  listDeploymentRuns: {
    readOnly: true,
    call: async (qoder, ids, options) =>
      qoder.deploymentRuns.list(
        {
          limit: 2,
          deployment_id: ids.deploymentId,
          status: "completed",
          trigger_type: "manual",
          has_error: false,
          "created_at[gt]": "2026-01-01T00:00:00Z",
          "created_at[gte]": "2026-01-01T00:00:00Z",
          "created_at[lt]": "2027-01-01T00:00:00Z",
          "created_at[lte]": "2027-01-01T00:00:00Z",
        },
        options,
      ),
  },
  getDeploymentRun: {
    readOnly: true,
    call: async (qoder, ids, options) => qoder.deploymentRuns.retrieve(ids.runId, options),
  },
  createAgent: {
    readOnly: false,
    call: async (qoder, _ids, options) => qoder.agents.create(createAgentBody, options),
  },
  listAgents: {
    readOnly: true,
    call: async (qoder, _ids, options) =>
      qoder.agents.list(
        {
          limit: 2,
          include_archived: false,
          "created_at[gte]": "2026-01-01T00:00:00Z",
          "created_at[lte]": "2030-01-01T00:00:00Z",
        },
        options,
      ),
  },
  getAgent: {
    readOnly: true,
    call: async (qoder, ids, options) =>
      qoder.agents.retrieve(required(ids.agentId, "agent"), { version: 1 }, options),
  },
  updateAgent: {
    readOnly: false,
    // The example body carries version 1, the example agent's version in a new mock account.
    call: async (qoder, ids, options) =>
      qoder.agents.update(required(ids.agentId, "agent"), updateAgentBody, options),
  },
  archiveAgent: {
    readOnly: false,
    call: async (qoder, ids, options) => qoder.agents.archive(required(ids.agentId, "agent"), options),
  },
  listAgentVersions: {
    readOnly: true,
    call: async (qoder, ids, options) =>
      qoder.agents.versions.list(required(ids.agentId, "agent"), { limit: 2 }, options),
  },
  createEnvironment: {
    readOnly: false,
    call: async (qoder, _ids, options) => qoder.environments.create(createEnvironmentBody, options),
  },
  listEnvironments: {
    readOnly: true,
    call: async (qoder, _ids, options) =>
      qoder.environments.list(
        {
          limit: 2,
          include_archived: true,
          "created_at[gte]": "2026-01-01T00:00:00Z",
          "created_at[lte]": "2030-01-01T00:00:00Z",
        },
        options,
      ),
  },
  getEnvironment: {
    readOnly: true,
    call: async (qoder, ids, options) =>
      qoder.environments.retrieve(required(ids.environmentId, "environment"), options),
  },
  updateEnvironment: {
    readOnly: false,
    call: async (qoder, ids, options) =>
      qoder.environments.update(required(ids.environmentId, "environment"), updateEnvironmentBody, options),
  },
  archiveEnvironment: {
    readOnly: false,
    call: async (qoder, ids, options) =>
      qoder.environments.archive(required(ids.environmentId, "environment"), options),
  },
  deleteEnvironment: {
    readOnly: false,
    // Last of the environment operations in the contract's order: the example environment is unused.
    call: async (qoder, ids, options) =>
      qoder.environments.delete(required(ids.environmentId, "environment"), options),
  },
  listModels: {
    readOnly: true,
    call: async (qoder, _ids, options) => qoder.models.list({ limit: 20 }, options),
  },
};

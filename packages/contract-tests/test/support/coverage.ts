// One entry per operation of the contract: how to call it through @qoder-cloud/client. The coverage
// test fails when the contract gains an operation that has no entry here (or loses one that has).
import type {
  CreateDeploymentParams,
  QoderClient,
  RequestOptions,
  UpdateDeploymentParams,
} from "@qoder-cloud/client";
import { exampleBody, operationById } from "./spec.js";

/** IDs to call with: the contract's example IDs against the mock, discovered ones against a real server. */
export interface Ids {
  deploymentId: string;
  runId: string;
}

export interface Coverage {
  /** Safe against a real account (no writes). */
  readOnly: boolean;
  call(client: QoderClient, ids: Ids, options: RequestOptions): Promise<unknown>;
}

export const EXAMPLE_IDS: Ids = {
  deploymentId: "dep_019ec556114c78f8b60ee34fcb98bf59",
  runId: "drun_019ec55694c07f2a9b402ffb4448ec18",
};

// Bodies come from the contract's own request examples, so they follow it when it changes.
const createBody = exampleBody(operationById("createDeployment")) as CreateDeploymentParams;
const updateBody = exampleBody(operationById("updateDeployment")) as UpdateDeploymentParams;

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
};

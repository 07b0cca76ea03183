// The read-only part of the contract suite against a real server, when QODER_BASE_URL and QODER_PAT are
// set (test/support/live-env-setup.ts keeps them aside from the mock). Skipped, saying so, otherwise.
import { createQoderClient } from "@qoder-cloud/client";
import { describe, expect, it } from "vitest";
import { coverage, type Ids } from "./support/coverage.js";
import { operations, validate } from "./support/spec.js";

const baseUrl = process.env.QODER_LIVE_BASE_URL;
const token = process.env.QODER_LIVE_PAT;
const live = Boolean(baseUrl && token);
const title = live
  ? `live API at ${baseUrl} (read-only operations)`
  : "live API — SKIPPED: set QODER_BASE_URL and QODER_PAT to run the read-only contract suite against a real server";
if (!live) console.info(`[contract-tests] ${title}`);

const readOnly = operations.filter((operation) => coverage[operation.operationId]?.readOnly);

describe.skipIf(!live)(title, () => {
  const qoder = live ? createQoderClient({ baseUrl, token }) : undefined;
  let ids: Ids | undefined;

  /** Real IDs to call with: the newest deployment and its newest run (undefined when the account has none). */
  async function discoverIds(): Promise<Ids | undefined> {
    if (ids || !qoder) return ids;
    const deployments = await qoder.deployments.list({ limit: 1, include_archived: true });
    const deploymentId = deployments.data[0]?.id;
    if (!deploymentId) return undefined;
    const runs = await qoder.deployments.runs.list(deploymentId, { limit: 1 });
    const agents = await qoder.agents.list({ limit: 1, include_archived: true });
    const environments = await qoder.environments.list({ limit: 1, include_archived: true });
    ids = {
      deploymentId,
      runId: runs.data[0]?.id ?? "",
      agentId: agents.data[0]?.id,
      environmentId: environments.data[0]?.id,
    };
    return ids;
  }

  it.for(readOnly.map((operation) => [operation.operationId, operation] as const))(
    "%s",
    async ([operationId, operation], { skip }) => {
      const found = await discoverIds();
      const needsRun = operation.path.includes("{run_id}");
      const needsDeployment =
        operation.path.includes("{deployment_id}") || operationId === "listDeploymentRuns";
      if ((needsDeployment && !found) || (needsRun && !found?.runId)) {
        skip(`the account has no deployment/run to call ${operationId} with`);
      }
      if (operation.path.includes("{agent_id}") && !found?.agentId)
        skip(`the account has no agent (${operationId})`);
      if (operation.path.includes("{environment_id}") && !found?.environmentId)
        skip(`the account has no environment (${operationId})`);
      const result = await coverage[operationId]?.call(qoder as NonNullable<typeof qoder>, found as Ids, {});
      const success = operation.responses.find((response) => response.status < 300);
      expect(validate(success?.schemaPointer ?? "", result)).toEqual([]);
    },
  );
});

it("lists read-only operations for the live suite", () => {
  expect(readOnly.length).toBeGreaterThan(0);
  expect(readOnly.every((operation) => operation.method === "get")).toBe(true);
});

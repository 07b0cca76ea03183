// Deployment runs: the per-deployment and top-level lists and lookups, and how a run is recorded.
import { rfc3339 } from "../clock.js";
import { notFound } from "../errors.js";
import { justAfter, justBefore, listPage, timeOf } from "../pagination.js";
import type { Resource } from "../routes.js";
import type { Account, Deployment, DeploymentRun } from "../store.js";

/**
 * Records one run of a deployment, updating its bookkeeping: a session was created (`error` null), or,
 * with `error`, the run failed before one could be (`session_id` null).
 */
export function recordRun(
  account: Account,
  deployment: Deployment,
  atMs: number,
  trigger: DeploymentRun["trigger_context"],
  error: DeploymentRun["error"] = null,
): DeploymentRun {
  // A scheduled run draws from its own seeded sequence: real time decides how many fire before a request.
  const sequence = trigger.type === "schedule" ? "schedule" : "request";
  const run: DeploymentRun = {
    id: account.newId("drun_", atMs, sequence),
    type: "deployment_run",
    agent: { ...deployment.agent },
    created_at: rfc3339(atMs),
    deployment_id: deployment.id,
    error,
    session_id: error ? null : account.newId("sess_", atMs, sequence),
    trigger_context: trigger,
  };
  account.addRun(run);
  if (!error) account.countSession(deployment.environment_id);
  if (deployment.schedule) deployment.schedule.last_run_at = run.created_at;
  const stats = deployment.metadata.cas_config?.stats;
  if (stats) {
    stats.total_runs = (stats.total_runs ?? 0) + 1;
    if (error) {
      stats.total_failures = (stats.total_failures ?? 0) + 1;
      stats.consecutive_failures = (stats.consecutive_failures ?? 0) + 1;
    } else stats.consecutive_failures = 0;
    stats.last_triggered_at = run.created_at;
  }
  return run;
}

function runFilter(query: Record<string, unknown>): (run: DeploymentRun) => boolean {
  const { status, trigger_type: trigger, has_error: hasError, deployment_id: deploymentId } = query;
  return (run) =>
    (deploymentId === undefined || run.deployment_id === deploymentId) &&
    // The contract: `status` is ignored for the slim run shape, which the simulator's own runs have.
    (status === undefined || run.status === undefined || run.status === status) &&
    (trigger === undefined || run.trigger_context.type === trigger) &&
    (hasError === undefined || (run.error !== null) === hasError);
}

/** created_at[gt|gte|lt|lte] and triggered_after|before as inclusive bounds (see timeOf). */
function bounds(query: Record<string, unknown>) {
  const lower = [
    timeOf(query["created_at[gte]"]),
    map(timeOf(query["created_at[gt]"]), justAfter),
    map(timeOf(query.triggered_after), justAfter),
  ].filter((value) => value !== undefined);
  const upper = [
    timeOf(query["created_at[lte]"]),
    map(timeOf(query["created_at[lt]"]), justBefore),
    map(timeOf(query.triggered_before), justBefore),
  ].filter((value) => value !== undefined);
  return {
    fromMs: lower.length > 0 ? Math.max(...lower) : undefined,
    toMs: upper.length > 0 ? Math.min(...upper) : undefined,
  };
}

const map = (value: number | undefined, bound: (ms: number) => number) =>
  value === undefined ? undefined : bound(value);

const same = (run: DeploymentRun) => run;

function deploymentOf(account: Account, id: string): Deployment {
  const record = account.deployments.get(id);
  if (!record) throw notFound(`Deployment not found: ${id}.`, "deployment_id");
  return record.deployment;
}

export const deploymentRuns: Resource = {
  handlers: {
    listRunsOfDeployment({ account, path, query }) {
      const id = path.deployment_id as string;
      deploymentOf(account, id);
      return {
        body: listPage(account.runsByDeployment.get(id), query, same, runFilter(query), bounds(query)),
      };
    },
    getRunOfDeployment({ account, path }) {
      const id = path.deployment_id as string;
      deploymentOf(account, id);
      const run = account.runsByDeployment.get(id)?.get(path.run_id as string);
      if (!run) throw notFound(`Deployment run not found: ${path.run_id}.`, "run_id");
      return { body: run };
    },
    listDeploymentRuns({ account, query }) {
      const own =
        typeof query.deployment_id === "string"
          ? account.runsByDeployment.get(query.deployment_id)
          : undefined;
      // A filter on one deployment walks that deployment's own index; an unknown id gives an empty page.
      const index = query.deployment_id === undefined ? account.runs : own;
      return { body: listPage(index, query, same, runFilter(query), bounds(query)) };
    },
    getDeploymentRun({ account, path }) {
      const run = account.runs.get(path.run_id as string);
      if (!run) throw notFound(`Deployment run not found: ${path.run_id}.`, "run_id");
      return { body: run };
    },
  },
};

// Create a deployment, run it now, then follow the run until it finishes (when its record carries a status).
//   QODER_PAT=pt-… QODER_AGENT_ID=agent_… QODER_ENVIRONMENT_ID=env_… npx tsx create-run-inspect.ts

import { randomUUID } from "node:crypto";
import { pathToFileURL } from "node:url";
import { createQoderClient, type DeploymentRun, type QoderClient } from "@qoder-cloud/client";

const FINISHED = new Set(["completed", "failed", "skipped"]);

export interface Options {
  agentId: string;
  environmentId: string;
  /** How often to look at the run, and for how long. */
  pollEveryMs?: number;
  maxPolls?: number;
}

export async function main(
  options: Options = fromEnv(),
  qoder: QoderClient = createQoderClient(),
): Promise<{ deploymentId: string; run: DeploymentRun }> {
  // The client sends an Idempotency-Key with every POST and reuses it on retries, so a retried create
  // never makes two deployments. Pass your own key to make re-running this script safe as well.
  const deployment = await qoder.deployments.create(
    {
      name: "daily-status-report",
      agent: options.agentId,
      environment_id: options.environmentId,
      initial_events: [{ type: "user.message", content: "Generate today's status report" }],
      schedule: { type: "cron", expression: "0 9 * * 1-5", timezone: "Asia/Shanghai" },
    },
    { idempotencyKey: randomUUID() },
  );
  console.log(
    `Created ${deployment.id}; next runs: ${deployment.schedule?.upcoming_runs_at?.slice(0, 2).join(", ")}`,
  );

  // Run it now, outside its schedule (the deployment must be active).
  let run = await qoder.deployments.run(deployment.id);
  console.log(`Started ${run.id} → session ${run.session_id ?? "(none)"}`);

  // Follow the run until it finishes (or give up). Runs in the slim shape carry no status: their
  // progress is in the session's events.
  for (let poll = 0; poll < (options.maxPolls ?? 60) && run.status && !FINISHED.has(run.status); poll++) {
    if (poll > 0) await new Promise((resolve) => setTimeout(resolve, options.pollEveryMs ?? 5_000));
    run = await qoder.deployments.runs.retrieve(deployment.id, run.id);
  }
  console.log(
    run.status
      ? `Run ${run.id}: ${run.status}${run.duration_ms ? ` in ${run.duration_ms} ms` : ""}`
      : `Run ${run.id}: session ${run.session_id ?? "(none)"} created`,
  );
  if (run.error) console.log(`  error: ${run.error.type}: ${run.error.message}`);

  // The runs of all deployments can be filtered by deployment, trigger and outcome.
  const failed = await qoder.deploymentRuns.list({
    deployment_id: deployment.id,
    has_error: true,
    limit: 10,
  });
  console.log(`Failed runs of this deployment on the first page: ${failed.data.length}`);
  return { deploymentId: deployment.id, run };
}

function fromEnv(): Options {
  const agentId = process.env.QODER_AGENT_ID;
  const environmentId = process.env.QODER_ENVIRONMENT_ID;
  if (!agentId || !environmentId) {
    throw new Error(
      "Set QODER_AGENT_ID (agent_…) and QODER_ENVIRONMENT_ID (env_…) to the agent and environment to deploy.",
    );
  }
  return { agentId, environmentId };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(String(error));
    process.exitCode = 1;
  });
}

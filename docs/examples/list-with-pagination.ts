// List deployments and runs with cursor pagination.
//   QODER_PAT=pt-… npx tsx list-with-pagination.ts [deployment-name]
// `await` gives one page; `for await` walks every item across pages, fetching the next page only when
// the loop needs it (so `break` stops fetching); `.pages()` walks page by page.
import { pathToFileURL } from "node:url";
import {
  createQoderClient,
  type Deployment,
  type DeploymentRun,
  type QoderClient,
} from "@qoder-cloud/client";

export async function main(
  name = process.argv[2] ?? "api-doc-verification-deployment",
  qoder: QoderClient = createQoderClient(),
): Promise<{ deployment: Deployment | undefined; runs: DeploymentRun[] }> {
  // 1. One page: the 20 newest active deployments.
  const page = await qoder.deployments.list({ limit: 20, status: "active" });
  console.log(`First page: ${page.data.length} deployments, more after it: ${page.has_more}`);

  // 2. Every page, lazily: stop as soon as the deployment is found.
  let deployment: Deployment | undefined;
  for await (const candidate of qoder.deployments.list({ limit: 100, status: "active" })) {
    if (candidate.name === name) {
      deployment = candidate;
      break;
    }
  }
  if (!deployment) {
    console.log(`No active deployment named "${name}".`);
    return { deployment, runs: [] };
  }
  console.log(`Found ${deployment.id} (${deployment.schedule?.expression ?? "manual only"})`);

  // 3. All runs of that deployment, page by page (filters are re-sent on every page).
  const runs: DeploymentRun[] = [];
  for await (const runsPage of qoder.deployments.runs.list(deployment.id, { limit: 100 }).pages()) {
    runs.push(...runsPage.data);
    console.log(
      `  page of ${runsPage.data.length} runs (next page: ${runsPage.next_page ?? "none, last page"})`,
    );
  }
  for (const run of runs) console.log(`  ${run.id}  ${run.status ?? "-"}  ${run.created_at}`);
  return { deployment, runs };
}

// Run directly (not when imported by the docs tests).
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(String(error));
    process.exitCode = 1;
  });
}

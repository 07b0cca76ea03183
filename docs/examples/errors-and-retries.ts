// Handle the API's errors: typed error classes, request ids for support, retries you can tune.
//   QODER_PAT=pt-… npx tsx errors-and-retries.ts dep_…
import { pathToFileURL } from "node:url";
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  ConflictError,
  createQoderClient,
  type Deployment,
  NotFoundError,
  type QoderClient,
  RateLimitError,
  type RequestOptions,
} from "@qoder-cloud/client";

/** One line for a log or an alert; `requestId` is what Qoder support asks for. */
export function describeError(error: unknown): string {
  if (error instanceof AuthenticationError)
    return "The token was refused: check QODER_PAT (it starts with pt-).";
  if (error instanceof NotFoundError) return `Not found: ${error.message}`;
  if (error instanceof RateLimitError)
    return `Still rate limited after the client's retries (request ${error.requestId}).`;
  if (error instanceof APIError)
    return `${error.status} ${error.type}: ${error.message} (request ${error.requestId})`;
  if (error instanceof APIConnectionError) return `Could not reach the API: ${error.message}`;
  return String(error);
}

/**
 * Pause, treating "already paused" (409 conflict_error) as success: safe to call twice. Any other 409
 * (an archived deployment cannot be paused) is rethrown: a 409 counts as success only when the
 * deployment really is paused and not archived (an archived deployment keeps reporting its last status).
 */
export async function pauseIdempotently(
  qoder: QoderClient,
  deploymentId: string,
  options: RequestOptions = {},
): Promise<Deployment> {
  try {
    return await qoder.deployments.pause(deploymentId, options);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const current = await qoder.deployments.retrieve(deploymentId);
    if (current.status === "paused" && current.archived_at === null) return current;
    throw error;
  }
}

export async function main(
  deploymentId = process.argv[2] ?? "dep_019ec556114c78f8b60ee34fcb98bf59",
  // Retries cover connection errors, timeouts and the statuses 408, 429, 500, 502, 503 and 504, with
  // backoff that honours Retry-After; 400, 401, 403, 404, 409 and 422 are never retried, other statuses
  // only when the response says x-should-retry: true. Both knobs can also be set per call.
  qoder: QoderClient = createQoderClient({ maxRetries: 4, timeoutMs: 20_000 }),
): Promise<Deployment | undefined> {
  try {
    const deployment = await qoder.deployments.retrieve(deploymentId, { timeoutMs: 5_000 });
    console.log(`${deployment.id} is ${deployment.status}`);
    const paused = await pauseIdempotently(qoder, deployment.id);
    console.log(`${paused.id} is now ${paused.status} (${paused.paused_reason?.type ?? "no reason"})`);
    return paused;
  } catch (error) {
    console.error(describeError(error));
    return undefined;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then((result) => {
    if (!result) process.exitCode = 1;
  });
}

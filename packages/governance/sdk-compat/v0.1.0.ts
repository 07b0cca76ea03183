// SDK-level breaking-change gate: typed usage of @qoder-cloud/client as released in 0.1.0.
// It is only type-checked (test/sdk-compat.test.ts runs tsc on it against the current client), never run.
// Never edit this file to make it compile: a failure means the new client breaks 0.1.0 users. Either
// restore compatibility or release a major version (see CONTRIBUTING.md). Each new release adds its file.
import {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  type ClientOptions,
  CN_BASE_URL,
  ConflictError,
  type CreateDeploymentParams,
  type components,
  createQoderClient,
  type Deployment,
  type DeploymentList,
  type DeploymentRun,
  type DeploymentRunList,
  type ErrorEnvelope,
  type ErrorType,
  GLOBAL_BASE_URL,
  InternalServerError,
  InvalidRequestError,
  type ItemOf,
  type ListMethod,
  type ListPage,
  type ListPath,
  type Logger,
  type LogLevel,
  type Method,
  NotFoundError,
  type operations,
  type PagePromise,
  PermissionError,
  type paths,
  type QoderClient,
  QoderError,
  RateLimitError,
  type RequestOptions,
  type Resources,
  type ResultOf,
  type UpdateDeploymentParams,
} from "@qoder-cloud/client";

const logger: Logger = {
  debug: (message: string) => void message,
  info: (message: string) => void message,
  warn: (message: string) => void message,
  error: (message: string) => void message,
};
const logLevel: LogLevel = "warn";

const options: ClientOptions = {
  token: "pt-example",
  baseUrl: GLOBAL_BASE_URL,
  region: "cn",
  maxRetries: 2,
  timeoutMs: 60_000,
  fetch: globalThis.fetch,
  headers: { "x-team": "platform" },
  logger,
  logLevel,
};
const baseUrls: string[] = [GLOBAL_BASE_URL, CN_BASE_URL];

const perCall: RequestOptions = {
  signal: new AbortController().signal,
  timeoutMs: 5_000,
  maxRetries: 0,
  idempotencyKey: "create-nightly-1",
  headers: { "x-request-id": "req-1" },
};

const createParams: CreateDeploymentParams = {
  name: "nightly",
  agent: "agent_123",
  environment_id: "env_123",
  initial_events: [{ type: "user.message", content: "Run the nightly checks." }],
  schedule: { type: "cron", expression: "0 3 * * *", timezone: "UTC" },
};
const updateParams: UpdateDeploymentParams = { name: "v2" };

/** Reads that 0.1.0 users rely on: each field keeps its name and (at least) its type. */
function readDeployment(deployment: Deployment): string[] {
  const status: "active" | "paused" = deployment.status;
  const description: string | null = deployment.description;
  return [deployment.id, deployment.name, deployment.environment_id, status, description ?? ""];
}
function readRun(run: DeploymentRun): string[] {
  const error: { message: string } | null = run.error;
  return [run.id, run.deployment_id, run.created_at, error?.message ?? "", run.session_id ?? ""];
}

export async function usage(): Promise<string[]> {
  const qoder: QoderClient = createQoderClient(options);
  const defaults = createQoderClient();
  const seen: string[] = [...baseUrls];

  // 1. The openapi-fetch client.
  const { data, error, response } = await qoder.GET("/deployments", { params: { query: { limit: 2 } } });
  const status: number = response.status;
  if (data) seen.push(...data.data.map((d) => d.id));
  if (error) seen.push(String(status));

  // 2. Resource methods, each with the per-call options last.
  const created: Deployment = await qoder.deployments.create(createParams, perCall);
  const id = created.id;
  seen.push(...readDeployment(await qoder.deployments.retrieve(id, perCall)));
  seen.push(...readDeployment(await qoder.deployments.update(id, updateParams, perCall)));
  seen.push(...readDeployment(await qoder.deployments.pause(id, perCall)));
  seen.push(...readDeployment(await qoder.deployments.unpause(id)));
  seen.push(...readDeployment(await qoder.deployments.archive(id)));
  const run: DeploymentRun = await qoder.deployments.run(id, perCall);
  seen.push(...readRun(run));
  const runsOfDeployment: DeploymentRunList = await qoder.deployments.runs.list(id, { limit: 50 }, perCall);
  seen.push(...runsOfDeployment.data.map((r) => r.id));
  seen.push(...readRun(await qoder.deployments.runs.retrieve(id, run.id, perCall)));
  const runs: DeploymentRunList = await qoder.deploymentRuns.list({ deployment_id: id }, perCall);
  seen.push(...runs.data.map((r) => r.id));
  seen.push(...readRun(await qoder.deploymentRuns.retrieve(run.id)));

  // 3. Lists: first page, every item, page by page, and paginate() over any list path.
  const page: DeploymentList = await qoder.deployments.list({ limit: 100, status: "active" });
  const envelope: ListPage<Deployment> = page;
  const cursors: (string | null | undefined)[] = [envelope.first_id, envelope.last_id, envelope.next_page];
  if (envelope.has_more) seen.push(...cursors.map(String));
  for await (const deployment of qoder.deployments.list({ status: "active" })) seen.push(deployment.id);
  for await (const p of defaults.deployments.list().pages()) seen.push(String(p.data.length));
  for await (const r of qoder.paginate("/deployment_runs", { params: { query: { has_error: true } } })) {
    seen.push(r.id);
  }
  const pending: PagePromise<DeploymentList> = qoder.deployments.list();
  const item: ItemOf<DeploymentList> = (await pending).data[0] as Deployment;
  seen.push(item.id);

  // 4. Typed errors.
  try {
    await qoder.deployments.retrieve("missing");
  } catch (caught) {
    if (caught instanceof NotFoundError || caught instanceof InvalidRequestError) seen.push(caught.message);
    if (caught instanceof AuthenticationError || caught instanceof PermissionError) seen.push(caught.message);
    if (caught instanceof ConflictError || caught instanceof RateLimitError) seen.push(caught.message);
    if (caught instanceof InternalServerError) seen.push(caught.message);
    if (caught instanceof APIError) {
      const type: ErrorType | (string & {}) | undefined = caught.type;
      const fields: (string | number | undefined)[] = [caught.status, caught.requestId, caught.param, type];
      const headers: Headers = caught.headers;
      const body: unknown = caught.body;
      seen.push(...fields.map(String), String(headers.get("retry-after")), String(body));
    }
    if (caught instanceof APITimeoutError || caught instanceof APIConnectionError) seen.push(caught.message);
    if (caught instanceof APIUserAbortError) seen.push(caught.message);
    if (caught instanceof QoderError) seen.push(caught.name);
  }
  return seen;
}

// Types re-exported from @qoder-cloud/types keep their names.
export type ReleasedTypes = [
  ErrorEnvelope["error"]["type"],
  components["schemas"]["Deployment"],
  operations["listDeployments"],
  paths["/deployments"]["get"],
  ResultOf<operations["getDeployment"]>,
  keyof Resources,
];

// The helper types keep their parameters: a list path, a method type, a list-method type.
const listPaths: ListPath[] = ["/deployments", "/deployment_runs", "/deployments/{deployment_id}/runs"];
export type ReleasedMethodTypes = [
  Method<"/deployments/{deployment_id}", "get", "none">,
  Method<"/deployments", "post", "body">,
  ListMethod<"/deployments", "get", "query">,
];
export function sameMethodTypes(qoder: QoderClient): ReleasedMethodTypes {
  return [qoder.deployments.retrieve, qoder.deployments.create, qoder.deployments.list];
}
const notFound: ErrorType = "not_found_error";
export const released = { notFound, listPaths };

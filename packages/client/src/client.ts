// createQoderClient(): an openapi-fetch client for the contract's `paths`, with auth, request ids and
// idempotency keys added by a middleware and retries/timeouts done by its fetch, plus resource methods
// generated from the spec's operations and `paginate()` for any list path.
import type { paths } from "@qoder-cloud/types";
import createClient, { type Client, type MaybeOptionalInit } from "openapi-fetch";
import { type ClientOptions, checkCount, checkHeaders, checkTimeout, resolveConfig } from "./config.js";
import { errorFromResponse, QoderError } from "./errors.js";
import { operations, type Resources } from "./generated/operations.js";
import { PagePromise } from "./pagination.js";
import type { ListPath, OperationRow, RequestOptions, ResultOf } from "./resource-types.js";
import { type CallRequest, createTransport } from "./transport.js";

type InitWithOptions<Init> = Init & RequestOptions & { [key: string]: unknown };
type Paginate = <P extends ListPath>(
  path: P,
  ...init: MaybeOptionalInit<paths[P], "get"> extends infer Init
    ? undefined extends Init
      ? [init?: InitWithOptions<NonNullable<Init>>]
      : [init: InitWithOptions<Init>]
    : never
) => PagePromise<ResultOf<NonNullable<paths[P]["get"]>>>;

export type QoderClient = Client<paths, "application/json"> &
  Resources & {
    /** Walks any list path: `for await (const run of qoder.paginate("/deployment_runs", { params: { query } }))`. */
    paginate: Paginate;
  };

const HTTP_METHODS = ["GET", "PUT", "POST", "DELETE", "OPTIONS", "HEAD", "PATCH", "TRACE"] as const;

function uuid(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === "function") return c.randomUUID();
  // randomUUID needs a secure context in browsers; getRandomValues does not.
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Rejects bad per-call options before a request is built (header values could otherwise leak in errors). */
function checkCallInit(init: { [key: string]: unknown } | undefined): void {
  if (!init) return;
  checkHeaders(init.headers, "headers");
  checkHeaders((init.params as { header?: unknown } | undefined)?.header, "params.header");
  if (init.timeoutMs !== undefined) checkTimeout("timeoutMs", init.timeoutMs as number);
  if (init.maxRetries !== undefined) checkCount("maxRetries", init.maxRetries as number);
  if (init.idempotencyKey !== undefined) checkHeaders({ "Idempotency-Key": init.idempotencyKey }, "idempotencyKey");
}

export function createQoderClient(options?: ClientOptions): QoderClient {
  const config = resolveConfig(options);
  const token = config.token; // kept in this closure only: never on an object that could be logged
  const raw = createClient<paths>({ baseUrl: config.baseUrl, fetch: createTransport(config), headers: config.headers });
  raw.use({
    onRequest({ request }) {
      const { headers, method, idempotencyKey } = request as CallRequest;
      headers.set("Authorization", `Bearer ${token}`);
      if (!headers.has("x-request-id")) headers.set("x-request-id", uuid());
      // One key per call, created before the first attempt, so every retry of a POST reuses it.
      if (method === "POST") {
        if (idempotencyKey) headers.set("Idempotency-Key", idempotencyKey);
        else if (!headers.has("Idempotency-Key")) headers.set("Idempotency-Key", uuid());
      }
    },
  });

  type AnyInit = { [key: string]: unknown } | undefined;
  const request = (method: string, path: string, init?: AnyInit) => {
    checkCallInit(init);
    return (raw.request as (m: string, p: string, i?: AnyInit) => ReturnType<typeof raw.GET>)(method, path, init);
  };
  /** Sends a call and returns its data, throwing the typed APIError for a non-2xx response. */
  const send = async (method: string, path: string, init?: AnyInit): Promise<unknown> => {
    const { data, error, response } = await request(method, path, init);
    if (!response.ok) throw errorFromResponse(response, error);
    return data;
  };

  const client = { ...raw, request } as Record<string, unknown>;
  for (const method of HTTP_METHODS) client[method] = (path: string, init?: AnyInit) => request(method, path, init);

  client.paginate = (path: string, init: AnyInit = {}) => {
    const { params = {}, ...rest } = init as { params?: { query?: Record<string, unknown> } };
    return new PagePromise((query) => send("GET", path, { ...rest, params: { ...params, query } }), params.query);
  };

  for (const op of operations) attach(client, op, send);
  return client as unknown as QoderClient;
}

/** Builds `client.<a>.<b>()` for one row of the generated operations table. */
function attach(
  client: Record<string, unknown>,
  op: OperationRow,
  send: (method: string, path: string, init?: { [key: string]: unknown }) => Promise<unknown>,
): void {
  const method = (...args: unknown[]) => {
    const n = op.pathParams.length;
    const path: Record<string, string> = {};
    op.pathParams.forEach((name, i) => {
      const id = args[i];
      if (typeof id !== "string" || id === "") {
        throw new QoderError(`${op.sdkMethod}(): \`${name}\` must be a non-empty string (got ${typeof id}).`);
      }
      path[name] = id;
    });
    const input = op.input === "none" ? undefined : args[n];
    const { signal, timeoutMs, maxRetries, idempotencyKey, headers } = (args[op.input === "none" ? n : n + 1] ??
      {}) as RequestOptions;
    const init = { signal, timeoutMs, maxRetries, idempotencyKey, headers };
    const query = op.input === "query" ? (input as Record<string, unknown> | undefined) : undefined;
    const body = op.input === "body" ? input : undefined;
    if (op.list) {
      return new PagePromise((q) => send(op.method, op.path, { ...init, params: { path, query: q } }), query);
    }
    return send(op.method, op.path, { ...init, params: { path, query }, body });
  };
  const keys = op.sdkMethod.split(".");
  const leaf = keys.pop() as string;
  let node = client;
  for (const key of keys) node = (node[key] ??= {}) as Record<string, unknown>;
  node[leaf] = method;
}

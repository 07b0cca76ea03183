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

// Node ≥ 20, Deno, Bun and browsers (secure contexts) all have crypto.randomUUID (a UUID v4).
const uuid = () => globalThis.crypto.randomUUID();

/** Rejects bad per-call options before a request is built (header values could otherwise leak in errors). */
function checkCallInit(init: { [key: string]: unknown } | undefined): void {
  if (!init) return;
  checkHeaders(init.headers, "headers");
  checkHeaders((init.params as { header?: unknown } | undefined)?.header, "params.header");
  if (init.timeoutMs !== undefined) checkTimeout("timeoutMs", init.timeoutMs as number);
  if (init.maxRetries !== undefined) checkCount("maxRetries", init.maxRetries as number);
  if (init.idempotencyKey !== undefined)
    checkHeaders({ "Idempotency-Key": init.idempotencyKey }, "idempotencyKey");
}

export function createQoderClient(options?: ClientOptions): QoderClient {
  const config = resolveConfig(options);
  const token = config.token; // kept in this closure only: never on an object that could be logged
  const raw = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: createTransport(config),
    headers: config.headers,
  });
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
  // async: bad input rejects the returned promise, like every other failure.
  const request = async (method: string, path: string, init?: AnyInit) => {
    checkCallInit(init);
    return (raw.request as (m: string, p: string, i?: AnyInit) => ReturnType<typeof raw.GET>)(
      method,
      path,
      init,
    );
  };
  /** Sends a call and returns its data, throwing the typed APIError for a non-2xx response. */
  const send = async (method: string, path: string, init?: AnyInit): Promise<unknown> => {
    const { data, error, response } = await request(method, path, init);
    if (!response.ok) throw errorFromResponse(response, error);
    return data;
  };

  const client = { ...raw, request } as Record<string, unknown>;
  // GET, POST, … go through `request` too, so their per-call options are checked the same way.
  for (const method in raw) {
    if (/^[A-Z]+$/.test(method))
      client[method] = (path: string, init?: AnyInit) => request(method, path, init);
  }

  client.paginate = (path: string, init: AnyInit = {}) => {
    const { params = {}, ...rest } = init as { params?: { query?: Record<string, unknown> } };
    return new PagePromise(
      (query) => send("GET", path, { ...rest, params: { ...params, query } }),
      params.query,
    );
  };

  for (const op of operations) attach(client, op, send);
  return client as unknown as QoderClient;
}

/** Builds `client.<a>.<b>()` for one row of the generated operations table. */
function attach(
  client: Record<string, unknown>,
  [sdkMethod, httpMethod, template, input, list]: OperationRow,
  send: (method: string, path: string, init?: { [key: string]: unknown }) => Promise<unknown>,
): void {
  const names = template.match(/[^{}]+(?=})/g) ?? [];
  const method = (...args: unknown[]) => {
    const rest = args.slice(names.length);
    const arg = input === "none" ? undefined : rest.shift();
    // Only the documented per-call options reach openapi-fetch (not e.g. its own `fetch` override).
    const { signal, timeoutMs, maxRetries, idempotencyKey, headers } = (rest[0] ?? {}) as RequestOptions;
    const call = async (query: unknown) => {
      const path: Record<string, unknown> = {};
      names.forEach((name, i) => {
        if (typeof args[i] !== "string" || args[i] === "") {
          throw new QoderError(
            `${sdkMethod}(): \`${name}\` must be a non-empty string (got ${typeof args[i]}).`,
          );
        }
        path[name] = args[i];
      });
      const body = input === "body" ? arg : undefined;
      const init = { signal, timeoutMs, maxRetries, idempotencyKey, headers, body, params: { path, query } };
      return send(httpMethod, template, init);
    };
    const query = input === "query" ? (arg as Record<string, unknown> | undefined) : undefined;
    return list ? new PagePromise(call, query) : call(query);
  };
  const keys = sdkMethod.split(".");
  const leaf = keys.pop() as string;
  let node = client;
  for (const key of keys) {
    node[key] ??= {};
    node = node[key] as Record<string, unknown>;
  }
  node[leaf] = method;
}

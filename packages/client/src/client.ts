// createQoderClient(): an openapi-fetch client for the contract's `paths`, with auth, request ids and
// idempotency keys added by a middleware and retries/timeouts done by its fetch, plus resource methods
// generated from the spec's operations and `paginate()` for any list path.
import type { paths } from "@qoder-cloud/types";
import createClient, { type Client, createQuerySerializer, type MaybeOptionalInit } from "openapi-fetch";
import { type ClientOptions, checkCount, checkHeaders, checkTimeout, resolveConfig } from "./config.js";
import { errorFromResponse, QoderError } from "./errors.js";
import { operations, type Resources } from "./generated/operations.js";
import { PagePromise } from "./pagination.js";
import type { ListPath, OperationRow, RequestOptions, ResultOf } from "./resource-types.js";
import { type Call, CallRequest, createTransport } from "./transport.js";

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

/** Header values are checked before openapi-fetch builds Headers, whose own error would echo the value. */
function checkCallHeaders(init: { [key: string]: unknown }): void {
  const { headers, params, idempotencyKey } = init as {
    headers?: object;
    params?: { header?: object };
    idempotencyKey?: string;
  };
  checkHeaders({ ...headers, ...params?.header, "Idempotency-Key": idempotencyKey }, "headers");
}

export function createQoderClient(options?: ClientOptions): QoderClient {
  const config = resolveConfig(options);
  const token = config.token; // kept in this closure only: never on an object that could be logged
  const raw = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: createTransport(config),
    headers: config.headers,
    Request: CallRequest as unknown as typeof Request,
    // Built once: given options instead, openapi-fetch rebuilds the serializer on every call.
    querySerializer: createQuerySerializer(),
  });
  raw.use({
    onRequest({ request }) {
      const { headers, method, qoderCall } = request as CallRequest;
      const idempotencyKey = qoderCall?.idempotencyKey;
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
  const rawRequest = raw.request as (m: string, p: string, i?: AnyInit) => ReturnType<typeof raw.GET>;
  // async: bad input rejects the returned promise, like every other failure.
  const request = async (method: string, path: string, init: AnyInit = {}) => {
    checkCallHeaders(init);
    // baseUrl and fetch are not per-call options here: they would bypass the TLS check and the transport.
    const { signal, timeoutMs, maxRetries, idempotencyKey, baseUrl, fetch, ...rest } = init as Call &
      RequestInit &
      AnyInit;
    const call: Call = {
      signal: signal ?? undefined,
      timeoutMs: checkTimeout("timeoutMs", timeoutMs),
      maxRetries: checkCount("maxRetries", maxRetries),
      idempotencyKey,
    };
    try {
      return await rawRequest(method, path, { ...rest, qoderCall: call });
    } catch (cause) {
      // e.g. the timeout or the caller's signal fired, or the connection broke, while the body was read
      throw call.toError ? call.toError(cause) : cause;
    } finally {
      call.done?.();
    }
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
    const call = async (query: unknown) => {
      const path: Record<string, unknown> = {};
      names.forEach((name, i) => {
        if (typeof args[i] !== "string" || !args[i])
          throw new QoderError(`${sdkMethod}(): \`${name}\` must be a non-empty string.`);
        path[name] = args[i];
      });
      const body = input === "body" ? arg : undefined;
      return send(httpMethod, template, { ...(rest[0] as RequestOptions), body, params: { path, query } });
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

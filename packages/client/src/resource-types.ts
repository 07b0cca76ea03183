// Types of the generated resource methods, derived from `paths` of @qoder-cloud/types so that a method's
// arguments and result always match the contract.
import type { paths } from "@qoder-cloud/types";
import type { APIPromise } from "./api-promise.js";
import type { PagePromise } from "./pagination.js";

export type HttpMethod = "get" | "put" | "post" | "delete" | "options" | "head" | "patch" | "trace";

/** Per-call options: the last argument of every method. */
export interface RequestOptions {
  /** Cancels the call (including retries and backoff); rejects with `APIUserAbortError`. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout in ms (default: the client's `timeoutMs`, 60 000). */
  timeoutMs?: number | undefined;
  /** Retries after the first attempt (default: the client's `maxRetries`, 2). */
  maxRetries?: number | undefined;
  /** Idempotency-Key for a write (any method but GET, HEAD and OPTIONS); by default a UUID v4 made once per call, reused by its retries. */
  idempotencyKey?: string | undefined;
  /**
   * Extra headers for this call: an object, a `Headers`, or any iterable of [name, value] pairs (a `Map`).
   * (`Headers` by name too: the DOM library types it iterable only with `dom.iterable`.)
   */
  headers?: Record<string, string> | Headers | Iterable<readonly [string, string]> | undefined;
  /** Per-call response-size cap in bytes (default: the client's `maxResponseBytes`). */
  maxResponseBytes?: number | undefined;
  /** "error" (default): a 3xx is a RedirectError naming the location; "manual": the 3xx response is returned. Never followed. */
  redirect?: "error" | "manual" | undefined;
  /** `qoder-workspace-id` for this call (overrides the client's). */
  workspaceId?: string | undefined;
  /** `x-qoder-beta` for this call, comma-joined (overrides the client's). */
  betas?: readonly string[] | undefined;
}

/**
 * One row of the generated operations table: x-sdk-method, HTTP method, path, what the argument after
 * the path ids is (the JSON body, the query parameters, or nothing), and whether it is a list.
 */
export type OperationRow = readonly [
  sdkMethod: string,
  method: Uppercase<HttpMethod>,
  path: string,
  input: Input,
  list?: true,
];

type Json<T> = T extends { content: { "application/json": infer Body } } ? Body : undefined;
type SuccessStatus = 200 | 201 | 202 | 203 | 204;
/** The JSON body of an operation's success response. */
export type ResultOf<Op> = Op extends { responses: infer R }
  ? Json<R[Extract<keyof R, SuccessStatus>]>
  : never;
/** The query parameters of an operation (`never` when it has none). */
export type QueryOf<Op> = Op extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/** One `string` argument per `{param}` of the path, in order. */
type PathArgs<P extends string> = P extends `${string}{${string}}${infer Rest}`
  ? [string, ...PathArgs<Rest>]
  : [];
type QueryArgs<Op> = [QueryOf<Op>] extends [never]
  ? []
  : Op extends { parameters: { query: object } }
    ? [query: QueryOf<Op>]
    : [query?: QueryOf<Op>];
type BodyArgs<Op> = Op extends { requestBody: infer Body }
  ? [body: Json<Body>]
  : Op extends { requestBody?: infer Body }
    ? [body?: Json<NonNullable<Body>>]
    : [];

/** What follows the path ids, as the generated table says: the body, the query parameters, or nothing. */
export type Input = "body" | "query" | "none";
type Operation<P extends keyof paths, M extends HttpMethod> = NonNullable<paths[P][M]>;
type Args<P extends keyof paths, M extends HttpMethod, I extends Input> = [
  ...PathArgs<P & string>,
  ...(I extends "body" ? BodyArgs<Operation<P, M>> : I extends "query" ? QueryArgs<Operation<P, M>> : []),
  options?: RequestOptions,
];

/** A generated method that resolves to the operation's result and throws a typed `QoderError`. */
export type Method<P extends keyof paths, M extends HttpMethod, I extends Input> = (
  ...args: Args<P, M, I>
) => APIPromise<ResultOf<Operation<P, M>>>;

/** A generated list method: await it for the first page, iterate it for every item across pages. */
export type ListMethod<P extends keyof paths, M extends HttpMethod, I extends Input> = (
  ...args: Args<P, M, I>
) => PagePromise<ResultOf<Operation<P, M>>>;

/** Paths whose GET answers with the contract's list envelope; `qoder.paginate()` accepts these. */
export type ListPath = {
  [P in keyof paths]: [ResultOf<NonNullable<paths[P]["get"]>>] extends [never]
    ? never
    : ResultOf<NonNullable<paths[P]["get"]>> extends { data: unknown[]; has_more: boolean }
      ? P
      : never;
}[keyof paths];

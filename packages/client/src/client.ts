// createQoderClient(): an openapi-fetch client for the contract's `paths`, with auth, request ids and
// idempotency keys set on the request it builds and retries/timeouts done by its fetch, plus resource methods
// generated from the spec's operations and `paginate()` for any list path.
import type { paths } from "@qoder-cloud/types";
import createClient, {
  type Client,
  createFinalURL,
  createQuerySerializer,
  defaultBodySerializer,
  defaultPathSerializer,
  type FetchResponse,
  type MaybeOptionalInit,
  type MiddlewareCallbackParams,
  mergeHeaders,
  removeTrailingSlash,
} from "openapi-fetch";
import { APIPromise } from "./api-promise.js";
import {
  type ClientOptions,
  checkCount,
  checkHeaders,
  checkTimeout,
  fail,
  resolveConfig,
  scopeHeaders,
} from "./config.js";
import { APIUserAbortError, errorFromResponse, InvalidResponseError, QoderError } from "./errors.js";
import { operations, type Resources } from "./generated/operations.js";
import { PagePromise } from "./pagination.js";
import type { HttpMethod, ListPath, OperationRow, RequestOptions, ResultOf } from "./resource-types.js";
import { type Call, CallRequest, createTransport, kept } from "./transport.js";

/** openapi-fetch's init with the client's options; `headers` as the client takes them (any pairs). */
type InitWithOptions<Init> = (Init extends unknown ? Omit<Init, "headers"> : never) & RequestOptions;
type Paginate = <P extends ListPath>(
  path: P,
  ...init: MaybeOptionalInit<paths[P], "get"> extends infer Init
    ? undefined extends Init
      ? [init?: InitWithOptions<NonNullable<Init>>]
      : [init: InitWithOptions<Init>]
    : never
) => PagePromise<ResultOf<NonNullable<paths[P]["get"]>>>;

/** The client's own per-call options on the raw methods, type-checked (openapi-fetch types the rest). */
type CallOptions = Omit<RequestOptions, "headers" | "signal">;
type PathsWith<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends { [K in M]: object } ? P : never;
}[keyof paths];
/** openapi-fetch's method with CallOptions: `maxRetries: "2"` is a type error, not a failure at run time. */
type RawMethod<M extends HttpMethod> = <P extends PathsWith<M>, Init extends MaybeOptionalInit<paths[P], M>>(
  url: P,
  // Init is inferred first: undefined in it means that no argument is required.
  ...init: undefined extends Init
    ? [init?: NonNullable<Init> & CallOptions & { [key: string]: unknown }]
    : [init: Init & CallOptions & { [key: string]: unknown }]
) => Promise<FetchResponse<NonNullable<paths[P][M]>, Init, "application/json">>;

/**
 * The request a middleware sees: the client's own light object with the request's url, method, headers
 * and body (a WHATWG `Request` costs ~20 µs per call on Node 20), or the `Request` an earlier middleware
 * returned. Not a `Request`: no `clone()`, `signal` or body readers; return `new Request(request.url, …)`
 * to replace it.
 */
export interface QoderRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  // (RequestInit's, not BodyInit: @types/node declares the one without the DOM library.)
  readonly body: RequestInit["body"] | null;
}
/** What each hook of a QoderMiddleware is given: openapi-fetch's parameters, with the QoderRequest. */
export type QoderMiddlewareParams = Omit<MiddlewareCallbackParams, "request"> & { request: QoderRequest };
// What a hook may return, as openapi-fetch types it.
// biome-ignore lint/suspicious/noConfusingVoidType: an async hook that returns nothing gives Promise<void>
type Returns<T> = T | undefined | void;
// onRequest may return the request it was given (headers changed): the call keeps its own options.
type OnRequest = (
  options: QoderMiddlewareParams,
) => Returns<QoderRequest | Request | Response> | Promise<Returns<QoderRequest | Request | Response>>;
type OnResponse = (
  options: QoderMiddlewareParams & { response: Response },
) => Returns<Response> | Promise<Returns<Response>>;
type OnError = (
  options: QoderMiddlewareParams & { error: unknown },
) => Returns<Response | Error> | Promise<Returns<Response | Error>>;
/** openapi-fetch's middleware, with `request` typed as what it is here (a QoderRequest). */
export type QoderMiddleware =
  | { onRequest: OnRequest; onResponse?: OnResponse; onError?: OnError }
  | { onRequest?: OnRequest; onResponse: OnResponse; onError?: OnError }
  | { onRequest?: OnRequest; onResponse?: OnResponse; onError: OnError };

export type QoderClient = Omit<
  Client<paths, "application/json">,
  Uppercase<HttpMethod> | "request" | "use" | "eject"
> & {
  /** Adds middleware (openapi-fetch's), which then sees every call, resource methods' too. */
  use(...middleware: QoderMiddleware[]): void;
  /** Removes middleware added with use(). */
  eject(...middleware: QoderMiddleware[]): void;
} & {
  [M in HttpMethod as Uppercase<M>]: RawMethod<M>;
} & {
  request: <M extends HttpMethod, P extends PathsWith<M>, Init extends MaybeOptionalInit<paths[P], M>>(
    method: M,
    url: P,
    ...init: undefined extends Init
      ? [init?: NonNullable<Init> & CallOptions & { [key: string]: unknown }]
      : [init: Init & CallOptions & { [key: string]: unknown }]
  ) => Promise<FetchResponse<NonNullable<paths[P][M]>, Init, "application/json">>;
} & Resources & {
    /** Walks any list path: `for await (const run of qoder.paginate("/deployment_runs", { params: { query } }))`. */
    paginate: Paginate;
  };

// Node ≥ 20, Deno, Bun and browsers (secure contexts) all have crypto.randomUUID (a UUID v4).
const uuid = () => globalThis.crypto.randomUUID();

/** What openapi-fetch's methods resolve to, as this module reads it. */
type Result = { data?: unknown; error?: unknown; response: Response };
/** openapi-fetch's per-call init: params, body, headers … */
type FetchInit = { [key: string]: unknown };
type Send = (
  method: string,
  path: string,
  init: FetchInit,
  options: RequestOptions | undefined,
  raw: boolean,
) => Promise<{ data: unknown; response: Response }>;

/**
 * Per-call headers as a plain object. Entries, a Map or a Headers (any kind) are read into one (null
 * prototype: "constructor" is a header name like any other), names lowercased and a repeated name's values
 * joined as fetch joins them: openapi-fetch would send entries as a header "0" and drop the others.
 */
function plainHeaders(headers: unknown): unknown {
  if (headers != null && typeof headers !== "object") fail("`headers` must be an object.");
  if (!headers || !(Symbol.iterator in headers)) return headers;
  const plain = Object.create(null) as Record<string, string>;
  for (const entry of headers as Iterable<unknown>) {
    if (!Array.isArray(entry) || entry.length !== 2) fail("`headers` entries must be [name, value] pairs.");
    const [name, value] = entry.map(String) as [string, string];
    const key = name.toLowerCase(); // header names are case-insensitive
    plain[key] = key in plain ? `${plain[key]}, ${value}` : value;
  }
  return plain;
}

/**
 * The call's options of the wrong kind are refused; header values are checked before openapi-fetch builds
 * Headers, whose own error would echo the value.
 */
function checkCallOptions(init: FetchInit, options: RequestOptions): void {
  // fetch itself takes no other kind (nor does AbortSignal.any, which the client uses with it); reading
  // `aborted` refuses an object that only borrowed AbortSignal's prototype.
  try {
    if (
      options.signal != null &&
      !(options.signal instanceof AbortSignal && options.signal.aborted !== undefined)
    )
      throw 0;
  } catch {
    fail("`signal` must be an AbortSignal (an AbortController's `signal`).");
  }
  // (Set only when given: a `headers` key, even undefined, takes the call off the direct path.)
  if (init.headers !== undefined) init.headers = plainHeaders(init.headers);
  checkHeaders(init.headers, "headers");
  checkHeaders((init.params as { header?: object } | undefined)?.header, "headers");
  if (options.idempotencyKey !== undefined)
    checkHeaders({ "Idempotency-Key": options.idempotencyKey }, "idempotencyKey");
  if (options.workspaceId !== undefined || options.betas !== undefined) {
    // Per-call scope headers win over the client's: set after openapi-fetch merged the client's headers.
    init.headers = {
      ...(init.headers as object),
      ...scopeHeaders(options.workspaceId, options.betas, "call's "),
    };
  }
  if (options.redirect !== undefined && options.redirect !== "error" && options.redirect !== "manual")
    fail('`redirect` must be "error" or "manual".');
}

/**
 * Splits a raw method's init into openapi-fetch's part and this client's options. baseUrl and fetch are
 * dropped: as per-call options they would bypass the TLS check and the transport.
 */
function splitInit(init: FetchInit = {}): [FetchInit, RequestOptions] {
  const rest: FetchInit = {};
  const options: FetchInit = {};
  for (const key in init)
    if (!/^(baseUrl|fetch)$/.test(key)) (CALL_OPTIONS.includes(key) ? options : rest)[key] = init[key];
  return [rest, options];
}
const CALL_OPTIONS =
  "signal timeoutMs maxRetries idempotencyKey maxResponseBytes redirect workspaceId betas".split(" ");

/** What a path allows, by path (bounded): the same for every call with it, as a resource method's is. */
const checkedPaths = new Map<string, { path: string; names: string[] }>();

/**
 * A raw path as it is sent, and the path parameters it names (as openapi-fetch reads `{.id}`, `{;id}`,
 * `{id*}`). openapi-fetch appends the path to baseUrl as it is: "@host/x" or ".example.com/x" would name
 * another host. Refused: spaces, control characters, `"#<>\\` and backquotes (fetch and undici would send
 * them differently, or drop the query after a `#`), and in the path itself dot segments (also encoded:
 * fetch resolves them) and braces but around a parameter. Other characters are percent-encoded, as fetch
 * does.
 */
function checkedPath(given: string): { path: string; names: string[] } {
  let checked = checkedPaths.get(given);
  if (!checked) {
    const [pathPart = ""] = given.split("?", 1);
    if (
      !/^\/[^\0- "#<>\\`\x7f]*$/.test(given) ||
      /\/(\.|%2e){1,2}(?=\/|$)/i.test(pathPart) ||
      /[{}]/.test(pathPart.replace(/\{[^{}]+\}/g, ""))
    )
      fail(
        '`path` must start with "/", without spaces, control characters, `"#<>\\`, backquotes, dot segments or braces but around a `{parameter}`.',
      );
    let path = given;
    try {
      path = given.replace(/[^\0-\x7f]+/g, encodeURIComponent);
    } catch {
      fail("`path` must be well-formed Unicode.");
    }
    const names = [...pathPart.matchAll(/\{([^{}]+)\}/g)].map(([, name]) =>
      (name as string).replace(/^[.;]/, "").replace(/\*$/, ""),
    );
    if (checkedPaths.size >= 1_000) checkedPaths.clear();
    checked = { path, names };
    checkedPaths.set(given, checked);
  }
  return checked;
}

export function createQoderClient(options?: ClientOptions): QoderClient {
  const config = resolveConfig(options);
  const { defaultQuery } = config;
  const serialize = createQuerySerializer();
  // The request openapi-fetch builds carries the call's ids from the start, as if a first middleware had
  // set them (so yours see them), without openapi-fetch's per-call middleware overhead. The transport sets
  // Authorization on each attempt (a token function is called per attempt).
  class ClientRequest extends CallRequest {
    constructor(url: string, init: RequestInit & { qoderCall?: Call }) {
      super(url, init);
      const { headers } = this;
      if (!headers.has("x-request-id")) headers.set("x-request-id", uuid());
      // One key per write (every method but GET, HEAD and OPTIONS; the API documents it on POST, PUT and
      // DELETE), created before the first attempt, so every retry reuses it.
      if (!/^(GET|HEAD|OPTIONS)$/.test(this.method)) {
        const key = init.qoderCall?.idempotencyKey;
        if (key || !headers.has("Idempotency-Key")) headers.set("Idempotency-Key", key || uuid());
      }
    }
  }
  const transport = createTransport(config);
  // Built once: given options instead, openapi-fetch rebuilds the serializer on every call. The client's
  // defaultQuery goes first: a call's own parameters win.
  // A Date goes as RFC 3339 text: openapi-fetch would send it as an object without keys (nothing), and
  // the filter would be dropped unseen.
  const querySerializer = (query: Record<string, unknown>) => {
    let all = defaultQuery ? { ...defaultQuery, ...query } : query;
    for (const name in all)
      if (all[name] instanceof Date) all = { ...all, [name]: (all[name] as Date).toISOString() }; // a copy
    return serialize(all);
  };
  const raw = createClient<paths>({
    baseUrl: config.baseUrl,
    fetch: transport,
    headers: config.headers,
    Request: ClientRequest as unknown as typeof Request,
    querySerializer,
  });
  const baseUrl = removeTrailingSlash(config.baseUrl);
  // A Content-Type among the client's headers would choose the body's serializer: openapi-fetch's path.
  const jsonOnly = !Object.keys(config.headers).some((name) => /^content-type$/i.test(name));
  /**
   * Whether `direct` sends this call exactly as openapi-fetch's client would: only params (path and
   * query), a body and the call's state; per-call headers, serializers or middleware take openapi-fetch's
   * path.
   */
  const plain = (init: FetchInit) => {
    for (const key in init) if (!/^(params|body|qoderCall)$/.test(key)) return false;
    return jsonOnly && !(init.params as { header?: unknown } | undefined)?.header;
  };
  /**
   * A resource call while no middleware is registered: its request built as openapi-fetch builds it, with
   * openapi-fetch's own builders, and handed straight to the transport (openapi-fetch's call machinery
   * was ≈ 15 µs of CPU per call that nothing used).
   */
  const direct = async (method: string, path: string, init: FetchInit): Promise<Result> => {
    const { params = {}, body } = init as { params?: { path?: Record<string, unknown> }; body?: unknown };
    const serialized: unknown = body === undefined ? undefined : defaultBodySerializer(body);
    const request = new ClientRequest(
      createFinalURL(path, { baseUrl, params, querySerializer, pathSerializer: defaultPathSerializer }),
      {
        method,
        headers: mergeHeaders(
          serialized === undefined || serialized instanceof FormData
            ? {}
            : { "Content-Type": "application/json" },
          config.headers,
        ),
        body: serialized as BodyInit | undefined,
        qoderCall: init.qoderCall as Call,
      },
    );
    request.qoderCall = init.qoderCall as Call;
    const response = await transport(request as unknown as Request);
    // What openapi-fetch makes of a response the transport did not keep: a 204, or an error's body.
    if (response.ok || response.status === 204 || response.headers.get("content-length") === "0")
      return { response };
    const text = await response.text();
    let error: unknown = text;
    try {
      error = JSON.parse(text);
    } catch {}
    return { error, response };
  };
  const rawRequest = raw.request as unknown as (m: string, p: string, i: FetchInit) => Promise<Result>;

  // Once middleware was added with use(), responses go through openapi-fetch for it to see.
  let hooked = false;
  /**
   * One call through openapi-fetch, given the call's state in `init` (this module's own object, not
   * copied: copies cost more than anything else here). A resource method (`rawResponse` set: it is
   * `send`) gets its data and response from the transport and throws the typed APIError for a non-2xx;
   * `rawResponse` true: the Response unread. async: bad input rejects the returned promise, like every
   * other failure.
   */
  const request = async (
    method: string,
    given: string,
    init: FetchInit,
    options: RequestOptions = {},
    rawResponse?: boolean,
  ) => {
    const { path, names } = checkedPath(given);
    // Each parameter the path names is read once, into the copy openapi-fetch fills the path from (a
    // getter could give these checks one value and openapi-fetch another); the other params as they are.
    // A finite number or a string other than "", "." and "..": openapi-fetch writes an array or an object
    // as a list, where ".." could hide, and a dot segment would be resolved (update(".") would POST to
    // create).
    if (names.length) {
      const params = init.params as Record<string, unknown> & { path?: Record<string, unknown> };
      const ids = Object.create(null) as Record<string, unknown>; // "__proto__" too is a name like any other
      for (const key of names) {
        const id = params?.path?.[key];
        if ((typeof id !== "string" || /^\.?\.?$/.test(id)) && !Number.isFinite(id))
          fail(`\`${key}\` must be a string or a number (given, finite, not "", "." or "..").`);
        ids[key] = id;
      }
      // (What openapi-fetch reads of params, one shape for every call: a spread costs more.)
      init.params = { path: ids, query: params.query, header: params.header, cookie: params.cookie };
    }
    checkCallOptions(init, options);
    const call: Call = {
      signal: options.signal ?? undefined,
      timeoutMs: checkTimeout("timeoutMs", options.timeoutMs),
      maxRetries: checkCount("maxRetries", options.maxRetries),
      maxResponseBytes: checkCount("maxResponseBytes", options.maxResponseBytes),
      idempotencyKey: options.idempotencyKey,
      redirect: options.redirect,
      // With middleware, asResponse()'s response goes through it ("unread"), and the last one keeps it.
      keep: rawResponse && hooked,
      mode: rawResponse
        ? hooked
          ? "unread"
          : "raw"
        : rawResponse === false && !hooked
          ? "data"
          : /^(blob|arrayBuffer|stream)$/.test(init.parseAs as string)
            ? "unread"
            : undefined,
    };
    init.qoderCall = call;
    let result: Result;
    try {
      result = await (call.mode === "data" && plain(init) ? direct : rawRequest)(method, path, init);
    } catch (cause) {
      // Every failure is a QoderError, even one raised by openapi-fetch (reading a body as `parseAs`
      // asked, after the transport) or a middleware.
      throw cause instanceof QoderError
        ? cause
        : options.signal?.aborted
          ? new APIUserAbortError({ cause })
          : new QoderError(String((cause as Error)?.message ?? cause), { cause });
    }
    if (rawResponse === undefined) return result;
    // The transport left the response (and a 2xx's data) on the call.
    if (call.response) return { data: call.data, response: call.response };
    // (A response a middleware's onRequest made is asResponse()'s too, whatever its status.)
    if (!result.response.ok && !rawResponse) throw errorFromResponse(result.response, result.error);
    // A resource method's 204 (or what a middleware made): every answer of the API is a JSON object.
    const { data } = result;
    if (rawResponse === false && (typeof data !== "object" || !data || Array.isArray(data)))
      throw new InvalidResponseError(
        result.response.status,
        JSON.stringify(data) ?? "",
        result.response.headers,
      );
    return result;
  };
  const send = request as Send;

  const client = { ...raw } as Record<string, unknown>;
  client.use = (...added: Parameters<typeof raw.use>) => {
    // Registered first, so its onResponse runs last: asResponse() gets the response middleware returned,
    // and openapi-fetch an empty 204 instead of reading it.
    if (!hooked)
      raw.use({
        onResponse: ({ request, response }) => {
          const call = (request as CallRequest).qoderCall;
          if (call?.keep) return kept(call, response);
        },
      });
    hooked = true;
    raw.use(...added);
  };
  // request, GET, POST, … take their per-call options from openapi-fetch's init.
  client.request = (method: string, path: string, init?: FetchInit) =>
    request(method, path, ...splitInit(init));
  for (const method in raw) {
    if (/^[A-Z]+$/.test(method))
      client[method] = (path: string, init?: FetchInit) => request(method, path, ...splitInit(init));
  }

  client.paginate = (path: string, init?: FetchInit) => {
    const [{ params = {}, ...rest }, callOptions] = splitInit(init) as [
      { params?: { query?: Record<string, unknown> } },
      RequestOptions,
    ];
    // Headers read once per call: every page sends them, even from a one-shot iterator.
    let headers: unknown;
    return new PagePromise((query, raw) => {
      headers ??= plainHeaders((rest as FetchInit).headers);
      const page: FetchInit = { ...rest, params: { ...params, query } };
      if (headers) page.headers = headers;
      return send("GET", path, page, callOptions, raw);
    }, params.query);
  };

  for (const op of operations) attach(client, op, send);
  return client as unknown as QoderClient;
}

/** Builds `client.<a>.<b>()` for one row of the generated operations table. */
function attach(
  client: Record<string, unknown>,
  [sdkMethod, httpMethod, template, input, list]: OperationRow,
  send: Send,
): void {
  const names = template.match(/[^{}]+(?=})/g) ?? [];
  // Arguments: the path ids, then the body or the query (unless the operation takes neither), then the options.
  const method = (...args: unknown[]) => {
    const arg = args[names.length]; // the body or the query; unused when the operation takes neither
    // null is taken as none, for the query as for the options (JavaScript callers pass it).
    const options = (args[names.length + +(input !== "none")] ?? undefined) as RequestOptions | undefined;
    let headers: unknown;
    const fetchPage = async (query: unknown, raw: boolean) => {
      const path: Record<string, unknown> = {};
      for (const [i, name] of names.entries()) {
        path[name] =
          (typeof args[i] === "string" && args[i]) ||
          fail(`${sdkMethod}(): \`${name}\` must be a non-empty string.`);
      }
      const init: FetchInit = { params: { path, query } };
      // Only the keys that are set: openapi-fetch spreads this object twice per call.
      if (input === "body") init.body = arg;
      // Read once per call: every page sends them, even from a one-shot iterator.
      if (options?.headers) init.headers = headers ??= plainHeaders(options.headers);
      return send(httpMethod, template, init, options, raw);
    };
    const query = input === "query" ? (arg as Record<string, unknown> | undefined) : undefined;
    return list ? new PagePromise(fetchPage, query) : new APIPromise((raw) => fetchPage(query, raw));
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

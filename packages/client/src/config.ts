// Resolves and validates client options once, at construction, so mistakes fail early with a message
// that names the option and the fix. The token is validated here but never echoed.
import { QoderError } from "./errors.js";
import { VERSION } from "./version.js";

export const GLOBAL_BASE_URL = "https://api.qoder.com/api/v1/cloud";
export const CN_BASE_URL = "https://api.qoder.com.cn/api/v1/cloud";

export type LogLevel = "debug" | "info" | "warn" | "error" | "off";
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

/** A token, or a function giving one (sync or async), called before every attempt: for short-lived tokens. */
export type TokenSource = string | (() => string | Promise<string>);

export interface ClientOptions {
  /**
   * Personal access token (`pt-…`), or a function returning one, resolved before every attempt.
   * Default: `process.env.QODER_PAT`.
   */
  token?: TokenSource | undefined;
  /** Default: the region's URL when `region` is given, else `process.env.QODER_BASE_URL`, else the global URL. */
  baseUrl?: string | undefined;
  /** "global" (default) or "cn" for https://api.qoder.com.cn/api/v1/cloud. */
  region?: "global" | "cn" | undefined;
  /** Retries after the first attempt, for connection errors, timeouts, 408, 429, 500, 502, 503 and 504. Default 2. */
  maxRetries?: number | undefined;
  /** Per-attempt timeout in ms; 0 or Infinity: none. Default 60 000. */
  timeoutMs?: number | undefined;
  /** Refuse (ResponseTooLargeError) a response body larger than this many bytes. Default: no cap. */
  maxResponseBytes?: number | undefined;
  /** Sent as `qoder-workspace-id` on every request (a call's `workspaceId` overrides it). */
  workspaceId?: string | undefined;
  /** Beta features, sent comma-joined as `x-qoder-beta` on every request (a call's `betas` override them). */
  betas?: readonly string[] | undefined;
  /** Query parameters added to every request unless the call sets them. */
  defaultQuery?: Record<string, string | number | boolean> | undefined;
  /** Headers sent with every request (merged with `headers`; a call's headers win). */
  defaultHeaders?: Record<string, string> | undefined;
  /** A custom fetch (tests, proxies). Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch | undefined;
  /** Extra headers sent with every request. */
  headers?: Record<string, string> | undefined;
  /** Where log lines go. Default: `console`. Headers are redacted. */
  logger?: Logger | undefined;
  /** Default: `process.env.QODER_LOG`, else "warn". */
  logLevel?: LogLevel | undefined;
}

export interface ResolvedConfig {
  baseUrl: string;
  maxRetries: number;
  timeoutMs: number;
  maxResponseBytes: number | undefined;
  defaultQuery: Record<string, unknown> | undefined;
  /** The Authorization header's value, resolved per attempt (a token function may be async). */
  authorization: () => string | Promise<string>;
  fetch: typeof globalThis.fetch | undefined;
  /** A null value removes the header (openapi-fetch's rule): `betas: []` sends none. */
  headers: Record<string, string | null>;
  /** Whether debug lines are logged (checked before building one). */
  debug: boolean;
  /** Logs when `level` is enabled. */
  log: (level: Exclude<LogLevel, "off">, message: string, details?: unknown) => void;
}

const LEVELS: LogLevel[] = ["debug", "info", "warn", "error", "off"];

function env(name: string): string | undefined {
  // Guarded: Deno, Bun and Node have `process`; browsers do not.
  return (globalThis as { process?: { env?: Record<string, string> } }).process?.env?.[name] || undefined;
}

/** Throws a QoderError (in expressions: `ok || fail(…)`). */
export function fail(message: string, cause?: unknown): never {
  throw new QoderError(message, cause ? { cause } : undefined);
}

/** `Bearer <token>`: a token is visible ASCII only. The message names where it came from, never echoes it. */
function bearer(token: unknown, source = "`token`"): string {
  if (typeof token !== "string" || !/^[\x21-\x7e]+$/.test(token))
    fail(`${source} must be printable ASCII without spaces; copy it again.`);
  return `Bearer ${token}`;
}

export function resolveConfig(given?: ClientOptions | null): ResolvedConfig {
  const options = given ?? {}; // null too (JavaScript callers pass it)
  const token = options.token ?? env("QODER_PAT");
  if (!token) fail("No token: pass `token`, or omit it and set QODER_PAT.");
  // The token lives in these closures only: never on an object that could be logged.
  let authorization: ResolvedConfig["authorization"];
  if (typeof token === "function") {
    authorization = async () => {
      let value: unknown;
      try {
        value = await token();
      } catch (cause) {
        fail("`token` function failed; this attempt was not sent.", cause);
      }
      return bearer(value);
    };
  } else {
    const value = bearer(token, options.token == null ? "QODER_PAT" : undefined);
    authorization = () => value;
  }

  const { region, logger = console, fetch } = options;
  if (fetch !== undefined && typeof fetch !== "function") fail("`fetch` must be a function.");
  const regionUrl =
    region !== undefined &&
    (region === "cn"
      ? CN_BASE_URL
      : region === "global"
        ? GLOBAL_BASE_URL
        : fail('`region` must be "global" or "cn".'));
  // An explicit option beats the environment; QODER_BASE_URL beats the default region.
  const baseUrl = checkBaseUrl(options.baseUrl ?? (regionUrl || env("QODER_BASE_URL") || GLOBAL_BASE_URL));
  const threshold = LEVELS.indexOf(options.logLevel ?? (env("QODER_LOG") as LogLevel) ?? "warn");
  if (threshold < 0) fail(`\`logLevel\`/QODER_LOG must be one of ${LEVELS}.`);
  // `@qoder-cloud/client/<version>` on Node; browsers forbid setting User-Agent.
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  return {
    baseUrl,
    authorization,
    maxRetries: checkCount("maxRetries", options.maxRetries) ?? 2,
    timeoutMs: checkTimeout("timeoutMs", options.timeoutMs) ?? 60_000,
    maxResponseBytes: checkCount("maxResponseBytes", options.maxResponseBytes),
    defaultQuery: record(options.defaultQuery, "defaultQuery"),
    fetch,
    headers: {
      ...(node && { "User-Agent": `@qoder-cloud/client/${VERSION} node/${node}` }),
      ...checkHeaders(record(options.defaultHeaders, "defaultHeaders"), "defaultHeaders"),
      ...checkHeaders(record(options.headers, "headers"), "headers"),
      ...scopeHeaders(options.workspaceId, options.betas, ""),
    },
    debug: !threshold,
    log: (level, message, details) => {
      if (LEVELS.indexOf(level) >= threshold)
        logger[level](`[qoder] ${message}`, ...(details ? [details] : []));
    },
  };
}

/** A plain object of names to values (a string, an array or a Headers would be read as something else). */
const record = <T>(value: T, field: string): T =>
  value === undefined ||
  (typeof value === "object" && value && !Array.isArray(value) && !(value instanceof Headers))
    ? value
    : fail(`\`${field}\` must be an object.`);

/** The workspace and beta headers for client-wide or per-call options (`where` prefixes the field name). */
export function scopeHeaders(
  workspaceId: string | undefined,
  betas: readonly string[] | undefined,
  where: string,
): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  if (workspaceId !== undefined)
    out["qoder-workspace-id"] =
      (typeof workspaceId === "string" && workspaceId) ||
      fail(`\`${where}workspaceId\` must be a non-empty string.`);
  if (betas !== undefined) {
    if (!Array.isArray(betas) || betas.some((b) => typeof b !== "string" || !b || b.includes(",")))
      fail(`\`${where}betas\` must be non-empty strings without commas.`);
    // None (`[]`) is a null: per call, it removes the client's betas.
    out["x-qoder-beta"] = betas.join(",") || null;
  }
  return checkHeaders(out, `${where}workspaceId/betas`);
}

function checkBaseUrl(value: string): string {
  // What does not parse fails below as the scheme "x:".
  const url = new URL(URL.canParse(value) ? value : "x:");
  // Tokens only travel over TLS: plain http is accepted for local mocks only. The value is not echoed:
  // user:password@ in it would end up in logs. Paths are appended to it, so a ?query or #fragment would
  // end up in the middle of every URL: anything but origin and path is refused.
  if (
    url.href !== url.origin + url.pathname ||
    !(
      url.protocol === "https:" ||
      (url.protocol === "http:" && /^(localhost|127\.[\d.]+|\[::1\])$/.test(url.hostname))
    )
  )
    fail(
      "`baseUrl` must be https:// (tokens only travel over TLS; http:// on loopback), origin and path only.",
    );
  return url.href.replace(/\/+$/, "");
}

/** Passes `undefined` through (an unset option); refuses anything but a whole number >= 0. */
export function checkCount<T extends number | undefined>(field: string, value: T): T {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0))
    fail(`\`${field}\` must be a whole number >= 0.`);
  return value;
}

/**
 * Passes `undefined` through (an unset option); 0 and Infinity mean no timeout; refuses what a timer cannot
 * honour (negative, NaN, above 2^31-1 ms, about 24.8 days: setTimeout would fire after 1 ms).
 */
export function checkTimeout<T extends number | undefined>(field: string, value: T): T {
  if (
    value !== undefined &&
    !(typeof value === "number" && (value === Infinity || (value >= 0 && value < 2 ** 31)))
  )
    fail(`\`${field}\` must be 0 (none) to 2147483647 ms, or Infinity.`);
  return value;
}

/**
 * Refuses invalid header names and values a header cannot carry (CR/LF, NUL and other control characters:
 * header injection) as a QoderError that names the header, never its value (the platform's own TypeError
 * may echo it).
 */
export function checkHeaders(headers: unknown, field: string): Record<string, string | null> {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!/^[!#$%&'*+\-.^_`|~\w]+$/.test(name))
      fail(`\`${field}\`: bad header name ${JSON.stringify(name.slice(0, 40))}.`);
    // An object or a function would be sent as "[object Object]" (every idempotency key alike).
    if (typeof value === "function" || (value && typeof value === "object" && !Array.isArray(value)))
      fail(`\`${field}\`: header "${name}" must be a string.`);
    if (!/^[\t\x20-\x7e\x80-\xff]*$/.test(String(value)))
      fail(`\`${field}\`: header "${name}" contains CR/LF or other invalid bytes.`);
  }
  return (headers ?? {}) as Record<string, string | null>;
}

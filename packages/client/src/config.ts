// Resolves and validates client options once, at construction, so mistakes fail early with a message
// that names the option and the fix. The token is validated here but never echoed.
import { QoderError } from "./errors.js";

export const GLOBAL_BASE_URL = "https://api.qoder.com/api/v1/cloud";
export const CN_BASE_URL = "https://api.qoder.com.cn/api/v1/cloud";

export type LogLevel = "debug" | "info" | "warn" | "error" | "off";
export interface Logger {
  debug(message: string, ...details: unknown[]): void;
  info(message: string, ...details: unknown[]): void;
  warn(message: string, ...details: unknown[]): void;
  error(message: string, ...details: unknown[]): void;
}

export interface ClientOptions {
  /** Personal access token (`pt-…`). Default: `process.env.QODER_PAT`. */
  token?: string;
  /** Default: `process.env.QODER_BASE_URL`, else the region's URL. */
  baseUrl?: string;
  /** "global" (default) or "cn" for https://api.qoder.com.cn/api/v1/cloud. */
  region?: "global" | "cn";
  /** Retries after the first attempt, for connection errors, timeouts, 408, 429 and 5xx. Default 2. */
  maxRetries?: number;
  /** Per-attempt timeout in ms. Default 60 000. */
  timeoutMs?: number;
  /** A custom fetch (tests, proxies). Default: `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
  /** Extra headers sent with every request. */
  headers?: Record<string, string>;
  /** Where log lines go. Default: `console`. Headers are redacted. */
  logger?: Logger;
  /** Default: `process.env.QODER_LOG`, else "warn". */
  logLevel?: LogLevel;
}

export interface ResolvedConfig {
  token: string;
  baseUrl: string;
  maxRetries: number;
  timeoutMs: number;
  fetch: typeof globalThis.fetch | undefined;
  headers: Record<string, string>;
  /** Logs when `level` is enabled; `details` is computed only then. */
  log: (level: Exclude<LogLevel, "off">, message: string, details?: () => unknown) => void;
}

const LEVELS: LogLevel[] = ["debug", "info", "warn", "error", "off"];

export function env(name: string): string | undefined {
  // Guarded: Deno, Bun and Node have `process`; browsers do not.
  return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] || undefined;
}

export function resolveConfig(options: ClientOptions = {}): ResolvedConfig {
  const token = options.token ?? env("QODER_PAT");
  if (!token || typeof token !== "string") {
    throw new QoderError(
      "No API token: pass `token` to createQoderClient() or set the QODER_PAT environment variable " +
        "(create a personal access token in the Qoder console: Settings → API Tokens).",
    );
  }
  if (/[\r\n\0]/.test(token)) {
    throw new QoderError("`token` contains a line break or NUL character; check how the token was copied.");
  }

  const region = options.region ?? "global";
  if (region !== "global" && region !== "cn") {
    throw new QoderError(`\`region\` must be "global" or "cn" (got ${JSON.stringify(region)}).`);
  }
  const baseUrl = checkBaseUrl(
    options.baseUrl ??
      (options.region ? undefined : env("QODER_BASE_URL")) ??
      (region === "cn" ? CN_BASE_URL : GLOBAL_BASE_URL),
  );

  const level = options.logLevel ?? (env("QODER_LOG") as LogLevel | undefined) ?? "warn";
  if (!LEVELS.includes(level)) {
    const field = options.logLevel ? "`logLevel`" : "QODER_LOG";
    throw new QoderError(`${field} must be one of ${LEVELS.join(", ")} (got ${JSON.stringify(level)}).`);
  }
  const logger = options.logger ?? console;
  const threshold = LEVELS.indexOf(level);

  if (options.fetch !== undefined && typeof options.fetch !== "function") {
    throw new QoderError("`fetch` must be a function compatible with globalThis.fetch.");
  }
  return {
    token,
    baseUrl,
    maxRetries: checkCount("maxRetries", options.maxRetries ?? 2),
    timeoutMs: checkTimeout("timeoutMs", options.timeoutMs ?? 60_000),
    fetch: options.fetch,
    headers: checkHeaders(options.headers, "headers"),
    log: (lvl, message, details) => {
      if (LEVELS.indexOf(lvl) >= threshold) logger[lvl](`[qoder] ${message}`, ...(details ? [details()] : []));
    },
  };
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

function checkBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new QoderError(`\`baseUrl\` is not an absolute URL (got ${JSON.stringify(value)}).`);
  }
  if (url.username || url.password) {
    throw new QoderError("`baseUrl` must not contain credentials; pass the token as `token`.");
  }
  if (url.protocol === "http:" && !LOOPBACK.test(url.hostname)) {
    throw new QoderError(
      `\`baseUrl\` ${url.origin} uses plain http:// to a non-loopback host; tokens only travel over TLS. ` +
        "Use https:// (http:// is accepted for localhost, 127.0.0.1 and [::1] only).",
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new QoderError(`\`baseUrl\` must be an https:// URL (got ${url.protocol}).`);
  }
  return url.href.replace(/\/+$/, "");
}

export function checkCount(field: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new QoderError(`\`${field}\` must be a whole number ≥ 0 (got ${String(value)}).`);
  }
  return value;
}

export function checkTimeout(field: string, value: number): number {
  if (typeof value !== "number" || !(value > 0)) {
    throw new QoderError(`\`${field}\` must be a number of milliseconds > 0 (got ${String(value)}).`);
  }
  return value;
}

/** Refuses header values with CR/LF/NUL (header injection); the message names the header, not its value. */
export function checkHeaders(headers: unknown, field: string): Record<string, string> {
  if (headers == null) return {};
  const entries = headers instanceof Headers ? [...headers] : Object.entries(headers as object);
  for (const [name, value] of entries) {
    if (value == null) continue;
    if (typeof value !== "string" && typeof value !== "number" && !Array.isArray(value)) {
      throw new QoderError(`\`${field}\`: header "${name}" must be a string.`);
    }
    if (/[\r\n\0]/.test(String(value))) {
      throw new QoderError(`\`${field}\`: header "${name}" contains CR/LF or NUL; header values must be one line.`);
    }
  }
  return headers as Record<string, string>;
}

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
  return (
    (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name] ||
    undefined
  );
}

export function resolveConfig(options: ClientOptions = {}): ResolvedConfig {
  const token = options.token ?? env("QODER_PAT");
  if (!token || typeof token !== "string") {
    throw new QoderError(
      "No API token: pass `token` or set QODER_PAT (Qoder console: Settings, API Tokens).",
    );
  }
  if (/[\r\n\0]/.test(token)) throw new QoderError("`token` must not contain line breaks.");

  const region = options.region ?? "global";
  if (region !== "global" && region !== "cn") throw new QoderError('`region` must be "global" or "cn".');
  // An explicit option beats the environment; QODER_BASE_URL beats the default region.
  const baseUrl = checkBaseUrl(
    options.baseUrl ??
      (options.region ? undefined : env("QODER_BASE_URL")) ??
      (region === "cn" ? CN_BASE_URL : GLOBAL_BASE_URL),
  );

  const level = options.logLevel ?? (env("QODER_LOG") as LogLevel | undefined) ?? "warn";
  const threshold = LEVELS.indexOf(level);
  if (threshold < 0) throw new QoderError(`\`logLevel\`/QODER_LOG must be one of ${LEVELS.join(", ")}.`);
  const logger = options.logger ?? console;

  return {
    token,
    baseUrl,
    maxRetries: checkCount("maxRetries", options.maxRetries) ?? 2,
    timeoutMs: checkTimeout("timeoutMs", options.timeoutMs) ?? 60_000,
    fetch: options.fetch,
    headers: checkHeaders(options.headers, "headers"),
    log: (lvl, message, details) => {
      if (LEVELS.indexOf(lvl) >= threshold)
        logger[lvl](`[qoder] ${message}`, ...(details ? [details()] : []));
    },
  };
}

function checkBaseUrl(value: string): string {
  const url = URL.canParse(value) ? new URL(value) : undefined;
  // Tokens only travel over TLS: plain http is accepted for local mocks only.
  if (
    !url?.protocol.startsWith("http") ||
    (url.protocol === "http:" && !/^(localhost|127(\.\d{1,3}){3}|\[::1\])$/.test(url.hostname))
  ) {
    throw new QoderError(
      `\`baseUrl\` ${JSON.stringify(value)} must be https:// (tokens only travel over TLS; http:// is for localhost, 127.0.0.1, [::1]).`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

/** Passes `undefined` through (an unset option); refuses anything but a whole number ≥ 0. */
export function checkCount<T extends number | undefined>(field: string, value: T): T {
  if (value !== undefined && !(Number.isInteger(value) && value >= 0)) {
    throw new QoderError(`\`${field}\` must be a whole number >= 0.`);
  }
  return value;
}

/** Passes `undefined` through (an unset option); refuses anything but a number of ms > 0. */
export function checkTimeout<T extends number | undefined>(field: string, value: T): T {
  if (value !== undefined && !((value as number) > 0))
    throw new QoderError(`\`${field}\` must be a number of ms > 0.`);
  return value;
}

/** Refuses header values with CR/LF/NUL (header injection); the message names the header, never its value. */
export function checkHeaders(headers: unknown, field: string): Record<string, string> {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (/[\r\n\0]/.test(String(value)))
      throw new QoderError(`\`${field}\`: header "${name}" contains CR/LF.`);
  }
  return (headers ?? {}) as Record<string, string>;
}

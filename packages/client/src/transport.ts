// The fetch that openapi-fetch calls: one call = up to 1 + maxRetries attempts, each with its own
// timeout, combined with the caller's signal. The body is buffered once and re-sent intact; the headers
// (Idempotency-Key included) were fixed by the middleware before the first attempt, so every retry of a
// POST carries the same key.
import type { ResolvedConfig } from "./config.js";
import { APIConnectionError, APITimeoutError, APIUserAbortError, QoderError } from "./errors.js";

/** Per-call options that openapi-fetch copies from the call's init onto its Request object. */
export interface CallRequest extends Request {
  timeoutMs?: number;
  maxRetries?: number;
  idempotencyKey?: string;
}

const RETRY_STATUSES = [408, 429, 500, 502, 503, 504];
const NEVER_RETRY = [400, 401, 403, 404, 409];
const MAX_HONOURED_WAIT_MS = 60_000;

/** Exponential backoff from 0.5 s, doubling, capped at 8 s, minus up to 25 % jitter. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.min(500 * 2 ** retry, 8000) * (1 - random() * 0.25);
}

/** How long the server asked us to wait (retry-after-ms, then Retry-After seconds or HTTP date). */
export function serverWaitMs(headers: Headers, now = Date.now()): number | undefined {
  let wait = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  const after = headers.get("retry-after")?.trim();
  if (Number.isNaN(wait) && after) {
    wait = Number.isNaN(Number(after)) ? Math.max(0, Date.parse(after) - now) : Number(after) * 1000;
  }
  return wait >= 0 && wait <= MAX_HONOURED_WAIT_MS ? wait : undefined;
}

/** x-should-retry can turn retries off, or on for statuses not known to be final; 4xx client errors stay final. */
export function shouldRetry(response: Response): boolean {
  if (response.ok || NEVER_RETRY.includes(response.status)) return false;
  const hint = response.headers.get("x-should-retry");
  if (hint === "true") return true;
  if (hint === "false") return false;
  return RETRY_STATUSES.includes(response.status);
}

const SECRET_HEADERS = /^(authorization|proxy-authorization|cookie|x-api-key)$/;

/** Headers as a plain object for log lines, with credentials replaced. */
export function redact(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = SECRET_HEADERS.test(name) ? "[redacted]" : value;
  });
  return out;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new APIUserAbortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
}

export function createTransport(config: ResolvedConfig): typeof fetch {
  return async function qoderFetch(input: RequestInfo | URL): Promise<Response> {
    const request = input as CallRequest;
    const maxRetries = request.maxRetries ?? config.maxRetries;
    const timeoutMs = request.timeoutMs ?? config.timeoutMs;
    const userSignal = request.signal;
    // Buffered once so that every attempt sends the same bytes (a stream can be read only once).
    const body = request.body ? await request.arrayBuffer() : undefined;

    for (let attempt = 0; ; attempt++) {
      if (userSignal.aborted) throw new APIUserAbortError({ cause: userSignal.reason });
      const controller = new AbortController();
      const onUserAbort = () => controller.abort();
      userSignal.addEventListener("abort", onUserAbort, { once: true });
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      let response: Response | undefined;
      let failure: QoderError | undefined;
      try {
        config.log("debug", `${request.method} ${request.url} (attempt ${attempt + 1})`, () =>
          redact(request.headers),
        );
        response = await (config.fetch ?? fetch)(request.url, {
          method: request.method,
          headers: request.headers,
          body,
          signal: controller.signal,
          redirect: request.redirect,
        });
        // Read the body inside the timeout, so a server that stalls mid-body cannot hang the call.
        const bytes = [204, 205, 304].includes(response.status) ? null : await response.arrayBuffer();
        response = new Response(bytes, response);
      } catch (cause) {
        if (userSignal.aborted) throw new APIUserAbortError({ cause });
        failure = controller.signal.aborted
          ? new APITimeoutError(`Request timed out after ${timeoutMs} ms.`, { cause })
          : cause instanceof QoderError
            ? cause
            : new APIConnectionError(`Connection error: ${(cause as Error)?.message ?? cause}`, { cause });
        response = undefined;
      } finally {
        clearTimeout(timer);
        userSignal.removeEventListener("abort", onUserAbort);
      }

      const retriesLeft = maxRetries - attempt;
      if (failure) {
        if (retriesLeft <= 0) throw failure;
      } else if (response && (retriesLeft <= 0 || !shouldRetry(response))) {
        return response;
      }
      const delay = (response && serverWaitMs(response.headers)) ?? backoffMs(attempt);
      config.log(
        "info",
        `retrying ${request.method} ${request.url} in ${delay | 0} ms: ${response?.status ?? failure?.message}`,
      );
      await sleep(delay, userSignal);
    }
  };
}

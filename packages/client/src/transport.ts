// The fetch that openapi-fetch calls: one call = up to 1 + maxRetries attempts, each with its own
// timeout, combined with the caller's signal. Every attempt sends the same serialized body and the same
// headers, which the middleware fixed before the first attempt: every retry of a POST carries the same
// Idempotency-Key and x-request-id.
import type { ResolvedConfig } from "./config.js";
import { APIConnectionError, APITimeoutError, APIUserAbortError, QoderError } from "./errors.js";

/**
 * One call's state, passed in the call's init: openapi-fetch copies unknown init keys onto its Request,
 * which is how the middleware and this transport see it.
 */
export interface Call {
  timeoutMs?: number;
  maxRetries?: number;
  idempotencyKey?: string;
  /** The caller's signal. Kept off openapi-fetch's Request: the transport links it to each attempt's own. */
  signal?: AbortSignal;
  /** Set by the transport: ends the last attempt's timeout once the body has been read. */
  done?: () => void;
  /** Set by the transport: turns an error raised while the body was read into a QoderError. */
  toError?: (cause: unknown) => unknown;
}
/**
 * What openapi-fetch builds for each call instead of a WHATWG Request: an undici Request costs ~20 µs
 * (it allocates an AbortSignal) and the transport builds the one it sends anyway. Middlewares see the
 * same url, method, headers and body; one that returns a real Request still works.
 */
export class CallRequest {
  readonly method: string;
  readonly headers: Headers;
  readonly body: BodyInit | null;
  /** Copied here by openapi-fetch from the call's init (so it must not be a declared field). */
  declare qoderCall?: Call;

  constructor(
    readonly url: string,
    init: RequestInit,
  ) {
    this.method = init.method ?? "GET";
    this.headers = init.headers as Headers; // openapi-fetch passes the Headers it merged
    this.body = init.body ?? null;
  }

  // openapi-fetch checks what middlewares return with `instanceof` its Request class (this one's subclass).
  static [Symbol.hasInstance](value: unknown): boolean {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the client's subclass, which openapi-fetch holds.
    return value instanceof Request || (value as object)?.constructor === this;
  }
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
  const after = headers.get("retry-after");
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

/** Waits `ms`, or rejects at once when the caller's signal aborts. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** The abort reason of an attempt whose timeout fired (a user abort carries the caller's reason). */
const TIMED_OUT = Symbol("timed out");

export function createTransport(config: ResolvedConfig): typeof fetch {
  return async function qoderFetch(input: RequestInfo | URL): Promise<Response> {
    const request = input as CallRequest | (Request & { qoderCall?: Call });
    const call = request.qoderCall ?? {};
    const { signal } = call;
    const maxRetries = call.maxRetries ?? config.maxRetries;
    const timeoutMs = call.timeoutMs ?? config.timeoutMs;
    // Every attempt sends the same bytes: the serialized body, or a Request's body read once.
    const body =
      request instanceof Request ? (request.body ? await request.arrayBuffer() : undefined) : request.body;

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason });
      config.log("debug", `${request.method} ${request.url}`, () => redact(request.headers));
      // Each attempt has its own controller: its timeout or the caller's signal really cancels it (the
      // socket is closed, not left to the server), while the body is sent and while it is read.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(TIMED_OUT), timeoutMs);
      const onUserAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener("abort", onUserAbort, { once: true });
      const finish = () => {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onUserAbort);
      };
      const toError = (cause: unknown) =>
        cause instanceof QoderError
          ? cause
          : controller.signal.reason === TIMED_OUT
            ? new APITimeoutError(`Request timed out after ${timeoutMs} ms.`)
            : signal?.aborted
              ? new APIUserAbortError({ cause })
              : new APIConnectionError(`Connection error: ${(cause as Error)?.message ?? cause}`, { cause });

      let response: Response | undefined;
      let failure: QoderError | undefined;
      try {
        response = await (config.fetch ?? fetch)(request.url, {
          method: request.method,
          headers: request.headers,
          body,
          signal: controller.signal,
        });
      } catch (cause) {
        failure = toError(cause) as QoderError;
      }

      const retriesLeft = maxRetries - attempt;
      if (failure) {
        finish();
        if (retriesLeft <= 0 || failure instanceof APIUserAbortError) throw failure;
      } else if (response && (retriesLeft <= 0 || !shouldRetry(response))) {
        // openapi-fetch reads the body after this returns: the attempt's timeout keeps running until
        // it has, so a server that stalls mid-body cannot hang the call.
        call.done = finish;
        call.toError = toError;
        return response;
      } else {
        await response?.arrayBuffer().catch(() => undefined); // frees the connection for the retry
        finish();
      }
      const delay = (response && serverWaitMs(response.headers)) ?? backoffMs(attempt);
      config.log(
        "info",
        `retrying ${request.method} ${request.url} in ${delay | 0} ms: ${response?.status ?? failure?.message}`,
      );
      await sleep(delay, signal);
    }
  };
}

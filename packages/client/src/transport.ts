// The fetch that openapi-fetch calls: one call = up to 1 + maxRetries attempts, each with its own
// timeout, combined with the caller's signal. Every attempt sends the same serialized body and the same
// headers, fixed before the first attempt: every retry of a POST carries the same Idempotency-Key and
// x-request-id. The body is read here, inside the attempt (its timeout, its size cap, its retry), so a
// connection reset mid-body is retried and a 2xx that is not JSON is its own error.
import type { ResolvedConfig } from "./config.js";
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  InvalidResponseError,
  MAX_HONOURED_WAIT_MS,
  QoderError,
  RedirectError,
  ResponseTooLargeError,
  serverWaitMs,
} from "./errors.js";

export { serverWaitMs } from "./errors.js";

/**
 * One call's state, passed in the call's init: openapi-fetch copies unknown init keys onto its Request,
 * which is how the transport sees it.
 */
export interface Call {
  timeoutMs?: number;
  maxRetries?: number;
  idempotencyKey?: string;
  maxResponseBytes?: number;
  /** "error" (default): a 3xx is a RedirectError; "manual": the 3xx is returned as the response. */
  redirect?: "error" | "manual";
  /** asResponse(): the final Response is stashed here unread; openapi-fetch is given an empty 204. */
  raw?: boolean;
  rawResponse?: Response;
  /** The caller's signal. Kept off openapi-fetch's Request: the transport links it to each attempt's own. */
  signal?: AbortSignal;
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
const NEVER_RETRY = [400, 401, 403, 404, 409, 422];
/** setTimeout's largest delay; a longer one fires after 1 ms. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** Exponential backoff from 0.5 s, doubling, capped at 8 s, minus up to 25 % jitter. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.min(500 * 2 ** retry, 8000) * (1 - random() * 0.25);
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

/** Waits `ms`, or rejects at once when the caller's signal aborts; leaves no listener on the signal. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(new APIUserAbortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Reads a body as text, refusing more than `max` bytes (checked on Content-Length first, then as it streams). */
async function readText(response: Response, max: number | undefined): Promise<string> {
  if (max === undefined || !response.body) return response.text();
  const tooLarge = () =>
    new ResponseTooLargeError(
      `The response is larger than maxResponseBytes (${max} bytes); not read further.`,
    );
  if (Number(response.headers.get("content-length")) > max) {
    await response.body.cancel().catch(() => undefined);
    throw tooLarge();
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

/** A response whose body was read already: openapi-fetch's json()/text() get the text read here. */
function withText(response: Response, text: string, json: unknown): Response {
  Object.defineProperties(response, {
    text: { value: async () => text },
    json: { value: async () => json },
  });
  return response;
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
    const maxBytes = call.maxResponseBytes ?? config.maxResponseBytes;
    const redirect = call.redirect ?? "error";
    // Every attempt sends the same bytes: the serialized body, or a Request's body read once.
    const body =
      request instanceof Request ? (request.body ? await request.arrayBuffer() : undefined) : request.body;

    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason });
      await config.authorize(request.headers);
      // Server logs can tell the attempts of one call apart (the official SDK's header name).
      if (attempt > 0) request.headers.set("X-Qoder-Retry-Count", String(attempt));
      config.log("debug", `${request.method} ${request.url}`, () => redact(request.headers));
      // Each attempt has its own controller: its timeout or the caller's signal really cancels it (the
      // socket is closed, not left to the server), while the body is sent and while it is read.
      const controller = new AbortController();
      // 0 and Infinity mean no timeout (config refuses finite values setTimeout cannot honour).
      const timer =
        timeoutMs > 0 && timeoutMs <= MAX_TIMER_MS
          ? setTimeout(() => controller.abort(TIMED_OUT), timeoutMs)
          : undefined;
      const onUserAbort = () => controller.abort(signal?.reason);
      signal?.addEventListener("abort", onUserAbort, { once: true });
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
      let wait: number | undefined;
      try {
        response = await (config.fetch ?? fetch)(request.url, {
          method: request.method,
          headers: request.headers,
          body,
          signal: controller.signal,
          // Never followed: a redirect to another origin would carry the token, the body and the ids there.
          redirect: "manual",
        });
        if (response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400)) {
          if (redirect === "manual") return response;
          await response.body?.cancel().catch(() => undefined);
          throw new RedirectError(response.status, response.headers.get("location") ?? "");
        }
        wait = serverWaitMs(response.headers);
        // A wait longer than the cap ends the retries (never sooner than asked); the error's retryAfterMs says it.
        if (maxRetries - attempt <= 0 || !shouldRetry(response) || (wait ?? 0) > MAX_HONOURED_WAIT_MS) {
          if (call.raw) {
            // Its body is read by the caller after this call returns: the attempt's timeout stops here.
            call.rawResponse = response;
            return new Response(null, { status: 204 });
          }
          // Read within the attempt: its timeout still runs, a reset mid-body is a retryable failure.
          const text = await readText(response, maxBytes);
          if (!response.ok || response.status === 204 || request.method === "HEAD")
            return withText(response, text, undefined);
          let json: unknown;
          try {
            json = text === "" ? undefined : JSON.parse(text);
          } catch {}
          if (json === undefined) {
            throw new InvalidResponseError(
              response.status,
              text.replace(/\s+/g, " ").trim().slice(0, 200),
              response.headers,
            );
          }
          return withText(response, text, json);
        }
        await response.arrayBuffer().catch(() => undefined); // frees the connection for the retry
      } catch (cause) {
        failure = toError(cause) as QoderError;
      } finally {
        clearTimeout(timer);
        signal?.removeEventListener("abort", onUserAbort);
      }

      if (
        failure &&
        (maxRetries - attempt <= 0 || !(failure instanceof APIConnectionError) || signal?.aborted)
      )
        throw failure;
      const delay = (failure ? undefined : wait) ?? backoffMs(attempt);
      config.log(
        "info",
        `retrying ${request.method} ${request.url} in ${delay | 0} ms: ${failure?.message ?? response?.status}`,
      );
      await sleep(delay, signal);
    }
  };
}

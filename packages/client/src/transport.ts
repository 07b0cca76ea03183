// The fetch that openapi-fetch calls: one call = up to 1 + maxRetries attempts, each with its own
// timeout, combined with the caller's signal. Every attempt sends the same serialized body and the same
// headers, fixed before the first attempt: every retry of a write carries the same Idempotency-Key and
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

/**
 * One call's state, passed in the call's init: openapi-fetch copies unknown init keys onto its Request,
 * which is how the transport sees it.
 */
export interface Call {
  timeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  idempotencyKey?: string | undefined;
  maxResponseBytes?: number | undefined;
  /** "error" (default): a 3xx is a RedirectError; "manual": the 3xx is returned as the response. */
  redirect?: "error" | "manual" | undefined;
  /** The caller's signal. Kept off openapi-fetch's Request: the transport links it to each attempt's own. */
  signal?: AbortSignal | undefined;
  /**
   * "raw" (asResponse): the final Response is left in `response` unread. "data" (resource methods, no
   * middleware): a 2xx is left in `response` and its parsed body in `data`. Either way openapi-fetch is
   * given an empty 204, so it does not read or parse the body again. "unread" (a raw method's `parseAs`
   * blob, arrayBuffer or stream): openapi-fetch is given a 2xx unread, to read as asked (any other status
   * is read within the attempt, as openapi-fetch would read it as an error).
   */
  mode?: "raw" | "data" | "unread" | undefined;
  /** asResponse() with middleware ("unread"): the client's last middleware keeps the final Response here. */
  keep?: boolean | undefined;
  response?: Response;
  data?: unknown;
}

/**
 * What openapi-fetch builds for each call instead of a WHATWG Request: an undici Request costs ~20 µs
 * (it allocates an AbortSignal) and the transport builds the one it sends anyway. Middlewares see the
 * same url, method, headers and body; one that returns a real Request still works.
 */
export class CallRequest {
  // `declare`d: no class fields are emitted (each would be defined as undefined first); the constructor sets them.
  declare readonly url: string;
  declare readonly method: string;
  declare readonly headers: Headers;
  declare readonly body: BodyInit | null;
  /** Copied here by openapi-fetch from the call's init (so it must not be an emitted class field). */
  declare qoderCall?: Call;

  constructor(url: string, init: RequestInit) {
    this.url = url;
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

/** Exponential backoff from 0.5 s, doubling, capped at 8 s, minus up to 25 % jitter. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.min(500 * 2 ** retry, 8000) * (1 - random() * 0.25);
}

/**
 * 408, 429, 500, 502, 503 and 504 are retried; x-should-retry can turn that off, or on for a status not
 * known to be final (400, 401, 403, 404, 409 and 422 always are).
 */
export function shouldRetry({ ok, status, headers }: Response): boolean {
  const hint = headers.get("x-should-retry");
  return (
    !ok &&
    !/^4(0[01349]|22)$/.test(`${status}`) &&
    (hint === "true" || (hint !== "false" && /^(408|429|50[0234])$/.test(`${status}`)))
  );
}

/** Headers as a plain object for log lines, with credentials replaced. */
function redact(headers: Headers): Record<string, string> {
  const out: Record<string, string> = {};
  headers.forEach((value, name) => {
    out[name] = /^(authorization|proxy-authorization|cookie|x-api-key)$/.test(name) ? "[redacted]" : value;
  });
  return out;
}

const noop = () => undefined;

/**
 * `promise`, or its signal's reason as soon as `signal` aborts (a token function that never settles, a
 * wait between attempts); leaves no listener on it.
 */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    signal.aborted ? abort() : signal.addEventListener("abort", abort);
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", abort));
  });
}

/** Reads a body as text, refusing more than `max` bytes (checked on Content-Length first, then as it streams). */
async function readText(response: Response, max: number | undefined): Promise<string> {
  const { body } = max === undefined ? {} : response;
  if (!body) return response.text();
  const limit = max as number;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = Number(response.headers.get("content-length")) > limit ? Infinity : 0;
  while (size <= limit) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(noop);
  throw new ResponseTooLargeError(`Response over \`maxResponseBytes\` (${max}).`);
}

/**
 * A response whose body was read already: openapi-fetch's json()/text() get the text read here, and a
 * middleware's clone() (openapi-fetch's way to read a body in onResponse) a Response of it.
 */
function withText(response: Response, text: string, json?: unknown): Response {
  Object.defineProperties(response, {
    text: { value: async () => text },
    json: { value: async () => json ?? JSON.parse(text) },
    clone: { value: () => copyOf(response, text || null) },
  });
  return response;
}

/**
 * A Response with `body` and what `response` says of itself, as a fetch Response's clone() keeps them:
 * its status (a Response cannot be made with one over 599, which HTTP allows), status text (nor with one
 * outside Latin-1, which a server may send), headers (a copy), url and type; its own clone() too.
 */
export function copyOf(response: Response, body: BodyInit | null): Response {
  const { status, statusText, headers, url, type } = response;
  // Text as bytes: given a string, the constructor adds a Content-Type the response never had.
  const bytes = typeof body === "string" ? new TextEncoder().encode(body) : body;
  const copy = new Response(bytes, { status: status > 599 ? 200 : status, headers });
  return Object.defineProperties(copy, {
    status: { value: status },
    ok: { value: status > 199 && status < 300 },
    statusText: { value: statusText },
    url: { value: url },
    type: { value: type },
    clone: { value: () => copyOf(copy, Response.prototype.clone.call(copy).body) },
  });
}

/**
 * `text` without `secret` (the token an attempt sent, which a server may echo in an error): as sent, with
 * each character that is not a letter or a digit (servers never escape those) also escaped as JSON may
 * escape it (`\"`, `\/`, `\u0026` as Go writes `&`) or percent-encoded.
 */
function scrub(text: string, secret: string | undefined): string {
  try {
    // (\xHH: never read as a class or a quantifier.)
    const pattern = secret?.replace(/\W/g, (c) => {
      const hex = c.charCodeAt(0).toString(16);
      return `(?:\\\\?\\x${hex}|\\\\u00${hex}|%${hex})`;
    });
    return pattern ? text.replace(RegExp(pattern, "gi"), "[redacted]") : text;
  } catch {
    // A pattern too large to compile (a token of thousands of signs): none of the text is kept.
    return "[redacted]";
  }
}

/** fetch's failures all say "fetch failed": the reason (`connect ECONNREFUSED …`) is its cause's. */
const why = (cause: unknown) => {
  const inner = (cause as { cause?: { message?: string; code?: string } })?.cause;
  const reason = inner?.message || inner?.code;
  return reason ? ` (${reason})` : "";
};

/** The abort reason of an attempt whose timeout fired (a user abort carries the caller's reason). */
const TIMED_OUT = Symbol("timed out");
/** What openapi-fetch is given when the response was kept for the caller (see Call.mode and Call.keep). */
let noContent: Response | undefined;
export const kept = (call: Call, response: Response): Response => {
  call.response = response;
  noContent ??= new Response(null, { status: 204 });
  return noContent;
};

// The running attempts of each caller's signal, behind one listener on it however many calls of however
// many clients share it (EventTarget warns of a leak past 10); the listener goes with the signal's last
// attempt. (An attempt's controller, or a backoff's between attempts.)
const followers = new Map<AbortSignal, Set<AbortController>>();
function onUserAbort(this: AbortSignal) {
  for (const controller of followers.get(this) ?? []) controller.abort(this.reason);
}
const follow = (signal: AbortSignal, controller: AbortController) => {
  let attempts = followers.get(signal);
  if (!attempts) {
    attempts = new Set();
    followers.set(signal, attempts);
    signal.addEventListener("abort", onUserAbort);
  }
  attempts.add(controller);
};
const unfollow = (signal: AbortSignal, controller: AbortController) => {
  const attempts = followers.get(signal);
  if (attempts?.delete(controller) && !attempts.size) {
    followers.delete(signal);
    signal.removeEventListener("abort", onUserAbort);
  }
};

/**
 * The deadline timers hold their transport's sweep weakly (outside createTransport, so that the timer does
 * not hold its scope): a client its user dropped is collected when its calls end, not kept with its config
 * and controllers until its timer's last deadline. While a transport has attempts running, `busy` holds
 * its sweep: a running call still ends at its timeout whoever holds the client (a token function that
 * never settles is held by nothing else).
 */
const sweepIfKept = (sweep: WeakRef<() => void>) => sweep.deref()?.();
const busy = new Set<() => void>();

export function createTransport(config: ResolvedConfig): typeof fetch {
  const { origin } = new URL(config.baseUrl);
  const sameOrigin = `${origin}/`;
  // Controllers of attempts that ended unaborted with their body read, for later attempts: a new one
  // costs ~7 µs on Node 20 (a transferable AbortSignal). An attempt has its controller to itself while it
  // runs; each fetch leaves a listener on it until that request is collected, so a controller serves at
  // most 8 attempts (within EventTarget's default limit of 10 listeners).
  const idle: [AbortController, number][] = [];
  // Deadlines of running attempts (performance.now(): a wall clock set back would delay them), watched by
  // one timer armed for the earliest (a timer per attempt costs ~3 µs). It keeps the process alive while an
  // attempt runs (one waiting for a token function has no socket that would), then is unref'd where the
  // platform can, so an idle client never keeps a process alive; elsewhere cleared when idle.
  const running = new Map<AbortController, number>();
  let sweeper: { unref?: () => void } | undefined;
  let sweepAt = Infinity;
  const arm = (at: number) => {
    if (at < sweepAt) {
      clearTimeout(sweeper as number);
      sweepAt = at;
      sweeper = setTimeout(sweepIfKept, at - performance.now(), new WeakRef(sweep));
      if (!running.size) sweeper.unref?.();
    }
  };
  const sweep = () => {
    sweepAt = Infinity;
    for (const [controller, at] of running)
      if (at > performance.now()) arm(at);
      else {
        running.delete(controller);
        controller.abort(TIMED_OUT);
      }
  };
  return async function qoderFetch(input: RequestInfo | URL): Promise<Response> {
    const request = input as CallRequest | (Request & { qoderCall?: Call });
    const call = request.qoderCall ?? {};
    const { signal, mode } = call;
    const { method, url, headers } = request;
    // A middleware may build another request: it still goes to baseUrl's origin only, with the token.
    if (!url.startsWith(sameOrigin) && new URL(url).origin !== origin)
      throw new QoderError(`Not sent to ${new URL(url).origin}: the token goes to baseUrl's origin only.`);
    const maxRetries = call.maxRetries ?? config.maxRetries;
    const timeoutMs = call.timeoutMs ?? config.timeoutMs;
    const maxResponseBytes = call.maxResponseBytes ?? config.maxResponseBytes;
    // Every attempt sends the same bytes: the serialized body, or a Request's body read once.
    const body =
      request instanceof Request ? (request.body ? await request.arrayBuffer() : undefined) : request.body;

    for (let attempt = 0; ; attempt++) {
      // Each attempt has its own controller: its timeout or the caller's signal really cancels it (the
      // socket is closed, not left to the server), while a token function runs, while the body is sent
      // and while it is read.
      const lease = idle.pop() ?? [new AbortController(), 0];
      const controller = lease[0];
      // 0 and Infinity mean no timeout (config refuses what setTimeout cannot honour).
      if (timeoutMs > 0 && timeoutMs < Infinity) {
        running.set(controller, performance.now() + timeoutMs);
        busy.add(sweep);
        arm(performance.now() + timeoutMs);
        (sweeper as { ref?: () => void }).ref?.();
      }
      if (signal) follow(signal, controller);
      // A response handed back unread is read after this call returns: the caller's signal still cancels
      // it, as it would a fetch's (where AbortSignal.any exists: Node ≥ 20.3, current browsers), while the
      // attempt's timeout ends with the headers.
      const unread = mode === "raw" || mode === "unread";
      let response: Response | undefined;
      let failure: QoderError | undefined;
      let wait: number | undefined;
      // A response handed back unread keeps its controller: a later attempt's timeout must not cancel it.
      let reusable = true;
      // The token this attempt sends, kept out of what the error bodies put in errors.
      let secret: string | undefined;
      try {
        if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason });
        // Set only if the attempt is still on: a token function settling after its abort sets nothing.
        const token = config.authorization();
        const authorization =
          typeof token === "string" ? token : await unlessAborted(token, controller.signal);
        headers.set("Authorization", authorization);
        // Scrubbed only when long enough not to be a word of the text (tokens are; test tokens may not be).
        if (authorization.length > 14) secret = authorization.slice(7);
        // Server logs can tell the attempts of one call apart (the official SDK's header name).
        if (attempt) headers.set("X-Qoder-Retry-Count", `${attempt}`);
        if (config.debug) config.log("debug", `${method} ${url}`, redact(headers));
        response = await (config.fetch ?? fetch)(url, {
          method,
          headers,
          body,
          signal: (unread && signal && AbortSignal.any?.([signal, controller.signal])) || controller.signal,
          // Never followed: a redirect to another origin would carry the token, the body and the ids there.
          redirect: "manual",
        });
        const { status, ok } = response;
        // A 3xx asked for (redirect "manual") is handed back as any error status is, never retried.
        const redirected = response.type === "opaqueredirect" || (status > 299 && status < 400);
        if (redirected && call.redirect !== "manual") {
          await response.body?.cancel().catch(noop);
          throw new RedirectError(status, scrub(response.headers.get("location") ?? "", secret));
        }
        // A wait longer than the cap ends the retries (never sooner than asked); the error's retryAfterMs says it.
        // `ok` first: undiciFetch() builds a response's headers only when something reads them.
        const retry = !ok && !redirected && attempt < maxRetries && shouldRetry(response);
        if (retry) wait = serverWaitMs(response.headers);
        if (!retry || (wait ?? 0) > MAX_HONOURED_WAIT_MS) {
          // asResponse()'s response, and a 2xx a raw method parses as openapi-fetch's parseAs asks, are
          // the caller's to read; openapi-fetch reads the body of any other itself: read here, in the attempt.
          if (mode === "raw" || (mode === "unread" && (ok || call.keep))) {
            reusable = false;
            return mode === "unread" ? response : kept(call, response);
          }
          // Read within the attempt: its timeout still runs, a reset mid-body is a retryable failure.
          // An error's body over the cap is dropped, not the error: its status and headers still tell it.
          const text = await readText(response, maxResponseBytes).catch((cause) => {
            if (ok || !(cause instanceof ResponseTooLargeError)) throw cause;
            return "";
          });
          if (!ok || status === 204 || method === "HEAD") return withText(response, scrub(text, secret));
          let json: unknown;
          try {
            json = text ? JSON.parse(text) : undefined;
          } catch {}
          // Every 2xx body of the API is a JSON object.
          if (typeof json !== "object" || !json || Array.isArray(json))
            throw new InvalidResponseError(status, scrub(text, secret), response.headers);
          if (mode !== "data") return withText(response, text, json);
          call.data = json;
          return kept(call, response);
        }
        // Read (up to the cap: past it the connection is closed) to free the connection for the retry.
        await readText(response, maxResponseBytes).catch(noop);
      } catch (cause) {
        failure =
          cause instanceof QoderError
            ? cause
            : controller.signal.reason === TIMED_OUT
              ? new APITimeoutError(`Request timed out after ${timeoutMs} ms.`)
              : signal?.aborted
                ? new APIUserAbortError({ cause })
                : new APIConnectionError(
                    `Connection error: ${(cause as Error)?.message ?? cause}${why(cause)}`,
                    // fetch wraps every failure in "fetch failed": its cause is the error with the `code`
                    // (ECONNRESET …), which undiciFetch() throws as it is.
                    { cause: (cause as { cause?: unknown })?.cause ?? cause },
                  );
      } finally {
        // Middleware sees this request with its response or failure: never with the token.
        headers.delete("authorization");
        running.delete(controller);
        if (!running.size) {
          busy.delete(sweep);
          if (sweeper?.unref) sweeper.unref();
          else {
            clearTimeout(sweeper as number);
            sweepAt = Infinity;
          }
        }
        if (signal) unfollow(signal, controller);
        if (reusable && !controller.signal.aborted && ++lease[1] < 8) idle.push(lease);
      }

      if (failure && (attempt >= maxRetries || !(failure instanceof APIConnectionError) || signal?.aborted))
        throw failure;
      const delay = (failure ? undefined : wait) ?? backoffMs(attempt);
      config.log(
        "info",
        `retrying ${method} ${url} in ${delay | 0} ms: ${failure?.message ?? response?.status}`,
      );
      // An abort while a retried answer was drained ends the call now, not after the wait.
      if (signal?.aborted) throw new APIUserAbortError({ cause: signal.reason });
      const pause = new AbortController();
      if (signal) follow(signal, pause);
      let timer: unknown;
      await unlessAborted(new Promise((resolve) => (timer = setTimeout(resolve, delay))), pause.signal)
        .catch((cause) => {
          throw new APIUserAbortError({ cause });
        })
        .finally(() => {
          clearTimeout(timer as number);
          if (signal) unfollow(signal, pause);
        });
    }
  };
}

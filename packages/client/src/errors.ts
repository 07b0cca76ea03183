// Every failure the client raises is a QoderError. HTTP errors become the APIError subclass for their
// status, whether or not the body is the contract's error envelope.
import type { ErrorType } from "@qoder-cloud/types";

export class QoderError extends Error {
  override name = "QoderError";
}

/** An HTTP response with a non-2xx status. */
export class APIError extends QoderError {
  override name = "APIError";
  declare readonly status: number;
  /** The parsed JSON body, or the raw text when it was not JSON (undefined when empty). */
  declare readonly body: unknown;
  declare readonly headers: Headers;
  /** The envelope's `error.type`, e.g. "not_found_error" (undefined when the body is not the envelope). */
  declare readonly type: ErrorType | (string & {}) | undefined;
  /** The request parameter the server blamed, when it said. */
  declare readonly param: string | undefined;
  /** The envelope's `error.code`, a finer machine-readable reason than `type`, when the server gave one. */
  declare readonly code: string | undefined;
  /** The server's request id: the envelope's `request_id`, else the `x-request-id` response header. */
  declare readonly requestId: string | undefined;
  /**
   * How long the server asked to wait before trying again (Retry-After / retry-after-ms), in ms, when it
   * said so; useful when the client gave up because the wait is longer than it will sleep.
   */
  declare readonly retryAfterMs: number | undefined;

  constructor(status: number, body: unknown, headers: Headers) {
    const error = (body as { error?: Record<string, unknown> } | null)?.error ?? {};
    // Not the envelope (gateway HTML, empty or truncated body): still a readable message.
    super(str(error.message) ?? describe(status, headers, body));
    Object.assign(this, {
      status,
      body,
      headers,
      type: str(error.type),
      param: str(error.param),
      code: str(error.code),
      retryAfterMs: serverWaitMs(headers),
      requestId: str((body as { request_id?: unknown } | null)?.request_id) ?? requestIdOf(headers),
    });
  }
}

/** `HTTP <status> (<content-type>): <excerpt>`, for a response that is not the one expected. */
const describe = (status: number, headers: Headers, body: unknown) =>
  `HTTP ${status} (${headers.get("content-type") ?? "no content-type"}): ${excerpt(body) || "empty body"}`;
/** A body for a message: whitespace collapsed, at most 200 characters. */
const excerpt = (body: unknown) =>
  body === undefined
    ? ""
    : (typeof body === "string" ? body : JSON.stringify(body)).replace(/\s+/g, " ").trim().slice(0, 200);
export const requestIdOf = (headers: Headers) => headers.get("x-request-id") ?? undefined;

export class InvalidRequestError extends APIError {
  override name = "InvalidRequestError";
}
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
export class PermissionError extends APIError {
  override name = "PermissionError";
}
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
export class ConflictError extends APIError {
  override name = "ConflictError";
}
/** 422: the request was well-formed but could not be processed. */
export class UnprocessableEntityError extends APIError {
  override name = "UnprocessableEntityError";
}
export class RateLimitError extends APIError {
  override name = "RateLimitError";
}
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

/**
 * A 2xx whose body is not the JSON the contract promises (HTML from a proxy, invalid or empty JSON, a
 * JSON value that is not an object, a list page without its `data` array).
 * Not a connection problem: the server answered, with the wrong thing.
 */
export class InvalidResponseError extends QoderError {
  override name = "InvalidResponseError";
  declare readonly status: number;
  /** The start of the body (at most 200 characters, whitespace collapsed). */
  declare readonly bodyExcerpt: string;
  declare readonly headers: Headers;
  /** The server's request id from the `x-request-id` response header. */
  declare readonly requestId: string | undefined;
  constructor(status: number, text: string, headers: Headers) {
    super(`Unexpected body: ${describe(status, headers, text)}`);
    Object.assign(this, { status, bodyExcerpt: excerpt(text), headers, requestId: requestIdOf(headers) });
  }
}

/** The response was larger than `maxResponseBytes`; its body was not read further. */
export class ResponseTooLargeError extends QoderError {
  override name = "ResponseTooLargeError";
}

/** The server answered with a redirect, which the client does not follow (the API never redirects). */
export class RedirectError extends QoderError {
  override name = "RedirectError";
  declare readonly status: number;
  /** The Location header ("" when the platform hides it, as browsers do). */
  declare readonly location: string;
  constructor(status: number, location: string) {
    // Never followed: a redirect to another origin would carry the token and the body there.
    super(`HTTP ${status} redirect to ${location || "(hidden)"} not followed; check \`baseUrl\`.`);
    Object.assign(this, { status, location });
  }
}

/** The request never produced a response (DNS, refused or reset connection, TLS …). */
export class APIConnectionError extends QoderError {
  override name = "APIConnectionError";
}
/** An attempt took longer than `timeoutMs` (after retries, when they are exhausted). */
export class APITimeoutError extends APIConnectionError {
  override name = "APITimeoutError";
}
/** The caller's `signal` aborted the call. Never retried. */
export class APIUserAbortError extends QoderError {
  override name = "APIUserAbortError";
  // Not `ErrorOptions`: that type needs lib es2022, and the declarations must compile below it.
  constructor(options?: { cause?: unknown }) {
    super("Aborted by `signal`.", options);
  }
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: InvalidRequestError,
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  409: ConflictError,
  422: UnprocessableEntityError,
  429: RateLimitError,
};

/** The APIError subclass for a failed response and its parsed body. */
export function errorFromResponse(response: Response, body: unknown): APIError {
  const Class = response.status >= 500 ? InternalServerError : (BY_STATUS[response.status] ?? APIError);
  return new Class(response.status, body === "" ? undefined : body, response.headers);
}

const str = (value: unknown) => (typeof value === "string" && value) || undefined;

/** Cap on the server's requested wait that the client will sleep; a longer one ends the retries. */
export const MAX_HONOURED_WAIT_MS = 60_000;

/**
 * How long the server asked us to wait (retry-after-ms, then Retry-After as whole decimal seconds or an HTTP
 * date, which has a time of day), in ms; undefined when absent or malformed (`0x2` is not 2 s, and
 * `Retry 2`, which Date.parse reads as a date in 2001, is no date).
 */
export function serverWaitMs(headers: Headers, now = Date.now()): number | undefined {
  const ms = headers.get("retry-after-ms")?.trim() ?? "";
  const after = headers.get("retry-after")?.trim() ?? "";
  const untilDate = Math.max(0, Date.parse(after) - now); // NaN when not a date
  return /^\d+(\.\d+)?$/.test(ms)
    ? +ms
    : /^\d+$/.test(after)
      ? +after * 1000
      : /\d:\d\d:\d/.test(after) && untilDate >= 0
        ? untilDate
        : undefined;
}

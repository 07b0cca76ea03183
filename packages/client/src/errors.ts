// Every failure the client raises is a QoderError. HTTP errors become the APIError subclass for their
// status, whether or not the body is the contract's error envelope.
import type { ErrorType } from "@qoder-cloud/types";

export class QoderError extends Error {
  override name = "QoderError";
}

/** An HTTP response with a non-2xx status. */
export class APIError extends QoderError {
  override name = "APIError";
  /** The envelope's `error.type`, e.g. "not_found_error" (undefined when the body is not the envelope). */
  readonly type: ErrorType | (string & {}) | undefined;
  /** The request parameter the server blamed, when it said. */
  readonly param: string | undefined;
  /** The server's request id: the envelope's `request_id`, else the `x-request-id` response header. */
  readonly requestId: string | undefined;

  constructor(
    readonly status: number,
    /** The parsed JSON body, or the raw text when it was not JSON (undefined when empty). */
    readonly body: unknown,
    readonly headers: Headers,
    statusText = "",
  ) {
    const envelope = asEnvelope(body);
    super(envelope?.message ?? describeOddBody(status, statusText, body, headers));
    this.type = envelope?.type;
    this.param = envelope?.param;
    this.requestId = envelope?.requestId ?? headers.get("x-request-id") ?? headers.get("request-id") ?? undefined;
  }
}

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
export class RateLimitError extends APIError {
  override name = "RateLimitError";
}
export class InternalServerError extends APIError {
  override name = "InternalServerError";
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
  constructor(options?: ErrorOptions) {
    super("Request was aborted by the caller's signal.", options);
  }
}

const BY_STATUS: Record<number, typeof APIError> = {
  400: InvalidRequestError,
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
};

/** The APIError subclass for a failed response and its parsed body. */
export function errorFromResponse(response: Response, body: unknown): APIError {
  const Class = response.status >= 500 ? InternalServerError : (BY_STATUS[response.status] ?? APIError);
  return new Class(response.status, body, response.headers, response.statusText);
}

interface EnvelopeFields {
  type: string | undefined;
  message: string | undefined;
  param: string | undefined;
  requestId: string | undefined;
}

function asEnvelope(body: unknown): EnvelopeFields | undefined {
  if (!isObject(body) || !isObject(body.error)) return undefined;
  const { type, message, param } = body.error;
  return {
    type: str(type),
    message: str(message) || undefined,
    param: str(param),
    requestId: str(body.request_id),
  };
}

/** A readable message for bodies that are not the envelope: gateway HTML, empty, truncated JSON. */
function describeOddBody(status: number, statusText: string, body: unknown, headers: Headers): string {
  const head = `HTTP ${status}${statusText ? ` ${statusText}` : ""}`;
  if (body === undefined || body === "") return `${head} with an empty body.`;
  if (typeof body === "string") {
    const kind = headers.get("content-type")?.split(";")[0] || "unknown content type";
    return `${head}: the body is not the JSON error envelope (${kind}): ${body.replace(/\s+/g, " ").slice(0, 120)}`;
  }
  return `${head}: unexpected error body ${JSON.stringify(body).slice(0, 120)}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

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
  ) {
    const error = (body as { error?: Record<string, unknown> } | null)?.error;
    const text =
      body === undefined
        ? "empty body"
        : typeof body === "string"
          ? body.replace(/\s+/g, " ").slice(0, 120)
          : JSON.stringify(body);
    // Not the envelope (gateway HTML, empty or truncated body): still a readable message.
    super(str(error?.message) ?? `HTTP ${status} (${headers.get("content-type")}): ${text}`);
    this.type = str(error?.type);
    this.param = str(error?.param);
    this.requestId =
      str((body as { request_id?: unknown } | null)?.request_id) ?? headers.get("x-request-id") ?? undefined;
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
    super("Aborted by the caller's signal.", options);
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
  return new Class(response.status, body === "" ? undefined : body, response.headers);
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

// The API's error answers, raised by resources and turned into the envelope by the handler.
import type { ErrorEnvelope, ErrorType } from "@qoder-cloud/types";

export type ApiErrorType = ErrorType;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly type: ApiErrorType,
    message: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

export const invalid = (message: string, param?: string) =>
  new ApiError(400, "invalid_request_error", message, param);
export const notFound = (message: string, param?: string) =>
  new ApiError(404, "not_found_error", message, param);
export const conflict = (message: string, param?: string) =>
  new ApiError(409, "conflict_error", message, param);

/** A 405, with the methods the path takes for its `Allow` header (RFC 9110 §15.5.6). */
export class MethodNotAllowedError extends ApiError {
  constructor(
    message: string,
    readonly allow: string[],
  ) {
    super(405, "invalid_request_error", message);
  }
}

/** The headers an error's answer carries beside its envelope: `Allow` on a 405. */
export const errorHeaders = (error: ApiError): Record<string, string> =>
  error instanceof MethodNotAllowedError ? { allow: [...error.allow].sort().join(", ") } : {};

/** A request to no path of the contract (404), or to one of its paths with another method (405). */
export const notAnEndpoint = (route: string) => `Not found: ${route} is not an endpoint of this API.`;
export const notAnOperation = (route: string) =>
  `Method not allowed: ${route} is not an operation of this API.`;

/**
 * A refusal at one of the simulator's own limits: not the API's answer to the request, so an idempotency
 * key does not keep it (once room is made, the same request with the same key goes through).
 */
export class LimitError extends ApiError {}

/** Any failure as the API error it is answered with: a 400 for a body too deep to process, else a 500. */
export function apiErrorOf(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  // Only a body nested thousands of levels deep (a tool's input_schema) runs the simulator out of stack.
  if (error instanceof RangeError && /call stack/i.test(error.message))
    return new ApiError(400, "invalid_request_error", "Request body is nested too deeply to process.");
  return new ApiError(
    500,
    "api_error",
    `Simulator failure: ${error instanceof Error ? error.message : String(error)}`,
  );
}

/** The API's error envelope of `error`. */
export function errorEnvelope(error: ApiError, requestId: string): ErrorEnvelope {
  const detail: ErrorEnvelope["error"] = { type: error.type, message: error.message };
  if (error.param) detail.param = error.param;
  return { type: "error", request_id: requestId, error: detail };
}

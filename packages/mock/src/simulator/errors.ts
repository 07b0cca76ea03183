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
export const conflict = (message: string) => new ApiError(409, "conflict_error", message);

/** The API's error envelope of `error`. */
export function errorEnvelope(error: ApiError, requestId: string): ErrorEnvelope {
  const detail: ErrorEnvelope["error"] = { type: error.type, message: error.message };
  if (error.param) detail.param = error.param;
  return { type: "error", request_id: requestId, error: detail };
}

// The API's error answers, raised by resources and turned into the envelope by the handler.
import type { ErrorType } from "../envelope-proxy.js";

/** The contract's error types: the front layer's one list, not a copy. */
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

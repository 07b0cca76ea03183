// The API's error answers, raised by resources and turned into the envelope by the handler.
export type ApiErrorType =
  | "invalid_request_error"
  | "authentication_error"
  | "permission_error"
  | "not_found_error"
  | "conflict_error"
  | "rate_limit_error"
  | "api_error";

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
export const notFound = (message: string) => new ApiError(404, "not_found_error", message);
export const conflict = (message: string) => new ApiError(409, "conflict_error", message);

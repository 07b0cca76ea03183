// The client's error class for each documented error status, and the envelope's error.type for it.
import {
  type APIError,
  AuthenticationError,
  ConflictError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  RateLimitError,
} from "@qoder-cloud/client";

type ErrorClass = new (...args: never[]) => APIError;

export const ERROR_BY_STATUS: Record<number, { errorClass: ErrorClass; type: string }> = {
  400: { errorClass: InvalidRequestError, type: "invalid_request_error" },
  401: { errorClass: AuthenticationError, type: "authentication_error" },
  403: { errorClass: PermissionError, type: "permission_error" },
  404: { errorClass: NotFoundError, type: "not_found_error" },
  409: { errorClass: ConflictError, type: "conflict_error" },
  429: { errorClass: RateLimitError, type: "rate_limit_error" },
  500: { errorClass: InternalServerError, type: "api_error" },
};

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
import { errorTypeByStatus } from "@qoder-cloud/openapi";
import { spec } from "./spec.js";

type ErrorClass = new (...args: never[]) => APIError;

const CLASS_BY_STATUS: Record<number, ErrorClass> = {
  400: InvalidRequestError,
  401: AuthenticationError,
  403: PermissionError,
  404: NotFoundError,
  409: ConflictError,
  429: RateLimitError,
  500: InternalServerError,
};

/** The type is the contract's own (ErrorType's description, read by @qoder-cloud/openapi), not a copy. */
export const ERROR_BY_STATUS: Record<number, { errorClass: ErrorClass; type: string }> = Object.fromEntries(
  Object.entries(errorTypeByStatus(spec)).map(([status, type]) => [
    status,
    { errorClass: CLASS_BY_STATUS[Number(status)] as ErrorClass, type },
  ]),
);

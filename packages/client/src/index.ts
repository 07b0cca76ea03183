export type {
  Agent,
  AgentList,
  AgentVersionList,
  CreateAgentParams,
  CreateDeploymentParams,
  CreateEnvironmentParams,
  components,
  DeletedEnvironment,
  Deployment,
  DeploymentList,
  DeploymentRun,
  DeploymentRunList,
  Environment,
  EnvironmentList,
  ErrorEnvelope,
  ErrorType,
  Model,
  ModelList,
  operations,
  paths,
  UpdateAgentParams,
  UpdateDeploymentParams,
  UpdateEnvironmentParams,
} from "@qoder-cloud/types";
// openapi-fetch's types that the client's own mention: re-exported so that a declaration file can name
// them from here (under pnpm, a project that does not depend on openapi-fetch itself cannot: TS2742).
export type { Client, FetchResponse, MaybeOptionalInit, MiddlewareCallbackParams } from "openapi-fetch";
export { APIPromise, type WithResponse } from "./api-promise.js";
export {
  createQoderClient,
  type QoderClient,
  type QoderMiddleware,
  type QoderMiddlewareParams,
  type QoderRequest,
} from "./client.js";
export {
  type ClientOptions,
  CN_BASE_URL,
  GLOBAL_BASE_URL,
  type Logger,
  type LogLevel,
  type TokenSource,
} from "./config.js";
export {
  APIConnectionError,
  APIError,
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  ConflictError,
  InternalServerError,
  InvalidRequestError,
  InvalidResponseError,
  NotFoundError,
  PermissionError,
  QoderError,
  RateLimitError,
  RedirectError,
  ResponseTooLargeError,
  UnprocessableEntityError,
} from "./errors.js";
export type { Resources } from "./generated/operations.js";
export { type ItemOf, type ListPage, type PageHelpers, PagePromise } from "./pagination.js";
export type { ListMethod, ListPath, Method, RequestOptions, ResultOf } from "./resource-types.js";

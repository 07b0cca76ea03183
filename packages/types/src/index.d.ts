// Friendly names for the generated contract types. schema.d.ts is generated; this file only aliases it.
import type { components, operations, paths } from "./schema.js";

export type { components, operations, paths };

/** Any component schema by name, e.g. `Schema<"Schedule">`. */
export type Schema<Name extends keyof components["schemas"]> = components["schemas"][Name];

export type Deployment = components["schemas"]["Deployment"];
export type DeploymentRun = components["schemas"]["DeploymentRun"];
export type DeploymentList = components["schemas"]["DeploymentList"];
export type DeploymentRunList = components["schemas"]["DeploymentRunList"];
export type CreateDeploymentParams = components["schemas"]["CreateDeploymentParams"];
export type UpdateDeploymentParams = components["schemas"]["UpdateDeploymentParams"];
export type ErrorEnvelope = components["schemas"]["ErrorEnvelope"];
/** Deployment metadata: string values plus the reserved `cas_config` object (as read, as written, as patched). */
export type Metadata = components["schemas"]["Metadata"];
export type MetadataParams = components["schemas"]["MetadataParams"];
export type MetadataPatch = components["schemas"]["MetadataPatch"];
/** The reserved `metadata.cas_config` block as read, and its writable form. */
export type CasConfig = components["schemas"]["CasConfig"];
export type CasConfigParams = components["schemas"]["CasConfigParams"];
/** The `error.type` values the API documents (invalid_request_error, authentication_error, …). */
export type ErrorType = ErrorEnvelope["error"]["type"];

/** Query parameters of the list endpoints. */
export type ListDeploymentsParams = NonNullable<operations["listDeployments"]["parameters"]["query"]>;
export type ListDeploymentRunsParams = NonNullable<operations["listDeploymentRuns"]["parameters"]["query"]>;
export type ListRunsOfDeploymentParams = NonNullable<
  operations["listRunsOfDeployment"]["parameters"]["query"]
>;

/** Every operationId of the contract. */
export type OperationId = keyof operations;

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

/** An agent (at one version), its list pages, and the create / update bodies. */
export type Agent = components["schemas"]["Agent"];
export type AgentList = components["schemas"]["AgentList"];
export type AgentVersionList = components["schemas"]["AgentVersionList"];
export type CreateAgentParams = components["schemas"]["CreateAgentParams"];
export type UpdateAgentParams = components["schemas"]["UpdateAgentParams"];
/** An agent's `model`: a model ID string or a configuration object (as read / as written). */
export type AgentModel = components["schemas"]["AgentModel"];
export type AgentModelParams = components["schemas"]["AgentModelParams"];
/** One entry of an agent's `tools` (the four toolset types), as read / as written. */
export type AgentTool = components["schemas"]["AgentTool"];
export type AgentToolParams = components["schemas"]["AgentToolParams"];
export type McpServer = components["schemas"]["McpServer"];
export type AgentSkill = components["schemas"]["AgentSkill"];
export type Multiagent = components["schemas"]["Multiagent"];
/** An environment, its list page, its `config` union, the create / update bodies and the delete answer. */
export type Environment = components["schemas"]["Environment"];
export type EnvironmentList = components["schemas"]["EnvironmentList"];
export type EnvironmentConfig = components["schemas"]["EnvironmentConfig"];
export type EnvironmentConfigParams = components["schemas"]["EnvironmentConfigParams"];
export type CreateEnvironmentParams = components["schemas"]["CreateEnvironmentParams"];
export type UpdateEnvironmentParams = components["schemas"]["UpdateEnvironmentParams"];
export type DeletedEnvironment = components["schemas"]["DeletedEnvironment"];
/** A model enabled for the account, and the models list. */
export type Model = components["schemas"]["Model"];
export type ModelList = components["schemas"]["ModelList"];

/** Query parameters of the list endpoints. */
export type ListDeploymentsParams = NonNullable<operations["listDeployments"]["parameters"]["query"]>;
export type ListDeploymentRunsParams = NonNullable<operations["listDeploymentRuns"]["parameters"]["query"]>;
export type ListRunsOfDeploymentParams = NonNullable<
  operations["listRunsOfDeployment"]["parameters"]["query"]
>;

export type ListAgentsParams = NonNullable<operations["listAgents"]["parameters"]["query"]>;
export type ListAgentVersionsParams = NonNullable<operations["listAgentVersions"]["parameters"]["query"]>;
export type GetAgentParams = NonNullable<operations["getAgent"]["parameters"]["query"]>;
export type ListEnvironmentsParams = NonNullable<operations["listEnvironments"]["parameters"]["query"]>;
export type ListModelsParams = NonNullable<operations["listModels"]["parameters"]["query"]>;

/** Every operationId of the contract. */
export type OperationId = keyof operations;

// generated from openapi/ — do not edit. Regenerate: pnpm --filter @qoder-cloud/client generate
import type { ListMethod, Method, OperationRow } from "../resource-types.js";

/**
 * Every operation of the contract, as the runtime needs it to build `qoder.<resource>.<method>()`:
 * [x-sdk-method, HTTP method, path, what follows the path ids ("body" | "query" | "none"), is a list?]
 */
export const operations: readonly OperationRow[] = [
  ["agents.archive", "POST", "/agents/{agent_id}/archive", "none"],
  ["agents.create", "POST", "/agents", "body"],
  ["agents.list", "GET", "/agents", "query", true],
  ["agents.retrieve", "GET", "/agents/{agent_id}", "query"],
  ["agents.update", "POST", "/agents/{agent_id}", "body"],
  ["agents.versions.list", "GET", "/agents/{agent_id}/versions", "query", true],
  ["deploymentRuns.list", "GET", "/deployment_runs", "query", true],
  ["deploymentRuns.retrieve", "GET", "/deployment_runs/{run_id}", "none"],
  ["deployments.archive", "POST", "/deployments/{deployment_id}/archive", "none"],
  ["deployments.create", "POST", "/deployments", "body"],
  ["deployments.list", "GET", "/deployments", "query", true],
  ["deployments.pause", "POST", "/deployments/{deployment_id}/pause", "none"],
  ["deployments.retrieve", "GET", "/deployments/{deployment_id}", "none"],
  ["deployments.run", "POST", "/deployments/{deployment_id}/run", "none"],
  ["deployments.runs.list", "GET", "/deployments/{deployment_id}/runs", "query", true],
  ["deployments.runs.retrieve", "GET", "/deployments/{deployment_id}/runs/{run_id}", "none"],
  ["deployments.unpause", "POST", "/deployments/{deployment_id}/unpause", "none"],
  ["deployments.update", "POST", "/deployments/{deployment_id}", "body"],
  ["environments.archive", "POST", "/environments/{environment_id}/archive", "none"],
  ["environments.create", "POST", "/environments", "body"],
  ["environments.delete", "DELETE", "/environments/{environment_id}", "none"],
  ["environments.list", "GET", "/environments", "query", true],
  ["environments.retrieve", "GET", "/environments/{environment_id}", "none"],
  ["environments.update", "POST", "/environments/{environment_id}", "body"],
  ["models.list", "GET", "/models", "query", true],
];

/** The resource methods of a Qoder client, typed from `paths` of @qoder-cloud/types. */
export interface Resources {
  agents: {
    /** Archive an agent: `POST /agents/{agent_id}/archive` */
    archive: Method<"/agents/{agent_id}/archive", "post", "none">;
    /** Create an agent: `POST /agents` */
    create: Method<"/agents", "post", "body">;
    /** List agents: `GET /agents` */
    list: ListMethod<"/agents", "get", "query">;
    /** Get an agent: `GET /agents/{agent_id}` */
    retrieve: Method<"/agents/{agent_id}", "get", "query">;
    /** Update an agent: `POST /agents/{agent_id}` */
    update: Method<"/agents/{agent_id}", "post", "body">;
    versions: {
      /** List an agent's versions: `GET /agents/{agent_id}/versions` */
      list: ListMethod<"/agents/{agent_id}/versions", "get", "query">;
    };
  };
  deploymentRuns: {
    /** List runs across all deployments: `GET /deployment_runs` */
    list: ListMethod<"/deployment_runs", "get", "query">;
    /** Get a deployment run: `GET /deployment_runs/{run_id}` */
    retrieve: Method<"/deployment_runs/{run_id}", "get", "none">;
  };
  deployments: {
    /** Archive a deployment: `POST /deployments/{deployment_id}/archive` */
    archive: Method<"/deployments/{deployment_id}/archive", "post", "none">;
    /** Create a deployment: `POST /deployments` */
    create: Method<"/deployments", "post", "body">;
    /** List deployments: `GET /deployments` */
    list: ListMethod<"/deployments", "get", "query">;
    /** Pause a deployment: `POST /deployments/{deployment_id}/pause` */
    pause: Method<"/deployments/{deployment_id}/pause", "post", "none">;
    /** Get a deployment: `GET /deployments/{deployment_id}` */
    retrieve: Method<"/deployments/{deployment_id}", "get", "none">;
    /** Run a deployment now: `POST /deployments/{deployment_id}/run` */
    run: Method<"/deployments/{deployment_id}/run", "post", "none">;
    runs: {
      /** List the runs of a deployment: `GET /deployments/{deployment_id}/runs` */
      list: ListMethod<"/deployments/{deployment_id}/runs", "get", "query">;
      /** Get a run of a deployment: `GET /deployments/{deployment_id}/runs/{run_id}` */
      retrieve: Method<"/deployments/{deployment_id}/runs/{run_id}", "get", "none">;
    };
    /** Unpause a deployment: `POST /deployments/{deployment_id}/unpause` */
    unpause: Method<"/deployments/{deployment_id}/unpause", "post", "none">;
    /** Update a deployment: `POST /deployments/{deployment_id}` */
    update: Method<"/deployments/{deployment_id}", "post", "body">;
  };
  environments: {
    /** Archive an environment: `POST /environments/{environment_id}/archive` */
    archive: Method<"/environments/{environment_id}/archive", "post", "none">;
    /** Create an environment: `POST /environments` */
    create: Method<"/environments", "post", "body">;
    /** Delete an environment: `DELETE /environments/{environment_id}` */
    delete: Method<"/environments/{environment_id}", "delete", "none">;
    /** List environments: `GET /environments` */
    list: ListMethod<"/environments", "get", "query">;
    /** Get an environment: `GET /environments/{environment_id}` */
    retrieve: Method<"/environments/{environment_id}", "get", "none">;
    /** Update an environment: `POST /environments/{environment_id}` */
    update: Method<"/environments/{environment_id}", "post", "body">;
  };
  models: {
    /** List models: `GET /models` */
    list: ListMethod<"/models", "get", "query">;
  };
}

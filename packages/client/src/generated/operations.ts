// generated from openapi/ — do not edit. Regenerate: pnpm --filter @qoder-cloud/client generate
import type { ListMethod, Method, OperationRow } from "../resource-types.js";

/**
 * Every operation of the contract, as the runtime needs it to build `qoder.<resource>.<method>()`:
 * [x-sdk-method, HTTP method, path, what follows the path ids ("body" | "query" | "none"), is a list?]
 */
export const operations: readonly OperationRow[] = [
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
];

/** The resource methods of a Qoder client, typed from `paths` of @qoder-cloud/types. */
export interface Resources {
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
}

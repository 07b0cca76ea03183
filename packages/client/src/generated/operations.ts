// generated from openapi/ — do not edit. Regenerate: pnpm --filter @qoder-cloud/client generate
import type { ListMethod, Method, OperationRow } from "../resource-types.js";

/** Every operation of the contract, as the runtime needs it to build `qoder.<resource>.<method>()`. */
export const operations: readonly OperationRow[] = [
  { sdkMethod: "deploymentRuns.list", method: "GET", path: "/deployment_runs", pathParams: [], input: "query", list: true },
  { sdkMethod: "deploymentRuns.retrieve", method: "GET", path: "/deployment_runs/{run_id}", pathParams: ["run_id"], input: "none", list: false },
  { sdkMethod: "deployments.archive", method: "POST", path: "/deployments/{deployment_id}/archive", pathParams: ["deployment_id"], input: "none", list: false },
  { sdkMethod: "deployments.create", method: "POST", path: "/deployments", pathParams: [], input: "body", list: false },
  { sdkMethod: "deployments.list", method: "GET", path: "/deployments", pathParams: [], input: "query", list: true },
  { sdkMethod: "deployments.pause", method: "POST", path: "/deployments/{deployment_id}/pause", pathParams: ["deployment_id"], input: "none", list: false },
  { sdkMethod: "deployments.retrieve", method: "GET", path: "/deployments/{deployment_id}", pathParams: ["deployment_id"], input: "none", list: false },
  { sdkMethod: "deployments.run", method: "POST", path: "/deployments/{deployment_id}/run", pathParams: ["deployment_id"], input: "none", list: false },
  { sdkMethod: "deployments.runs.list", method: "GET", path: "/deployments/{deployment_id}/runs", pathParams: ["deployment_id"], input: "query", list: true },
  { sdkMethod: "deployments.runs.retrieve", method: "GET", path: "/deployments/{deployment_id}/runs/{run_id}", pathParams: ["deployment_id", "run_id"], input: "none", list: false },
  { sdkMethod: "deployments.unpause", method: "POST", path: "/deployments/{deployment_id}/unpause", pathParams: ["deployment_id"], input: "none", list: false },
  { sdkMethod: "deployments.update", method: "POST", path: "/deployments/{deployment_id}", pathParams: ["deployment_id"], input: "body", list: false },
];

/** The resource methods of a Qoder client, typed from `paths` of @qoder-cloud/types. */
export interface Resources {
  deploymentRuns: {
    /** List runs across all deployments: `GET /deployment_runs` */
    list: ListMethod<"/deployment_runs", "get">;
    /** Get a deployment run: `GET /deployment_runs/{run_id}` */
    retrieve: Method<"/deployment_runs/{run_id}", "get">;
  };
  deployments: {
    /** Archive a deployment: `POST /deployments/{deployment_id}/archive` */
    archive: Method<"/deployments/{deployment_id}/archive", "post">;
    /** Create a deployment: `POST /deployments` */
    create: Method<"/deployments", "post">;
    /** List deployments: `GET /deployments` */
    list: ListMethod<"/deployments", "get">;
    /** Pause a deployment: `POST /deployments/{deployment_id}/pause` */
    pause: Method<"/deployments/{deployment_id}/pause", "post">;
    /** Get a deployment: `GET /deployments/{deployment_id}` */
    retrieve: Method<"/deployments/{deployment_id}", "get">;
    /** Run a deployment now: `POST /deployments/{deployment_id}/run` */
    run: Method<"/deployments/{deployment_id}/run", "post">;
    runs: {
      /** List the runs of a deployment: `GET /deployments/{deployment_id}/runs` */
      list: ListMethod<"/deployments/{deployment_id}/runs", "get">;
      /** Get a run of a deployment: `GET /deployments/{deployment_id}/runs/{run_id}` */
      retrieve: Method<"/deployments/{deployment_id}/runs/{run_id}", "get">;
    };
    /** Unpause a deployment: `POST /deployments/{deployment_id}/unpause` */
    unpause: Method<"/deployments/{deployment_id}/unpause", "post">;
    /** Update a deployment: `POST /deployments/{deployment_id}` */
    update: Method<"/deployments/{deployment_id}", "post">;
  };
}

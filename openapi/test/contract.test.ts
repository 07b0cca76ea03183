// The bundle holds the twelve operations of the contract, and GET /deployments has exactly the
// seed's parameters and limits.
import { describe, expect, it } from "vitest";
import { loadBundle } from "./support/bundle.js";
import { deref, getAt, isObject, type JsonObject, pointer } from "./support/json-pointer.js";

const spec = loadBundle();

const operations: [operationId: string, method: string, path: string, tag: string, sdkMethod: string][] = [
  ["createDeployment", "post", "/deployments", "Deployments", "deployments.create"],
  ["listDeployments", "get", "/deployments", "Deployments", "deployments.list"],
  ["getDeployment", "get", "/deployments/{deployment_id}", "Deployments", "deployments.retrieve"],
  ["updateDeployment", "post", "/deployments/{deployment_id}", "Deployments", "deployments.update"],
  ["pauseDeployment", "post", "/deployments/{deployment_id}/pause", "Deployments", "deployments.pause"],
  ["unpauseDeployment", "post", "/deployments/{deployment_id}/unpause", "Deployments", "deployments.unpause"],
  ["archiveDeployment", "post", "/deployments/{deployment_id}/archive", "Deployments", "deployments.archive"],
  ["runDeployment", "post", "/deployments/{deployment_id}/run", "Deployments", "deployments.run"],
  [
    "listRunsOfDeployment",
    "get",
    "/deployments/{deployment_id}/runs",
    "Deployment Runs",
    "deployments.runs.list",
  ],
  [
    "getRunOfDeployment",
    "get",
    "/deployments/{deployment_id}/runs/{run_id}",
    "Deployment Runs",
    "deployments.runs.retrieve",
  ],
  ["listDeploymentRuns", "get", "/deployment_runs", "Deployment Runs", "deploymentRuns.list"],
  ["getDeploymentRun", "get", "/deployment_runs/{run_id}", "Deployment Runs", "deploymentRuns.retrieve"],
];

function operationAt(method: string, path: string): JsonObject {
  const node = getAt(spec, pointer("paths", path, method));
  if (!isObject(node)) throw new Error(`${method.toUpperCase()} ${path} is missing from the bundle`);
  return node;
}

describe("the twelve operations", () => {
  it("are all there, and nothing else", () => {
    const found = Object.entries(spec.paths as JsonObject).flatMap(([path, item]) =>
      Object.entries(item as JsonObject)
        .filter(([, op]) => isObject(op) && "operationId" in op)
        .map(([method, op]) => `${(op as JsonObject).operationId} ${method} ${path}`),
    );
    expect(found.sort()).toEqual(operations.map(([id, method, path]) => `${id} ${method} ${path}`).sort());
  });

  for (const [operationId, method, path, tag, sdkMethod] of operations) {
    it(`${operationId}: ${method.toUpperCase()} ${path}, tag ${tag}, x-sdk-method ${sdkMethod}`, () => {
      const operation = operationAt(method, path);
      expect(operation.operationId).toBe(operationId);
      expect(operation.tags).toEqual([tag]);
      expect(operation["x-sdk-method"]).toBe(sdkMethod);
    });
  }
});

describe("GET /deployments parameters (the seed)", () => {
  interface Parameter {
    required: boolean;
    schema: JsonObject;
  }
  const parameters = new Map<string, Parameter>(
    ((operationAt("get", "/deployments").parameters as JsonObject[]) ?? []).map((ref, i) => {
      const parameter = deref(spec, ref, `/paths/~1deployments/get/parameters/${i}`).node as JsonObject;
      const schema = deref(spec, parameter.schema, `/paths/~1deployments/get/parameters/${i}/schema`)
        .node as JsonObject;
      return [`${parameter.in} ${parameter.name}`, { required: parameter.required === true, schema }];
    }),
  );
  const query = (name: string) => {
    const parameter = parameters.get(`query ${name}`);
    if (!parameter) throw new Error(`query parameter ${name} is missing`);
    expect(parameter.required).toBe(false);
    return parameter.schema;
  };

  it("limit: integer 1–1000, default 20", () => {
    expect(query("limit")).toMatchObject({ type: "integer", minimum: 1, maximum: 1000, default: 20 });
  });
  it("after_id and before_id: strings", () => {
    expect(query("after_id").type).toBe("string");
    expect(query("before_id").type).toBe("string");
  });
  it("status: enum [active, paused]", () => {
    expect(query("status").enum).toEqual(["active", "paused"]);
  });
  it("include_archived: boolean, default false", () => {
    expect(query("include_archived")).toMatchObject({ type: "boolean", default: false });
  });
  it("agent_id: string", () => {
    expect(query("agent_id").type).toBe("string");
  });
  it("newer additive cursors and filters stay optional: page, created_at[gte], created_at[lte]", () => {
    for (const name of ["page", "created_at[gte]", "created_at[lte]"])
      expect(query(name).type).toBe("string");
  });
});

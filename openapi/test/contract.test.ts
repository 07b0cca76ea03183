// The bundle holds the 25 operations of the contract (Deployments, Deployment Runs, Agents,
// Environments, Models), and GET /deployments has exactly the
// seed's parameters and limits.
import { describe, expect, it } from "vitest";
import { loadBundle } from "./support/bundle.js";
import { deref, getAt, isObject, type Json, type JsonObject, pointer } from "./support/json-pointer.js";

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
  ["createAgent", "post", "/agents", "Agents", "agents.create"],
  ["listAgents", "get", "/agents", "Agents", "agents.list"],
  ["getAgent", "get", "/agents/{agent_id}", "Agents", "agents.retrieve"],
  ["updateAgent", "post", "/agents/{agent_id}", "Agents", "agents.update"],
  ["archiveAgent", "post", "/agents/{agent_id}/archive", "Agents", "agents.archive"],
  ["listAgentVersions", "get", "/agents/{agent_id}/versions", "Agents", "agents.versions.list"],
  ["createEnvironment", "post", "/environments", "Environments", "environments.create"],
  ["listEnvironments", "get", "/environments", "Environments", "environments.list"],
  ["getEnvironment", "get", "/environments/{environment_id}", "Environments", "environments.retrieve"],
  ["updateEnvironment", "post", "/environments/{environment_id}", "Environments", "environments.update"],
  [
    "archiveEnvironment",
    "post",
    "/environments/{environment_id}/archive",
    "Environments",
    "environments.archive",
  ],
  ["deleteEnvironment", "delete", "/environments/{environment_id}", "Environments", "environments.delete"],
  ["listModels", "get", "/models", "Models", "models.list"],
];

function operationAt(method: string, path: string): JsonObject {
  const node = getAt(spec, pointer("paths", path, method));
  if (!isObject(node)) throw new Error(`${method.toUpperCase()} ${path} is missing from the bundle`);
  return node;
}

describe("the 25 operations", () => {
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

describe("Agents, Environments and Models (issue 13)", () => {
  const resolve = (node: Json | undefined, at: string): JsonObject =>
    deref(spec, node, at).node as JsonObject;
  const response = (method: string, path: string, status: string): JsonObject =>
    resolve(
      operationAt(method, path).responses && (operationAt(method, path).responses as JsonObject)[status],
      "r",
    );
  const exampleTypes = (r: JsonObject): string[] => {
    const media = (r.content as JsonObject)["application/json"] as JsonObject;
    return Object.values(media.examples as JsonObject).map(
      (ex) => ((resolve(ex, "ex").value as JsonObject).error as JsonObject).message as string,
    );
  };
  const queryParameters = (method: string, path: string): Map<string, JsonObject> =>
    new Map(
      ((operationAt(method, path).parameters as JsonObject[]) ?? [])
        .map((ref) => resolve(ref, "p"))
        .filter((p) => p.in === "query")
        .map((p) => [p.name as string, resolve(p.schema, "s")]),
    );

  it("updateAgent requires the current version and documents the 409 Version conflict", () => {
    const body = resolve(
      (
        ((operationAt("post", "/agents/{agent_id}").requestBody as JsonObject).content as JsonObject)[
          "application/json"
        ] as JsonObject
      ).schema,
      "b",
    );
    expect(body.required).toEqual(["version"]);
    expect(exampleTypes(response("post", "/agents/{agent_id}", "409")).join("\n")).toMatch(
      /^Version conflict/m,
    );
  });

  it("deleteEnvironment answers environment_deleted and refuses with a 409 while referenced", () => {
    const ok = response("delete", "/environments/{environment_id}", "200");
    const schema = resolve(((ok.content as JsonObject)["application/json"] as JsonObject).schema, "s");
    expect(resolve((schema.properties as JsonObject).type, "t").const).toBe("environment_deleted");
    expect(exampleTypes(response("delete", "/environments/{environment_id}", "409")).join("\n")).toMatch(
      /cannot be deleted/,
    );
    expect(
      exampleTypes(response("post", "/environments/{environment_id}/archive", "409")).join("\n"),
    ).toMatch(/already archived/);
  });

  it("getAgent takes ?version=N (≥ 1); lists page as documented", () => {
    expect(queryParameters("get", "/agents/{agent_id}").get("version")).toMatchObject({
      type: "integer",
      minimum: 1,
    });
    for (const path of ["/agents", "/environments"]) {
      const q = queryParameters("get", path);
      expect(q.get("limit")).toMatchObject({ minimum: 1, maximum: 100, default: 20 });
      for (const name of [
        "page",
        "after_id",
        "before_id",
        "include_archived",
        "created_at[gte]",
        "created_at[lte]",
      ])
        expect(q.has(name), `${path} ${name}`).toBe(true);
    }
    expect([...queryParameters("get", "/agents/{agent_id}/versions").keys()].sort()).toEqual([
      "limit",
      "page",
    ]);
    const models = resolve(
      ((response("get", "/models", "200").content as JsonObject)["application/json"] as JsonObject).schema,
      "m",
    );
    expect(models.required).toEqual(["data", "has_more"]);
  });

  it("the tools union has the four documented members", () => {
    const union = resolve(
      (spec.components as JsonObject).schemas &&
        ((spec.components as JsonObject).schemas as JsonObject).AgentToolParams,
      "u",
    );
    const tags = (union.oneOf as JsonObject[]).map((v) => {
      const variant = resolve(v, "v");
      return resolve((variant.properties as JsonObject).type, "t").const;
    });
    expect(tags.sort()).toEqual([
      "agent_toolset_20260401",
      "browser_toolset_20260714",
      "custom",
      "mcp_toolset",
    ]);
  });
});

// Type-level tests (checked by tsc through vitest's typecheck mode): results are typed from the spec,
// and unknown paths, wrong query types and missing required body fields do not compile.
import type {
  Agent,
  AgentList,
  AgentVersionList,
  DeletedEnvironment,
  Deployment,
  DeploymentList,
  DeploymentRun,
  DeploymentRunList,
  Environment,
  EnvironmentList,
  Model,
  ModelList,
} from "@qoder-cloud/types";
import { describe, expectTypeOf, test } from "vitest";
import {
  type APIError,
  type APIPromise,
  createQoderClient,
  type PageHelpers,
  type PagePromise,
  type QoderClient,
} from "../../src/index.js";

const qoder: QoderClient = createQoderClient({ token: "pt-x" });
const valid = {
  name: "nightly",
  agent: "agent_1",
  environment_id: "env_1",
  initial_events: [{ type: "user.message" as const, content: [{ type: "text" as const, text: "Go" }] }],
};

describe("resource methods", () => {
  test("results are typed from the spec", () => {
    expectTypeOf(qoder.deployments.retrieve("dep_1")).toEqualTypeOf<APIPromise<Deployment>>();
    expectTypeOf(qoder.deployments.create(valid)).toEqualTypeOf<APIPromise<Deployment>>();
    expectTypeOf(qoder.deployments.update("dep_1", { name: "v2" })).toEqualTypeOf<APIPromise<Deployment>>();
    expectTypeOf(qoder.deployments.pause("dep_1")).toEqualTypeOf<APIPromise<Deployment>>();
    expectTypeOf(qoder.deployments.run("dep_1")).toEqualTypeOf<APIPromise<DeploymentRun>>();
    expectTypeOf(qoder.deployments.runs.retrieve("dep_1", "drun_1")).toEqualTypeOf<
      APIPromise<DeploymentRun>
    >();
    expectTypeOf(qoder.deploymentRuns.retrieve("drun_1")).toEqualTypeOf<APIPromise<DeploymentRun>>();
  });

  test("lists: awaiting gives the page, iterating gives items, pages() gives pages", async () => {
    const list = qoder.deployments.list({ limit: 100, status: "active" });
    expectTypeOf(list).toEqualTypeOf<PagePromise<DeploymentList>>();
    expectTypeOf(await list).toEqualTypeOf<DeploymentList & PageHelpers<DeploymentList>>();
    expectTypeOf((await list.withResponse()).data.hasNextPage()).toEqualTypeOf<boolean>();
    for await (const item of list) expectTypeOf(item).toEqualTypeOf<Deployment>();
    for await (const page of list.pages()) {
      expectTypeOf(page).toEqualTypeOf<DeploymentList & PageHelpers<DeploymentList>>();
      expectTypeOf(page.hasNextPage()).toEqualTypeOf<boolean>();
    }
    for await (const run of qoder.deployments.runs.list("dep_1", { limit: 50 })) {
      expectTypeOf(run).toEqualTypeOf<DeploymentRun>();
    }
    expectTypeOf(await qoder.deploymentRuns.list({ deployment_id: "dep_1" })).toEqualTypeOf<
      DeploymentRunList & PageHelpers<DeploymentRunList>
    >();
  });

  test("every method takes the per-call options last", () => {
    const signal = new AbortController().signal;
    qoder.deployments.retrieve("dep_1", { signal, timeoutMs: 5, maxRetries: 0, headers: { "x-a": "b" } });
    qoder.deployments.create(valid, { idempotencyKey: "k" });
    qoder.deployments.pause("dep_1", { idempotencyKey: "k" });
    qoder.deployments.list(undefined, { signal });
    // @ts-expect-error: timeoutMs is a number
    qoder.deployments.retrieve("dep_1", { timeoutMs: "5" });
  });

  test("wrong query types, missing body fields and missing ids do not compile", () => {
    // @ts-expect-error: limit is a number
    qoder.deployments.list({ limit: "2" });
    // @ts-expect-error: status is "active" | "paused"
    qoder.deployments.list({ status: "deleted" });
    // @ts-expect-error: has_error is a boolean
    qoder.deploymentRuns.list({ has_error: "yes" });
    // @ts-expect-error: agent, environment_id and initial_events are required
    qoder.deployments.create({ name: "x" });
    // @ts-expect-error: the deployment id is required
    qoder.deployments.retrieve();
    // @ts-expect-error: runs.retrieve needs both ids
    qoder.deployments.runs.retrieve("dep_1");
    // @ts-expect-error: no such method
    qoder.deployments.delete("dep_1");
  });
});

describe("the openapi-fetch client and paginate()", () => {
  test("GET is typed by path", async () => {
    const { data, error } = await qoder.GET("/deployments", { params: { query: { limit: 2 } } });
    // openapi-fetch maps response types (read/write markers), so compare structurally both ways.
    expectTypeOf(data).toExtend<DeploymentList | undefined>();
    expectTypeOf<DeploymentList>().toExtend<NonNullable<typeof data>>();
    expectTypeOf(error).not.toBeAny();
    // @ts-expect-error: not a path of the contract
    qoder.GET("/deployment");
    // @ts-expect-error: limit is a number
    qoder.GET("/deployments", { params: { query: { limit: "2" } } });
    // @ts-expect-error: name is required
    qoder.POST("/deployments", { body: { description: "no name" } });
  });

  test("the raw methods take the client's options, type-checked, and keep openapi-fetch's inference", async () => {
    const params = { path: { deployment_id: "d" } };
    const got = await qoder.GET("/deployments/{deployment_id}", { params, timeoutMs: 5, maxRetries: 0 });
    expectTypeOf(got.data).toExtend<Deployment | undefined>();
    expectTypeOf(got.data).not.toBeAny();
    const blob = await qoder.GET("/deployments/{deployment_id}", { params, parseAs: "blob" });
    expectTypeOf(blob.data).toEqualTypeOf<Blob | undefined>();
    await qoder.GET("/deployments"); // no required parameter: no init
    await qoder.POST("/deployments/{deployment_id}/pause", {
      params,
      idempotencyKey: "k",
      redirect: "manual",
    });
    const listed = await qoder.request("get", "/deployments", { params: { query: { limit: 1 } } });
    expectTypeOf(listed.data).toExtend<DeploymentList | undefined>();
    // @ts-expect-error: maxRetries is a number
    qoder.GET("/deployments", { maxRetries: "2" });
    const environment = { path: { environment_id: "e" } };
    // @ts-expect-error: redirect is "error" or "manual"
    qoder.DELETE("/environments/{environment_id}", { params: environment, redirect: "follow" });
    // @ts-expect-error: the path id is required
    qoder.GET("/deployments/{deployment_id}");
    // @ts-expect-error: idempotencyKey is a string
    qoder.request("post", "/deployments/{deployment_id}/run", { params, idempotencyKey: 1 });
  });

  test("paginate accepts list paths only and yields their items", async () => {
    for await (const run of qoder.paginate("/deployment_runs", { params: { query: { has_error: true } } })) {
      expectTypeOf(run).toEqualTypeOf<DeploymentRun>();
    }
    const nested = qoder.paginate("/deployments/{deployment_id}/runs", {
      params: { path: { deployment_id: "d" } },
    });
    expectTypeOf(nested).toEqualTypeOf<PagePromise<DeploymentRunList>>();
    // @ts-expect-error: not a list
    qoder.paginate("/deployments/{deployment_id}", { params: { path: { deployment_id: "d" } } });
    // @ts-expect-error: has_error is a boolean
    qoder.paginate("/deployment_runs", { params: { query: { has_error: 1 } } });
    // The client's options are checked, typos included (not ignored at run time).
    qoder.paginate("/deployments", { params: { query: { limit: 5 } }, timeoutMs: 5, cache: "no-store" });
    // @ts-expect-error: timeoutMs, misspelt
    qoder.paginate("/deployments", { timeoutMS: 5 });
    // @ts-expect-error: maxRetries is a number
    qoder.paginate("/deployments", { maxRetries: "2" });
  });
});

test("errors", () => {
  expectTypeOf<APIError["status"]>().toEqualTypeOf<number>();
  expectTypeOf<APIError["requestId"]>().toEqualTypeOf<string | undefined>();
  expectTypeOf<"not_found_error">().toExtend<NonNullable<APIError["type"]>>();
});

describe("Agents, Environments and Models methods", () => {
  test("agents: create / retrieve (?version) / update (requires version) / archive / list / versions.list", async () => {
    expectTypeOf(qoder.agents.create({ name: "a", model: "ultimate" })).toEqualTypeOf<APIPromise<Agent>>();
    expectTypeOf(qoder.agents.retrieve("agent_1")).toEqualTypeOf<APIPromise<Agent>>();
    expectTypeOf(qoder.agents.retrieve("agent_1", { version: 2 })).toEqualTypeOf<APIPromise<Agent>>();
    expectTypeOf(qoder.agents.update("agent_1", { version: 1, name: "b" })).toEqualTypeOf<
      APIPromise<Agent>
    >();
    expectTypeOf(qoder.agents.archive("agent_1")).toEqualTypeOf<APIPromise<Agent>>();
    expectTypeOf(qoder.agents.list({ include_archived: true })).toEqualTypeOf<PagePromise<AgentList>>();
    expectTypeOf(qoder.agents.versions.list("agent_1")).toEqualTypeOf<PagePromise<AgentVersionList>>();
    for await (const version of qoder.agents.versions.list("agent_1"))
      expectTypeOf(version).toEqualTypeOf<Agent>();
    // @ts-expect-error: update needs the current version
    qoder.agents.update("agent_1", { name: "b" });
    // @ts-expect-error: create needs a model
    qoder.agents.create({ name: "a" });
    // @ts-expect-error: versions.list takes no after_id (a cursor-only list)
    qoder.agents.versions.list("agent_1", { after_id: "x" });
  });

  test("environments: create / retrieve / update / archive / delete / list", async () => {
    expectTypeOf(qoder.environments.create({ name: "e", config: { type: "cloud" } })).toEqualTypeOf<
      APIPromise<Environment>
    >();
    expectTypeOf(qoder.environments.retrieve("env_1")).toEqualTypeOf<APIPromise<Environment>>();
    expectTypeOf(qoder.environments.update("env_1", {})).toEqualTypeOf<APIPromise<Environment>>();
    expectTypeOf(qoder.environments.archive("env_1")).toEqualTypeOf<APIPromise<Environment>>();
    expectTypeOf(qoder.environments.delete("env_1")).toEqualTypeOf<APIPromise<DeletedEnvironment>>();
    expectTypeOf(qoder.environments.list()).toEqualTypeOf<PagePromise<EnvironmentList>>();
    for await (const env of qoder.environments.list()) expectTypeOf(env).toEqualTypeOf<Environment>();
    // @ts-expect-error: config null is not accepted
    qoder.environments.create({ name: "e", config: null });
  });

  test("models.list", async () => {
    expectTypeOf(qoder.models.list({ limit: 10 })).toEqualTypeOf<PagePromise<ModelList>>();
    for await (const model of qoder.models.list()) expectTypeOf(model).toEqualTypeOf<Model>();
  });
});

import type {
  Agent,
  AgentList,
  AgentModelParams,
  AgentToolParams,
  CreateAgentParams,
  CreateEnvironmentParams,
  components,
  DeletedEnvironment,
  Environment,
  EnvironmentConfig,
  ListAgentsParams,
  ListModelsParams,
  Model,
  ModelList,
  UpdateAgentParams,
  UpdateEnvironmentParams,
} from "@qoder-cloud/types";
import { describe, expectTypeOf, test } from "vitest";

describe("Agents, Environments and Models aliases", () => {
  test("Agent and its list", () => {
    expectTypeOf<Agent>().toEqualTypeOf<components["schemas"]["Agent"]>();
    expectTypeOf<AgentList["data"]>().toEqualTypeOf<Agent[]>();
    expectTypeOf<Agent["version"]>().toEqualTypeOf<number>();
    expectTypeOf<Agent["type"]>().toEqualTypeOf<"agent">();
  });

  test("the agent model is an ID string or an object", () => {
    expectTypeOf<"ultimate">().toExtend<AgentModelParams>();
    expectTypeOf<{ id: "ultimate"; effort: "high"; context_window: 200000 }>().toExtend<AgentModelParams>();
    expectTypeOf<{ effort: "high" }>().not.toExtend<AgentModelParams>();
  });

  test("the tools union has four members", () => {
    expectTypeOf<AgentToolParams["type"]>().toEqualTypeOf<
      "agent_toolset_20260401" | "mcp_toolset" | "custom" | "browser_toolset_20260714"
    >();
    expectTypeOf<{ type: "browser_toolset_20260714" }>().toExtend<AgentToolParams>();
    expectTypeOf<{ type: "mcp_toolset" }>().not.toExtend<AgentToolParams>();
  });

  test("create needs name and model; update needs the current version", () => {
    expectTypeOf<{ name: string }>().not.toExtend<CreateAgentParams>();
    expectTypeOf<{ name: string; model: string }>().toExtend<CreateAgentParams>();
    expectTypeOf<{ name: string }>().not.toExtend<UpdateAgentParams>();
    expectTypeOf<{ version: 3; name: string }>().toExtend<UpdateAgentParams>();
  });

  test("environments: the config union, create, update, delete", () => {
    expectTypeOf<EnvironmentConfig["type"]>().toEqualTypeOf<"cloud" | "self_hosted">();
    expectTypeOf<{ name: string }>().toExtend<CreateEnvironmentParams>();
    expectTypeOf<{ name: string; config: null }>().not.toExtend<CreateEnvironmentParams>();
    expectTypeOf<Record<string, never>>().toExtend<UpdateEnvironmentParams>();
    expectTypeOf<DeletedEnvironment["type"]>().toEqualTypeOf<"environment_deleted">();
    expectTypeOf<Environment["archived_at"]>().toEqualTypeOf<string | null>();
  });

  test("models and list queries", () => {
    expectTypeOf<ModelList["data"]>().toEqualTypeOf<Model[]>();
    expectTypeOf<ListAgentsParams["limit"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListModelsParams["after_id"]>().toEqualTypeOf<string | undefined>();
  });

  test("a model's capabilities are objects with `supported`, and may carry more entries (effort's levels)", () => {
    type Capabilities = NonNullable<Model["capabilities"]>;
    expectTypeOf<Capabilities[string]["supported"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<{
      image_input: { supported: true };
      effort: { supported: true; low: { supported: false } };
    }>().toExtend<Capabilities>();
    // @ts-expect-error a capability is an object, not a flag
    const flag: Capabilities = { image_input: true };
    void flag;
  });
});

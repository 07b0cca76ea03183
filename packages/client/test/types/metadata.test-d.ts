// Type-level tests: metadata written through the client takes string values and the reserved `cas_config`
// object side by side (create), patches keys with `null` (update), and rejects a misspelt cas_config field.
import type { CasConfig, Deployment } from "@qoder-cloud/types";
import { describe, expectTypeOf, test } from "vitest";
import { type APIPromise, createQoderClient, type QoderClient } from "../../src/index.js";

const qoder: QoderClient = createQoderClient({ token: "pt-x" });
const required = {
  name: "nightly",
  agent: "agent_1",
  environment_id: "env_1",
  initial_events: [{ type: "user.message" as const, content: [{ type: "text" as const, text: "Go" }] }],
};

describe("metadata with cas_config through the client", () => {
  test("create takes string keys and a cas_config object together", () => {
    const created = qoder.deployments.create({
      ...required,
      metadata: {
        team: "infra",
        cas_config: { session_strategy: "new_session", config: { max_retries: 1, timeout_ms: 60_000 } },
      },
    });
    expectTypeOf(created).toEqualTypeOf<APIPromise<Deployment>>();
  });

  test("update patches keys: a string sets, null deletes, cas_config is replaced", () => {
    expectTypeOf(qoder.deployments.update("dep_1", { metadata: { old: null } })).toEqualTypeOf<
      APIPromise<Deployment>
    >();
    qoder.deployments.update("dep_1", {
      metadata: { team: "x", cas_config: { config: { max_concurrent: 2 } } },
    });
  });

  test("wrong metadata does not compile", () => {
    // @ts-expect-error: CasConfigParams["config"] has no max_retry (it is max_retries)
    qoder.deployments.create({ ...required, metadata: { cas_config: { config: { max_retry: 1 } } } });
    // @ts-expect-error: max_retries is a number
    qoder.deployments.update("dep_1", { metadata: { cas_config: { config: { max_retries: "1" } } } });
    // @ts-expect-error: metadata values are strings (null only deletes, in an update)
    qoder.deployments.create({ ...required, metadata: { team: null } });
    // @ts-expect-error: metadata values are strings
    qoder.deployments.update("dep_1", { metadata: { count: 3 } });
  });

  test("a retrieved deployment's cas_config reads as CasConfig", async () => {
    const deployment = await qoder.deployments.retrieve("dep_1");
    expectTypeOf(deployment.metadata.cas_config).toEqualTypeOf<CasConfig | undefined>();
    expectTypeOf(deployment.metadata.cas_config?.config?.max_retries).toEqualTypeOf<number | undefined>();
  });
});

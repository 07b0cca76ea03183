// Every list operation pages end to end: the client sends the cursor the contract names, the simulator
// reads it, and a walk one item at a time gives exactly the one-page answer, in order. The other suites
// only ever read a first page, so a renamed or misread cursor would pass them.
import { createQoderClient, type QoderClient } from "@qoder-cloud/client";
import { describe, expect, it } from "vitest";
import { exampleBody, operationById, operations } from "./support/spec.js";

const client = (name: string) => createQoderClient({ maxRetries: 0, token: `pt-walk-${name}` });

/** A list's items as comparable keys (versions of one agent share its id: their version tells them apart). */
type Key = (item: { id: string; version?: number }) => string;
const byId: Key = (item) => item.id;

interface Walk {
  /** Makes items to list in a fresh account (three; the models are fixed, two); returns the list call. */
  setUp(
    qoder: QoderClient,
  ): Promise<(query: { limit: number }) => AsyncIterable<unknown> & PromiseLike<{ data: unknown[] }>>;
  key?: Key;
}

/** Creates three records named a, b and c, one after another (so their order is known). */
async function createThree(create: (name: string) => Promise<unknown>): Promise<void> {
  for (const name of ["a", "b", "c"]) await create(name);
}

const createDeployment = (qoder: QoderClient, name: string) =>
  qoder.deployments.create({ ...(exampleBody(operationById("createDeployment")) as object), name } as never);

const walks: Record<string, Walk> = {
  listDeployments: {
    setUp: async (qoder) => {
      await createThree((name) => createDeployment(qoder, name));
      return (query) => qoder.deployments.list(query);
    },
  },
  listRunsOfDeployment: {
    setUp: async (qoder) => {
      const { id } = await createDeployment(qoder, "runs");
      for (let run = 0; run < 3; run++) await qoder.deployments.run(id);
      return (query) => qoder.deployments.runs.list(id, query);
    },
  },
  listDeploymentRuns: {
    setUp: async (qoder) => {
      const { id } = await createDeployment(qoder, "all-runs");
      for (let run = 0; run < 3; run++) await qoder.deployments.run(id);
      return (query) => qoder.deploymentRuns.list(query);
    },
  },
  listAgents: {
    setUp: async (qoder) => {
      const body = exampleBody(operationById("createAgent")) as object;
      await createThree((name) => qoder.agents.create({ ...body, name } as never));
      return (query) => qoder.agents.list(query);
    },
  },
  listAgentVersions: {
    setUp: async (qoder) => {
      const agent = await qoder.agents.create(exampleBody(operationById("createAgent")) as never);
      for (const version of [1, 2]) await qoder.agents.update(agent.id, { version, name: `v${version + 1}` });
      return (query) => qoder.agents.versions.list(agent.id, query);
    },
    key: (item) => `${item.id} v${item.version}`,
  },
  listEnvironments: {
    setUp: async (qoder) => {
      const body = exampleBody(operationById("createEnvironment")) as object;
      await createThree((name) => qoder.environments.create({ ...body, name } as never));
      return (query) => qoder.environments.list(query);
    },
  },
  listModels: {
    setUp: async (qoder) => (query) => qoder.models.list(query),
  },
};

describe("every list operation walks one item at a time to exactly its one-page answer", () => {
  it("covers every list operation of the contract", () => {
    // The contract names its list operations list…; each answers a page with has_more.
    const lists = operations
      .filter((operation) => operation.operationId.startsWith("list"))
      .map((operation) => operation.operationId);
    expect(Object.keys(walks).sort()).toEqual(lists.sort());
  });

  it.each(Object.entries(walks))("%s", async (operationId, { setUp, key = byId }) => {
    const list = await setUp(client(operationId));
    const whole = ((await list({ limit: 100 })).data as { id: string; version?: number }[]).map(key);
    expect(whole.length, "items to walk over (one cursor at least)").toBeGreaterThanOrEqual(2);
    const walked: string[] = [];
    for await (const item of list({ limit: 1 })) walked.push(key(item as { id: string; version?: number }));
    expect(walked).toEqual(whole);
  });
});

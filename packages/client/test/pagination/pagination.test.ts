import { describe, expect, test } from "vitest";
import { InvalidResponseError, type ListPage, QoderError } from "../../src/index.js";
import { createQoderClient } from "../support/client.js";
import { type RecordedRequest, type Reply, serveDuringTest, TOKEN } from "../support/server.js";

const ids = (n: number, prefix = "dep") =>
  Array.from({ length: n }, (_, i) => `${prefix}_${String(i).padStart(5, "0")}`);

/** A cursor-paginated list over `items`, following the contract (after_id, before_id, opaque page). */
function listPage(items: string[], query: URLSearchParams): ListPage<{ id: string }> {
  const limit = Number(query.get("limit") ?? 20);
  const after = query.get("after_id");
  const before = query.get("before_id");
  const page = query.get("page");
  let start = 0;
  let end: number;
  if (before) {
    end = items.indexOf(before);
    start = Math.max(0, end - limit);
  } else {
    if (after) start = items.indexOf(after) + 1;
    if (page) start = Number(page.slice(2));
    end = Math.min(items.length, start + limit);
  }
  const data = items.slice(start, end).map((id) => ({ id }));
  const has_more = before ? start > 0 : end < items.length;
  return {
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more,
    next_page: has_more && !before ? `p_${end}` : null,
  };
}

async function serveList(
  items: string[],
  override?: (req: RecordedRequest, index: number) => Reply | undefined,
) {
  const server = await serveDuringTest(
    (req, _res, i) => override?.(req, i) ?? { body: listPage(items, req.query) },
  );
  return { server, qoder: createQoderClient({ token: TOKEN, baseUrl: server.url }) };
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

describe("awaiting a list gives the first page", () => {
  test("exactly the page object the server sent", async () => {
    const items = ids(5);
    const { server, qoder } = await serveList(items);
    const page = await qoder.deployments.list({ limit: 2, status: "active" });
    expect(page).toEqual(listPage(items, new URLSearchParams({ limit: "2" })));
    expect(page).toEqual({
      data: [{ id: "dep_00000" }, { id: "dep_00001" }],
      first_id: "dep_00000",
      last_id: "dep_00001",
      has_more: true,
      next_page: "p_2",
    });
    expect(server.requests).toHaveLength(1);
    expect(Object.fromEntries(server.requests[0]?.query ?? [])).toEqual({ limit: "2", status: "active" });
  });

  test("awaiting, then iterating, reuses the first page", async () => {
    const { server, qoder } = await serveList(ids(3));
    const list = qoder.deployments.list({ limit: 2 });
    await list;
    expect(await collect(list)).toHaveLength(3);
    expect(server.requests).toHaveLength(2);
  });
});

describe("iterating walks every item across pages", () => {
  test("forward with after_id = last_id, every filter on every page, each item once", async () => {
    const items = ids(250);
    const { server, qoder } = await serveList(items);
    const seen = await collect(qoder.deployments.list({ limit: 100, status: "active", agent_id: "agent_1" }));
    expect(seen.map((d) => d.id)).toEqual(items);
    expect(server.requests.map((r) => Object.fromEntries(r.query))).toEqual([
      { limit: "100", status: "active", agent_id: "agent_1" },
      { limit: "100", status: "active", agent_id: "agent_1", after_id: "dep_00099" },
      { limit: "100", status: "active", agent_id: "agent_1", after_id: "dep_00199" },
    ]);
  });

  test("backward with before_id = first_id when the walk started with before_id", async () => {
    const items = ids(10);
    const { server, qoder } = await serveList(items);
    const pages = await collect(qoder.deployments.list({ limit: 3, before_id: "dep_00008" }).pages());
    expect(pages.map((p) => p.data.map((d) => d.id))).toEqual([
      ["dep_00005", "dep_00006", "dep_00007"],
      ["dep_00002", "dep_00003", "dep_00004"],
      ["dep_00000", "dep_00001"],
    ]);
    expect(server.requests.map((r) => r.query.get("before_id"))).toEqual([
      "dep_00008",
      "dep_00005",
      "dep_00002",
    ]);
    expect(server.requests.every((r) => !r.query.has("after_id"))).toBe(true);
  });

  test("with the opaque page cursor when the walk started with page", async () => {
    const items = ids(7);
    const { server, qoder } = await serveList(items);
    const seen = await collect(qoder.deployments.list({ limit: 3, page: "p_1" }));
    expect(seen.map((d) => d.id)).toEqual(items.slice(1));
    expect(server.requests.map((r) => r.query.get("page"))).toEqual(["p_1", "p_4"]);
  });

  test("an empty list: one request, no items", async () => {
    const { server, qoder } = await serveList([]);
    expect(await collect(qoder.deployments.list())).toEqual([]);
    expect(await qoder.deployments.list()).toEqual({
      data: [],
      first_id: null,
      last_id: null,
      has_more: false,
      next_page: null,
    });
    expect(server.requests).toHaveLength(2);
  });

  test("exactly one page: one request", async () => {
    const { server, qoder } = await serveList(ids(20));
    expect(await collect(qoder.deployments.list({ limit: 20 }))).toHaveLength(20);
    expect(server.requests).toHaveLength(1);
  });

  test("a transient 503 in the middle of a walk: nothing duplicated, nothing skipped", async () => {
    const items = ids(1000);
    const { server, qoder } = await serveList(items, (_req, i) =>
      i === 4 ? { status: 503, headers: { "retry-after": "0" }, body: { type: "error" } } : undefined,
    );
    const seen = (await collect(qoder.deployments.list({ limit: 100 }))).map((d) => d.id);
    expect(seen).toEqual(items);
    expect(new Set(seen).size).toBe(1000);
    expect(server.requests).toHaveLength(11);
    expect(server.requests[4]?.query.get("after_id")).toBe(server.requests[5]?.query.get("after_id"));
  });

  test("a server that repeats a cursor raises an error instead of looping forever", async () => {
    const stuck = {
      data: [{ id: "dep_1" }],
      first_id: "dep_1",
      last_id: "dep_1",
      has_more: true,
      next_page: "dep_1",
    };
    const { server, qoder } = await serveList([], () => ({ body: stuck }));
    await expect(collect(qoder.deployments.list())).rejects.toThrow(QoderError);
    await expect(collect(qoder.deployments.list())).rejects.toThrow(/dep_1/);
    expect(server.requests.length).toBeLessThanOrEqual(4);
  });

  test("has_more without a cursor raises an error", async () => {
    const broken = { data: [], first_id: null, last_id: null, has_more: true, next_page: null };
    const { qoder } = await serveList([], () => ({ body: broken }));
    await expect(collect(qoder.deployments.list())).rejects.toThrow(/last_id/);
  });

  test.each([
    ["null", null],
    ["a JSON string", '"ok"'],
    ["an object without data", {}],
    ["data: null", { data: null, has_more: false }],
  ])("a 2xx list body that is %s is an InvalidResponseError, awaited or walked", async (_n, body) => {
    const { qoder } = await serveList([], () => ({ body }));
    for (const run of [() => qoder.deployments.list(), () => collect(qoder.deployments.list())]) {
      const error = await run().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as InvalidResponseError).status).toBe(200);
    }
  });

  test("an error on a later page rejects the iteration with the typed error", async () => {
    const { qoder } = await serveList(ids(5), (_req, i) =>
      i === 1
        ? { status: 404, body: { type: "error", error: { type: "not_found_error", message: "gone" } } }
        : undefined,
    );
    await expect(collect(qoder.deployments.list({ limit: 2 }))).rejects.toMatchObject({
      status: 404,
      message: "gone",
    });
  });
});

describe("other list methods and paginate()", () => {
  test("deployments.runs.list keeps the path id on every page", async () => {
    const runs = ids(5, "drun");
    const { server, qoder } = await serveList(runs);
    const seen = await collect(qoder.deployments.runs.list("dep_42", { limit: 2 }));
    expect(seen.map((r) => r.id)).toEqual(runs);
    expect(server.requests.map((r) => r.path)).toEqual(Array(3).fill("/deployments/dep_42/runs"));
  });

  test("agents.versions.list, a cursor-only list (no first_id/last_id), walks with page = next_page", async () => {
    const versions = ids(5, "agent_v");
    const { server, qoder } = await serveList(versions, (req) => {
      const { first_id, last_id, ...page } = listPage(versions, req.query);
      return { body: page };
    });
    const seen = await collect(qoder.agents.versions.list("agent_42", { limit: 2 }));
    expect(seen.map((v) => v.id)).toEqual(versions);
    expect(server.requests.map((r) => r.path)).toEqual(Array(3).fill("/agents/agent_42/versions"));
    expect(server.requests.map((r) => r.query.get("page"))).toEqual([null, "p_2", "p_4"]);
    expect(server.requests.every((r) => !r.query.has("after_id"))).toBe(true);
  });

  test("agents.list and environments.list walk forward with after_id = last_id", async () => {
    const agents = ids(3, "agent");
    const { server, qoder } = await serveList(agents);
    expect((await collect(qoder.agents.list({ limit: 2, include_archived: true }))).map((a) => a.id)).toEqual(
      agents,
    );
    expect(server.requests.map((r) => [r.path, r.query.get("after_id")])).toEqual([
      ["/agents", null],
      ["/agents", "agent_00001"],
    ]);
    expect(await collect(qoder.environments.list({ limit: 100 }))).toHaveLength(3);
  });

  test("models.list: one page {data, has_more: false} is the whole list", async () => {
    const server = await serveDuringTest(() => ({
      body: { data: [{ id: "ultimate", type: "model", display_name: "Ultimate" }], has_more: false },
    }));
    const qoderModels = createQoderClient({ token: TOKEN, baseUrl: server.url });
    expect((await collect(qoderModels.models.list())).map((m) => m.id)).toEqual(["ultimate"]);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.path).toBe("/models");
  });

  test("deploymentRuns.list with filters", async () => {
    const { server, qoder } = await serveList(ids(3, "drun"));
    const page = await qoder.deploymentRuns.list({ deployment_id: "dep_1", has_error: true });
    expect(page.data).toHaveLength(3);
    expect(server.requests[0]?.path).toBe("/deployment_runs");
    expect(Object.fromEntries(server.requests[0]?.query ?? [])).toEqual({
      deployment_id: "dep_1",
      has_error: "true",
    });
  });

  test("a filter set to false is sent, as false (it is not the same as leaving it out)", async () => {
    const { server, qoder } = await serveList(ids(2, "dep"));
    await qoder.deployments.list({ include_archived: false });
    await qoder.deploymentRuns.list({ has_error: false, trigger_type: "manual" });
    expect(server.requests.map((request) => Object.fromEntries(request.query))).toEqual([
      { include_archived: "false" },
      { has_error: "false", trigger_type: "manual" },
    ]);
  });

  test("qoder.paginate walks any list path with openapi-fetch style params", async () => {
    const runs = ids(45, "drun");
    const { server, qoder } = await serveList(runs);
    const seen = await collect(
      qoder.paginate("/deployment_runs", { params: { query: { has_error: true, limit: 20 } } }),
    );
    expect(seen.map((r) => r.id)).toEqual(runs);
    expect(server.requests.map((r) => r.query.get("has_error"))).toEqual(["true", "true", "true"]);
    const pages = await collect(
      qoder
        .paginate("/deployments/{deployment_id}/runs", {
          params: { path: { deployment_id: "dep_1" }, query: { limit: 40 } },
        })
        .pages(),
    );
    expect(pages.map((p) => p.data.length)).toEqual([40, 5]);
    expect(server.requests.at(-1)?.path).toBe("/deployments/dep_1/runs");
  });
});

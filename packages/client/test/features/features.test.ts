// Issue 12's user-facing features: withResponse/asResponse, lists as real promises with page helpers, token
// functions, workspace/beta headers, defaultHeaders/defaultQuery, User-Agent, X-Qoder-Retry-Count.
import { describe, expect, test } from "vitest";
import {
  APIError,
  APIPromise,
  APITimeoutError,
  APIUserAbortError,
  NotFoundError,
  QoderError,
} from "../../src/index.js";
import { VERSION } from "../../src/version.js";
import { createQoderClient, transport } from "../support/client.js";
import { envelope, serveDuringTest, TOKEN } from "../support/server.js";

/** A server for this test: `/deployments/gone` is a 404 in the envelope, any other path `{ id: "dep_1" }`. */
const serveGoneOrFound = () =>
  serveDuringTest((r) =>
    r.path === "/deployments/gone"
      ? { status: 404, body: envelope("not_found_error", "gone") }
      : { body: { id: "dep_1" } },
  );

const page = (ids: string[], has_more: boolean) => ({
  data: ids.map((id) => ({ id })),
  first_id: ids[0] ?? null,
  last_id: ids.at(-1) ?? null,
  has_more,
});

test(`the suites really run on the ${transport} transport`, async () => {
  const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
  await createQoderClient({ token: TOKEN, baseUrl: api.url }).deployments.retrieve("dep_1");
  // The global fetch adds Sec-Fetch-Mode; undici's dispatcher.request sends only the headers it is given.
  expect(api.requests[0]?.headers["sec-fetch-mode"]).toBe(transport === "fetch" ? "cors" : undefined);
});

describe("withResponse() and asResponse()", () => {
  test("on a success and on a list; one request each", async () => {
    const api = await serveDuringTest((r) => ({
      headers: { "x-request-id": "req_ok_1" },
      body: r.path === "/deployments" ? page(["dep_1"], false) : { id: "dep_1" },
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const one = await qoder.deployments.retrieve("dep_1").withResponse();
    expect(one.data).toEqual({ id: "dep_1" });
    expect(one.requestId).toBe("req_ok_1");
    expect(one.response.status).toBe(200);
    const list = await qoder.deployments.list({ limit: 1 }).withResponse();
    expect(list.data.data).toEqual([{ id: "dep_1" }]);
    expect(list.response.headers.get("x-request-id")).toBe("req_ok_1");
    const raw = await qoder.deployments.retrieve("dep_1").asResponse();
    expect(raw.bodyUsed).toBe(false);
    expect(await raw.json()).toEqual({ id: "dep_1" });
    const rawList = await qoder.deployments.list().asResponse();
    expect((await rawList.json()).data).toHaveLength(1);
    expect(api.requests).toHaveLength(4);
  });
});

describe("a call is a real promise, sent at once", () => {
  test("a call never awaited is sent; awaited later it gives that one answer", async () => {
    let arrived: () => void = () => undefined;
    const sent = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const api = await serveDuringTest(() => {
      arrived();
      return { body: { id: "dep_1", status: "archived" } };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const call = qoder.deployments.archive("dep_1");
    const list = qoder.deployments.list();
    expect(call).toBeInstanceOf(Promise);
    expect(list).toBeInstanceOf(Promise);
    await sent; // without the call being awaited
    expect(await call).toEqual({ id: "dep_1", status: "archived" });
    await list.catch(() => undefined);
    expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /deployments/dep_1/archive",
      "GET /deployments",
    ]);
  });

  test("two calls made before either is awaited run side by side", async () => {
    // The first answer waits (up to 3 s) for the second request: calls sent one after the other cannot meet.
    let together = false;
    let second: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => {
      second = resolve;
    });
    const api = await serveDuringTest(async (_r, _res, i) => {
      if (i === 1) {
        together = true;
        second();
      } else await Promise.race([arrived, new Promise((resolve) => setTimeout(resolve, 3_000))]);
      return { body: { id: `dep_${i}`, together } };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const a = qoder.deployments.retrieve("dep_a");
    const b = qoder.deployments.retrieve("dep_b");
    expect(await a).toEqual({ id: "dep_0", together: true });
    expect(await b).toEqual({ id: "dep_1", together: true });
  });

  test("a failure is raised where the call is awaited, however late; never as an unhandled rejection", async () => {
    const api = await serveGoneOrFound();
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const slow = qoder.deployments.retrieve("dep_1");
    const failing = qoder.deployments.retrieve("gone");
    await new Promise((resolve) => setTimeout(resolve, 200)); // failing has failed by now, unawaited
    expect(await slow).toEqual({ id: "dep_1" });
    await expect(failing).rejects.toBeInstanceOf(NotFoundError);
    // asResponse() on a call sent and failed: its own request, and the Response whatever its status.
    const late = qoder.deployments.retrieve("gone");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await late.asResponse()).status).toBe(404);
    qoder.deployments.archive("gone"); // never awaited: fails quietly
    await new Promise((resolve) => setTimeout(resolve, 100));
  });

  test("withResponse() and asResponse() that fail before they are awaited fail there, not as unhandled rejections", async () => {
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on("unhandledRejection", record);
    try {
      const api = await serveDuringTest(() => new Promise(() => undefined)); // never answers
      const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, timeoutMs: 50, maxRetries: 0 });
      const one = qoder.deployments.retrieve("dep_1").withResponse();
      const raw = qoder.deployments.retrieve("dep_1").asResponse();
      const list = qoder.deployments.list().withResponse();
      qoder.deployments.retrieve("dep_1").withResponse(); // never awaited: fails quietly
      qoder.deployments.list().asResponse(); // never awaited: fails quietly
      await new Promise((resolve) => setTimeout(resolve, 500)); // all have failed by now, unawaited
      for (const call of [one, raw, list]) await expect(call).rejects.toBeInstanceOf(APITimeoutError);
      expect(unhandled).toEqual([]);
    } finally {
      process.off("unhandledRejection", record);
    }
  });

  test("the Promise statics do not crash the process", async () => {
    expect(() => APIPromise.resolve(1)).toThrow(TypeError);
    await new Promise((resolve) => setTimeout(resolve, 50)); // the constructor's queued start has run
  });

  test("asResponse() chained on the call is its one request", async () => {
    const api = await serveDuringTest(() => ({ status: 201, body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const response = await qoder.deployments.create({ name: "x" } as never).asResponse();
    expect([response.status, await response.json()]).toEqual([201, { id: "dep_1" }]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(api.requests).toHaveLength(1);
  });
});

describe("openapi-fetch's parseAs on the raw methods", () => {
  test("a body read as parseAs asks, then aborted by the call's signal, is an APIUserAbortError", async () => {
    const api = await serveDuringTest((_r, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id": ');
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const controller = new AbortController();
    const call = qoder.GET("/deployments/{deployment_id}", {
      params: { path: { deployment_id: "dep_1" } },
      parseAs: "blob",
      signal: controller.signal,
    } as never);
    setTimeout(() => controller.abort(), 200);
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
  });

  test("blob, arrayBuffer and stream give the body as asked; an error still carries its body", async () => {
    const api = await serveGoneOrFound();
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const path = "/deployments/{deployment_id}" as const;
    const params = { path: { deployment_id: "dep_1" } };
    const blob = await qoder.GET(path, { params, parseAs: "blob" });
    expect(await (blob.data as Blob).text()).toBe('{"id":"dep_1"}');
    const buffer = await qoder.GET(path, { params, parseAs: "arrayBuffer" });
    expect(new TextDecoder().decode(buffer.data as ArrayBuffer)).toBe('{"id":"dep_1"}');
    const stream = await qoder.GET(path, { params, parseAs: "stream" });
    expect(await new Response(stream.data as ReadableStream).json()).toEqual({ id: "dep_1" });
    const failed = await qoder.GET(path, { params: { path: { deployment_id: "gone" } }, parseAs: "blob" });
    expect([failed.response.status, failed.error]).toEqual([404, envelope("not_found_error", "gone")]);
  });
});

describe("a list is a real promise", () => {
  test(".catch and .finally on a failing list", async () => {
    const api = await serveDuringTest(() => ({ status: 404, body: envelope("not_found_error", "nope") }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    let finished = false;
    const caught = await qoder.deployments
      .list()
      .finally(() => {
        finished = true;
      })
      .catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(NotFoundError);
    expect(finished).toBe(true);
    expect(await qoder.deployments.list().catch((e: unknown) => e)).toBeInstanceOf(APIError);
  });

  test("hasNextPage() / getNextPage() follow the cursor with the filters", async () => {
    const api = await serveDuringTest((r) => ({
      body: r.query.get("after_id") === "dep_2" ? page(["dep_3"], false) : page(["dep_1", "dep_2"], true),
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const first = await qoder.deployments.list({ limit: 2, status: "active" });
    expect(first).toEqual(page(["dep_1", "dep_2"], true)); // helpers are not enumerable
    expect(first.hasNextPage()).toBe(true);
    const second = await first.getNextPage();
    expect(second.data).toEqual([{ id: "dep_3" }]);
    expect(second.hasNextPage()).toBe(false);
    await expect(second.getNextPage()).rejects.toBeInstanceOf(QoderError);
    expect(api.requests[1]?.query.get("status")).toBe("active");
    expect(api.requests[1]?.query.get("limit")).toBe("2");
  });
});

describe("token functions", () => {
  test("are called once per attempt; each attempt carries the token of its call", async () => {
    const api = await serveDuringTest((_r, _res, i) =>
      i === 0
        ? { status: 503, headers: { "retry-after-ms": "1" }, body: envelope("api_error", "x") }
        : { body: {} },
    );
    let n = 0;
    const qoder = createQoderClient({ token: async () => `pt-fresh-${++n}`, baseUrl: api.url });
    await qoder.deployments.retrieve("dep_1");
    expect(n).toBe(2);
    expect(api.requests.map((r) => r.headers.authorization)).toEqual([
      "Bearer pt-fresh-1",
      "Bearer pt-fresh-2",
    ]);
    expect(api.requests[0]?.headers["x-qoder-retry-count"]).toBeUndefined();
    expect(api.requests[1]?.headers["x-qoder-retry-count"]).toBe("1");
  });

  test("a token that cannot be resolved is a QoderError before any request", async () => {
    const api = await serveDuringTest(() => ({ body: {} }));
    for (const token of [
      () => {
        throw new Error("vault down");
      },
      async () => {
        throw new Error("vault down");
      },
      async () => "",
      () => 42 as never,
      () => "pt-with\nbreak",
    ]) {
      const qoder = createQoderClient({ token, baseUrl: api.url });
      await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(QoderError);
    }
    expect(api.requests).toHaveLength(0);
  });
});

describe("headers and query for every request", () => {
  test("workspaceId / betas client-wide and per call, defaultHeaders, defaultQuery, User-Agent", async () => {
    const api = await serveDuringTest(() => ({ body: page([], false) }));
    const qoder = createQoderClient({
      token: TOKEN,
      baseUrl: api.url,
      workspaceId: "ws_1",
      betas: ["a-2026-01-01", "b-2026-02-01"],
      defaultHeaders: { "x-team": "infra" },
      defaultQuery: { trace: "1" },
    });
    await qoder.deployments.list({ limit: 5 });
    await qoder.deployments.list({ limit: 5 }, { workspaceId: "ws_2", betas: ["c"] });
    await qoder.GET("/deployments", { params: { query: { trace: "0" } as never } });
    const [a, b, c] = api.requests;
    expect(a?.headers["qoder-workspace-id"]).toBe("ws_1");
    expect(a?.headers["x-qoder-beta"]).toBe("a-2026-01-01,b-2026-02-01");
    expect(a?.headers["x-team"]).toBe("infra");
    expect(a?.query.get("trace")).toBe("1");
    expect(a?.query.get("limit")).toBe("5");
    expect(a?.headers["user-agent"]).toMatch(
      new RegExp(`^@qoder-cloud/client/${VERSION.replaceAll(".", "\\.")}`),
    );
    expect(b?.headers["qoder-workspace-id"]).toBe("ws_2");
    expect(b?.headers["x-qoder-beta"]).toBe("c");
    expect(c?.query.getAll("trace")).toEqual(["0"]); // the call's own value wins
    // No betas for one call: `betas: []` removes the client's.
    await qoder.deployments.list({ limit: 5 }, { betas: [] });
    expect(api.requests.at(-1)?.headers).not.toHaveProperty("x-qoder-beta");
    expect(api.requests.at(-1)?.headers["qoder-workspace-id"]).toBe("ws_1");
  });

  test("client options of the wrong kind are refused at once, naming the option (nothing dropped)", () => {
    const bad: [Record<string, unknown>, RegExp][] = [
      [{ fetch: "nope" }, /`fetch` must be a function/],
      [{ region: "" }, /`region`/],
      [{ defaultHeaders: "x" }, /`defaultHeaders` must be an object/],
      [{ defaultHeaders: [["x-a", "1"]] }, /`defaultHeaders` must be an object/],
      [{ defaultHeaders: new Headers({ "x-a": "1" }) }, /`defaultHeaders` must be an object/],
      [{ defaultQuery: "a=1" }, /`defaultQuery` must be an object/],
    ];
    for (const [options, message] of bad)
      expect(() => createQoderClient({ token: TOKEN, ...options }), JSON.stringify(options)).toThrow(message);
  });

  test("null for a method's query or options is taken as none (JavaScript callers pass it)", async () => {
    const api = await serveDuringTest(() => ({ body: page(["dep_1"], false) }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const list = qoder.deployments.list as unknown as (
      query: null,
      options?: null,
    ) => ReturnType<typeof qoder.deployments.list>;
    expect((await list(null)).data).toEqual([{ id: "dep_1" }]);
    expect((await list(null, null)).data).toEqual([{ id: "dep_1" }]);
    const retrieve = qoder.deployments.retrieve as unknown as (id: string, options: null) => Promise<unknown>;
    await retrieve("dep_1", null);
    expect(api.requests.map((request) => request.query.toString())).toEqual(["", "", ""]);
  });

  test("bad workspaceId / betas are refused", async () => {
    expect(() => createQoderClient({ token: TOKEN, workspaceId: "" })).toThrow(/workspaceId/);
    expect(() => createQoderClient({ token: TOKEN, betas: ["a,b"] })).toThrow(/betas/);
    const qoder = createQoderClient({ token: TOKEN, baseUrl: "http://127.0.0.1:1" });
    await expect(qoder.deployments.retrieve("d", { workspaceId: "ws\n" })).rejects.toBeInstanceOf(QoderError);
  });
});

describe("a resource call sends the same request with or without middleware", () => {
  test("method, URL, headers and body match those openapi-fetch's client builds", async () => {
    const api = await serveDuringTest(({ path }) => ({
      body: /\/(runs|deployments|agents)$/.test(path) ? page([], false) : { id: "x" },
    }));
    const options = {
      token: TOKEN,
      baseUrl: `${api.url}/v1/`,
      workspaceId: "ws_1",
      betas: ["b-1"],
      defaultHeaders: { "x-team": "infra" },
      defaultQuery: { trace: "1" },
    };
    const direct = createQoderClient(options);
    const hooked = createQoderClient(options);
    hooked.use({ onRequest: () => undefined }); // calls now go through openapi-fetch's client
    const calls = (qoder: typeof direct) => [
      () => qoder.deployments.retrieve("dep 1/ü?#"),
      () => qoder.deployments.list({ limit: 5, status: "paused", "created_at[gte]": "2026-01-01T00:00:00Z" }),
      () =>
        qoder.deployments.create({ name: "n", agent: "agent_1", environment_id: "env_1" } as never, {
          idempotencyKey: "k-1",
        }),
      () =>
        qoder.deployments.update("dep_1", { metadata: { a: null } } as never, {
          headers: { "x-extra": "1" },
          betas: [],
        }),
      () =>
        qoder.deployments.runs.list(
          "dep_1",
          { limit: 3, triggered_after: "2026-01-01T00:00:00Z" },
          { workspaceId: "ws_2" },
        ),
      () => qoder.deployments.pause("dep_1"),
      () => qoder.environments.delete("env_1"),
      // The body's serializer follows a per-call Content-Type; JSON.stringify gives nothing for a function.
      () =>
        qoder.deployments.create({ a: "1", b: "x y" } as never, {
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      () => qoder.deployments.create((() => 1) as never),
      // paginate() takes openapi-fetch's options too: serializers, a call's own middleware.
      () =>
        qoder.paginate("/agents", {
          params: { query: { limit: 2, tags: ["x", "y"] } },
          querySerializer: { array: { style: "pipeDelimited", explode: false } },
          middleware: [
            { onRequest: ({ request }: { request: Request }) => void request.headers.set("x-mw", "1") },
          ],
        } as never),
    ];
    const seen = async (qoder: typeof direct) => {
      const from = api.requests.length;
      for (const call of calls(qoder)) await call();
      return api.requests.slice(from).map(({ method, path, query, headers, body }) => {
        const { "x-request-id": id, "idempotency-key": key, connection: _, ...rest } = headers;
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        return {
          method,
          path,
          query: query.toString(),
          headers: rest,
          // Every write has one (a UUID v4 per call unless given); a read has none.
          key: method === "GET" ? key : key === "k-1" || /^[0-9a-f-]{36}$/.test(String(key)),
          body,
        };
      });
    };
    const sent = await seen(direct);
    expect(sent).toEqual(await seen(hooked));
    expect(sent[0]?.path).toBe("/v1/deployments/dep%201%2F%C3%BC%3F%23");
    expect(sent[2]).toMatchObject({
      method: "POST",
      key: true,
      headers: { "content-type": "application/json" },
    });
    expect(sent.slice(7).map(({ body, headers, query }) => [body, headers["x-mw"], query])).toEqual([
      ["a=1&b=x+y", undefined, "trace=1"],
      ["", undefined, "trace=1"],
      // (A call's own querySerializer replaces the client's, defaultQuery included: openapi-fetch's rule.)
      ["", "1", "limit=2&tags=x%7Cy"],
    ]);
  });
});

describe("middleware added with use()", () => {
  test("sees each resource call's request (with its ids) and response, and can replace the response", async () => {
    const api = await serveDuringTest(() => ({
      headers: { "x-request-id": "req_mw" },
      body: { id: "dep_1" },
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    expect(await qoder.deployments.retrieve("dep_1")).toEqual({ id: "dep_1" }); // before any middleware
    const seen: string[] = [];
    qoder.use({
      onRequest: ({ request }) => {
        seen.push(
          `${request.method} ${new URL(request.url).pathname} id=${Boolean(request.headers.get("x-request-id"))} key=${Boolean(request.headers.get("idempotency-key"))} auth=${Boolean(request.headers.get("authorization"))}`,
        );
      },
      onResponse: ({ response }) => {
        seen.push(`${response.status} ${response.headers.get("x-request-id")}`);
        return new Response(JSON.stringify({ id: "dep_from_middleware" }), {
          headers: { "content-type": "application/json" },
        });
      },
    });
    expect(await qoder.deployments.retrieve("dep_1")).toEqual({ id: "dep_from_middleware" });
    await qoder.deployments.pause("dep_1");
    // The ids are there for middleware; the token is set later, on each attempt (README: middleware).
    expect(seen).toEqual([
      "GET /deployments/dep_1 id=true key=false auth=false",
      "200 req_mw",
      "POST /deployments/dep_1/pause id=true key=true auth=false",
      "200 req_mw",
    ]);
    expect(api.requests.at(-1)?.headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  test("never sees the token: not before the request, not with its response, not with its failure", async () => {
    const api = await serveGoneOrFound();
    const seen: (string | null)[] = [];
    const watch = (client: ReturnType<typeof createQoderClient>) =>
      client.use({
        onRequest: ({ request }) => void seen.push(request.headers.get("authorization")),
        onResponse: ({ request }) => void seen.push(request.headers.get("authorization")),
        onError: ({ request }) => void seen.push(request.headers.get("authorization")),
      });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 1 });
    watch(qoder);
    await qoder.deployments.retrieve("dep_1");
    await qoder.deployments.retrieve("gone").catch(() => undefined);
    await qoder.GET("/deployments/{deployment_id}", { params: { path: { deployment_id: "dep_1" } } });
    const down = createQoderClient({ token: () => TOKEN, baseUrl: "http://127.0.0.1:1", maxRetries: 1 });
    watch(down);
    await expect(down.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(QoderError);
    expect(seen).toEqual(Array(8).fill(null));
    expect(api.requests.map((request) => request.headers.authorization)).toEqual(
      Array(3).fill(`Bearer ${TOKEN}`),
    );
  });

  test("may clone a response to read it, as on openapi-fetch", async () => {
    const api = await serveGoneOrFound();
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const bodies: unknown[] = [];
    qoder.use({
      onResponse: async ({ response }) => {
        bodies.push(await response.clone().json(), await response.clone().clone().text());
      },
    });
    expect(await qoder.deployments.retrieve("dep_1")).toEqual({ id: "dep_1" });
    const params = { path: { deployment_id: "dep_1" } };
    expect((await qoder.GET("/deployments/{deployment_id}", { params })).data).toEqual({ id: "dep_1" });
    const failure = await qoder.deployments.retrieve("gone").catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NotFoundError);
    const ok = '{"id":"dep_1"}';
    expect(bodies).toEqual([
      { id: "dep_1" },
      ok,
      { id: "dep_1" },
      ok,
      envelope("not_found_error", "gone"),
      JSON.stringify(envelope("not_found_error", "gone")),
    ]);
  });

  test("sees the real response of asResponse(), which returns what middleware returned, unread", async () => {
    const api = await serveDuringTest((r) =>
      r.path === "/deployments/gone"
        ? { status: 404, headers: { "x-request-id": "req_404" }, body: envelope("not_found_error", "gone") }
        : { headers: { "x-request-id": "req_ok" }, body: { id: "dep_1" } },
    );
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const seen: string[] = [];
    qoder.use({
      onResponse: ({ response }) => {
        seen.push(`${response.status} ${response.headers.get("x-request-id")} used=${response.bodyUsed}`);
      },
    });
    const ok = await qoder.deployments.retrieve("dep_1").asResponse();
    expect([ok.status, ok.bodyUsed, await ok.json()]).toEqual([200, false, { id: "dep_1" }]);
    const gone = await qoder.deployments.retrieve("gone").asResponse();
    expect([gone.status, gone.bodyUsed, (await gone.json()).error.message]).toEqual([404, false, "gone"]);
    expect(seen).toEqual(["200 req_ok used=false", "404 req_404 used=false"]);
    qoder.use({ onResponse: () => new Response('{"id":"dep_swapped"}', { status: 200 }) });
    // A response a middleware's onRequest makes (no request sent) is asResponse()'s, whatever its status.
    const short = createQoderClient({ token: TOKEN, baseUrl: api.url });
    short.use({ onRequest: () => new Response("{}", { status: 404 }) });
    expect((await short.deployments.retrieve("dep_1").asResponse()).status).toBe(404);
    expect(await (await qoder.deployments.retrieve("dep_1").asResponse()).json()).toEqual({
      id: "dep_swapped",
    });
  });
});

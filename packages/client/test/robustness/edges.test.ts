// Edges an outside check of issue 12 found (on both transports): bodies read outside any timeout, a 204 taken
// as a resource, options of the wrong kind, a middleware sending the request elsewhere, a server echoing the
// token, idempotency keys on DELETE, a page whose cursor repeats.
import { describe, expect, test } from "vitest";
import {
  APITimeoutError,
  APIUserAbortError,
  AuthenticationError,
  createQoderClient as createOnFetch,
  InvalidResponseError,
  QoderError,
} from "../../src/index.js";
import { undiciFetch } from "../../src/undici.js";
import { createQoderClient, transport } from "../support/client.js";
import { envelope, serveDuringTest, TOKEN } from "../support/server.js";

/** A server whose answer's body never ends: 7 of the 100 bytes its Content-Length announces. */
const stalling = (status: number, headers: Record<string, string> = {}) =>
  serveDuringTest((_r, res) => {
    res.writeHead(status, { "content-type": "application/json", "content-length": "100", ...headers });
    res.write('{"a": 1');
    return undefined;
  });

describe("a body the client reads is read within the attempt: its timeout and the signal end it", () => {
  test('a 3xx asked for with redirect: "manual"', async () => {
    const api = await stalling(302, { location: "https://elsewhere.invalid/" });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
    const manual = { redirect: "manual", timeoutMs: 300 } as const;
    await expect(qoder.deployments.retrieve("dep_1", manual)).rejects.toBeInstanceOf(APITimeoutError);
    await expect(qoder.GET("/deployments", manual as never)).rejects.toBeInstanceOf(APITimeoutError);
    const signal = AbortSignal.timeout(300);
    await expect(qoder.deployments.retrieve("dep_1", { redirect: "manual", signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
  });

  test("an error's body on a raw method asked to parse as a stream", async () => {
    const api = await stalling(500);
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0, timeoutMs: 300 });
    await expect(qoder.GET("/deployments", { parseAs: "stream" })).rejects.toBeInstanceOf(APITimeoutError);
  });
});

test("a 204 on a resource method is an InvalidResponseError (every answer of the API has a body)", async () => {
  const api = await serveDuringTest(() => ({ status: 204 }));
  const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
  await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(InvalidResponseError);
  // A raw method keeps openapi-fetch's reading of it: no data.
  const { data, response } = await qoder.GET("/deployments");
  expect([data, response.status]).toEqual([undefined, 204]);
});

describe("options of the wrong kind are refused before any request, naming the option", () => {
  test("createQoderClient(null) is createQoderClient()", () => {
    const saved = process.env.QODER_PAT;
    delete process.env.QODER_PAT;
    try {
      expect(() => createOnFetch(null as never)).toThrow(QoderError);
      expect(() => createOnFetch(null as never)).toThrow(/No token/);
    } finally {
      if (saved !== undefined) process.env.QODER_PAT = saved;
    }
  });

  test("a per-call signal that is not an AbortSignal", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const signal = { aborted: false } as never;
    for (let i = 0; i < 2; i++) {
      const error = await qoder.deployments.create({ name: "x" } as never, { signal }).catch((e) => e);
      expect(error).toBeInstanceOf(QoderError);
      expect((error as Error).message).toMatch(/`signal` must be an AbortSignal/);
    }
    expect(api.requests).toHaveLength(0);
  });

  test("per-call headers: a string is refused; entries and Headers are sent, with a per-call scope", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const error = await qoder.deployments.retrieve("dep_1", { headers: "x-a: 1" as never }).catch((e) => e);
    expect(error).toBeInstanceOf(QoderError);
    expect((error as Error).message).toMatch(/`headers` must be an object/);
    expect(api.requests).toHaveLength(0);
    await qoder.deployments.retrieve("dep_1", { headers: [["x-a", "1"]] as never });
    await qoder.deployments.retrieve("dep_1", {
      headers: new Headers({ "x-a": "2" }) as never,
      betas: ["b1"],
    });
    await qoder.GET("/deployments", { headers: [["x-a", "3"]] });
    expect(api.requests.map((r) => [r.headers["x-a"], r.headers["0"], r.headers["x-qoder-beta"]])).toEqual([
      ["1", undefined, undefined],
      ["2", undefined, "b1"],
      ["3", undefined, undefined],
    ]);
  });

  test("a raw path with a space or a control character", async () => {
    const api = await serveDuringTest(() => ({ body: { data: [] } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    for (const path of ["/deployments\r\nx-evil: 1", "/deploy ments", "/deployments\u0000"]) {
      const error = await qoder.GET(path as never).catch((e) => e);
      expect(error).toBeInstanceOf(QoderError);
      expect((error as Error).message).toMatch(/`path`/);
    }
    expect(api.requests).toHaveLength(0);
  });
});

test("a request a middleware points at another origin is refused: the token goes to baseUrl's origin only", async () => {
  const other = await serveDuringTest(() => ({ body: { id: "dep_evil" } }));
  const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
  const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 2 });
  qoder.use({
    onRequest: ({ request }) => new Request(`${other.url}/x`, { headers: request.headers }),
  });
  const error = await qoder.deployments.retrieve("dep_1").catch((e) => e);
  expect(error).toBeInstanceOf(QoderError);
  expect((error as Error).message).toContain(new URL(other.url).origin);
  expect(other.requests).toHaveLength(0);
  // The same origin spelled another way is the same origin.
  const same = createQoderClient({ token: TOKEN, baseUrl: api.url });
  same.use({
    onRequest: ({ request }) =>
      new Request(request.url.replace("127.0.0.1", "127.000.0.1"), { headers: request.headers }),
  });
  await expect(same.deployments.retrieve("dep_1")).resolves.toEqual({ id: "dep_1" });
});

test("an error body echoing the token does not put it in the error", async () => {
  const token = "pt-0123456789abcdef";
  const api = await serveDuringTest((r) => ({
    status: r.path.endsWith("html") ? 400 : r.path.endsWith("ok") ? 200 : 401,
    body: r.path.endsWith("envelope")
      ? envelope("authentication_error", `bad token ${r.headers.authorization}`)
      : `<pre>Authorization: ${r.headers.authorization}</pre>`,
  }));
  const qoder = createQoderClient({ token, baseUrl: api.url, maxRetries: 0 });
  for (const id of ["envelope", "html", "ok"]) {
    const error = await qoder.deployments.retrieve(id).catch((e) => e);
    expect(error).toBeInstanceOf(QoderError);
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain(token);
  }
  const { error } = await qoder.GET("/deployments/{deployment_id}", {
    params: { path: { deployment_id: "envelope" } },
  });
  expect(JSON.stringify(error)).not.toContain(token);
});

test("every write carries an idempotency key: DELETE too (the contract documents it there)", async () => {
  const api = await serveDuringTest(() => ({ body: { id: "env_1", type: "environment_deleted" } }));
  const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
  await qoder.environments.delete("env_1", { idempotencyKey: "del-1" });
  await qoder.environments.delete("env_2");
  await qoder.environments.retrieve("env_1");
  expect(api.requests.map((r) => r.headers["idempotency-key"])).toEqual([
    "del-1",
    expect.stringMatching(/^[0-9a-f-]{36}$/),
    undefined,
  ]);
});

test("getNextPage() on a page whose cursor repeats the one it was fetched with fails, as a walk does", async () => {
  const api = await serveDuringTest(() => ({
    body: { data: [{ id: "dep_1" }], first_id: "dep_1", last_id: "dep_1", has_more: true },
  }));
  const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
  const second = await (await qoder.deployments.list()).getNextPage();
  await expect(second.getNextPage()).rejects.toThrow(/dep_1 repeats/);
  expect(api.requests).toHaveLength(2);
});

// The built client (the test task builds first), in a process of its own: Node would exit with the call pending.
test.runIf(transport === "fetch")(
  "a token function that never settles ends at the timeout, even when nothing else keeps Node running",
  async () => {
    const { execFile } = await import("node:child_process");
    const script = `
      import { createQoderClient } from ${JSON.stringify(new URL("../../dist/index.js", import.meta.url).href)};
      const qoder = createQoderClient({ token: () => new Promise(() => {}), baseUrl: "http://127.0.0.1:1", timeoutMs: 300, maxRetries: 0 });
      await qoder.deployments.retrieve("dep_1").catch((e) => console.log(e.constructor.name));`;
    const out = await new Promise<string>((resolve) =>
      execFile(
        process.execPath,
        ["--input-type=module", "-e", script],
        { timeout: 20_000 },
        (_error, stdout, stderr) => resolve(`${stdout}${stderr}`),
      ),
    );
    expect(out.trim()).toBe("APITimeoutError");
  },
);

test("asResponse() and parseAs: a middleware may clone the unread response, on either transport", async () => {
  const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
  const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
  const seen: string[] = [];
  qoder.use({ onResponse: async ({ response }) => void seen.push(await response.clone().text()) });
  const response = await qoder.deployments.retrieve("dep_1").asResponse();
  expect([response.bodyUsed, await response.json(), response.bodyUsed]).toEqual([
    false,
    { id: "dep_1" },
    true,
  ]);
  const { data } = await qoder.GET("/deployments", { parseAs: "stream" });
  expect(await new Response(data as ReadableStream).json()).toEqual({ id: "dep_1" });
  expect(seen).toEqual(['{"id":"dep_1"}', '{"id":"dep_1"}']);
});

describe("a re-audit of the fixes above", () => {
  test("a 204 on a resource method is an InvalidResponseError with middleware too", async () => {
    const api = await serveDuringTest(() => ({ status: 204 }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    qoder.use({ onRequest: () => undefined });
    await expect(qoder.environments.delete("env_1")).rejects.toBeInstanceOf(InvalidResponseError);
  });

  test("a token echoed JSON-escaped, in a list without data, or in a Location is kept out of errors", async () => {
    const token = 'pt-ab"c\\de/fg&h<i>jk';
    const api = await serveDuringTest((r) => {
      const sent = String(r.headers.authorization).slice(7);
      if (r.path.endsWith("/moved"))
        return { status: 302, headers: { location: `https://x.invalid/?t=${sent}` } };
      if (r.path === "/environments")
        return { body: { token: sent, [sent]: 1, qoder_personal_access_token: 1, has_more: false } };
      const json = JSON.stringify(`bad ${sent}`);
      return {
        status: 401,
        // As JSON writers escape it: `/` as `\/` (PHP), `&<>` as `\u0026` … (Go), `<>&'"` as `\u003C` … (.NET).
        body: `{"error":{"message":${
          r.path.endsWith("/go")
            ? json.replace(/[&<>]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)
            : r.path.endsWith("/net")
              ? json.replace(
                  /\\"|[&<>']/g,
                  (c) => `\\u00${c.at(-1)?.charCodeAt(0).toString(16).toUpperCase()}`,
                )
              : json.replaceAll("/", "\\/")
        }}}`,
      };
    });
    const qoder = createQoderClient({ token, baseUrl: api.url, maxRetries: 0 });
    for (const call of [
      () => qoder.deployments.retrieve("dep_1"),
      () => qoder.deployments.retrieve("go"),
      () => qoder.deployments.retrieve("net"),
      () => qoder.environments.list(),
      () => qoder.deployments.retrieve("moved"),
    ]) {
      const error = await call().catch((e) => e);
      expect(error).toBeInstanceOf(QoderError);
      const shown = `${(error as Error).message} ${JSON.stringify(error)}`;
      if (error instanceof InvalidResponseError) expect(shown).toContain("with keys [token,has_more]");
      const escaped = ["de\\\\/fg", "fg\\u0026h", "h\\u003Ci"]; // as the server wrote it
      for (const form of [token, JSON.stringify(token).slice(1, -1), "de/fg", "h<i>jk", ...escaped])
        expect(shown).not.toContain(form);
    }
  });

  test("a middleware may clone a response whose status is over 599", async () => {
    const api = await serveDuringTest(() => ({ status: 600, body: envelope("api_error", "odd") }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
    const seen: number[] = [];
    qoder.use({ onResponse: async ({ response }) => void seen.push(response.clone().status) });
    const error = await qoder.environments.list().catch((e) => e);
    expect([(error as { status?: number }).status, error instanceof QoderError, seen]).toEqual([
      600,
      true,
      [600],
    ]);
  });

  test("a clone keeps what the response says of itself, and a used body cannot be cloned or read again", async () => {
    const api = await serveDuringTest(() => ({ status: 600, body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
    const response = await qoder.deployments.retrieve("dep_1").asResponse();
    const copy = response.clone();
    expect([copy.status, copy.ok, copy.url, copy.type]).toEqual([600, false, response.url, response.type]);
    expect(response.url).toContain("/deployments/dep_1");
    // (Not awaited: a branch's cancel settles once the other branch is cancelled too, as fetch's tee does.)
    void (response.body as ReadableStream).cancel();
    expect(response.bodyUsed).toBe(true);
    expect(() => response.clone()).toThrow(TypeError);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(await copy.json()).toEqual({ id: "dep_1" });
  });

  test("a Date in a query goes as RFC 3339 text (it was dropped unseen), the caller's object untouched; an object header value is refused", async () => {
    const api = await serveDuringTest(() => ({
      body: { data: [], has_more: false, first_id: null, last_id: null },
    }));
    for (const fetch of [undefined, undiciFetch()]) {
      const qoder = createOnFetch({ token: TOKEN, baseUrl: api.url, fetch, defaultQuery: { limit: 5 } });
      const query = { "created_at[gte]": new Date("2099-01-01T00:00:00Z") } as unknown as {
        "created_at[gte]": string;
      };
      await qoder.deploymentRuns.list(query);
      await qoder.GET("/deployment_runs", { params: { query } });
      expect(query["created_at[gte]"]).toBeInstanceOf(Date);
      // A write's headers: an object would have been sent as "[object Object]" (every key alike).
      await expect(
        qoder.deployments.pause("dep_1", { idempotencyKey: {} as unknown as string }),
      ).rejects.toMatchObject({
        name: "QoderError",
        message: expect.stringContaining('"Idempotency-Key" must be a string'),
      });
      await expect(
        qoder.deployments.retrieve("dep_1", {
          headers: { "x-a": { a: 1 } } as unknown as Record<string, string>,
        }),
      ).rejects.toBeInstanceOf(QoderError);
    }
    const sent = api.requests.map((request) => request.query.get("created_at[gte]"));
    expect(sent).toEqual(Array(4).fill("2099-01-01T00:00:00.000Z"));
    expect(api.requests.every((request) => request.query.get("limit") === "5")).toBe(true);
  });

  test("per-call headers: a Map, repeated names joined as fetch joins them, and malformed entries refused", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    await qoder.deployments.retrieve("dep_1", { headers: new Map([["x-a", "1"]]) });
    await qoder.deployments.retrieve("dep_1", {
      headers: [
        ["X-A", "1"],
        ["x-a", "2"],
      ],
    });
    expect(api.requests.map((r) => r.headers["x-a"])).toEqual(["1", "1, 2"]);
    const error = await qoder.deployments.retrieve("dep_1", { headers: [["x-a"]] as never }).catch((e) => e);
    expect((error as Error).message).toMatch(/`headers` entries must be \[name, value\] pairs/);
    expect(api.requests).toHaveLength(2);
  });

  test("a raw path: other characters percent-encoded as fetch does; backslashes and dot segments refused", async () => {
    const api = await serveDuringTest((r) => ({ body: { id: r.path } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
    for (const [path, sent] of [
      ["/environments/é", "/environments/%C3%A9"],
      ["/environments/\u3000\u0085", "/environments/%E3%80%80%C2%85"],
    ]) {
      const { data } = await qoder.GET(path as never);
      expect(data).toEqual({ id: sent });
    }
    for (const path of ["/a\\b", "/../x", "/a/./b", "/a/..", "/environments/\ud800"]) {
      const error = await qoder.GET(path as never).catch((e) => e);
      expect(error, path).toBeInstanceOf(QoderError);
      expect((error as Error).message, path).toMatch(/`path`/);
    }
    expect(api.requests).toHaveLength(2);
  });

  test("a per-call signal must be a real AbortSignal (an EventTarget is not one)", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const signal = Object.assign(new EventTarget(), { aborted: false }) as never;
    const error = await qoder.deployments
      .retrieve("dep_1", { signal })
      .asResponse()
      .catch((e) => e);
    expect((error as Error).message).toMatch(/`signal` must be an AbortSignal/);
    expect(api.requests).toHaveLength(0);
  });

  test("getNextPage() compares a cursor as text: page 2 sent as a string, next_page 2 as a number", async () => {
    const api = await serveDuringTest(() => ({
      body: { data: [{ id: "env_1" }], has_more: true, next_page: 2 },
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const first = await qoder.environments.list({ page: "2" } as never);
    await expect(first.getNextPage()).rejects.toThrow(/repeats/);
    expect(api.requests).toHaveLength(1);
  });
});

describe("a second re-audit", () => {
  test("a raw path: encoded or query-ended dot segments, characters fetch would encode, unfilled templates are refused", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "x" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: `${api.url}/api/v1`, maxRetries: 0 });
    for (const path of [
      "/deployments/%2e%2e/agents",
      "/deployments/.%2E/x",
      "/deployments/x/..#f",
      "/deployments/..?x=1",
      '/deployments/a"b',
      "/deployments/a<b>",
      "/deployments/a`b",
      "/deployments/{deployment_id}",
      "/deployments/a{b",
    ]) {
      const error = await qoder.GET(path as never).catch((e) => e);
      expect(error, path).toBeInstanceOf(QoderError);
      // (An unfilled parameter is named itself.)
      expect((error as Error).message, path).toMatch(/`path`|`deployment_id` must be/);
    }
    const { data } = await qoder.GET("/deployments/{deployment_id}", {
      params: { path: { deployment_id: "dep_1" } },
    });
    expect(data).toEqual({ id: "x" });
    expect(api.requests.map((r) => r.path)).toEqual(["/api/v1/deployments/dep_1"]);
  });

  test("a clone of a clone keeps the status, url and type; a status text outside Latin-1 clones", async () => {
    const api = await serveDuringTest((r, res) => {
      if (r.path.endsWith("/odd")) {
        // A reason phrase with a Latin-1 byte and a UTF-8 character (Node's own server refuses to write one).
        const body = JSON.stringify(envelope("invalid_request_error", "no"));
        const head = `content-type: application/json\r\ncontent-length: ${body.length}\r\nconnection: close\r\n\r\n`;
        res.socket?.end(
          Buffer.concat([
            Buffer.from("HTTP/1.1 400 Requ\u00eate invalide ", "latin1"),
            Buffer.from("\u2713\r\n", "utf8"),
            Buffer.from(head + body, "latin1"),
          ]),
        );
        return undefined;
      }
      return { status: 600, body: { id: "dep_1" } };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
    const seen: unknown[] = [];
    qoder.use({
      onResponse: async ({ response }) => {
        const twice = response.clone().clone();
        seen.push([
          twice.status,
          twice.ok,
          twice.url === response.url,
          twice.type,
          (await twice.text()) !== "",
        ]);
      },
    });
    await qoder.deployments.retrieve("dep_1").catch(() => undefined);
    const odd = await qoder.deployments.retrieve("odd").catch((e) => e);
    expect((odd as { status?: number }).status).toBe(400);
    expect(seen).toEqual([
      [600, false, true, "basic", true],
      [400, false, true, "basic", true],
    ]);
  });

  test("iterable headers: inherited names are names like any other, and a one-shot iterator serves every page", async () => {
    const api = await serveDuringTest((r) => ({
      body: r.query.get("after_id")
        ? { data: [{ id: "m2" }], has_more: false, first_id: "m2", last_id: "m2" }
        : { data: [{ id: "m1" }], has_more: true, first_id: "m1", last_id: "m1" },
    }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    function* once() {
      yield ["x-trace", "t1"];
    }
    for await (const _ of qoder.models.list({}, { headers: once() as never }).pages());
    await qoder.GET("/models", { headers: [["constructor", "v"]] as never });
    // Read per call: the same Map, changed between two calls, sends what it holds at each.
    const map = new Map([["x-trace", "m1"]]);
    await qoder.GET("/models", { headers: map as never });
    map.set("x-trace", "m2");
    await qoder.GET("/models", { headers: map as never });
    for await (const _ of qoder.paginate("/models", { headers: once() as never }));
    const own = (headers: object, name: string) =>
      Object.hasOwn(headers, name) ? headers[name as never] : undefined;
    expect(api.requests.map((r) => [r.headers["x-trace"], own(r.headers, "constructor")])).toEqual([
      ["t1", undefined],
      ["t1", undefined],
      [undefined, "v"],
      ["m1", undefined],
      ["m2", undefined],
      ["t1", undefined],
      ["t1", undefined],
    ]);
  });

  test("a signal that only borrowed AbortSignal's prototype is refused before anything is sent", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const signal = Object.create(AbortSignal.prototype) as AbortSignal;
    const error = await qoder.deployments.retrieve("dep_1", { signal }).catch((e) => e);
    expect((error as Error).message).toMatch(/`signal` must be an AbortSignal/);
    expect(api.requests).toHaveLength(0);
  });

  test("a resource method whose middleware makes a null or array answer gets an InvalidResponseError", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    let body = "null";
    qoder.use({ onResponse: () => new Response(body, { headers: { "content-type": "application/json" } }) });
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(InvalidResponseError);
    body = "[]";
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(InvalidResponseError);
  });

  test('a walk compares cursors as text too: after_id "5" given back as 5 stops at once', async () => {
    const api = await serveDuringTest(() => ({ body: { data: [{ id: "a" }], has_more: true, last_id: 5 } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    await expect(
      (async () => {
        for await (const _ of qoder.environments.list({ after_id: "5" } as never).pages());
      })(),
    ).rejects.toThrow(/repeats/);
    expect(api.requests).toHaveLength(1);
  });

  test("a token URL-encoded in a redirect's location is kept out of the error", async () => {
    const token = "pt-ab<c>d/efghij";
    const api = await serveDuringTest((r) => ({
      status: 302,
      headers: {
        location: `https://x.invalid/?t=${encodeURIComponent(String(r.headers.authorization).slice(7))}`,
      },
    }));
    const qoder = createQoderClient({ token, baseUrl: api.url, maxRetries: 0 });
    const error = await qoder.deployments.retrieve("dep_1").catch((e) => e);
    expect(error).toBeInstanceOf(QoderError);
    expect(`${(error as Error).message} ${JSON.stringify(error)}`).not.toContain(encodeURIComponent(token));
  });
});

describe("a third re-audit", () => {
  test("a clone's headers are its own: changing them leaves the response's as they were", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" }, headers: { "x-a": "1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    qoder.use({
      onResponse: ({ response }) => {
        try {
          response.clone().headers.set("x-a", "evil");
        } catch {} // a fetch Response's clone has immutable headers, as fetch makes them
      },
    });
    const response = await qoder.deployments.retrieve("dep_1").asResponse();
    expect(response.headers.get("x-a")).toBe("1");
  });

  test("path parameters: named as openapi-fetch reads them, own properties only, strings or numbers", async () => {
    const api = await serveDuringTest((r) => ({ body: { id: r.path } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
    const { data } = await qoder.GET("/agents/{.id}" as never, { params: { path: { id: "a" } } } as never);
    expect(data).toEqual({ id: "/agents/.a" }); // openapi-fetch's label style
    for (const [path, ids] of [
      ["/agents/{.id}", { ".id": "a" }],
      ["/agents/{constructor}", {}],
      ["/agents/{id}", { id: {} }],
      ["/agents/{id}/x", { id: Object.assign([".."], { toString: () => "a" }) }],
    ] as const) {
      const error = await qoder.GET(path as never, { params: { path: ids } } as never).catch((e) => e);
      expect(error, path).toBeInstanceOf(QoderError);
    }
    expect(api.requests).toHaveLength(1);
  });

  test("a query is free of the path's rules, and both transports send what fetch sends for it", async () => {
    const targets: string[] = []; // as they came on the wire
    const api = await serveDuringTest((_r, res) => {
      targets.push(res.req.url ?? "");
      return { body: { data: [], has_more: false } };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
    await qoder.GET("/agents?q={x}&next=/.." as never);
    await qoder.GET("/agents?q=it's" as never);
    await qoder.environments.list({ name: "it's" } as never);
    expect(targets).toEqual(["/agents?q={x}&next=/..", "/agents?q=it%27s", "/environments?name=it%27s"]);
  });

  test("a signal that is 0, false or an empty string is refused, as fetch refuses it", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    for (const signal of [0, false, ""]) {
      const error = await qoder.deployments.retrieve("dep_1", { signal: signal as never }).catch((e) => e);
      expect((error as Error).message).toMatch(/`signal` must be an AbortSignal/);
    }
    expect(api.requests).toHaveLength(0);
  });
});

describe("a fourth re-audit", () => {
  test("a clone's headers are the response's, no more: no Content-Type added to a text body", async () => {
    const api = await serveDuringTest((_r, res) => {
      res.writeHead(200, { "content-length": "8" });
      res.end('{"ok":1}');
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const seen: (string | null)[] = [];
    qoder.use({
      onResponse: ({ response }) => {
        seen.push(response.headers.get("content-type"), response.clone().headers.get("content-type"));
        seen.push(response.clone().clone().headers.get("content-type"));
      },
    });
    await qoder.GET("/agents" as never);
    expect(seen).toEqual([null, null, null]);
  });

  test("path parameters that are not strings or numbers, a getter that changes, a # in the path", async () => {
    const api = await serveDuringTest((r) => ({ body: { id: r.path } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
    for (const id of [true, () => 1, Symbol("x"), 10n]) {
      const error = await qoder
        .GET("/agents/{agent_id}" as never, { params: { path: { agent_id: id } } } as never)
        .catch((e) => e);
      expect(error).toBeInstanceOf(QoderError);
      expect((error as Error).message).toMatch(/must be a string or a number/);
    }
    let reads = 0;
    const path = {
      get agent_id() {
        return reads++ < 1 ? "ok" : "..";
      },
    };
    const { data } = await qoder.GET("/agents/{agent_id}/x" as never, { params: { path } } as never);
    expect(data).toEqual({ id: "/agents/ok/x" }); // read once: the value checked is the value sent
    const fragment = await qoder
      .GET("/agents#f" as never, { params: { query: { a: 1 } } } as never)
      .catch((e) => e);
    expect((fragment as Error).message).toMatch(/`path`/);
    expect(api.requests.map((r) => r.path)).toEqual(["/agents/ok/x"]);
  });
});

describe("a fifth re-audit", () => {
  test("params the path does not name reach openapi-fetch as given: inherited or non-enumerable too", async () => {
    const targets: string[] = [];
    const api = await serveDuringTest((r, res) => {
      targets.push(`${res.req.url} ${r.headers["x-h"] ?? "-"}`);
      return { body: { id: "a" } };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const inherited = Object.assign(Object.create({ query: { x: 1 }, header: { "x-h": "v" } }), {
      path: { agent_id: "a" },
    });
    await qoder.GET("/agents/{agent_id}" as never, { params: inherited } as never);
    const hidden = { path: {} };
    Object.defineProperty(hidden, "query", { value: { x: 2 } });
    Object.defineProperty(hidden.path, "agent_id", { value: "b" });
    await qoder.GET("/agents/{agent_id}" as never, { params: hidden } as never);
    expect(targets).toEqual(["/agents/a?x=1 v", "/agents/b?x=2 -"]);
  });

  test("a clone of a read response reads as fetch's clone does: a blob without an added type", async () => {
    const api = await serveDuringTest((_r, res) => {
      res.writeHead(400, { "content-length": "9" });
      res.end("bad thing");
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    const types: string[] = [];
    qoder.use({
      onResponse: async ({ response }) => {
        const copy = response.clone();
        types.push((await copy.blob()).type, (await response.clone().clone().blob()).type);
      },
    });
    await qoder.GET("/agents" as never);
    expect(types).toEqual(["", ""]);
  });

  test("a number that is not finite is not a path parameter", async () => {
    const api = await serveDuringTest(() => ({ body: { id: "a" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
    for (const agent_id of [Number.NaN, Number.POSITIVE_INFINITY]) {
      const error = await qoder
        .GET("/agents/{agent_id}" as never, { params: { path: { agent_id } } } as never)
        .catch((e) => e);
      expect((error as Error).message).toMatch(/`agent_id` must be a string or a number/);
    }
    expect(api.requests).toHaveLength(0);
  });
});

test("a path parameter named __proto__ is sent as checked (a plain object's setter swallowed it)", async () => {
  const targets: string[] = [];
  const api = await serveDuringTest((_r, res) => {
    targets.push(`${res.req.method} ${res.req.url}`);
    return { body: { id: "a" } };
  });
  const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url });
  const path = JSON.parse('{"__proto__":"ag1"}') as Record<string, string>;
  await qoder.POST("/agents/{__proto__}" as never, { params: { path }, body: { a: 1 } } as never);
  expect(targets).toEqual(["POST /agents/ag1"]);
});

test("FormData, URLSearchParams and Blob bodies are sent as fetch sends them, with its Content-Type, on either transport", async () => {
  const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
  const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, maxRetries: 0 });
  const form = new FormData();
  form.set("name", "n");
  await qoder.deployments.create(form as never); // a JavaScript caller's body
  await qoder.POST("/deployments", {
    body: new URLSearchParams({ name: "n" }) as never,
    bodySerializer: (b) => b,
  });
  await qoder.POST("/deployments", {
    body: new Blob(["<x/>"], { type: "text/xml" }) as never,
    bodySerializer: (b) => b,
    headers: { "content-type": null } as never, // openapi-fetch's JSON default taken off: the Blob's type goes
  });
  const [multipart, urlencoded, blob] = api.requests;
  expect(multipart?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
  expect(multipart?.body).toMatch(/name="name"\r\n\r\nn\r\n/);
  // openapi-fetch's JSON Content-Type wins over the body's own, as it does on fetch.
  expect([urlencoded?.headers["content-type"], urlencoded?.body]).toEqual(["application/json", "name=n"]);
  expect([blob?.headers["content-type"], blob?.body]).toEqual(["text/xml", "<x/>"]);
});

test("a token of thousands of characters (a JWT from a token function) is scrubbed, its errors typed", async () => {
  const segment = (n: number) =>
    Array.from(
      { length: n },
      (_, i) => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_"[(i * 7) % 64],
    );
  for (const token of [
    `eyJ${segment(2_500).join("")}.${segment(2_500).join("")}`,
    `pt-${"!#$&<>".repeat(1_000)}`, // signs only: a pattern too large to compile, then none of the body is kept
  ]) {
    const api = await serveDuringTest((r) => ({
      status: 401,
      body: envelope("authentication_error", `bad token ${String(r.headers.authorization).slice(7)}`),
    }));
    const qoder = createQoderClient({ token: () => token, baseUrl: api.url });
    const error = await qoder.models.list().catch((e) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(JSON.stringify(error)).toContain("[redacted]");
    expect(JSON.stringify(error)).not.toContain(token.slice(3, 40));
    expect(api.requests).toHaveLength(1); // a 401 is never retried
  }
});

test("a stream body is refused as fetch refuses it without duplex, on either transport: never a hang", async () => {
  const api = await serveDuringTest(() => ({ body: { id: "dep_1" } }));
  const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, timeoutMs: 300, maxRetries: 0 });
  async function* endless() {
    for (;;) yield await new Promise<Uint8Array>(() => undefined);
  }
  // A ReadableStream, and any async iterable (an async generator; a Node Readable is one too).
  for (const never of [new ReadableStream({ pull: () => new Promise<void>(() => undefined) }), endless()]) {
    const started = performance.now();
    const error = await qoder
      .POST("/deployments", { body: never as never, bodySerializer: (b: unknown) => b })
      .catch((e) => e);
    expect(error).toBeInstanceOf(QoderError);
    expect((error as Error).message).toMatch(/duplex/);
    expect(performance.now() - started).toBeLessThan(5_000);
  }
  expect(api.requests).toHaveLength(0);
});

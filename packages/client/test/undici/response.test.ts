// undiciFetch()'s Response, on its own: the client's behaviour suites run on it too (vitest.config.ts), but
// only through what the client reads. Here: what a user of asResponse() or withResponse() may read.
import { once } from "node:events";
import { setTimeout as sleep } from "node:timers/promises";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Agent } from "undici";
import { afterAll, describe, expect, test } from "vitest";
import { APITimeoutError, createQoderClient, InternalServerError } from "../../src/index.js";
import { undiciFetch } from "../../src/undici.js";
import { serveDuringTest, TOKEN } from "../support/server.js";

// A full garbage collection on demand (vitest's workers run without --expose-gc), for the tests of what
// happens to a Response once nothing holds it.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
const agent = new Agent({ keepAliveTimeout: 10_000 });
const fetch = undiciFetch(agent);
afterAll(() => agent.close());

/** A server that sends a 200 and the first part of a body, then holds; `closed` settles when the client goes. */
async function serveHeld(first: string) {
  let closed: Promise<unknown> = new Promise(() => undefined);
  const api = await serveDuringTest((_request, res) => {
    closed = once(res, "close");
    res.writeHead(200);
    res.write(first);
    return undefined; // the rest never comes
  });
  return { url: api.url, closed: () => closed };
}

describe("undiciFetch(): the body", () => {
  test("reads as text (without a UTF-8 BOM), JSON, bytes of its own, an ArrayBuffer, a Blob and form data", async () => {
    const json = '{"name":"デプロイ"}';
    const api = await serveDuringTest(() => ({
      body: `\uFEFF${json}`,
      headers: { "content-type": "text/x" },
    }));
    expect(await (await fetch(api.url)).text()).toBe(json);
    expect(await (await fetch(api.url)).json()).toEqual({ name: "デプロイ" });
    const size = Buffer.byteLength(`\uFEFF${json}`);
    const bytes = await (await fetch(api.url)).bytes();
    expect([bytes.length, bytes.buffer.byteLength]).toEqual([size, size]);
    expect((await (await fetch(api.url)).arrayBuffer()).byteLength).toBe(size);
    const blob = await (await fetch(api.url)).blob();
    expect([blob.size, blob.type]).toEqual([size, "text/x"]);
    const form = await serveDuringTest(() => ({
      body: "a=1&b=%C3%A9",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    }));
    expect([...(await (await fetch(form.url)).formData())]).toEqual([
      ["a", "1"],
      ["b", "é"],
    ]);
  });

  test("is read once: bodyUsed turns true, a second read is a TypeError", async () => {
    const api = await serveDuringTest(() => ({ body: { ok: true } }));
    const response = await fetch(api.url);
    expect(response.bodyUsed).toBe(false);
    await response.json();
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => response.body?.getReader()).toThrow(TypeError); // held by json(), as a fetch body is
    const held = await fetch(api.url);
    held.body?.getReader();
    await expect(held.text()).rejects.toThrow(TypeError);
    // Refused after a read, text() leaves the stream to a new reader, as a fetch Response does.
    const partly = await fetch(api.url);
    const first = partly.body?.getReader();
    await first?.read();
    first?.releaseLock();
    await expect(partly.text()).rejects.toThrow(TypeError);
    expect((await partly.body?.getReader().read())?.done).toBe(true);
    const streamed = await fetch(api.url);
    const reader = streamed.body?.getReader();
    await sleep(20);
    expect(streamed.bodyUsed).toBe(false); // taking the stream is not reading it
    await reader?.read();
    expect(streamed.bodyUsed).toBe(true);
    await expect(streamed.text()).rejects.toThrow(TypeError);
  });

  test("streams through `body`; undici pauses the socket while nobody reads", async () => {
    const size = 8 * 2 ** 20;
    let finished = false;
    const api = await serveDuringTest((_request, res) => {
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(Buffer.alloc(size, 97), () => (finished = true));
      return undefined;
    });
    const response = await fetch(api.url);
    await sleep(300);
    // Held: at most the adapter's 64 KiB plus what the kernel's socket buffers take, not 8 MiB.
    expect(finished).toBe(false);
    let received = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) received += chunk.length;
    expect(received).toBe(size);
    expect(finished).toBe(true);
  });

  test("a cancelled `body` closes the connection (the server sees it go)", async () => {
    const api = await serveHeld("first part");
    const response = await fetch(api.url);
    const reader = response.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe("first part");
    await reader?.cancel();
    expect(await api.closed()).toBeDefined();
  });

  test("the signal aborts mid-body: the read rejects with its reason and the connection is closed", async () => {
    const api = await serveHeld("{");
    const controller = new AbortController();
    const response = await fetch(api.url, { signal: controller.signal });
    const text = response.text();
    controller.abort(new Error("stop"));
    await expect(text).rejects.toThrow("stop");
    expect(await api.closed()).toBeDefined();
  });

  test("a stream asked for while text() waits for the body is held by text(), which gets it all", async () => {
    const api = await serveDuringTest((_request, res) => {
      res.writeHead(200);
      res.write("part1-");
      setTimeout(() => res.end("part2"), 50);
      return undefined;
    });
    const response = await fetch(api.url);
    const text = response.text();
    expect(() => response.body?.getReader()).toThrow(TypeError);
    expect(await text).toBe("part1-part2");
  });
});

describe("undiciFetch(): a body being read keeps its response alive", () => {
  // 1 MiB in 64 chunks, 5 ms apart: time for garbage collections while it arrives.
  const size = 2 ** 20;
  const slowly = () =>
    serveDuringTest((_request, res) => {
      res.writeHead(200);
      let sent = 0;
      const timer = setInterval(() => {
        res.write(Buffer.alloc(size / 64, 97));
        if (++sent === 64) {
          clearInterval(timer);
          res.end();
        }
      }, 5);
      res.on("close", () => clearInterval(timer));
      return undefined;
    });
  const collectWhile = async <T>(pending: Promise<T>) => {
    let settled = false;
    pending.then(
      () => (settled = true),
      () => (settled = true),
    );
    while (!settled) {
      gc();
      await sleep(5);
    }
    return pending;
  };

  test("text() with nothing else holding the Response", async () => {
    const api = await slowly();
    const text = fetch(api.url).then((response) => response.text());
    expect((await collectWhile(text)).length).toBe(size);
  });

  test("a reader with nothing else holding the Response", async () => {
    const api = await slowly();
    const reader = (await fetch(api.url)).body?.getReader();
    let received = 0;
    const read = async () => {
      for (let chunk = await reader?.read(); !chunk?.done; chunk = await reader?.read())
        received += chunk?.value?.length ?? 0;
    };
    await collectWhile(read());
    expect(received).toBe(size);
  });
});

describe("undiciFetch(): the pool", () => {
  // One connection, held by a response that never ends: the next request waits for it in undici's queue.
  async function busyPool() {
    const api = await serveDuringTest((request, res) => {
      if (request.path === "/held") {
        res.writeHead(200);
        res.write("{");
        return undefined;
      }
      return { body: { id: "dep_1" } };
    });
    const agent = new Agent({ connections: 1 });
    const fetch = undiciFetch(agent);
    await fetch(`${api.url}/held`);
    return { api, agent, fetch };
  }

  test("a request still waiting for a connection fails as soon as its signal aborts", async () => {
    const { api, agent, fetch } = await busyPool();
    const started = Date.now();
    await expect(fetch(`${api.url}/next`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
    await expect(fetch(`${api.url}/next`, { signal: AbortSignal.abort(new Error("gone")) })).rejects.toThrow(
      "gone",
    );
    expect(Date.now() - started).toBeLessThan(2_000);
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, fetch, timeoutMs: 100, maxRetries: 0 });
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(APITimeoutError);
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(api.requests.map((r) => r.path)).toEqual(["/held"]); // neither was sent
    await agent.destroy();
  });

  test("a response dropped unread gives its connection back once it is collected", async () => {
    const api = await serveDuringTest((request, res) => {
      if (request.path !== "/big") return { body: { id: "dep_1" } };
      res.writeHead(200, { "content-type": "application/octet-stream" });
      res.end(Buffer.alloc(4 * 2 ** 20)); // far more than undici holds before it pauses
      return undefined;
    });
    const agent = new Agent({ connections: 1 });
    const fetch = undiciFetch(agent);
    await (async () => {
      await fetch(`${api.url}/big`); // dropped without reading
    })();
    let answered = false;
    const next = fetch(`${api.url}/next`).then((response) => {
      answered = true;
      return response.json();
    });
    for (let i = 0; i < 100 && !answered; i++) {
      gc();
      await sleep(30);
    }
    expect(await next).toEqual({ id: "dep_1" });
    await agent.destroy();
  });
});

describe("undiciFetch(): the response", () => {
  test("HEAD, 204 and 304 have a null body that reads as nothing, and stays unused", async () => {
    const api = await serveDuringTest((request) => ({ status: request.path === "/304" ? 304 : 204 }));
    for (const [path, method] of [
      ["/204", "GET"],
      ["/304", "GET"],
      ["/204", "HEAD"],
    ] as const) {
      const response = await fetch(`${api.url}${path}`, { method });
      expect([response.body, await response.text(), await response.text()]).toEqual([null, "", ""]);
      expect(response.bodyUsed).toBe(false);
    }
  });

  test("a status over 599 is passed on, as by Node's fetch; the client answers it once as a server error", async () => {
    const api = await serveDuringTest((_request, res) => {
      res.writeHead(600, { "content-type": "application/json" }).end("{}");
      return undefined;
    });
    const response = await fetch(api.url);
    expect([response.status, response.ok, await response.json()]).toEqual([600, false, {}]);
    const qoder = createQoderClient({ token: TOKEN, baseUrl: api.url, fetch });
    await expect(qoder.deployments.create({ name: "x" } as never)).rejects.toBeInstanceOf(
      InternalServerError,
    );
    expect(api.requests).toHaveLength(2); // the fetch, then one attempt of the create: not retried
  });

  test("an aborted signal sends nothing", async () => {
    const api = await serveDuringTest(() => ({ body: {} }));
    await expect(fetch(api.url, { signal: AbortSignal.abort(new Error("no")) })).rejects.toThrow("no");
    expect(api.requests).toHaveLength(0);
  });

  test("goes to the host Node's fetch would, and refuses a URL with credentials as it does", async () => {
    const api = await serveDuringTest(() => ({ body: { api: true } }));
    const other = await serveDuringTest(() => ({ body: { other: true } }));
    const { host } = new URL(other.url);
    // "http://<api host>@<other host>/x" is user info, then the other host: fetch() refuses it.
    for (const url of [`${api.url}@${host}/x`, `${api.url}@${host}`, `http://user:pw@${host}/x`])
      await expect(fetch(url)).rejects.toThrow(/credentials/);
    // A query before any "/" (the path is "/"), and "\\" read as "/", as the URL standard says.
    expect(await (await fetch(`${other.url}?a=/b`)).json()).toEqual({ other: true });
    expect(await (await fetch(`${other.url}\\x`)).json()).toEqual({ other: true });
    expect(other.requests.map((r) => [r.path, r.query.get("a")])).toEqual([
      ["/", "/b"],
      ["/x", null],
    ]);
    expect(api.requests).toHaveLength(0);
  });

  test("a 103 Early Hints is skipped for the final answer", async () => {
    const api = await serveDuringTest((_request, res) => {
      res.writeEarlyHints({ link: "</style.css>; rel=preload" });
      res.writeHead(201, { "content-type": "application/json" }).end('{"id":"dep_1"}');
      return undefined;
    });
    const response = await fetch(api.url);
    expect([response.status, await response.json()]).toEqual([201, { id: "dep_1" }]);
  });

  test("says its url (without the fragment, which is not sent either) and its type, as Node's fetch", async () => {
    const sent: (string | undefined)[] = [];
    const api = await serveDuringTest((_request, res) => {
      sent.push(res.req.url); // the request line's target, as it came
      return { body: {} };
    });
    const response = await fetch(`${api.url}/deployments?limit=1#top`);
    expect([response.url, response.type]).toEqual([`${api.url}/deployments?limit=1`, "basic"]);
    await response.text();
    await (await fetch(`${api.url}#top`)).text();
    expect(sent).toEqual(["/deployments?limit=1", "/"]);
  });

  test("keeps every field of a repeated header, and the status text", async () => {
    const api = await serveDuringTest((_request, res) => {
      res.statusMessage = "Fine";
      res.setHeader("set-cookie", ["a=1", "b=2"]);
      res.setHeader("x-request-id", "req_1");
      res.end("{}");
      return undefined;
    });
    const response = await fetch(api.url);
    expect(response.headers.getSetCookie()).toEqual(["a=1", "b=2"]);
    expect([response.headers.get("x-request-id"), response.statusText]).toEqual(["req_1", "Fine"]);
    await response.text();
  });
});

test("a URL fetch would encode or resolve is sent, and reported as the response's url, as fetch does", async () => {
  const targets: string[] = [];
  const api = await serveDuringTest((_r, res) => {
    targets.push(res.req.url ?? "");
    return { body: {} };
  });
  for (const path of ["/a{b}", "/a/b/../c?q=it's"]) {
    const ours = await fetch(`${api.url}${path}`);
    const theirs = await globalThis.fetch(`${api.url}${path}`);
    expect(ours.url).toBe(theirs.url);
    await Promise.all([ours.arrayBuffer(), theirs.arrayBuffer()]);
  }
  expect(targets).toEqual(["/a%7Bb%7D", "/a%7Bb%7D", "/a/c?q=it%27s", "/a/c?q=it%27s"]);
});

describe("undiciFetch(): a request body that is a stream", () => {
  test("needs duplex: 'half', as fetch does; then it is streamed, and the signal ends an endless one", async () => {
    const api = await serveDuringTest((request) => ({ body: { got: request.body } }));
    async function* chunks() {
      yield new TextEncoder().encode("hello ");
      yield new TextEncoder().encode("world");
    }
    await expect(fetch(api.url, { method: "POST", body: chunks() as never })).rejects.toThrow(/duplex/);
    const init = { method: "POST", duplex: "half" } as RequestInit;
    const sent = await fetch(api.url, { ...init, body: chunks() as never });
    expect(await sent.json()).toEqual({ got: "hello world" });
    async function* endless() {
      for (;;) yield await new Promise<Uint8Array>(() => undefined);
    }
    const signal = AbortSignal.timeout(200);
    await expect(fetch(api.url, { ...init, body: endless() as never, signal })).rejects.toThrow(
      /abort|time/i,
    );
    // A stream read already is refused, as fetch refuses it (it would go out empty).
    const once = new ReadableStream({
      start: (controller) => {
        controller.enqueue(new TextEncoder().encode("payload"));
        controller.close();
      },
    });
    expect(await (await fetch(api.url, { ...init, body: once })).json()).toEqual({ got: "payload" });
    await expect(fetch(api.url, { ...init, body: once })).rejects.toThrow(/disturbed/);
  });

  test("a number or a boolean is sent as its text, as fetch sends it", async () => {
    const api = await serveDuringTest((request) => ({ body: { got: request.body } }));
    for (const body of [42, true])
      expect(await (await fetch(api.url, { method: "POST", body: body as never })).json()).toEqual({
        got: String(body),
      });
  });
});

import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { describe, expect, test, vi } from "vitest";
import { resolveConfig } from "../../src/config.js";
import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  QoderError,
  type QoderRequest,
} from "../../src/index.js";
import { createQoderClient } from "../support/client.js";
import { serveDuringTest, TOKEN } from "../support/server.js";

const serve = serveDuringTest;
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("timeouts (per attempt)", () => {
  test("the defaults are the README's: 60 s per attempt, 2 retries, no cap on a response's size", () => {
    const { timeoutMs, maxRetries, maxResponseBytes } = resolveConfig({ token: TOKEN });
    expect({ timeoutMs, maxRetries, maxResponseBytes }).toEqual({
      timeoutMs: 60_000,
      maxRetries: 2,
      maxResponseBytes: undefined,
    });
  });

  test("a slow answer is an APITimeoutError once retries are spent", async () => {
    const server = await serve(async () => {
      await delay(400);
      return { body: { id: "dep_1" } };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, timeoutMs: 50, maxRetries: 0 });
    const error = await qoder.deployments.retrieve("dep_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect((error as Error).message).toContain("50 ms");
  });

  test("a timed-out attempt is cancelled: the server sees its connection closed", async () => {
    let closedBeforeAnswer: () => void = () => undefined;
    const closed = new Promise<void>((resolve) => {
      closedBeforeAnswer = resolve;
    });
    const server = await serve((_req, res) => {
      // Under load the client may already have given up before this handler runs.
      if (res.socket === null || res.socket.destroyed) closedBeforeAnswer();
      res.on("close", () => {
        if (!res.writableEnded) closedBeforeAnswer();
      });
      return undefined; // never answers
    });
    // 1 s: on a loaded machine a shorter timeout can fire before the request has even reached the server.
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, timeoutMs: 1_000, maxRetries: 0 });
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(APITimeoutError);
    const outcome = await Promise.race([closed.then(() => "closed"), delay(10_000).then(() => "still open")]);
    expect(outcome).toBe("closed");
  });

  test("the timeout applies to each attempt: a slow first attempt is retried", async () => {
    const server = await serve(async (_req, _res, i) => {
      if (i === 0) await delay(3_000);
      return { body: { id: "dep_1", attempt: i } };
    });
    // 1 s leaves the quick second attempt a wide margin on a loaded machine.
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, timeoutMs: 1_000, maxRetries: 1 });
    await expect(qoder.deployments.retrieve("dep_1")).resolves.toEqual({ id: "dep_1", attempt: 1 });
    expect(server.requests).toHaveLength(2);
  });

  test("a per-call timeoutMs overrides the client's", async () => {
    const server = await serve(async () => {
      await delay(300);
      return { body: { id: "dep_1" } };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, timeoutMs: 10, maxRetries: 0 });
    await expect(qoder.deployments.retrieve("dep_1", { timeoutMs: 5_000 })).resolves.toEqual({ id: "dep_1" });
    await expect(qoder.GET("/deployments", { timeoutMs: 20 })).rejects.toBeInstanceOf(APITimeoutError);
  });

  test("a server that stalls in the middle of the body times out too", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id":"dep_1",'); // …and never finishes
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, timeoutMs: 100, maxRetries: 0 });
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(APITimeoutError);
  });
});

describe("a token function is part of its attempt", () => {
  const never = () => new Promise<string>(() => undefined);

  test("one that never settles is ended by the attempt's timeout, and nothing is sent", async () => {
    const server = await serve(() => ({ body: {} }));
    const qoder = createQoderClient({ token: never, baseUrl: server.url, timeoutMs: 200, maxRetries: 0 });
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(APITimeoutError);
    expect(server.requests).toHaveLength(0);
  });

  test("one that never settles is ended by the caller's signal, with its reason", async () => {
    const server = await serve(() => ({ body: {} }));
    const qoder = createQoderClient({ token: never, baseUrl: server.url });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("user gave up")), 50);
    const error = await qoder.deployments.retrieve("dep_1", { signal: controller.signal }).catch((e) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toBe(controller.signal.reason);
    expect(server.requests).toHaveLength(0);
  });

  test("a token that comes after its attempt timed out is set nowhere: the retry gets its own", async () => {
    let calls = 0;
    let resolveFirst: (token: string) => void = () => undefined;
    const token = () =>
      ++calls === 1
        ? new Promise<string>((resolve) => {
            resolveFirst = resolve;
          })
        : "pt-second";
    const server = await serve(() => ({ body: { id: "dep_1" } }));
    const seen: QoderRequest[] = [];
    // 1 s: the retry's own request must fit in it on a loaded machine too.
    const qoder = createQoderClient({ token, baseUrl: server.url, timeoutMs: 1_000, maxRetries: 1 });
    qoder.use({ onRequest: ({ request }) => void seen.push(request) });
    await expect(qoder.deployments.retrieve("dep_1")).resolves.toEqual({ id: "dep_1" });
    resolveFirst("pt-first");
    await delay(20);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual(["Bearer pt-second"]);
    expect(seen[0]?.headers.has("authorization")).toBe(false);
  });
});

describe("deadlines hold while the garbage collector runs", () => {
  setFlagsFromString("--expose-gc");
  const gc = runInNewContext("gc") as () => void;
  /** Runs full collections every 20 ms until `call` settles; what it settled with. */
  const collecting = async (call: Promise<unknown>) => {
    const timer = setInterval(gc, 20);
    try {
      return await call.then(
        () => "resolved",
        (error: unknown) => error,
      );
    } finally {
      clearInterval(timer);
    }
  };

  test("a call of a client still held, a call of a client dropped, a never-settling token: all time out", async () => {
    const server = await serve(() => undefined); // never answers
    const options = { baseUrl: server.url, token: TOKEN, timeoutMs: 300, maxRetries: 0 };
    const held = createQoderClient(options);
    expect(await collecting(held.deployments.retrieve("dep_1"))).toBeInstanceOf(APITimeoutError);
    // Later calls of that client still get a deadline.
    expect(await collecting(held.deployments.retrieve("dep_1"))).toBeInstanceOf(APITimeoutError);
    expect(await collecting(createQoderClient(options).deployments.retrieve("dep_1"))).toBeInstanceOf(
      APITimeoutError,
    );
    // Nothing but the timer holds a call waiting for a token that never comes.
    const waiting = createQoderClient({ ...options, token: () => new Promise<string>(() => {}) });
    expect(await collecting(waiting.deployments.retrieve("dep_1"))).toBeInstanceOf(APITimeoutError);
  });
});

describe("deadlines follow a monotonic clock", () => {
  test("a wall clock set back during a call does not delay its timeout", async () => {
    const server = await serve(() => undefined); // never answers
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, timeoutMs: 300, maxRetries: 0 });
    const realNow = Date.now.bind(Date);
    const started = performance.now();
    const pending = qoder.deployments.retrieve("dep_1").catch((e: unknown) => e);
    await delay(50);
    const setBack = vi.spyOn(Date, "now").mockImplementation(() => realNow() - 10_000);
    try {
      expect(await pending).toBeInstanceOf(APITimeoutError);
    } finally {
      setBack.mockRestore();
    }
    // With deadlines on Date.now, the 300 ms timeout came 10 s late.
    expect(performance.now() - started).toBeLessThan(5_000);
  });
});

describe("the caller's signal", () => {
  test("aborting in flight rejects with APIUserAbortError and is not retried", async () => {
    const controller = new AbortController();
    // Abort once the server holds the request, so "in flight" holds however slow the machine is.
    const server = await serve(async () => {
      controller.abort();
      await delay(1_000);
      return { body: {} };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, maxRetries: 3 });
    const pending = qoder.deployments.retrieve("dep_1", { signal: controller.signal });
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect(error).toBeInstanceOf(QoderError);
    expect(error).not.toBeInstanceOf(APITimeoutError);
    expect(server.requests).toHaveLength(1);
  });

  test("an already-aborted signal sends nothing", async () => {
    const server = await serve(() => ({ body: {} }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    await expect(qoder.deployments.retrieve("dep_1", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(server.requests).toHaveLength(0);
  });

  test("aborting during the backoff between attempts stops at once", async () => {
    const controller = new AbortController();
    let abortedAt = 0;
    // Aborted once the first attempt has been answered (not after a fixed delay, which a busy machine
    // can outlast before the first request is even sent): the client is then waiting 30 s to retry.
    const server = await serve((_request, res) => {
      // (200 ms later: the client has drained the 503 by then and is waiting.)
      res.once("finish", () =>
        setTimeout(() => {
          abortedAt = performance.now();
          controller.abort();
        }, 200),
      );
      return { status: 503, headers: { "retry-after": "30" }, body: {} };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, maxRetries: 2 });
    const pending = qoder.deployments.list({}, { signal: controller.signal }).then((page) => page);
    const error = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toBe(controller.signal.reason); // the reason, as during an attempt
    expect(abortedAt).toBeGreaterThan(0);
    // Far below the 30 s the server asked for: the abort cut the wait short.
    expect(performance.now() - abortedAt).toBeLessThan(10_000);
    expect(server.requests).toHaveLength(1);
  });

  test("the signal works through the raw openapi-fetch methods too", async () => {
    const server = await serve(async () => {
      await delay(1_000);
      return { body: {} };
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    await expect(qoder.GET("/deployments", { signal: AbortSignal.timeout(50) })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
  });
});

/** A server that sends a 200 and the start of a body, then holds; `closed` settles when the client goes. */
async function serveHeld() {
  let closed: Promise<void> = new Promise(() => undefined);
  const server = await serve((_req, res) => {
    closed = new Promise((resolve) => res.on("close", () => resolve()));
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"id": "dep_');
    return undefined; // the rest never comes
  });
  return { server, closed: () => closed };
}

describe("a response handed back unread (asResponse(), parseAs)", () => {
  test("its body is still cancelled by the call's signal, and the connection closed", async () => {
    const { server, closed } = await serveHeld();
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    const controller = new AbortController();
    const response = await qoder.deployments.retrieve("dep_1", { signal: controller.signal }).asResponse();
    const reading = response.text();
    controller.abort(new Error("stop"));
    await expect(reading).rejects.toThrow();
    expect(await Promise.race([closed().then(() => "closed"), delay(10_000).then(() => "open")])).toBe(
      "closed",
    );
  });

  test("its body, all arrived but unread, is still cancelled by the call's signal, as a fetch body is", async () => {
    const server = await serve(() => ({ body: { id: "dep_1" } }));
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url });
    for (const read of [(r: Response) => r.text(), (r: Response) => r.body?.getReader().read()]) {
      const controller = new AbortController();
      const response = await qoder.deployments.retrieve("dep_1", { signal: controller.signal }).asResponse();
      await delay(100); // the whole body has arrived by now
      controller.abort(new Error("stop"));
      await expect(read(response)).rejects.toThrow();
    }
    // A body read before the abort is the caller's.
    const controller = new AbortController();
    const response = await qoder.deployments.retrieve("dep_1", { signal: controller.signal }).asResponse();
    expect(await response.json()).toEqual({ id: "dep_1" });
    controller.abort(new Error("stop"));
  });

  test("the call's timeout ends with its headers: the body is the caller's to read, however late", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"id": ');
      setTimeout(() => res.end('"dep_1"}'), 1_500);
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: server.url, timeoutMs: 500, maxRetries: 0 });
    const response = await qoder.deployments.retrieve("dep_1").asResponse();
    expect(await response.json()).toEqual({ id: "dep_1" });
  });
});

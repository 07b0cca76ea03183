// Connection hygiene of the front layer, against a real local upstream standing in for Prism: stalled
// clients are cut off, abandoned requests are aborted upstream and leak nothing, a silent upstream times
// out, a vanished one is a 503.
import { readdirSync } from "node:fs";
import {
  createServer,
  request as httpRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import {
  AnswerBatch,
  type EnvelopeProxy,
  MAX_BODY_BYTES,
  MAX_HEADER_FIELDS,
  SERVER_TIMEOUTS,
  type ServerTimeouts,
  startEnvelopeProxy,
} from "../src/envelope-proxy.js";
import { mockPrefer } from "../src/example-statuses.js";
import { admission, loadContract, refusal, Simulator } from "../src/simulator/index.js";

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** An upstream that never answers: it records each request and whether it was aborted before an answer. */
async function silentUpstream() {
  const received: IncomingMessage[] = [];
  const aborted: IncomingMessage[] = [];
  const waiters: (() => void)[] = [];
  const server: Server = createServer((request, response) => {
    received.push(request);
    response.once("close", () => {
      if (!response.writableFinished) aborted.push(request);
    });
    for (const wake of waiters.splice(0)) wake();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    aborted,
    /** Resolves once the upstream has received `count` requests in all. */
    receivedCount: (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (received.length >= count ? resolve() : waiters.push(check));
        check();
      }),
  };
}

async function proxyTo(
  upstream: Parameters<typeof startEnvelopeProxy>[0]["upstream"],
  timeouts?: Partial<ServerTimeouts>,
): Promise<EnvelopeProxy> {
  const proxy = await startEnvelopeProxy({ port: 0, upstream, timeouts });
  cleanups.push(() => proxy.close());
  return proxy;
}

/** Opens a raw connection and resolves how long it took the server to close it (and what it sent). */
async function timeUntilClosed(
  port: number,
  send: (socket: Socket) => void,
): Promise<{ ms: number; received: string }> {
  const socket = connect(port, "127.0.0.1");
  cleanups.push(() => socket.destroy());
  await new Promise((resolve) => socket.once("connect", resolve));
  let received = "";
  socket.on("data", (chunk: Buffer) => {
    received += chunk.toString("latin1");
  });
  const started = performance.now();
  send(socket);
  await new Promise((resolve) => socket.once("close", resolve));
  return { ms: performance.now() - started, received };
}

const openFds = () => readdirSync("/proc/self/fd").length;

/** The JSON body of a raw HTTP answer is the API's error envelope, with this type and message. */
function expectEnvelope(received: string, type: string, message: RegExp): void {
  expect(received).toMatch(/\r\ncontent-type: application\/json\r\n/i);
  const body = JSON.parse(received.slice(received.indexOf("\r\n\r\n") + 4));
  // stringMatching: a RegExp given as a value to toMatchObject matches any string (it has no own keys).
  expect(body).toMatchObject({
    type: "error",
    request_id: expect.any(String),
    error: { type, message: expect.stringMatching(message) },
  });
}

describe("requests Node's HTTP parser refuses get the API's envelope, and the connection is closed", () => {
  it.each([
    ["a malformed request line", "GET /deployments HTTP/9.9 nonsense\r\n\r\n", 400, /Malformed HTTP request/],
    [
      "a control character in a header",
      "GET / HTTP/1.1\r\nHost: mock\r\nX-Bad: a\u0001b\r\n\r\n",
      400,
      /Malformed/,
    ],
    [
      "a bad chunk size",
      "POST /deployments HTTP/1.1\r\nHost: mock\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
      400,
      /Malformed/,
    ],
    [
      "headers over 16 KB",
      `GET /deployments?x=${"a".repeat(20_000)} HTTP/1.1\r\nHost: mock\r\n\r\n`,
      431,
      /exceed 16 KB/,
    ],
  ])("%s", async (_what, request, status, message) => {
    const proxy = await proxyTo("http://127.0.0.1:9");
    const { received } = await timeUntilClosed(proxy.port, (socket) => socket.write(request));
    expect(received).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expectEnvelope(received, "invalid_request_error", message);
    // Its request id in the x-request-id header too, as on every other error.
    const { request_id } = JSON.parse(received.slice(received.indexOf("\r\n\r\n") + 4));
    expect(received).toContain(`\r\nx-request-id: ${request_id}\r\n`);
  });
});

describe("stalled connections are closed", () => {
  it("uses the figures stated in the README", async () => {
    expect(SERVER_TIMEOUTS).toEqual({
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 60_000,
      keepAliveTimeoutMs: 5_000,
      upstreamTimeoutMs: 30_000,
    });
    const proxy = await proxyTo("http://127.0.0.1:9");
    expect(proxy.server.headersTimeout).toBe(10_000);
    expect(proxy.server.requestTimeout).toBe(60_000);
    expect(proxy.server.keepAliveTimeout).toBe(5_000);
  });

  it("headersTimeout: headers that never finish get 408 and the connection closed", async () => {
    const proxy = await proxyTo("http://127.0.0.1:9", { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
    const { ms, received } = await timeUntilClosed(proxy.port, (socket) =>
      socket.write("GET /deployments HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer pt-test\r\n"),
    );
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expectEnvelope(received, "invalid_request_error", /did not arrive in time \(its headers within 1 s/);
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(15_000);
  });

  it("requestTimeout: a body that stops coming gets 408 and the connection closed", async () => {
    const proxy = await proxyTo("http://127.0.0.1:9", { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
    const { ms, received } = await timeUntilClosed(proxy.port, (socket) =>
      socket.write(
        'POST /deployments HTTP/1.1\r\nHost: mock\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"na',
      ),
    );
    expect(received).toMatch(/^HTTP\/1\.1 408/);
    expectEnvelope(received, "invalid_request_error", /all of it within 2 s/);
    expect(ms).toBeGreaterThanOrEqual(1_950);
    expect(ms).toBeLessThan(20_000);
  });

  it("a stalled client that never reads nor closes its side does not keep its socket once answered", async () => {
    const proxy = await proxyTo("http://127.0.0.1:9", { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 });
    const before = openFds();
    // allowHalfOpen: the client does not close its side when the mock closes its own, as a client that
    // never reads would not; then the mock's socket must still go.
    const clients = Array.from({ length: 20 }, () =>
      connect({ port: proxy.port, host: "127.0.0.1", allowHalfOpen: true }),
    );
    for (const client of clients) cleanups.push(() => client.destroy());
    await Promise.all(clients.map((client) => new Promise((resolve) => client.once("connect", resolve))));
    for (const client of clients) client.write("GET /models HTTP/1.1\r\nHost: mock\r\n");
    // Both ends of each connection live in this process: 40 descriptors once the mock accepted them all.
    const until = async (done: () => boolean) => {
      const deadline = performance.now() + 10_000;
      while (!done() && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    };
    await until(() => openFds() >= before + 40);
    expect(openFds()).toBeGreaterThanOrEqual(before + 40);
    // The headers' deadline (1 s), its 408, then at most the second the answer is given to go.
    await until(() => openFds() <= before + 20);
    expect(openFds()).toBeLessThanOrEqual(before + 20);
  });

  it("keepAliveTimeout: an idle keep-alive connection is closed after 5 s", async () => {
    const upstream = createServer((_request, response) => response.end("{}"));
    await new Promise<void>((resolve) => upstream.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => upstream.close());
    const proxy = await proxyTo(`http://127.0.0.1:${(upstream.address() as AddressInfo).port}`);
    let answeredAt = 0;
    const { ms, received } = await timeUntilClosed(proxy.port, (socket) => {
      socket.on("data", () => {
        answeredAt ||= performance.now();
      });
      socket.write("GET /deployments HTTP/1.1\r\nHost: mock\r\nAuthorization: Bearer pt-test\r\n\r\n");
    });
    expect(received).toMatch(/^HTTP\/1\.1 200.*keep-alive: timeout=5/is);
    const idle = performance.now() - answeredAt;
    expect(idle).toBeGreaterThanOrEqual(4_900);
    expect(ms).toBeLessThan(20_000);
  });
});

describe("upstream requests", () => {
  it("are aborted when the client goes away: 100 abandoned requests leave no file descriptor behind", async () => {
    const upstream = await silentUpstream();
    const proxy = await proxyTo(upstream.url);
    const abandon = async (index: number) => {
      const request = httpRequest({
        host: "127.0.0.1",
        port: proxy.port,
        path: `/deployments?n=${index}`,
        headers: { authorization: "Bearer pt-test" },
        agent: false,
      });
      request.on("error", () => {});
      request.end();
      await upstream.receivedCount(index + 1);
      request.destroy();
    };
    // One first, so that lazily opened descriptors (event loop, DNS, …) are in the baseline.
    await abandon(0);
    await expect.poll(() => upstream.aborted.length, { timeout: 10_000 }).toBe(1);
    const baseline = openFds();

    for (let index = 1; index <= 100; index += 1) await abandon(index);
    await expect.poll(() => upstream.aborted.length, { timeout: 20_000 }).toBe(101);
    expect(upstream.received).toHaveLength(101);
    // Client, proxy and upstream sockets all live in this process: a leak of one per request shows here.
    await expect.poll(openFds, { timeout: 20_000 }).toBeLessThanOrEqual(baseline);
  });

  it("time out: a silent upstream gets a 504 api_error envelope and its request is aborted", async () => {
    const upstream = await silentUpstream();
    const proxy = await proxyTo(upstream.url, { upstreamTimeoutMs: 500 });
    const started = performance.now();
    const response = await fetch(`http://127.0.0.1:${proxy.port}/deployments`, {
      headers: { authorization: "Bearer pt-test", "x-request-id": "req-timeout" },
    });
    expect(performance.now() - started).toBeGreaterThanOrEqual(450);
    expect(response.status).toBe(504);
    expect(await response.json()).toEqual({
      type: "error",
      request_id: "req-timeout",
      error: { type: "api_error", message: "Prism did not answer within 0.5 s." },
    });
    await expect.poll(() => upstream.aborted.length, { timeout: 10_000 }).toBe(1);
  });

  it("get a 503 api_error envelope while there is no upstream, and when it drops the connection", async () => {
    const restarting = await proxyTo({ url: () => undefined, unavailable: () => "Prism is restarting" });
    const during = await fetch(`http://127.0.0.1:${restarting.port}/deployments`, {
      headers: { authorization: "Bearer pt-test" },
    });
    expect(during.status).toBe(503);
    expect(during.headers.get("retry-after")).toBe("1");
    expect(await during.json()).toMatchObject({
      type: "error",
      error: { type: "api_error", message: expect.stringMatching(/Prism is restarting\. Retry shortly\.$/) },
    });

    const dropping = createServer((request) => request.socket.destroy());
    await new Promise<void>((resolve) => dropping.listen(0, "127.0.0.1", resolve));
    cleanups.push(() => dropping.close());
    const proxy = await proxyTo(`http://127.0.0.1:${(dropping.address() as AddressInfo).port}`);
    const dropped = await fetch(`http://127.0.0.1:${proxy.port}/deployments`, {
      headers: { authorization: "Bearer pt-test" },
    });
    expect(dropped.status).toBe(503);
    expect(await dropped.json()).toMatchObject({ error: { type: "api_error" } });
  });
});

describe("requests Node would answer itself get the envelope too", () => {
  const proxyOf = async (timeouts?: Partial<ServerTimeouts>) => {
    const contract = loadContract();
    // As startMock wires it: the contract's route and token checks answer first.
    const proxy = await startEnvelopeProxy({
      port: 0,
      upstream: "http://127.0.0.1:9",
      simulator: new Simulator({ strict: true }),
      refuse: (request) => refusal(contract, request),
      admit: (request) => admission(contract, request),
      timeouts,
    });
    cleanups.push(() => proxy.close());
    return proxy;
  };
  const list = "GET /models HTTP/1.1\r\nhost: x\r\nauthorization: Bearer pt-node\r\n";

  it.each([
    [
      "an HTTP/1.1 request without Host",
      "GET /models HTTP/1.1\r\nauthorization: Bearer pt-node\r\n\r\n",
      400,
      /Host header/,
    ],
    ["an Expect header other than 100-continue", `${list}expect: foo\r\n\r\n`, 417, /only 100-continue/],
    ["CONNECT", "CONNECT 127.0.0.1:9 HTTP/1.1\r\nhost: 127.0.0.1:9\r\n\r\n", 405, /not an operation/],
    [
      "more header fields than the stated limit",
      `${list}${Array.from({ length: MAX_HEADER_FIELDS }, (_, i) => `x-${i}: 1\r\n`).join("")}\r\n`,
      431,
      new RegExp(`at most ${MAX_HEADER_FIELDS}`),
    ],
    // RFC 9112 §3.2: one Host, a valid one.
    ["two Host headers", `${list}host: y\r\n\r\n`, 400, /more than one Host/],
    [
      "a Host that is not a host and port",
      "GET /models HTTP/1.1\r\nhost: x:99999\r\nauthorization: Bearer pt-node\r\n\r\n",
      400,
      /Host "x:99999" is not a host name/,
    ],
    // A parse that throws is a 400 for the request, not a 500 for the server (which SDKs retry).
    [
      "an absolute-form target that is not a URL",
      "GET http://x:99999/models HTTP/1.1\r\nhost: x\r\nauthorization: Bearer pt-node\r\n\r\n",
      400,
      /neither a path .* nor an absolute http\(s\) URL/,
    ],
    // A body coding the mock cannot read is named, not parsed as JSON or ignored.
    [
      "a compressed body",
      `POST /agents HTTP/1.1\r\nhost: x\r\nauthorization: Bearer pt-node\r\ncontent-type: application/json\r\ncontent-encoding: gzip\r\ncontent-length: 2\r\n\r\n{}`,
      400,
      /Content-Encoding "gzip" is not supported/,
    ],
  ])("%s", async (_what, request, status, message) => {
    const proxy = await proxyOf();
    const { received } = await timeUntilClosed(proxy.port, (socket) =>
      socket.end(request.replace(/\r\n\r\n$/, "\r\nconnection: close\r\n\r\n")),
    );
    expect(received).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
    expectEnvelope(received, "invalid_request_error", message);
  });

  it("an absolute-form target is routed as its path, with or without the base path", async () => {
    const proxy = await proxyOf();
    for (const target of ["http://x/models", "http://x/api/v1/cloud/models?limit=1"]) {
      const { received } = await timeUntilClosed(proxy.port, (socket) =>
        socket.end(
          `GET ${target} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer pt-node\r\nconnection: close\r\n\r\n`,
        ),
      );
      expect(received, target).toMatch(/^HTTP\/1\.1 200 /);
    }
    // Its path as sent, not as the URL parser would resolve it: the same answer as the origin form's.
    const statusOf = async (target: string) =>
      (
        await timeUntilClosed(proxy.port, (socket) =>
          socket.end(
            `GET ${target} HTTP/1.1\r\nhost: x\r\nauthorization: Bearer pt-node\r\nconnection: close\r\n\r\n`,
          ),
        )
      ).received.slice(0, 12);
    for (const path of ["/agents/../models", "/models?limit=%zz", "/models/%2e%2e"])
      expect(await statusOf(`http://x${path}`), path).toBe(await statusOf(path));
  });

  it("takes every Host form RFC 3986 and 6874 allow: an empty port, an IPv6 zone id, IPvFuture, names with _", async () => {
    const proxy = await proxyOf();
    for (const host of [
      "localhost:",
      "127.0.0.1:",
      "[fe80::1%25eth0]",
      "[v1.fe]",
      "my_host.local.",
      "[::1]:4010",
    ]) {
      const { received } = await timeUntilClosed(proxy.port, (socket) =>
        socket.end(
          `GET /models HTTP/1.1\r\nhost: ${host}\r\nauthorization: Bearer pt-node\r\nconnection: close\r\n\r\n`,
        ),
      );
      expect(received, host).toMatch(/^HTTP\/1\.1 200 /);
    }
  });

  it("CONNECT's 405 carries Allow too: the path's methods, or none for a host and port", async () => {
    const proxy = await proxyOf();
    for (const [target, allow] of [
      ["/agents", "GET, POST"],
      ["/_mock/reset", "POST"],
      ["/_mock/state", "GET, POST"],
      ["127.0.0.1:9", ""],
    ] as const) {
      const { received } = await timeUntilClosed(proxy.port, (socket) =>
        socket.end(`CONNECT ${target} HTTP/1.1\r\nhost: x\r\n\r\n`),
      );
      expect(received, target).toMatch(/^HTTP\/1\.1 405 /);
      expect(received, target).toMatch(new RegExp(`\r\nallow: ${allow}\r\n`));
      expectEnvelope(
        received,
        "invalid_request_error",
        /^Method not allowed: CONNECT .* is not an operation of this API\.$/,
      );
    }
  });

  it("a 405 names the methods the path takes in Allow (RFC 9110 §15.5.6), on the API's paths and /_mock/*", async () => {
    const proxy = await proxyOf();
    for (const [method, path, allow] of [
      ["DELETE", "/models", "GET"],
      ["HEAD", "/deployments", "GET, POST"],
      ["PUT", "/agents/agent_019eb4d4a06d747c865d5800b9c57ae2", "GET, POST"],
      ["GET", "/_mock/reset", "POST"],
      ["DELETE", "/_mock/state", "GET, POST"],
    ] as const) {
      const answer = await fetch(`http://127.0.0.1:${proxy.port}${path}`, {
        method,
        headers: { authorization: "Bearer pt-node" },
      });
      expect([answer.status, answer.headers.get("allow")], `${method} ${path}`).toEqual([405, allow]);
    }
  });

  it("refuses what it would otherwise drop: two different Prefer answers, a control endpoint's query or a GET's body", async () => {
    const proxy = await proxyOf();
    const url = `http://127.0.0.1:${proxy.port}`;
    const auth = { authorization: "Bearer pt-node" };
    const refused = async (path: string, init: RequestInit, param: string, message: RegExp) => {
      const answer = await fetch(`${url}${path}`, { ...init, headers: { ...auth, ...init.headers } });
      const body = (await answer.json()) as { error: { param?: string; message: string } };
      expect([answer.status, body.error.param], path).toEqual([400, param]);
      expect(body.error.message, path).toMatch(message);
    };
    await refused("/models", { headers: { prefer: "code=200, code=429" } }, "Prefer", /code is given twice/);
    await refused(
      "/deployments",
      { headers: { prefer: "example=deployments, example=empty" } },
      "Prefer",
      /example is given twice/,
    );
    await refused("/_mock/reset?fixture=empty", { method: "POST" }, "fixture", /in the JSON body/);
    await refused("/_mock/clock?advance_ms=1000", { method: "POST" }, "advance_ms", /in the JSON body/);
    await refused("/_mock/state?fixture=empty", {}, "fixture", /takes no query parameters/);
    // The same directive twice is one directive.
    expect(mockPrefer("code=200, code=200")).toEqual({ value: "code=200" });
  });

  it("a body over the limit on a connection that closes after it: the client still reads the 400", async () => {
    const proxy = await proxyOf();
    const body = Buffer.alloc(MAX_BODY_BYTES + 8 * 1024 * 1024, " ");
    // Answered before the body arrived, the answer was lost on most runs (the socket closed while the body
    // still came, and the reset dropped it): ten in a row must all hear it.
    for (let attempt = 0; attempt < 10; attempt++) {
      const { received } = await timeUntilClosed(proxy.port, (socket) => {
        socket.write(
          `POST /agents HTTP/1.1\r\nhost: x\r\nauthorization: Bearer pt-node\r\ncontent-type: application/json\r\nconnection: close\r\ncontent-length: ${body.length}\r\n\r\n`,
        );
        socket.end(body);
      });
      expect(received, `attempt ${attempt + 1}`).toMatch(/^HTTP\/1\.1 400 /);
      expectEnvelope(received, "invalid_request_error", /exceeds the 32 MB limit/);
    }
  }, 60_000);

  it("a pipelined request the parser refuses is answered after the answers of the requests before it", async () => {
    const proxy = await proxyOf();
    const { received } = await timeUntilClosed(proxy.port, (socket) =>
      socket.write(`${list}\r\nGET /models HTTP/1.1\r\nno colon here\r\n\r\n`),
    );
    const answers = received.split(/(?=HTTP\/1\.1 )/);
    expect(answers.map((answer) => answer.slice(9, 12))).toEqual(["200", "400"]);
    expect(JSON.parse(answers[0]?.slice(answers[0].indexOf("\r\n\r\n") + 4) ?? "").data).toBeInstanceOf(
      Array,
    );
    expectEnvelope(answers[1] ?? "", "invalid_request_error", /Malformed/);
  });

  it("a pipelined CONNECT is answered after the answers of the requests before it", async () => {
    const proxy = await proxyOf();
    const { received } = await timeUntilClosed(proxy.port, (socket) =>
      socket.write(`${list}\r\nCONNECT 127.0.0.1:9 HTTP/1.1\r\nhost: 127.0.0.1:9\r\n\r\n`),
    );
    const answers = received.split(/(?=HTTP\/1\.1 )/);
    expect(answers.map((answer) => answer.slice(9, 12))).toEqual(["200", "405"]);
  });

  it("a request answered before its body came (over the limit) gets no second answer when the body stalls", async () => {
    const proxy = await proxyOf({ requestTimeoutMs: 1_500, headersTimeoutMs: 1_000 });
    const { received } = await timeUntilClosed(proxy.port, (socket) => {
      socket.write(
        `POST /deployments HTTP/1.1\r\nhost: x\r\nauthorization: Bearer pt-node\r\ncontent-type: application/json\r\ncontent-length: ${MAX_BODY_BYTES + 1}\r\n\r\n{`,
      );
    });
    expect(received.match(/HTTP\/1\.1 /g)).toHaveLength(1);
    expect(received).toMatch(/^HTTP\/1\.1 400 /);
  });
});

describe("simulator answers", () => {
  /** A stand-in for a ServerResponse that records what was written to it. */
  const fakeResponse = (failing = false) => {
    const written: string[] = [];
    let destroyed = false;
    const response = {
      writeHead(status: number) {
        if (failing) throw new Error("the client left");
        written.push(String(status));
        return response;
      },
      end(body: string) {
        written.push(body);
      },
      destroy() {
        destroyed = true;
      },
    };
    return { response: response as unknown as ServerResponse, written, destroyed: () => destroyed };
  };

  it("are written together after the event-loop turn; one that fails is destroyed, the others still go out", async () => {
    const batch = new AnswerBatch();
    const first = fakeResponse();
    const failing = fakeResponse(true);
    const last = fakeResponse();
    batch.add(first.response, 200, {}, "one");
    batch.add(failing.response, 200, {}, "two");
    batch.add(last.response, 201, {}, "three");
    expect(first.written).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    expect(first.written).toEqual(["200", "one"]);
    expect(failing.destroyed()).toBe(true);
    expect(last.written).toEqual(["201", "three"]);
    // flush() writes what is pending at once (the proxy calls it when it closes).
    const late = fakeResponse();
    batch.add(late.response, 200, {}, "four");
    batch.flush();
    expect(late.written).toEqual(["200", "four"]);
  });

  /** A front layer on a strict simulator (no Prism: these requests never reach it). */
  const simulatorProxy = async () => {
    const proxy = await startEnvelopeProxy({
      port: 0,
      upstream: "http://127.0.0.1:9",
      simulator: new Simulator({ strict: true }),
    });
    cleanups.push(() => proxy.close());
    return proxy;
  };
  const createBody = (name: string) =>
    JSON.stringify({
      name,
      agent: "agent_019eb4d4a06d747c865d5800b9c57ae2",
      environment_id: "env_019e64e01a137caf953ac2ac7b42ec5c",
      initial_events: [{ type: "user.message", content: "ping" }],
    });
  /** A raw create request of `token`'s account, its body cut to `sent` characters when given. */
  const rawCreate = (name: string, token: string, sent?: number) => {
    const body = createBody(name);
    return `POST /deployments HTTP/1.1\r\nhost: x\r\nauthorization: Bearer ${token}\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n${body.slice(0, sent)}`;
  };

  it("reach every client of a burst, also when clients leave mid-body or before their answer", async () => {
    const proxy = await simulatorProxy();
    const body = createBody("burst");
    // Leavers: half a body, or a whole request and gone at once.
    for (let index = 0; index < 20; index += 1) {
      const socket = connect(proxy.port, "127.0.0.1");
      socket.on("error", () => {});
      socket.end(rawCreate("burst", "burst", index % 2 === 0 ? 10 : undefined), () => socket.destroy());
    }
    const answers = await Promise.all(
      Array.from({ length: 50 }, () =>
        fetch(`http://127.0.0.1:${proxy.port}/deployments`, {
          method: "POST",
          headers: { authorization: "Bearer burst", "content-type": "application/json" },
          body,
        }).then(async (response) => ({
          status: response.status,
          name: ((await response.json()) as { name: string }).name,
        })),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 50 }, () => ({ status: 200, name: "burst" })));
  });

  it("of pipelined requests come in order, each request seeing the effect of those before it", async () => {
    const proxy = await simulatorProxy();
    const create = (name: string) => rawCreate(name, "pipelined");
    const list = "GET /deployments?limit=2 HTTP/1.1\r\nhost: x\r\nauthorization: Bearer pipelined\r\n\r\n";
    // Sent at once: the list's request is parsed before the second create's body has been read.
    const { received } = await timeUntilClosed(proxy.port, (socket) =>
      socket.end(
        `${create("first")}${create("second")}${list.replace("\r\n\r\n", "\r\nconnection: close\r\n\r\n")}`,
      ),
    );
    const bodies = received
      .split("HTTP/1.1 ")
      .slice(1)
      .map((answer) => JSON.parse(answer.slice(answer.indexOf("\r\n\r\n") + 4)));
    expect(bodies.map((body) => body.name ?? body.data.map((item: { name: string }) => item.name))).toEqual([
      "first",
      "second",
      ["second", "first"],
    ]);
  });
});

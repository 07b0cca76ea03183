// One request-body limit, the API's (32 MB, read as 32 MiB), answered with the API's documented 400
// envelope by the front layer, before Prism (whose own 10 MiB limit used to answer first) or the simulator.
import { request as httpRequest, type IncomingMessage } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../src/envelope-proxy.js";
import { type RunningMock, startMock } from "../src/index.js";

let mock: RunningMock;
beforeAll(async () => {
  mock = await startMock({ port: 0 });
});
afterAll(() => mock?.stop());

const AUTH = { authorization: "Bearer pt-test", "content-type": "application/json" };
/** `Prefer` sends the request to Prism in every mode. */
const TO_PRISM = { ...AUTH, prefer: "code=200" };

/** A valid create request of exactly `bytes` bytes: a long message, then JSON whitespace. */
function createBody(bytes: number): Uint8Array<ArrayBuffer> {
  const head = {
    name: "big-body",
    agent: "agent_019eb4d4a06d747c865d5800b9c57ae2",
    environment_id: "env_019e64e01a137caf953ac2ac7b42ec5c",
    initial_events: [{ type: "user.message", content: "" }],
  };
  const skeleton = Buffer.byteLength(JSON.stringify(head));
  const content = "x".repeat(Math.floor((bytes - skeleton) * 0.9));
  head.initial_events[0] = { type: "user.message", content };
  const body = new Uint8Array(bytes).fill(0x20); // spaces
  body.set(Buffer.from(JSON.stringify(head)));
  return body;
}

interface Answer {
  status: number;
  body: { type?: string; error?: { type?: string; message?: string } };
}

function readAnswer(response: IncomingMessage): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.on("error", reject);
    response.on("end", () =>
      resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }),
    );
  });
}

async function post(body: Uint8Array<ArrayBuffer>, headers: Record<string, string>): Promise<Answer> {
  const response = await fetch(`${mock.url}/deployments`, {
    method: "POST",
    headers,
    body,
  });
  return { status: response.status, body: (await response.json()) as Answer["body"] };
}

const LIMIT_ERROR = {
  type: "error",
  error: {
    type: "invalid_request_error",
    message: `Request body exceeds the 32 MB limit (${MAX_BODY_BYTES} bytes).`,
  },
};

// Tens of megabytes through two processes: slow on a busy 2-core machine.
describe("the request body limit", { timeout: 120_000 }, () => {
  it("is the API's 32 MiB", () => {
    expect(MAX_BODY_BYTES).toBe(33_554_432);
  });

  it("lets a body of exactly the limit through to Prism (whose own limit is 10 MiB)", async () => {
    const answer = await post(createBody(MAX_BODY_BYTES), TO_PRISM);
    expect(answer.status, JSON.stringify(answer.body).slice(0, 300)).toBe(200);
    expect(answer.body).not.toHaveProperty("error");
  });

  it("refuses one byte more, declared in Content-Length, before the body is sent", async () => {
    const request = httpRequest(`${mock.url}/deployments`, {
      method: "POST",
      headers: { ...TO_PRISM, "content-length": String(MAX_BODY_BYTES + 1), "x-request-id": "req-too-big" },
    });
    request.on("error", () => {}); // the body is never sent; the request is dropped after the answer
    request.flushHeaders();
    const [response] = (await new Promise((resolve) => request.once("response", (r) => resolve([r])))) as [
      IncomingMessage,
    ];
    const answer = await readAnswer(response);
    request.destroy();
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ ...LIMIT_ERROR, request_id: "req-too-big" });
  });

  it("refuses a chunked body that passes the limit, and the client still reads the answer", async () => {
    const chunk = Buffer.alloc(1024 * 1024, " ");
    const request = httpRequest(`${mock.url}/deployments`, { method: "POST", headers: AUTH });
    const answered = new Promise<IncomingMessage>((resolve) => request.once("response", resolve));
    request.on("error", () => {});
    let sent = 0;
    request.write("[");
    while (sent <= MAX_BODY_BYTES) {
      if (!request.write(chunk)) await new Promise((resolve) => request.once("drain", resolve));
      sent += chunk.length;
    }
    request.end("]");
    const answer = await readAnswer(await answered);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject(LIMIT_ERROR);
  });
});

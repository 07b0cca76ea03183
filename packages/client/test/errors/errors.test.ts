import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  APIConnectionError,
  APIError,
  AuthenticationError,
  ConflictError,
  InternalServerError,
  InvalidRequestError,
  NotFoundError,
  PermissionError,
  QoderError,
  RateLimitError,
} from "../../src/index.js";
import { createQoderClient } from "../support/client.js";
import { envelope, type Reply, startServer, type TestServer, TOKEN } from "../support/server.js";

let server: TestServer;
const replies = new Map<string, Reply>();
beforeAll(async () => {
  // GET /deployments/<key> answers with the reply registered under <key>.
  server = await startServer((req) => replies.get(req.path.split("/")[2] ?? "") ?? { status: 500 });
});
afterAll(() => server.close());

const client = () => createQoderClient({ token: TOKEN, baseUrl: server.url, maxRetries: 0 });

async function failureFor(reply: Reply): Promise<unknown> {
  const key = `dep_${replies.size}`;
  replies.set(key, reply);
  return client()
    .deployments.retrieve(key)
    .then(
      () => expect.unreachable("the call should have failed"),
      (error: unknown) => error,
    );
}

describe("HTTP errors with the contract's envelope", () => {
  test.each([
    [400, "invalid_request_error", InvalidRequestError],
    [401, "authentication_error", AuthenticationError],
    [403, "permission_error", PermissionError],
    [404, "not_found_error", NotFoundError],
    [409, "conflict_error", ConflictError],
    [429, "rate_limit_error", RateLimitError],
    [500, "api_error", InternalServerError],
    [503, "api_error", InternalServerError],
  ])("%i %s → %o", async (status, type, Class) => {
    const body = envelope(type, `message for ${status}`, { param: "name" });
    const error = (await failureFor({ status, body, headers: { "x-request-id": "hdr_1" } })) as APIError;
    expect(error).toBeInstanceOf(Class);
    expect(error).toBeInstanceOf(APIError);
    expect(error).toBeInstanceOf(QoderError);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe(Class.name);
    expect(error.status).toBe(status);
    expect(error.type).toBe(type);
    expect(error.message).toBe(`message for ${status}`);
    expect(error.param).toBe("name");
    expect(error.requestId).toBe("req_test_1"); // the body's request_id wins over the header
    expect(error.headers.get("x-request-id")).toBe("hdr_1");
    expect(error.body).toEqual(body);
  });

  test("other statuses are a plain APIError", async () => {
    const error = (await failureFor({ status: 410, body: envelope("not_found_error", "gone") })) as APIError;
    expect(error.constructor).toBe(APIError);
    expect(error.status).toBe(410);
    expect(error.type).toBe("not_found_error");
  });

  test("request id falls back to the x-request-id response header", async () => {
    const body = { type: "error", error: { type: "not_found_error", message: "nope" } };
    const error = (await failureFor({ status: 404, body, headers: { "x-request-id": "hdr_2" } })) as APIError;
    expect(error.requestId).toBe("hdr_2");
    expect(error.param).toBeUndefined();
  });
});

describe("bodies that are not the envelope still give the right class and a readable message", () => {
  test("an HTML 502 from a gateway", async () => {
    const html = "<html>\n<body><h1>502 Bad Gateway</h1></body>\n</html>";
    const error = (await failureFor({
      status: 502,
      body: html,
      headers: { "content-type": "text/html", "x-request-id": "req_gw_502" },
    })) as APIError;
    expect(error).toBeInstanceOf(InternalServerError);
    // No envelope to carry request_id: the gateway's x-request-id header is the request id.
    expect(error.requestId).toBe("req_gw_502");
    expect(error.type).toBeUndefined();
    expect(error.message).toContain("HTTP 502");
    expect(error.message).toContain("text/html");
    expect(error.message).toContain("502 Bad Gateway");
    expect(error.body).toBe(html);
  });

  test("an empty body", async () => {
    const error = (await failureFor({ status: 401 })) as APIError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(error.message).toMatch(/HTTP 401.*empty body/);
    expect(error.body).toBeUndefined();
  });

  test("truncated JSON", async () => {
    const error = (await failureFor({
      status: 400,
      body: '{"type":"error","error":{"type":"inval',
      headers: { "content-type": "application/json" },
    })) as APIError;
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect(error.message).toContain("HTTP 400");
    expect(error.message).toContain('{"type":"error"');
  });

  test("JSON that is not the envelope", async () => {
    const error = (await failureFor({ status: 409, body: { oops: true } })) as APIError;
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain('{"oops":true}');
  });
});

describe("transport failures", () => {
  test("a refused connection is an APIConnectionError", async () => {
    const closed = await startServer(() => ({}));
    await closed.close(); // nothing listens on that port any more
    const qoder = createQoderClient({ token: TOKEN, baseUrl: closed.url, maxRetries: 0 });
    const error = await qoder.deployments.retrieve("dep_1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(error).toBeInstanceOf(QoderError);
    expect((error as Error).message).toMatch(/^Connection error/);
    // The reason, on both transports (fetch's own message is "fetch failed" whatever happened).
    expect((error as Error).message).toContain("ECONNREFUSED");
    // The cause is the error with the code, on both transports (fetch's own is "fetch failed" around it).
    expect((error as { cause?: { code?: string } }).cause?.code).toBe("ECONNREFUSED");
  });

  test("a socket destroyed mid-request is an APIConnectionError", async () => {
    const rude = await startServer((_req, res) => {
      res.socket?.destroy();
      return undefined;
    });
    const qoder = createQoderClient({ token: TOKEN, baseUrl: rude.url, maxRetries: 0 });
    await expect(qoder.deployments.retrieve("dep_1")).rejects.toBeInstanceOf(APIConnectionError);
    await rude.close();
  });
});

describe("the raw openapi-fetch methods", () => {
  test("return HTTP errors as `error` instead of throwing", async () => {
    replies.set("raw_404", { status: 404, body: envelope("not_found_error", "no such deployment") });
    const { data, error, response } = await client().GET("/deployments/{deployment_id}", {
      params: { path: { deployment_id: "raw_404" } },
    });
    expect(data).toBeUndefined();
    expect(response.status).toBe(404);
    expect(error).toEqual(envelope("not_found_error", "no such deployment"));
  });
});

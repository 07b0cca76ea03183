// The mock answers like the contract: documented examples that validate, and the API's error envelope
// (never Prism's application/problem+json) for every kind of bad request.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { errorTypeByStatus } from "@qoder-cloud/openapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadStatusOfExample } from "../src/example-statuses.js";
import { type RunningMock, startMock } from "../src/index.js";
import { exampleBody, examplePath, operationById, operations, spec, validate } from "./support/spec.js";

const ENVELOPE = "#/components/schemas/ErrorEnvelope";
const AUTH = { authorization: "Bearer pt-test" };
// The contract's own mapping (ErrorType's description), and the mock's answer to a method no path has.
const ERROR_TYPE_BY_STATUS: Record<number, string> = {
  ...errorTypeByStatus(spec),
  405: "invalid_request_error",
};

// Every behaviour of the front layer holds in both modes: the stateless examples (Prism answers) and
// the simulator (strict: its answers are checked against the contract as they are made).
let mock: RunningMock;

interface Answer {
  status: number;
  contentType: string;
  headers: Headers;
  body: unknown;
}

async function call(
  method: string,
  path: string,
  init: { headers?: Record<string, string>; body?: unknown; rawBody?: string | Blob } = {},
): Promise<Answer> {
  const body = init.rawBody ?? (init.body === undefined ? undefined : JSON.stringify(init.body));
  const response = await fetch(`${mock.url}${path}`, {
    method: method.toUpperCase(),
    headers: {
      ...(body !== undefined && init.rawBody === undefined ? { "content-type": "application/json" } : {}),
      ...init.headers,
    },
    body,
  });
  const text = await response.text();
  return {
    status: response.status,
    contentType: response.headers.get("content-type") ?? "",
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

/** Asserts the API's error envelope with the error type that belongs to the status. */
function expectEnvelope(answer: Answer, status: number, param?: string) {
  expect(answer.status).toBe(status);
  expect(answer.contentType).toMatch(/^application\/json/);
  expect(validate(ENVELOPE, answer.body)).toEqual([]);
  const { error } = answer.body as { error: { type: string; message: string; param?: string } };
  expect(error.type).toBe(ERROR_TYPE_BY_STATUS[status]);
  expect(error.message.length).toBeGreaterThan(0);
  if (param !== undefined) expect(error.param).toBe(param);
}

describe.each(["examples", "simulator"] as const)("%s mode", (mode) => {
  beforeAll(async () => {
    mock = await startMock({ port: 0, mode, ...(mode === "simulator" ? { strict: true } : {}) });
  });
  afterAll(() => mock?.stop());

  describe("valid requests succeed with an answer that validates against its schema", () => {
    it.each(operations.map((operation) => [operation.operationId, operation] as const))(
      "%s",
      async (operationId, operation) => {
        // Its own account in simulator mode, so no other operation has paused or archived the example.
        const token = `pt-valid-${mode}-${operationId}`;
        if (mode === "simulator" && operationId === "unpauseDeployment") {
          // Only a paused deployment can be unpaused.
          const pause = examplePath(operation).replace(/unpause$/, "pause");
          expect((await call("post", pause, { headers: { authorization: `Bearer ${token}` } })).status).toBe(
            200,
          );
        }
        const answer = await call(operation.method, examplePath(operation), {
          headers: { authorization: `Bearer ${token}` },
          body: exampleBody(operation),
        });
        const success = operation.responses.find((response) => response.status < 300);
        expect(answer.status, JSON.stringify(answer.body)).toBe(success?.status);
        expect(validate(success?.schemaPointer ?? "", answer.body)).toEqual([]);
        if (mode === "examples") expect(answer.body).toEqual(success?.examples[0]?.value);
      },
    );
  });

  describe("Prefer selects every documented response by status and example name", () => {
    const cases = operations.flatMap((operation) =>
      operation.responses.flatMap((response) =>
        response.examples.map(
          (example) => [operation.operationId, response.status, example.name, operation, example] as const,
        ),
      ),
    );
    it.each(cases)("%s %i example=%s", async (_, status, name, operation, example) => {
      const answer = await call(operation.method, examplePath(operation), {
        headers: { ...AUTH, prefer: `code=${status}, example=${name}` },
        body: exampleBody(operation),
      });
      expect(answer.status).toBe(status);
      expect(
        validate(operation.responses.find((r) => r.status === status)?.schemaPointer ?? "", answer.body),
      ).toEqual([]);
      if (status < 400) expect(answer.body).toEqual(example.value);
      else {
        expectEnvelope(answer, status);
        // The documented error, with the request id of this request.
        const documented = example.value as { error: unknown };
        expect((answer.body as { error: unknown }).error).toEqual(documented.error);
      }
    });

    const errorExamples = cases.filter(([, status]) => status >= 400);
    it.each(errorExamples)(
      "%s %i: Prefer: example=%s alone finds its status",
      async (_, status, name, operation, example) => {
        const answer = await call(operation.method, examplePath(operation), {
          headers: { ...AUTH, prefer: `example=${name}` },
          body: exampleBody(operation),
        });
        expectEnvelope(answer, status);
        expect((answer.body as { error: unknown }).error).toEqual(
          (example.value as { error: unknown }).error,
        );
      },
    );

    it("Prefer: code=<status> alone picks that status", async () => {
      expectEnvelope(
        await call("get", "/deployments/dep_019ec556114c78f8b60ee34fcb98bf59", {
          headers: { ...AUTH, prefer: "code=404" },
        }),
        404,
      );
    });

    it("an undocumented status or example name is a 400 naming the Prefer header, not Prism's 404", async () => {
      const status = await call("get", "/deployments", { headers: { ...AUTH, prefer: "code=404" } });
      expectEnvelope(status, 400, "Prefer");
      const example = await call("get", "/deployments", {
        headers: { ...AUTH, prefer: "example=no_such_example" },
      });
      expectEnvelope(example, 400, "Prefer");
      expect((example.body as { error: { message: string } }).error.message).toContain("no_such_example");
    });

    it.each(["code=abc", "code=999", "example=../../etc"])(
      "Prefer: %s → 400 naming Prefer",
      async (prefer) => {
        expectEnvelope(await call("get", "/deployments", { headers: { ...AUTH, prefer } }), 400, "Prefer");
      },
    );

    it.each(["dynamic=true", "return=representation", ""])(
      "Prefer: %s (not a directive of the mock) is ignored, as RFC 7240 lets a server do",
      async (prefer) => {
        const plain = await call("get", "/deployments?limit=2", { headers: AUTH });
        const preferred = await call("get", "/deployments?limit=2", { headers: { ...AUTH, prefer } });
        expect(preferred.status).toBe(200);
        // The simulator's page (or, in examples mode, the documented example), not invented data.
        expect(preferred.body).toEqual(plain.body);
      },
    );
  });

  describe("requests Prism answers (Prefer, examples mode) are checked as the simulator checks them", () => {
    const SEED_DEPLOYMENT = "dep_019ec556114c78f8b60ee34fcb98bf59";
    const invalid: [string, string, Record<string, string>, string | undefined, string | undefined][] = [
      ["get", "/deployments?status=", {}, undefined, "status"],
      ["get", "/deployments?include_archived=", {}, undefined, "include_archived"],
      ["get", "/agents/agent_019eb4d5c2f87a1e9b3d4c5e6f708192?version=0x10", {}, undefined, "version"],
      [
        "get",
        "/agents/agent_019eb4d5c2f87a1e9b3d4c5e6f708192?version=99999999999999999999",
        {},
        undefined,
        "version",
      ],
      ["get", "/deployment_runs?created_at[gte]=yesterday", {}, undefined, "created_at[gte]"],
      ["get", "/models?after_id=a&before_id=b", {}, undefined, "before_id"],
      [
        "post",
        `/deployments/${SEED_DEPLOYMENT}/pause`,
        { "idempotency-key": "" },
        undefined,
        "Idempotency-Key",
      ],
      ["post", `/deployments/${SEED_DEPLOYMENT}/pause`, {}, "null", undefined],
    ];
    const cases = invalid.flatMap((row) =>
      ["none", "code=429", "code=200"].map((prefer) => [...row, prefer] as const),
    );
    it.each(cases)(
      "%s %s %o body %s → 400 naming %s (Prefer: %s)",
      async (method, path, headers, rawBody, param, prefer) => {
        const answer = await call(method, path, {
          headers: {
            ...AUTH,
            ...headers,
            ...(prefer === "none" ? {} : { prefer }),
            ...(rawBody ? { "content-type": "application/json" } : {}),
          },
          ...(rawBody ? { rawBody } : {}),
        });
        expectEnvelope(answer, 400, param);
        expect(answer.headers.get("sl-violations")).toBeNull();
      },
    );

    it("the cursors named in a refusal are the operation's own (listModels has no page)", async () => {
      const answer = await call("get", "/models?after_id=a&before_id=b", {
        headers: { ...AUTH, prefer: "code=200" },
      });
      expect((answer.body as { error: { message: string } }).error.message).toBe(
        "Only one of after_id and before_id may be given.",
      );
    });

    it("an example asked for under a status that does not document it is a 400 naming Prefer, not that example", async () => {
      const answer = await call("post", `/deployments/${SEED_DEPLOYMENT}/pause`, {
        headers: { ...AUTH, prefer: "code=409, example=paused" },
      });
      expectEnvelope(answer, 400, "Prefer");
      expect((answer.body as { error: { message: string } }).error.message).toContain(
        "example=paused is documented for 200",
      );
      const get = await call("get", `/deployments/${SEED_DEPLOYMENT}`, {
        headers: { ...AUTH, prefer: "code=404, example=active" },
      });
      expectEnvelope(get, 400, "Prefer");
    });

    it.each(["text/html", "application/xml", "application/problem+json"])(
      "Accept: %s does not keep a scripted answer from coming (JSON, as the API answers)",
      async (accept) => {
        const answer = await call("get", "/deployments", {
          headers: { ...AUTH, accept, prefer: "code=429" },
        });
        expectEnvelope(answer, 429);
      },
    );

    it("Prism's sl-violations header does not reach the client", async () => {
      const answer = await call("get", "/deployments", { headers: { prefer: "code=200" } });
      expectEnvelope(answer, 401);
      expect(answer.headers.get("sl-violations")).toBeNull();
    });
  });

  describe("errors come in the API's envelope", () => {
    it("no Authorization header → 401 authentication_error", async () => {
      expectEnvelope(await call("get", "/deployments"), 401);
      expectEnvelope(await call("post", "/deployments/dep_019ec556114c78f8b60ee34fcb98bf59/pause"), 401);
    });

    it.each(["Bearer ", "pt-abc", "Basic eDp5"])("Authorization: %s → 401", async (authorization) => {
      expectEnvelope(await call("get", "/deployments", { headers: { authorization } }), 401);
    });

    it("the auth scheme is case-insensitive", async () => {
      expect(
        (await call("get", "/deployments", { headers: { authorization: "bearer pt-test" } })).status,
      ).toBe(200);
    });

    it.each([
      ["limit=0", "limit"],
      ["limit=1001", "limit"],
      ["limit=abc", "limit"],
      ["status=deleted", "status"],
      ["include_archived=maybe", "include_archived"],
    ])("GET /deployments?%s → 400 invalid_request_error naming %s", async (query, param) => {
      expectEnvelope(await call("get", `/deployments?${query}`, { headers: AUTH }), 400, param);
    });

    it.each([
      ["/deployments?page=abc&after_id=dep_1", "after_id"],
      ["/deployments?after_id=dep_1&before_id=dep_2", "before_id"],
      ["/deployment_runs?created_at[gte]=yesterday", "created_at[gte]"],
      ["/deployment_runs?created_at%5Blt%5D=2026-13", "created_at[lt]"],
      ["/deployments/dep_019ec556114c78f8b60ee34fcb98bf59/runs?triggered_after=yesterday", "triggered_after"],
      ["/deployments/not-an-id", "deployment_id"],
    ])("GET %s → 400 naming %s (rules Prism alone lets through are enforced too)", async (path, param) => {
      expectEnvelope(await call("get", path, { headers: AUTH }), 400, param);
    });

    it("two cursors answer the contract's own multiple_cursors example, word for word", async () => {
      const documented = operationById("listDeployments")
        .responses.find((response) => response.status === 400)
        ?.examples.find((example) => example.name === "multiple_cursors")?.value;
      const answer = await call("get", "/deployments?page=abc&after_id=dep_1", { headers: AUTH });
      expect((answer.body as { error: unknown }).error).toEqual((documented as { error: unknown }).error);
    });

    it("well-formed date-time filters and a single cursor pass", async () => {
      const answer = await call(
        "get",
        "/deployment_runs?created_at[gte]=2026-06-14T00:00:00Z&after_id=drun_019ec55694c07f2a9b402ffb4448ec18",
        {
          headers: AUTH,
        },
      );
      expect(answer.status).toBe(200);
    });

    it("a create body without name → 400 naming name", async () => {
      const { name: _, ...withoutName } = exampleBody(operationById("createDeployment")) as {
        name: string;
      };
      const answer = await call("post", "/deployments", { headers: AUTH, body: withoutName });
      expectEnvelope(answer, 400, "name");
      // The API's own wording for this case (components/examples/ErrorMissingName).
      expect((answer.body as { error: { message: string } }).error.message).toBe(
        "Missing required field: name",
      );
    });

    it("initial_events with 51 items → 400 naming initial_events", async () => {
      const valid = exampleBody(operationById("createDeployment")) as {
        initial_events: unknown[];
      };
      const body = { ...valid, initial_events: Array.from({ length: 51 }, () => valid.initial_events[0]) };
      expectEnvelope(await call("post", "/deployments", { headers: AUTH, body }), 400, "initial_events");
    });

    it("an unknown body field → 400 naming it", async () => {
      const valid = exampleBody(operationById("createDeployment")) as object;
      expectEnvelope(
        await call("post", "/deployments", { headers: AUTH, body: { ...valid, colour: "red" } }),
        400,
        "colour",
      );
    });

    it("a body that is not JSON → 400 (Prism alone never answers)", async () => {
      const answer = await call("post", "/deployments", {
        headers: { ...AUTH, "content-type": "application/json" },
        rawBody: "{not json",
      });
      expectEnvelope(answer, 400);
      expect((answer.body as { error: { message: string } }).error.message).toBe(
        "Request body must be valid JSON.",
      );
    });

    it("authentication first, then validation, then Prefer, whatever the body (as in the API)", async () => {
      const json = { "content-type": "application/json" };
      // No token: 401 whatever is wrong with the rest.
      for (const [what, path, init] of [
        ["a body that is not JSON", "/deployments", { headers: json, rawBody: "{not json" }],
        [
          "a body in another charset",
          "/deployments",
          { headers: { "content-type": "application/json; charset=latin1" }, rawBody: "{}" },
        ],
        ["a Prefer the mock cannot read", "/deployments", { headers: { prefer: "code=abc" } }],
        [
          "a Prefer and a query escape that does not decode",
          "/deployments?limit=%zz",
          { headers: { prefer: "code=abc" } },
        ],
      ] as const) {
        const answer = await call(what.includes("Prefer") ? "get" : "post", path, init);
        expect(answer.status, what).toBe(401);
        expectEnvelope(answer, 401);
      }
      // An unknown route: 404 before the body.
      expectEnvelope(
        await call("post", "/nowhere", { headers: { ...AUTH, ...json }, rawBody: "{not json" }),
        404,
      );
      // A token: the parameters before the Prefer header.
      expectEnvelope(
        await call("get", "/deployments?limit=0", { headers: { ...AUTH, prefer: "code=abc" } }),
        400,
        "limit",
      );
    });

    it("a JSON body that is not UTF-8 → 400, not a body with U+FFFD stored in it", async () => {
      const answer = await call("post", "/deployments/dep_019ec556114c78f8b60ee34fcb98bf59", {
        headers: { ...AUTH, "content-type": "application/json" },
        rawBody: new Blob([
          Buffer.from('{"description":"bad '),
          new Uint8Array([0xff, 0xfe]),
          Buffer.from('"}'),
        ]),
      });
      expectEnvelope(answer, 400);
      expect((answer.body as { error: { message: string } }).error.message).toBe(
        "Request body must be valid JSON.",
      );
    });

    it("a JSON body without Content-Type is accepted, as the API does", async () => {
      const operation = operationById("createDeployment");
      const answer = await call("post", "/deployments", {
        headers: AUTH,
        rawBody: JSON.stringify(exampleBody(operation)),
      });
      expect(answer.status).toBe(200);
    });

    it("paths also work under the servers' base path /api/v1/cloud", async () => {
      const answer = await call("get", "/api/v1/cloud/deployments?limit=2", { headers: AUTH });
      expect(answer.status).toBe(200);
      expect(validate("#/components/schemas/DeploymentList", answer.body)).toEqual([]);
    });

    it("an unknown path → 404 not_found_error", async () => {
      const answer = await call("get", "/no_such_resource", { headers: AUTH });
      expectEnvelope(answer, 404);
      expect(answer.contentType).not.toContain("problem+json");
    });

    it("a method the path does not have → 405 in the envelope", async () => {
      expectEnvelope(await call("delete", "/deployments", { headers: AUTH }), 405);
    });

    it("request_id echoes x-request-id, and is a fresh UUID without one", async () => {
      const echoed = await call("get", "/deployments?limit=0", {
        headers: { ...AUTH, "x-request-id": "req-from-test-1" },
      });
      expect((echoed.body as { request_id: string }).request_id).toBe("req-from-test-1");
      expect(echoed.headers.get("x-request-id")).toBe("req-from-test-1");
      const generated = await call("get", "/deployments?limit=0", { headers: AUTH });
      expect((generated.body as { request_id: string }).request_id).toMatch(/^[0-9a-f-]{36}$/);
    });
  });

  describe("hostile input gets the envelope, and the mock keeps answering", () => {
    it.each([
      ["/deployments/%ZZ", "deployment_id"],
      ["/deployments/dep_abc%", "deployment_id"],
      ["/deployments/%C3%28", "deployment_id"],
      ["/deployments?limit=0x10", "limit"],
      ["/deployments?limit=%201", "limit"],
      ["/deployments?limit[]=1", "limit"],
    ])("GET %s → 400 naming %s", async (path, param) => {
      expectEnvelope(await call("get", path, { headers: AUTH }), 400, param);
      expect((await call("get", "/deployments?limit=2", { headers: AUTH })).status).toBe(200);
    });

    it("Prefer: code=200 with an unknown example name → 400 naming Prefer", async () => {
      const answer = await call("get", "/deployments", {
        headers: { ...AUTH, prefer: "code=200, example=no_such_example" },
      });
      expectEnvelope(answer, 400, "Prefer");
    });

    it("a JSON body declared charset=utf-16 → 400 naming Content-Type, not a hang", async () => {
      const answer = await call("post", "/deployments", {
        headers: { ...AUTH, "content-type": "application/json; charset=utf-16" },
        rawBody: JSON.stringify(exampleBody(operationById("createDeployment"))),
      });
      expectEnvelope(answer, 400, "Content-Type");
    });

    it("a chunked request body (a stream) is accepted", async () => {
      const payload = new TextEncoder().encode(
        JSON.stringify(exampleBody(operationById("createDeployment"))),
      );
      const response = await fetch(`${mock.url}/deployments`, {
        method: "POST",
        headers: { ...AUTH, "content-type": "application/json" },
        body: new ReadableStream({
          start(controller) {
            controller.enqueue(payload.slice(0, 10));
            controller.enqueue(payload.slice(10));
            controller.close();
          },
        }),
        duplex: "half",
      } as RequestInit);
      expect(response.status, await response.text()).toBe(200);
    });
  });
});

describe("startMock", () => {
  beforeAll(async () => {
    mock = await startMock({ port: 0 });
  });
  afterAll(() => mock?.stop());

  it("refuses a port that is taken, saying how to fix it", async () => {
    await expect(startMock({ port: mock.port, startupTimeoutMs: 20_000 })).rejects.toThrow(
      /already in use.*port: 0/s,
    );
  });

  it("rejects with Prism's output when Prism cannot start", async () => {
    await expect(
      startMock({ port: 0, mode: "examples", specPath: "/nonexistent/openapi.yaml" }),
    ).rejects.toThrow(/does not exist/);
    const dir = mkdtempSync(join(tmpdir(), "qoder-mock-"));
    try {
      const broken = join(dir, "broken.yaml");
      writeFileSync(broken, "openapi: 3.1.0\npaths: [this is not an OpenAPI document\n");
      await expect(startMock({ port: 0, mode: "examples", specPath: broken })).rejects.toThrow(
        /Prism \(mock\) exited.*Prism output/s,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("serves a JSON document of its own whose responses $ref another file (Prism resolves it)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "qoder-mock-"));
    try {
      writeFileSync(
        join(dir, "shared.json"),
        JSON.stringify({
          NotFound: {
            description: "Not found",
            content: { "application/json": { example: { gone: true } } },
          },
        }),
      );
      const specPath = join(dir, "openapi.json");
      writeFileSync(
        specPath,
        JSON.stringify({
          openapi: "3.1.0",
          info: { title: "own", version: "1.0.0" },
          paths: {
            "/things": {
              get: {
                responses: {
                  200: { description: "ok", content: { "application/json": { example: { things: [] } } } },
                  404: { $ref: "./shared.json#/NotFound" },
                },
              },
            },
          },
        }),
      );
      const own = await startMock({ port: 0, mode: "examples", specPath });
      try {
        const answer = await fetch(`${own.url}/things`);
        expect([answer.status, await answer.json()]).toEqual([200, { things: [] }]);
      } finally {
        await own.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("indexes the examples of a spec whose paths hold regular-expression characters, matched as they are", () => {
    const dir = mkdtempSync(join(tmpdir(), "qoder-mock-"));
    try {
      const specPath = join(dir, "openapi.json");
      const errors = {
        404: { description: "gone", content: { "application/json": { examples: { gone: { value: {} } } } } },
      };
      writeFileSync(
        specPath,
        JSON.stringify({ paths: { "/files/(all).{id}": { get: { responses: errors } } } }),
      );
      const statusOf = loadStatusOfExample(specPath);
      expect(statusOf?.("GET", "/files/(all).f1", "gone")).toEqual([404]);
      expect(statusOf?.("GET", "/files/Xall).f1", "gone")).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("validates its options", async () => {
    await expect(startMock({ port: 70_000 })).rejects.toThrow(/"port" must be an integer/);
    await expect(startMock({ port: 0, mode: "examples", seed: 1 })).rejects.toThrow(/"seed".*dynamic: true/);
    await expect(startMock({ port: 0, seed: 1.5 })).rejects.toThrow(/"seed" must be an integer/);
    await expect(startMock({ port: 0, mode: "stateful" as "simulator" })).rejects.toThrow(
      /"mode" must be "simulator" or "examples"/,
    );
    await expect(startMock({ port: 0, dynamic: true })).rejects.toThrow(/mode: "examples"/);
    await expect(startMock({ port: 0, mode: "examples", fixture: "empty" })).rejects.toThrow(
      /"fixture" applies to the simulator/,
    );
    await expect(startMock({ port: 0, fixture: "full" as "empty" })).rejects.toThrow(
      /"fixture" must be "examples" or "empty"/,
    );
    await expect(startMock({ port: 0, specPath: "/tmp/other.yaml" })).rejects.toThrow(
      /"specPath" applies to examples mode/,
    );
  });

  it("state() is a copy: changing it changes nothing in the simulator", async () => {
    const token = "pt-state-copy";
    const state = mock.state(token);
    const first = state.deployments[0];
    if (!first) throw new Error("the examples account has deployments");
    const name = first.name;
    first.name = "changed-behind-the-simulator";
    const answer = await fetch(`${mock.url}/deployments/${first.id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await answer.json()) as { name: string }).name).toBe(name);
  });

  it("in examples mode, the simulator's controls say they need simulator mode", async () => {
    const examples = await startMock({ port: 0, mode: "examples" });
    try {
      expect(() => examples.reset()).toThrow(/examples mode/);
      expect(() => examples.advanceTime(1)).toThrow(/examples mode/);
    } finally {
      await examples.stop();
    }
  });
});

// The simulator's answers checked by a second JSON Schema validator. The simulator (strict mode) and the
// other tests validate with Ajv; clients use whatever validator they have. Here a broad set of answers
// (each operation's 200 and 401, and 404, other documented errors, scheduled runs, the examples fixture,
// the account's state) is validated by @hyperjump/json-schema, the OpenAPI 3.1 dialect, format assertion
// on: an answer Ajv takes and another correct 2020-12 validator refuses (ajv-formats' `uri` once took
// `https://github.com:abc/x`) fails here. The meta-schemas ship in the package: nothing is fetched.
import {
  registerSchema,
  type SchemaObject,
  setShouldValidateFormat,
  type Validator,
  validate,
} from "@hyperjump/json-schema/openapi-3-1";
import "@hyperjump/json-schema/formats-lite";
import { forDirection } from "@qoder-cloud/openapi";
import { afterAll, expect, it, vi } from "vitest";
import { createBody, example, simServerOfFile } from "./support/simulator.js";
import { exampleBody, examplePath, matchOperation, operations, spec } from "./support/spec.js";

const BASE = "https://contract.test/openapi.json";
const TOKEN = "pt-second-validator";
setShouldValidateFormat(true);
// The response side's document: readOnly/writeOnly are annotations in 2020-12 (see forDirection).
const OAS_DOCUMENT = "https://spec.openapis.org/oas/3.1/schema-base"; // schemas in it: the 3.1 dialect
registerSchema(forDirection(spec, "response") as SchemaObject, BASE, OAS_DOCUMENT);

const server = simServerOfFile();
afterAll(() => {
  vi.restoreAllMocks();
});

const validators = new Map<string, Promise<Validator>>();
const validatorFor = (pointer: string) => {
  const encoded = pointer.replaceAll("{", "%7B").replaceAll("}", "%7D");
  if (!validators.has(pointer)) validators.set(pointer, validate(`${BASE}${encoded}`));
  return validators.get(pointer) as Promise<Validator>;
};

type Record_ = { id: string; version?: number; [key: string]: unknown };
type Checked = { where: string; request: string; pointer: string; body: unknown };
const schemaAt = (name: string) => `#/components/schemas/${name}`;
const STATE = {
  deployments: "Deployment",
  runs: "DeploymentRun",
  agents: "Agent",
  environments: "Environment",
};

it("every answer validates against the contract with @hyperjump/json-schema too", async () => {
  const fetchSpy = vi.spyOn(globalThis, "fetch");
  const checked: Checked[] = [];
  const undocumented: string[] = [];
  const call = async (
    method: string,
    path: string,
    body?: unknown,
    options: { token?: string | null; headers?: Record<string, string> } = {},
  ) => {
    const { token = TOKEN, headers } = options;
    const answer = await server.call<Record_>(method, path, { token, body, headers });
    const request = `${method} ${path} → ${answer.status}`;
    const operation = matchOperation(method, path.split("?")[0] as string);
    const response = operation?.responses.find((documented) => documented.status === answer.status);
    // No operation lists 405 (the method is not one of the path's): its body is still the error envelope.
    const pointer = answer.status === 405 ? schemaAt("ErrorEnvelope") : response?.schemaPointer;
    const where = answer.status === 405 ? "405" : `${operation?.operationId} ${answer.status}`;
    if (pointer) checked.push({ where, request, pointer, body: answer.body });
    else undocumented.push(request);
    return answer;
  };
  const ok = async (method: string, path: string, body?: unknown, headers?: Record<string, string>) => {
    const answer = await call(method, path, body, { headers });
    expect(answer.status, `${method} ${path}: ${JSON.stringify(answer.body)}`).toBe(200);
    return answer.body;
  };
  const idempotent = { "idempotency-key": "second-validator" };
  const all = "?include_archived=true";
  const lists = [`/deployments${all}`, `/agents${all}`, `/environments${all}`, "/deployment_runs", "/models"];

  // The examples fixture (a new account's records) and each record by its id.
  for (const list of lists) await ok("GET", list);
  const seeded = (await ok("GET", `/deployments${all}`)).data as Record_[];
  for (const { id } of seeded) await ok("GET", `/deployments/${id}/runs`);
  const seededRun = ((await ok("GET", "/deployment_runs")).data as Record_[])[0] as Record_;
  await ok("GET", `/deployment_runs/${seededRun.id}`);
  await ok("GET", `/deployments/${seededRun.deployment_id}/runs/${seededRun.id}`);

  // Agents and environments: created, read, updated, versioned, archived; an environment deleted.
  const agent = await ok("POST", "/agents", example("CreateAgentMinimalRequest"));
  const beta = { "x-qoder-beta": "browser-use-2026-07-14" };
  await ok("POST", "/agents", example("CreateAgentFullRequest"), beta);
  await ok("POST", `/agents/${agent.id}`, example("UpdateAgentRequest"));
  await ok("GET", `/agents/${agent.id}?version=1`);
  await ok("GET", `/agents/${agent.id}/versions`);
  const environment = await ok("POST", "/environments", example("CreateEnvironmentLimitedRequest"));
  const doomed = await ok("POST", "/environments", example("CreateEnvironmentSelfHostedRequest"));
  await ok("GET", `/environments/${environment.id}`);
  await ok("POST", `/environments/${environment.id}`, example("UpdateEnvironmentRequest"));
  await ok("POST", `/environments/${environment.id}/archive`);
  await ok("DELETE", `/environments/${doomed.id}`);

  // Deployments: a cron schedule with a time zone, resources, metadata; updated, run, paused, archived.
  const url = "https://github.com/acme/reports";
  const repository = { type: "github_repository", url, authorization_token: "ghp_x" };
  const scheduled = await ok("POST", "/deployments", {
    ...example<object>("CreateDeploymentBlocksRequest"),
    schedule: { type: "cron", expression: "*/30 * * * *", timezone: "America/New_York" },
    resources: [repository],
    metadata: { team: "platform" },
  });
  const manual = await ok("POST", "/deployments", example("CreateDeploymentManualOnlyRequest"));
  await ok("POST", "/deployments", example("CreateDeploymentSdkRequest"));
  await ok("GET", `/deployments/${scheduled.id}`);
  await ok("POST", `/deployments/${manual.id}`, example("UpdateDeploymentPatchRequest"));
  await ok("POST", `/deployments/${manual.id}`, example("UpdateDeploymentBudgetRequest"));
  const run = await ok("POST", `/deployments/${manual.id}/run`);
  await ok("GET", `/deployment_runs/${run.id}`);
  await ok("POST", `/deployments/${manual.id}/pause`);
  await call("POST", `/deployments/${manual.id}/run`); // paused
  await ok("POST", `/deployments/${manual.id}/unpause`);
  // The clock moved 2 hours: the schedule fires (runs with a schedule trigger, upcoming_runs_at moves on).
  const clock = { token: TOKEN, body: { advance_ms: 7_200_000 } };
  expect((await server.call("POST", "/_mock/clock", clock)).status).toBe(200);
  const fired = await ok("GET", `/deployments/${scheduled.id}/runs`);
  expect((fired.data as Record_[]).length).toBeGreaterThan(0);
  await ok("GET", `/deployments/${scheduled.id}/runs/${(fired.data as Record_[])[0]?.id}`);
  await ok("GET", "/deployment_runs?trigger_type=schedule&limit=2");
  await ok("GET", `/deployments/${scheduled.id}`);
  await ok("POST", `/deployments/${manual.id}/archive`);
  await ok("GET", `/deployments/${manual.id}`);
  for (const list of lists) await ok("GET", list);

  // Documented errors: every operation without a token (401) and, naming a record, a missing one (404).
  for (const operation of operations) {
    const [method, path] = [operation.method.toUpperCase(), examplePath(operation)];
    const body = method === "POST" ? (exampleBody(operation) ?? {}) : undefined;
    await call(method, path, body, { token: null });
    if (path !== operation.path)
      await call(method, path.replace(/_[0-9a-f]{32}\b/g, `_${"0".repeat(32)}`), body);
  }
  // 400 (body, query, a `uri` RFC 3986 refuses), 409 (lifecycle, stale version, idempotency), 405.
  await call("POST", "/deployments", createBody({ scheduel: "daily" }));
  const port = { ...repository, url: "https://github.com:abc/x" }; // ajv-formats' `uri` takes it
  await call("POST", "/deployments", createBody({ resources: [port] }));
  await call("GET", "/deployments?limit=0");
  await call("GET", "/deployment_runs?created_at[gt]=yesterday");
  await call("POST", "/agents", { model: "ultimate" });
  await call("POST", `/environments/${environment.id}`, { confg: {} });
  await call("GET", `/environments/${doomed.id}`); // deleted
  await call("POST", `/deployments/${manual.id}/pause`); // archived
  await call("POST", `/deployments/${manual.id}/archive`);
  await call("POST", `/agents/${agent.id}`, { version: 1, name: "stale" });
  await call("POST", `/environments/${environment.id}/archive`);
  await ok("POST", "/deployments", createBody({ name: "a" }), idempotent);
  await call("POST", "/deployments", createBody({ name: "b" }), { headers: idempotent });
  await ok("POST", `/agents/${agent.id}/archive`);
  await call("POST", `/agents/${agent.id}/archive`);
  await call("PUT", "/deployments", {});
  await call("DELETE", `/agents/${agent.id}`);

  // GET /_mock/state (not an operation of the contract): its records against the contract's schemas.
  const state = await server.call<Record<string, Record_[]>>("GET", "/_mock/state", { token: TOKEN });
  for (const [field, schema] of Object.entries(STATE))
    for (const body of state.body[field] ?? [])
      checked.push({
        where: `state ${schema}`,
        request: `state ${body.id}`,
        pointer: schemaAt(schema),
        body,
      });

  const failures: string[] = [];
  for (const { request, pointer, body } of checked) {
    const output = (await validatorFor(pointer))(body as never, "BASIC");
    if (!output.valid)
      failures.push(
        `${request} against ${pointer}: ${JSON.stringify(output.errors)}\n  body: ${JSON.stringify(body)}`,
      );
  }
  expect(failures.join("\n"), "answers @hyperjump/json-schema refuses").toBe("");
  expect(undocumented, "statuses the contract does not document").toEqual([]);

  // Not vacuous: each operation's 200 and 401 (and 404 when it names a record), errors, the state's records.
  const counts: Record<string, number> = {};
  for (const { where } of checked) counts[where] = (counts[where] ?? 0) + 1;
  const expected = operations.flatMap(({ operationId, path }) =>
    [200, 401, ...(path.includes("{") ? [404] : [])].map((status) => `${operationId} ${status}`),
  );
  const more = "createDeployment 400,listDeployments 400,runDeployment 409,createDeployment 409".split(",");
  const records = Object.values(STATE).map((schema) => `state ${schema}`);
  const unchecked = [...expected, ...more, "405", ...records].filter((where) => !counts[where]);
  expect(unchecked, `validated: ${JSON.stringify(counts)}`).toEqual([]);
  // The validators fetched nothing: every request went to the simulator.
  const fetched = fetchSpy.mock.calls.map(([input]) => String(input instanceof Request ? input.url : input));
  expect(fetched.filter((url) => !url.startsWith(server.url))).toEqual([]);
});

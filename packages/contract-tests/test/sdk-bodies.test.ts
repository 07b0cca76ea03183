// Request bodies as Qoder's official SDKs send them (contract 2.0.0 corrections, openapi/DECISIONS.md):
// each must validate against the bundled contract and be accepted by the mock, and a broken copy of each
// must be refused, by the schema and by the mock, with the 400 envelope naming the field.
import { describe, expect, it } from "vitest";
import { operations, validate } from "./support/spec.js";

const mockUrl = process.env.QODER_BASE_URL;
if (!mockUrl?.startsWith("http://127.0.0.1:"))
  throw new Error(`Expected the mock's URL in QODER_BASE_URL, got ${mockUrl}`);
const headers = {
  authorization: `Bearer ${process.env.QODER_PAT}`,
  "content-type": "application/json",
  "qoder-workspace-id": "ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50",
  "x-qoder-beta": "browser-use-2026-07-14",
};
const CREATE = "#/components/schemas/CreateDeploymentParams";
const UPDATE = "#/components/schemas/UpdateDeploymentParams";
const DEPLOYMENT = "/deployments/dep_019ec556114c78f8b60ee34fcb98bf59";

const base = {
  name: "sdk-shaped",
  agent: "agent_019eb4d4a06d747c865d5800b9c57ae2",
  environment_id: "env_019e64e01a137caf953ac2ac7b42ec5c",
  initial_events: [{ type: "user.message", content: "Generate today's status report" }],
};
const budget = { type: "limit", max_list_cost: { amount: "2500", currency: "USD" } };
const github = {
  type: "github_repository",
  url: "https://github.com/acme/reports",
  authorization_token: "t0ken",
};
const outcome = {
  type: "user.define_outcome",
  description: "Every issue has a label",
  rubric: { type: "text", content: "Labels match." },
};
const image = { type: "image", source: { type: "url", url: "https://example.com/a.png" } };

// [what, schema, path, accepted body, broken body, the field the refusal must name]
const cases: Array<[string, string, string, object, object, string]> = [
  [
    "budget in the SDK shape",
    CREATE,
    "/deployments",
    { ...base, budget },
    { ...base, budget: { max_list_cost: 25 } },
    "budget",
  ],
  [
    "budget on update",
    UPDATE,
    DEPLOYMENT,
    { budget },
    { budget: { type: "limit", max_list_cost: { amount: "025", currency: "USD" } } },
    "budget",
  ],
  ...["description", "schedule", "metadata", "resources", "vault_ids", "budget", "environment_variables"].map(
    (field): [string, string, string, object, object, string] => [
      `null for the unset create field ${field}`,
      CREATE,
      "/deployments",
      { ...base, [field]: null },
      { ...base, [field]: 42 },
      field,
    ],
  ),
  ...["description", "metadata", "environment_variables", "budget", "schedule"].map(
    (field): [string, string, string, object, object, string] => [
      `null for ${field} on update`,
      UPDATE,
      DEPLOYMENT,
      { [field]: null },
      { [field]: 42 },
      field,
    ],
  ),
  ["an empty update {} (no-op)", UPDATE, DEPLOYMENT, {}, { nme: "typo" }, "nme"],
  [
    "a GitHub resource with its token",
    CREATE,
    "/deployments",
    { ...base, resources: [github] },
    { ...base, resources: [{ ...github, authorization_token: undefined }] },
    "authorization_token",
  ],
  [
    "an outcome with its rubric",
    CREATE,
    "/deployments",
    { ...base, initial_events: [outcome] },
    { ...base, initial_events: [{ ...outcome, rubric: undefined }] },
    "initial_events",
  ],
  [
    "an image from a URL",
    CREATE,
    "/deployments",
    { ...base, initial_events: [{ type: "user.message", content: [image] }] },
    {
      ...base,
      initial_events: [
        {
          type: "user.message",
          content: [{ type: "image", source: { type: "text", media_type: "text/plain", data: "x" } }],
        },
      ],
    },
    "initial_events",
  ],
];

const send = (path: string, body: object) =>
  fetch(`${mockUrl}${path}`, { method: "POST", headers, body: JSON.stringify(body) });

describe.each(cases)("%s", (_what, schema, path, accepted, broken, field) => {
  it("validates against the contract and the mock accepts it (with the SDK headers)", async () => {
    expect(validate(schema, accepted, "request")).toEqual([]);
    const answer = await send(path, accepted);
    expect(answer.status, await answer.clone().text()).toBe(200);
  });

  it(`a broken copy is refused by the contract and by the mock, naming ${field}`, async () => {
    expect(validate(schema, JSON.parse(JSON.stringify(broken)), "request").length).toBeGreaterThan(0);
    const answer = await send(path, broken);
    expect(answer.status).toBe(400);
    const envelope = (await answer.json()) as { type: string; error: { type: string; param?: string } };
    expect(envelope.type).toBe("error");
    expect(envelope.error.type).toBe("invalid_request_error");
    expect(envelope.error.param ?? "").toContain(field);
  });
});

it("every operation declares the qoder-workspace-id and x-qoder-beta headers, optional", () => {
  for (const operation of operations) {
    for (const header of ["qoder-workspace-id", "x-qoder-beta"]) {
      const declared = operation.parameters.find((p) => p.in === "header" && p.name === header);
      expect(declared, `${operation.operationId} lacks ${header}`).toBeDefined();
      expect(declared?.required ?? false).toBe(false);
    }
  }
});

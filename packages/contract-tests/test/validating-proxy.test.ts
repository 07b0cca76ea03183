// The client's real requests go through `prism proxy --errors` (Prism's contract validator) to a local
// upstream that answers with the spec's examples and checks what Prism does not. Any request the
// contract does not allow — a query serialised wrongly, a missing header, a body off-schema — fails.
import { mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createQoderClient } from "@qoder-cloud/client";
import { startMock, startValidationProxy, type ValidationProxy } from "@qoder-cloud/mock";
import { openapiJsonPath, openapiYamlPath } from "@qoder-cloud/openapi";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { coverage, EXAMPLE_IDS } from "./support/coverage.js";
import {
  BREAK_RESPONSE_HEADER,
  startExampleUpstream,
  type UpstreamRecord,
} from "./support/example-upstream.js";
import { exampleBody, operationById, operations, spec, validate } from "./support/spec.js";

let upstream: Awaited<ReturnType<typeof startExampleUpstream>>;
let proxy: ValidationProxy;
beforeAll(async () => {
  upstream = await startExampleUpstream();
  proxy = await startValidationProxy({ upstream: upstream.url });
});
afterAll(async () => {
  await proxy?.stop();
  await upstream?.close();
});
beforeEach(() => {
  upstream.records.length = 0;
});

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** The message of a failed call, with the violations Prism listed, so a failure says what broke. */
const describeFailure = (error: unknown) =>
  `${String(error)}\n${JSON.stringify((error as { body?: unknown }).body, null, 2)}`;

describe("every request the client sends is one the contract allows", () => {
  it.each(operations.map((operation) => [operation.operationId, operation] as const))(
    "%s",
    async (operationId, operation) => {
      const qoder = createQoderClient({ baseUrl: proxy.url, token: "pt-contract", maxRetries: 0 });
      const result = await coverage[operationId]?.call(qoder, EXAMPLE_IDS, {}).catch((error: unknown) => {
        throw new Error(`${operationId} was rejected: ${describeFailure(error)}`);
      });
      const success = operation.responses.find((response) => response.status < 300);
      expect(validate(success?.schemaPointer ?? "", result)).toEqual([]);

      // Exactly one request reached the upstream, for this operation, and it passed its checks.
      expect(upstream.records).toHaveLength(1);
      const [record] = upstream.records as [UpstreamRecord];
      expect(record.operationId).toBe(operationId);
      expect(record.problems).toEqual([]);
      expect(record.headers.authorization).toBe("Bearer pt-contract");
      expect(record.headers["x-request-id"]).toBeTruthy();
      if (operation.method === "post") expect(record.headers["idempotency-key"]).toMatch(UUID_V4);
    },
  );
});

describe("the validating proxy bites", () => {
  const create = operationById("createDeployment");
  const validBody = exampleBody(create) as Record<string, unknown>;
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${proxy.url}/deployments`, {
      method: "POST",
      headers: { authorization: "Bearer pt-contract", "content-type": "application/json", ...headers },
      body: JSON.stringify(body),
    });

  it("accepts the contract's own example body", async () => {
    expect((await post(validBody)).status).toBe(200);
  });

  it("rejects a body off-schema before it reaches the upstream", async () => {
    const { name: _, ...withoutName } = validBody;
    const response = await post({ ...withoutName, initial_events: "not a list" });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toMatch(/name/);
    expect(upstream.records).toHaveLength(0);
  });

  it("rejects a request without Authorization", async () => {
    const response = await fetch(`${proxy.url}/deployments`);
    expect(response.status).toBe(401);
    expect(upstream.records).toHaveLength(0);
  });

  it("rejects an out-of-range parameter", async () => {
    const response = await fetch(`${proxy.url}/deployments?limit=0`, {
      headers: { authorization: "Bearer pt-contract" },
    });
    expect(response.status).toBe(422);
    expect(upstream.records).toHaveLength(0);
  });

  // Prism checks declared parameters (422); the upstream catches the rest (400 naming the problem).
  it.each([
    ["created_at=2026-01-01T00:00:00Z", 400, 'query parameter "created_at" is not declared'],
    ["created_at.gte=2026-01-01T00:00:00Z", 400, 'query parameter "created_at.gte" is not declared'],
    ["created_at%5Bgte%5D=yesterday", 400, 'query parameter "created_at[gte]" must match format "date-time"'],
    ["has_error=1", 422, "has_error"],
    ["limit=abc", 422, "limit"],
  ])("rejects a wrongly serialised query: %s → %i", async (query, status, problem) => {
    const response = await fetch(`${proxy.url}/deployment_runs?${query}`, {
      headers: { authorization: "Bearer pt-contract" },
    });
    expect(response.status).toBe(status);
    expect(await response.text()).toContain(problem.replaceAll('"', '\\"'));
  });

  it("rejects a header off-schema: an empty x-request-id (minLength 1)", async () => {
    const response = await fetch(`${proxy.url}/deployments`, {
      headers: { authorization: "Bearer pt-contract", "x-request-id": "" },
    });
    expect(response.status).toBe(400);
    expect(upstream.records[0]?.problems.join("; ")).toContain(
      'header "x-request-id" must NOT have fewer than 1 characters',
    );
  });

  it("rejects an upstream answer that breaks the contract (response validation)", async () => {
    const response = await fetch(`${proxy.url}/deployments/${EXAMPLE_IDS.deploymentId}`, {
      headers: { authorization: "Bearer pt-contract", [BREAK_RESPONSE_HEADER]: "1" },
    });
    expect(response.status).toBe(500);
  });
});

describe("in front of the simulator", () => {
  it("passes a valid answer without a write-only field (a github_repository resource's token)", async () => {
    const mock = await startMock({ port: 0 });
    const inFront = await startValidationProxy({ upstream: mock.url });
    try {
      const qoder = createQoderClient({ baseUrl: inFront.url, token: "pt-proxy-simulator", maxRetries: 0 });
      // The request carries authorization_token (required when sent); the answer leaves it out (never returned).
      const examples = spec.components as { examples: Record<string, { value: unknown }> };
      const body = examples.examples.CreateDeploymentManualOnlyRequest?.value;
      expect(JSON.stringify(body)).toContain("authorization_token");
      const created = await qoder.deployments.create(body as never).catch((error: unknown) => {
        throw new Error(`create through the proxy failed: ${describeFailure(error)}`);
      });
      expect(JSON.stringify(created)).not.toContain("authorization_token");
      expect(await qoder.deployments.retrieve(created.id)).toEqual(created);
      // A rebuild of the contract (its file replaced) must not move the running proxy: Prism restarts on
      // another port when the file it reads changes, so it is handed the contract while it starts.
      const rebuilt = `${openapiJsonPath}.${process.pid}.tmp`;
      try {
        writeFileSync(rebuilt, readFileSync(openapiJsonPath));
        renameSync(rebuilt, openapiJsonPath); // whole: a reader elsewhere sees the old or the new bytes
      } finally {
        rmSync(rebuilt, { force: true });
      }
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(await qoder.deployments.retrieve(created.id)).toEqual(created);
      // The new account's example deployments (one with a github_repository resource) pass too.
      const list = await qoder.deployments.list({ limit: 100 });
      expect(JSON.stringify(list.data)).toContain("github_repository");
    } finally {
      await inFront.stop();
      await mock.stop();
    }
  });

  it("takes the bundled contract named another way (through a link) as the bundled contract", async () => {
    const mock = await startMock({ port: 0 });
    const folder = mkdtempSync(join(tmpdir(), "qoder-contract-link-"));
    const link = join(folder, "openapi.yaml");
    symlinkSync(openapiYamlPath, link);
    const inFront = await startValidationProxy({ upstream: mock.url, specPath: link });
    try {
      const qoder = createQoderClient({ baseUrl: inFront.url, token: "pt-proxy-link", maxRetries: 0 });
      // The example account's deployments include a github_repository resource (its token never returned).
      const list = await qoder.deployments.list({ limit: 100 });
      expect(JSON.stringify(list.data)).toContain("github_repository");
    } finally {
      await inFront.stop();
      await mock.stop();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

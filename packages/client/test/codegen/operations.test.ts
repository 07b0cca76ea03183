// The resource methods come from the spec: the committed table must match the bundled contract, and
// the client must expose exactly one method per operation.
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { openapiJsonPath } from "@qoder-cloud/openapi";
import { expect, test } from "vitest";
import { operations } from "../../src/generated/operations.js";
import { createQoderClient } from "../../src/index.js";

const script = fileURLToPath(new URL("../../scripts/generate-operations.mjs", import.meta.url));

test("src/generated/operations.ts is up to date with the bundled spec", async () => {
  // Rejects with the script's message when the file is stale.
  const { stdout } = await promisify(execFile)(process.execPath, [script, "--check"]);
  expect(stdout).toContain("up to date");
});

test("every operation of the spec, and only those, is a method of the client", () => {
  const spec = JSON.parse(readFileSync(openapiJsonPath, "utf8")) as {
    paths: Record<string, Record<string, { "x-sdk-method"?: string }>>;
  };
  const fromSpec = Object.entries(spec.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
      .map(([method, op]) => `${op["x-sdk-method"]} ${method.toUpperCase()} ${path}`),
  );
  expect(operations.map(([sdk, method, path]) => `${sdk} ${method} ${path}`).sort()).toEqual(fromSpec.sort());

  const qoder = createQoderClient({ token: "pt-x", baseUrl: "http://127.0.0.1:9" }) as unknown as Record<
    string,
    unknown
  >;
  for (const [sdkMethod] of operations) {
    const method = sdkMethod
      .split(".")
      .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], qoder);
    expect(typeof method, sdkMethod).toBe("function");
  }
});

test("the issue's method names exist", () => {
  const names = operations.map(([sdk]) => sdk).sort();
  expect(names).toEqual([
    "agents.archive",
    "agents.create",
    "agents.list",
    "agents.retrieve",
    "agents.update",
    "agents.versions.list",
    "deploymentRuns.list",
    "deploymentRuns.retrieve",
    "deployments.archive",
    "deployments.create",
    "deployments.list",
    "deployments.pause",
    "deployments.retrieve",
    "deployments.run",
    "deployments.runs.list",
    "deployments.runs.retrieve",
    "deployments.unpause",
    "deployments.update",
    "environments.archive",
    "environments.create",
    "environments.delete",
    "environments.list",
    "environments.retrieve",
    "environments.update",
    "models.list",
  ]);
  // Every list operation auto-paginates (returns a PagePromise).
  expect(operations.filter((row) => row[4]).map(([sdk]) => sdk)).toEqual([
    "agents.list",
    "agents.versions.list",
    "deploymentRuns.list",
    "deployments.list",
    "deployments.runs.list",
    "environments.list",
    "models.list",
  ]);
});

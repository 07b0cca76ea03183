// Fixture pairs: test/fixtures/spec-diff/base.yaml against each file of breaking/ and non-breaking/.
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { writeGateConfig } from "../src/redocly.mjs";
import { componentOf, diffSpecs, readableLocation, sideOf } from "../src/spec-diff.mjs";

const fixtures = path.join(import.meta.dirname, "fixtures", "spec-diff");
const baseFile = path.join(fixtures, "base.yaml");

/** fixture → the rule that must flag it (redocly's rule id, or the gate's own supplement). */
const breakingCases: Record<string, string> = {
  "remove-operation": "operation-removed",
  "remove-response-field": "property-removed",
  "remove-response-enum-value": "governance/response-enum-values-removed",
  "remove-response-union-variant": "governance/response-union-variant-removed",
  "rename-path-parameter": "governance/path-parameter-renamed",
  "make-response-field-optional": "required-properties-removed",
  "add-required-request-field": "required-properties-added",
  "add-required-parameter": "parameter-became-required",
  "narrow-maximum": "schema-constraint-changed",
  "change-type": "schema-type-changed",
  "rename-component-schema": "governance/component-removed",
  "inline-component-schema": "governance/component-removed",
  "write-only-response-field": "governance/read-write-only-added",
  "read-only-request-field": "governance/read-write-only-added",
  "add-response-union-variant": "governance/response-union-widened",
  "read-only-shared-request-field": "governance/read-write-only-added",
  "write-only-shared-response-field": "governance/read-write-only-added",
  "swap-sdk-methods": "governance/sdk-method-changed",
  "remove-sdk-method": "governance/sdk-method-changed",
  "change-parameter-default": "governance/default-changed",
  "change-shared-request-field-default": "governance/default-changed",
};
const nonBreakingCases = [
  "add-optional-request-field",
  "add-optional-parameter",
  "add-operation",
  "add-request-enum-value",
  "add-component-schema",
  "read-only-response-field",
  "add-sdk-method",
  "add-parameter-default",
  "change-response-field-default",
  "read-only-beside-shared-ref",
  "split-shared-schema-write-only",
];

let workDir: string;
let configPath: string;
beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "governance-spec-diff-"));
  configPath = await writeGateConfig(workDir);
});
afterAll(() => rm(workDir, { recursive: true, force: true }));

const diffAgainstBase = (kind: "breaking" | "non-breaking", name: string) =>
  diffSpecs({ baseFile, revisionFile: path.join(fixtures, kind, `${name}.yaml`), configPath });

test("every fixture file has an expectation (none is silently skipped)", async () => {
  const names = async (dir: string) =>
    (await readdir(path.join(fixtures, dir))).map((f) => f.replace(/\.yaml$/, "")).sort();
  expect(await names("breaking")).toEqual(Object.keys(breakingCases).sort());
  expect(await names("non-breaking")).toEqual([...nonBreakingCases].sort());
});

describe.concurrent("breaking", () => {
  for (const [name, rule] of Object.entries(breakingCases)) {
    test(name, async () => {
      const diff = await diffAgainstBase("breaking", name);
      const breaking = diff.changes.filter((c) => c.breaking);
      expect(breaking.length).toBeGreaterThan(0);
      expect(breaking.flatMap((c) => c.reasons.map((r) => r.rule))).toContain(rule);
      expect(diff.majorRaised).toBe(false);
    });
  }
});

describe.concurrent("non-breaking", () => {
  for (const name of nonBreakingCases) {
    test(name, async () => {
      const diff = await diffAgainstBase("non-breaking", name);
      // The change is seen (so the fixture really differs) and rated below major.
      expect(diff.changes.length).toBeGreaterThan(0);
      expect(diff.changes.filter((c) => c.breaking)).toEqual([]);
    });
  }
});

test("swapped x-sdk-method names are both reported, each before → after", async () => {
  const diff = await diffAgainstBase("breaking", "swap-sdk-methods");
  const messages = diff.changes.flatMap((c) => c.reasons.map((r) => r.message));
  expect(messages).toContainEqual(expect.stringContaining("deployments.pause → deployments.unpause"));
  expect(messages).toContainEqual(expect.stringContaining("deployments.unpause → deployments.pause"));
});

test("readableLocation names the operation and the place inside it", () => {
  expect(readableLocation("#/paths/~1deployments~1{deployment_id}/get/responses/200")).toBe(
    "GET /deployments/{deployment_id} › responses/200",
  );
  expect(readableLocation("#/paths/~1health")).toBe("/health");
  expect(readableLocation("#/components/schemas/Deployment")).toBe("components/schemas/Deployment");
});

test("sideOf reads the operation's own keys, not a property named like one", () => {
  expect(
    sideOf("#/paths/~1deployments/post/requestBody/content/application~1json/schema/properties/name"),
  ).toBe("request");
  expect(sideOf("#/paths/~1deployments/get/responses/200/content/application~1json/schema")).toBe("response");
  // A response property named `parameters`, a request property named `responses`, a parameter's schema.
  expect(
    sideOf("#/paths/~1deployments/get/responses/200/content/application~1json/schema/properties/parameters"),
  ).toBe("response");
  expect(
    sideOf("#/paths/~1deployments/post/requestBody/content/application~1json/schema/properties/responses"),
  ).toBe("request");
  expect(sideOf("#/paths/~1deployments/get/parameters/0/schema")).toBeUndefined();
  expect(sideOf("#/components/schemas/Deployment/properties/responses")).toBeUndefined();
});

test("componentOf: a path through a $ref with siblings names `$ref` to enter the target; the node's other keys are its own", () => {
  const document = {
    paths: {
      "/x": {
        get: {
          responses: {
            "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/Holder" } } } },
          },
        },
      },
    },
    components: {
      schemas: {
        Holder: {
          type: "object",
          properties: {
            item: {
              $ref: "#/components/schemas/Shared",
              readOnly: true,
              properties: { a: { type: "string", default: "h" } },
            },
            plain: { $ref: "#/components/schemas/Shared" },
            chained: { $ref: "#/components/schemas/Middle", description: "A middle schema." },
            bare: { $ref: "#/components/schemas/Middle" },
          },
        },
        Shared: { type: "object", properties: { a: { type: "string", default: "s" } } },
        // A $ref with siblings as a target: its own keys are its own, `$ref` goes on to Shared.
        Middle: { $ref: "#/components/schemas/Shared", properties: { p: { type: "string", default: "p" } } },
        Loop: { $ref: "#/components/schemas/Loop" },
      },
    },
  };
  const at = "#/paths/~1x/get/responses/200/content/application~1json/schema/properties";
  expect(componentOf(document, `${at}/item/properties/a`, "default")).toBe("#/components/schemas/Holder");
  expect(componentOf(document, `${at}/item/$ref/properties/a`, "default")).toBe(
    "#/components/schemas/Shared",
  );
  expect(componentOf(document, `${at}/plain/properties/a`, "default")).toBe("#/components/schemas/Shared");
  expect(componentOf(document, `${at}/item`, "readOnly")).toBe("#/components/schemas/Holder");
  // Chains: one hop per named `$ref`, bare $refs stepped through unnamed.
  expect(componentOf(document, `${at}/chained/$ref/properties/p`, "default")).toBe(
    "#/components/schemas/Middle",
  );
  expect(componentOf(document, `${at}/chained/$ref/$ref/properties/a`, "default")).toBe(
    "#/components/schemas/Shared",
  );
  expect(componentOf(document, `${at}/bare/properties/p`, "default")).toBe("#/components/schemas/Middle");
  expect(componentOf(document, `${at}/bare/$ref/properties/a`, "default")).toBe(
    "#/components/schemas/Shared",
  );
  // A circular chain ends (no hang, no throw).
  expect(componentOf(document, "#/components/schemas/Loop/properties/x", "default")).toBeUndefined();
});

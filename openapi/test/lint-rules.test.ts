// Each project lint rule (redocly.yaml) must fire on a fixture spec that breaks it, stay silent on
// the valid fixture, and the real contract must lint with zero problems.
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import {
  formatProblems,
  ignoredByFile,
  type LintProblem,
  lintIgnoreFile,
  redoclyConfig,
  redoclyLint,
} from "./support/redocly.js";

const fixturesDir = fileURLToPath(new URL("./fixtures/lint/", import.meta.url));
// Folders of fixtures, each with a valid.yaml and broken-*.yaml: "" holds one-file specs; split/ holds
// specs split into files like the contract, whose $refs inside referenced files resolve from those files.
const fixtureFolders = ["", "split/"];

// fixture (<folder>broken-<name>.yaml, keyed <folder><name>) → the rule it violates. Every broken
// fixture must appear here.
const expectedRule: Record<string, string> = {
  "operation-id-camel-case": "rule/operation-id-camel-case",
  "operation-summary-description": "rule/operation-summary-description",
  "operation-summary-blank": "rule/operation-summary-description",
  "operation-tag": "rule/operation-tag",
  "operation-x-sdk-method": "rule/operation-x-sdk-method",
  "response-has-content": "rule/response-has-content",
  "response-example-success": "rule/response-example",
  "response-example-error": "rule/response-example",
  "response-example-empty": "rule/response-example",
  "example-additional-property": "no-invalid-media-type-examples",
  "list-pagination-cursor": "qoder/list-pagination",
  "list-pagination-maximum": "qoder/list-pagination",
  "error-response-envelope": "qoder/error-response-envelope",
  "error-response-envelope-default": "qoder/error-response-envelope",
  "error-response-envelope-request-id": "qoder/error-response-envelope",
  "error-response-envelope-request-id-type": "qoder/error-response-envelope",
  "error-response-envelope-type-const": "qoder/error-response-envelope",
  "error-response-envelope-error-type-enum": "qoder/error-response-envelope",
  "error-response-envelope-error-message-string": "qoder/error-response-envelope",
  "idempotency-key-header": "qoder/idempotency-key-header",
  "request-id-header": "qoder/request-id-header",
  "workspace-id-header": "qoder/workspace-id-header",
  "beta-header": "qoder/beta-header",
  "sdk-method-unique": "qoder/sdk-method-unique",
  "split/list-pagination-cursor": "qoder/list-pagination",
  "split/list-pagination-maximum": "qoder/list-pagination",
  "split/error-response-envelope": "qoder/error-response-envelope",
};

// What each report must say, so a rule that fires for the wrong reason does not pass.
const expectedMessage: Partial<Record<string, RegExp>> = {
  "list-pagination-cursor": /`before_id`/,
  "list-pagination-maximum": /`limit` must declare a numeric `maximum`/,
  "error-response-envelope": /`error\.message` is missing/,
  "error-response-envelope-default": /listWidgets default.*`type` is missing/,
  "error-response-envelope-request-id": /listWidgets 400.*`request_id` is missing/,
  "error-response-envelope-request-id-type": /`request_id` must be of type string/,
  "error-response-envelope-type-const": /`type` must be `const: error`/,
  "error-response-envelope-error-type-enum": /`error\.type` must be a string enum or const/,
  "error-response-envelope-error-message-string": /`error\.message` must be of type string/,
  "idempotency-key-header": /createWidget.*`Idempotency-Key`/,
  "request-id-header": /listWidgets.*`x-request-id`/,
  "workspace-id-header": /listWidgets.*`qoder-workspace-id`/,
  "beta-header": /listWidgets.*`x-qoder-beta`/,
  "sdk-method-unique": /widgets\.list.*listWidgets/,
  "example-additional-property": /colour/,
  "response-example-empty": /`examples` with at least one entry/,
  "split/list-pagination-cursor": /`before_id`/,
  "split/list-pagination-maximum": /`limit` must declare a numeric `maximum`/,
  "split/error-response-envelope": /`error\.message` is missing/,
};

const brokenFixtures = fixtureFolders
  .flatMap((folder) =>
    readdirSync(`${fixturesDir}${folder}`)
      .filter((file) => file.startsWith("broken-") && file.endsWith(".yaml"))
      .map((file) => `${folder}${file.slice("broken-".length, -".yaml".length)}`),
  )
  .sort();
const validFixtures = fixtureFolders.map((folder) => `${folder}valid`);
/** "split/x" → "split/broken-x": the fixture's file name without .yaml. */
const brokenFile = (fixture: string) => fixture.replace(/[^/]*$/, (name) => `broken-${name}`);

describe("project lint rules on fixture specs", () => {
  const problemsByFixture = new Map<string, LintProblem[]>();

  beforeAll(async () => {
    // One CLI run for all fixtures keeps the suite fast.
    const names = [...validFixtures, ...brokenFixtures.map(brokenFile)];
    const reports = await redoclyLint(names.map((name) => `${fixturesDir}${name}.yaml`));
    for (const [i, name] of names.entries()) problemsByFixture.set(name, reports[i]?.problems ?? []);
  });

  it("has a broken fixture for every rule in the table, and a rule for every broken fixture", () => {
    expect(brokenFixtures).toEqual(Object.keys(expectedRule).sort());
  });

  for (const valid of validFixtures) {
    it(`passes ${valid}.yaml with zero problems (the broken ones beside it differ from it by one change)`, () => {
      const problems = problemsByFixture.get(valid) ?? [];
      expect(problems, formatProblems(problems)).toEqual([]);
    });
  }

  for (const [fixture, ruleId] of Object.entries(expectedRule)) {
    it(`${ruleId} reports ${brokenFile(fixture)}.yaml, and nothing else does`, () => {
      const problems = problemsByFixture.get(brokenFile(fixture)) ?? [];
      expect(problems.length, formatProblems(problems)).toBeGreaterThan(0);
      expect(new Set(problems.map((p) => p.ruleId)), formatProblems(problems)).toEqual(new Set([ruleId]));
      expect(problems.every((p) => p.severity === "error")).toBe(true);
      const pattern = expectedMessage[fixture];
      if (pattern) expect(problems.map((p) => p.message).join("\n")).toMatch(pattern);
    });
  }
});

describe("redocly.yaml", () => {
  const config = parseYaml(readFileSync(redoclyConfig, "utf8")) as {
    telemetry?: string;
    extends?: string[];
    plugins?: string[];
    rules?: Record<string, string | { severity?: string }>;
    apis?: Record<string, Record<string, unknown>>;
  };

  it("extends recommended-strict, loads the qoder plugin and keeps telemetry off", () => {
    expect(config.extends).toEqual(["recommended-strict"]);
    expect(config.plugins).toContain("openapi/lint/plugin.js");
    expect(config.telemetry).toBe("off");
  });

  it("declares every rule as an error: redocly lint exits 0 on warnings, so a warning would slip through CI", () => {
    const notErrors = Object.entries(config.rules ?? {})
      .map(([rule, setting]) => [rule, typeof setting === "string" ? setting : setting.severity] as const)
      .filter(([, severity]) => severity !== "error");
    expect(notErrors).toEqual([]);
  });

  it("lints the contract with exactly these rules: an API entry holds only its root", () => {
    // A per-API `rules`, `extends` or `decorators` would override the top-level ones (a rule switched
    // off there would pass every other check here).
    const entries = Object.entries(config.apis ?? {}).map(([name, api]) => [name, Object.keys(api)]);
    expect(entries).toEqual([["deployments@v1", ["root"]]]);
  });

  it("enables every rule that a broken fixture exercises", () => {
    for (const rule of new Set(Object.values(expectedRule)))
      expect(Object.keys(config.rules ?? {})).toContain(rule);
  });
});

describe("the real contract", () => {
  let report: Awaited<ReturnType<typeof redoclyLint>>[number] | undefined;
  beforeAll(async () => {
    [report] = await redoclyLint(["deployments@v1"]);
  });

  it("lints (redocly lint deployments@v1) with zero errors and zero warnings", () => {
    expect(report?.problems ?? [], formatProblems(report?.problems ?? [])).toEqual([]);
    expect(report?.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  // `pnpm lint` passes with problems in an ignore file ("N problems are explicitly ignored"), and its JSON
  // report lists none of them: the contract accepts none, so the file itself fails, naming what it hides.
  it(`has no ${lintIgnoreFile} hiding problems from pnpm lint`, () => {
    const hidden = ignoredByFile();
    expect(
      { ignored: report?.totals.ignored, hidden },
      `${lintIgnoreFile} (written by \`redocly lint --generate-ignore-file\`) hides ${hidden.length} problem(s) ` +
        `from pnpm lint:\n  ${hidden.join("\n  ")}\nDelete ${lintIgnoreFile} and fix the spec: the ` +
        "contract accepts no lint problem (pnpm lint lists them again once the file is gone).\n",
    ).toEqual({ ignored: 0, hidden: [] });
  });
});

// The breaking-change gate guards Agents, Environments and Models as it guards Deployments: each change
// below, made to the real contract, is rated breaking (and the major is not raised).
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { bundleWorkingTree } from "../src/git-contract.mjs";
import { writeGateConfig } from "../src/redocly.mjs";
import { diffSpecs } from "../src/spec-diff.mjs";
import { repoRoot } from "./support/workspace.js";

// biome-ignore lint/suspicious/noExplicitAny: a bundled contract, edited by path in this test only
type Json = Record<string, any>;
let workDir: string;
let configPath: string;
let baseFile: string;
let base: Json;

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), "governance-resources-"));
  configPath = await writeGateConfig(workDir);
  baseFile = path.join(workDir, "base.json");
  await bundleWorkingTree({ repoRoot, outputFile: baseFile, configPath });
  base = JSON.parse(await readFile(baseFile, "utf8"));
}, 120_000);
afterAll(() => rm(workDir, { recursive: true, force: true }));

const schemas = (spec: Json) => spec.components.schemas as Json;
const changes: Record<string, { rule: string; edit: (spec: Json) => void }> = {
  "remove GET /models": { rule: "operation-removed", edit: (s) => delete s.paths["/models"].get },
  "remove DELETE /environments/{environment_id}": {
    rule: "operation-removed",
    edit: (s) => delete s.paths["/environments/{environment_id}"].delete,
  },
  "remove the agents.versions.list path": {
    rule: "path-removed",
    edit: (s) => delete s.paths["/agents/{agent_id}/versions"],
  },
  "Agent.version no longer required": {
    rule: "required-properties-removed",
    edit: (s) => {
      schemas(s).Agent.required = schemas(s).Agent.required.filter((n: string) => n !== "version");
    },
  },
  "a new required field on environment create": {
    rule: "required-properties-added",
    edit: (s) => {
      const params = schemas(s).CreateEnvironmentParams;
      params.properties.region = { type: "string" };
      params.required = [...params.required, "region"];
    },
  },
  "agents list limit narrowed to 50": {
    rule: "schema-constraint-changed",
    edit: (s) => {
      for (const p of s.paths["/agents"].get.parameters) {
        const parameter = p.$ref ? s.components.parameters[p.$ref.split("/").pop()] : p;
        if (parameter.name === "limit") parameter.schema.maximum = 50;
      }
    },
  },
};

describe.concurrent("Agents, Environments and Models under the gate", () => {
  for (const [name, { rule, edit }] of Object.entries(changes)) {
    test(name, async () => {
      const revision = structuredClone(base);
      edit(revision);
      const revisionFile = path.join(workDir, `${name.replace(/\W+/g, "-")}.json`);
      await writeFile(revisionFile, JSON.stringify(revision));
      const diff = await diffSpecs({ baseFile, revisionFile, configPath });
      const breaking = diff.changes.filter((c: { breaking: boolean }) => c.breaking);
      expect(
        breaking.flatMap((c: { reasons: { rule: string }[] }) => c.reasons.map((r) => r.rule)),
      ).toContain(rule);
      expect(diff.majorRaised).toBe(false);
    }, 120_000);
  }
});

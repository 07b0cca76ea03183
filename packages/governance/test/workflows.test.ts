// The workflow files against the repository: they parse, call only scripts that exist, pin pnpm and Node
// as package.json does, and pin every third-party action. Each checker is also shown to catch a bad file.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import {
  checkActionPins,
  checkPnpmPins,
  checkPnpmScripts,
  checkSchema,
  loadWorkflowFiles,
  minimumNodeMajor,
  nodeMajorsOf,
  pnpmCommandsOf,
  stepsOf,
  type WorkflowFile,
  type WorkspacePackage,
} from "../src/workflow-checks.mjs";
import { repoRoot, workspaceManifests } from "./support/workspace.js";

const rootPackage = JSON.parse(await readFile(path.join(repoRoot, "package.json"), "utf8"));

/** A workflow file from inline YAML, for showing that a checker catches a mistake. */
function fakeWorkflow(yaml: string): WorkflowFile {
  return { file: "fake.yml", text: yaml, data: parseDocument(yaml).toJS() };
}

let workflows: WorkflowFile[];
let packages: WorkspacePackage[];
const byName = (name: string) => {
  const found = workflows.find((w) => w.file === `.github/workflows/${name}`);
  if (!found) throw new Error(`.github/workflows/${name} is missing`);
  return found;
};

beforeAll(async () => {
  workflows = await loadWorkflowFiles(repoRoot); // throws on a YAML syntax error
  packages = (await workspaceManifests()).map(({ name, dir, scripts }) => ({
    name,
    dir,
    scripts: scripts ?? {},
  }));
});

describe("the workflow files", () => {
  test("parse, and CI and release workflows exist with jobs and steps", () => {
    expect(workflows.map((w) => w.file)).toEqual(
      expect.arrayContaining([".github/workflows/ci.yml", ".github/workflows/release.yml"]),
    );
    for (const workflow of workflows) expect(stepsOf(workflow.data).length, workflow.file).toBeGreaterThan(0);
  });

  test("match the JSON schemas of GitHub workflows and actions", () => {
    for (const workflow of workflows) expect(checkSchema(workflow)).toEqual([]);
  });

  test("every pnpm script they call exists in the root package.json or in the filtered package", () => {
    const commands = workflows.flatMap(pnpmCommandsOf);
    expect(commands).toEqual(expect.arrayContaining(["pnpm test", "pnpm docs:build"]));
    for (const workflow of workflows) {
      expect(checkPnpmScripts(workflow, { rootScripts: rootPackage.scripts, packages })).toEqual([]);
    }
  });

  test("pnpm is the exact version of package.json packageManager", () => {
    expect(rootPackage.packageManager).toMatch(/^pnpm@\d+\.\d+\.\d+$/);
    for (const workflow of workflows) expect(checkPnpmPins(workflow, rootPackage.packageManager)).toEqual([]);
  });

  test("Node.js versions satisfy engines.node, and the test matrix covers 20, 22 and 24", () => {
    const minimum = minimumNodeMajor(rootPackage.engines.node);
    for (const workflow of workflows) {
      for (const major of nodeMajorsOf(workflow))
        expect(major, workflow.file).toBeGreaterThanOrEqual(minimum);
    }
    const matrix = byName("ci.yml").data.jobs.test.strategy.matrix.node;
    expect(matrix).toEqual([20, 22, 24]);
    expect(matrix).toContain(minimum);
  });

  test("every third-party action is pinned to a commit SHA with its version, or to an exact version", () => {
    for (const workflow of workflows) expect(checkActionPins(workflow)).toEqual([]);
  });

  test("CI: PRs and pushes to main, telemetry off, gate on both against the base with full history", () => {
    const ci = byName("ci.yml");
    expect(Object.keys(ci.data.on)).toEqual(expect.arrayContaining(["pull_request", "push"]));
    expect(ci.data.on.push.branches).toEqual(["main"]);
    expect(ci.data.env).toMatchObject({
      TURBO_TELEMETRY_DISABLED: "1",
      DO_NOT_TRACK: "1",
      REDOCLY_TELEMETRY: "off",
    });
    const gate = ci.data.jobs["breaking-changes"];
    // Gated on every event: a pull request against its base, a push to main against the commit before it.
    expect(gate.if).toBeUndefined();
    const step = gate.steps.find((s: { run?: string }) => s.run?.includes("pnpm spec:breaking"));
    expect(step?.env).toEqual({
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
      EVENT: "${{ github.event_name }}",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
      BASE_REF: "${{ github.base_ref }}",
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
      BEFORE: "${{ github.event.before }}",
    });
    expect(gate.steps[0].with["fetch-depth"]).toBe(0);
    // A push to main is never cancelled by the next one (its change would go ungated): a group of its own.
    expect(ci.data.concurrency.group).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
      "ci-${{ github.event_name == 'pull_request' && github.ref || github.sha }}",
    );
    expect(ci.data.concurrency["cancel-in-progress"]).toBe(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a GitHub expression, not a JS template
      "${{ github.event_name == 'pull_request' }}",
    );
    const uploads = ci.data.jobs.docs.steps.filter((s: { uses?: string }) =>
      s.uses?.startsWith("actions/upload-artifact@"),
    );
    expect(uploads.map((s: { with: { path: string } }) => s.with.path)).toEqual([
      "docs/dist",
      "docs/dist/screenshot*.png",
    ]);
  });

  test("the gate step compares with the PR's base, a push's previous commit, or its parent when that is gone", () => {
    const step = byName("ci.yml").data.jobs["breaking-changes"].steps.find((s: { run?: string }) =>
      s.run?.includes("pnpm spec:breaking"),
    );
    const repo = mkdtempSync(path.join(os.tmpdir(), "gate-step-"));
    try {
      const git = (...args: string[]) =>
        execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@t", ...args], {
          cwd: repo,
          encoding: "utf8",
        }).trim();
      git("init", "-q");
      git("commit", "-q", "--allow-empty", "-m", "one");
      const first = git("rev-parse", "HEAD");
      git("commit", "-q", "--allow-empty", "-m", "two");
      // A pnpm that prints what the gate would be given.
      mkdirSync(path.join(repo, "bin"));
      writeFileSync(path.join(repo, "bin/pnpm"), '#!/bin/sh\necho "$@"\n', { mode: 0o755 });
      const base = (env: Record<string, string>) =>
        execFileSync("bash", ["-e", "-c", step.run], {
          cwd: repo,
          encoding: "utf8",
          env: { ...process.env, PATH: `${path.join(repo, "bin")}:${process.env.PATH}`, ...env },
        }).trim();
      expect(base({ EVENT: "pull_request", BASE_REF: "main", BEFORE: "" })).toBe("spec:breaking origin/main");
      expect(base({ EVENT: "push", BASE_REF: "", BEFORE: first })).toBe(`spec:breaking ${first}`);
      expect(base({ EVENT: "push", BASE_REF: "", BEFORE: "0".repeat(40) })).toBe("spec:breaking HEAD~1");
      expect(base({ EVENT: "push", BASE_REF: "", BEFORE: "1".repeat(40) })).toBe("spec:breaking HEAD~1"); // force-pushed away
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });

  test("release: changesets with npm provenance, docs as a Pages artifact", () => {
    const release = byName("release.yml");
    const job = release.data.jobs.packages;
    expect(job.permissions["id-token"]).toBe("write");
    const changesets = job.steps.find((s: { uses?: string }) => s.uses?.startsWith("changesets/action@"));
    expect(changesets.with).toMatchObject({
      version: "pnpm changeset version",
      publish: "pnpm changeset publish",
    });
    expect(changesets.env.NPM_CONFIG_PROVENANCE).toBe("true");
    const pages = release.data.jobs["docs-build"].steps.find((s: { uses?: string }) =>
      s.uses?.startsWith("actions/upload-pages-artifact@"),
    );
    expect(pages.with.path).toBe("docs/dist");
  });
});

describe("the checkers catch broken workflows", () => {
  test("a job without runs-on and a step with an unknown key break the schema", () => {
    const problems = checkSchema(
      fakeWorkflow(`on: [push]
jobs:
  a:
    runz-on: ubuntu-latest
    steps:
      - run: echo
        bogus: 1
`),
    );
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join("\n")).toContain("fake.yml/jobs/a");
  });

  test("floating and branch pins; a SHA without its version comment", () => {
    const problems = checkActionPins(
      fakeWorkflow(`jobs:
  a:
    steps:
      - uses: actions/checkout@v4
      - uses: actions/cache@main
      - uses: actions/setup-node@49933ea5288caeca8642d1e84afbd3f7d6820020
      - uses: actions/upload-artifact@v4.6.2
      - uses: ./.github/actions/setup-workspace
`),
    );
    expect(problems).toHaveLength(3);
    expect(problems.join("\n")).toMatch(/checkout@v4[\s\S]*cache@main[\s\S]*setup-node@49933ea/);
  });

  test("a missing root script, a missing script of a filtered package, an unknown package", async () => {
    const problems = checkPnpmScripts(
      fakeWorkflow(`jobs:
  a:
    steps:
      - run: pnpm install --frozen-lockfile && pnpm no-such-script
      - run: pnpm --filter @qoder-cloud/docs no-such-script
      - run: pnpm --filter @qoder-cloud/nope test
      - run: pnpm test
`),
      { rootScripts: rootPackage.scripts, packages },
    );
    expect(problems).toHaveLength(3);
  });

  test("a pnpm or Node version that disagrees with package.json", () => {
    const wrong = fakeWorkflow(`jobs:
  a:
    container: node:\${{ matrix.node }}-bookworm
    strategy: { matrix: { node: [18, 20] } }
    steps:
      - run: npx pnpm@9.0.0 install
      - run: npm install -g pnpm
      - uses: pnpm/action-setup@a7487c7e89a18df4991f7f222e4898a00d66ddda # v4.1.0
        with: { version: 10.0.0 }
`);
    expect(checkPnpmPins(wrong, "pnpm@12.4.2")).toHaveLength(3);
    expect(nodeMajorsOf(wrong)).toEqual([18, 20]);
    expect(Math.min(...nodeMajorsOf(wrong))).toBeLessThan(minimumNodeMajor(rootPackage.engines.node));
  });
});

// End to end: the CLI in throwaway git repositories holding a copy of the workspace's contract.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { parseDocument } from "yaml";
import { workspaceManifests, repoRoot as workspaceRoot } from "./support/workspace.js";

const execFileAsync = promisify(execFile);
const cli = path.resolve(import.meta.dirname, "../bin/spec-breaking.mjs");
const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: "gate test",
  GIT_AUTHOR_EMAIL: "gate@test.invalid",
  GIT_COMMITTER_NAME: "gate test",
  GIT_COMMITTER_EMAIL: "gate@test.invalid",
};

const git = (cwd: string, ...args: string[]) =>
  execFileAsync("git", ["-c", "commit.gpgsign=false", ...args], { cwd, env: gitEnv });

async function runCli(cwd: string, ...args: string[]): Promise<{ code: number; output: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(process.execPath, [cli, ...args], { cwd });
    return { code: 0, output: stdout + stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, output: `${failed.stdout ?? ""}${failed.stderr ?? ""}` };
  }
}

/** Edits openapi/openapi.yaml of `repo` through the yaml Document API (keeps the rest as written). */
async function editRootSpec(repo: string, edit: (doc: ReturnType<typeof parseDocument>) => void) {
  const file = path.join(repo, "openapi", "openapi.yaml");
  const doc = parseDocument(await readFile(file, "utf8"));
  edit(doc);
  await writeFile(file, doc.toString());
}

/** Breaking: the first path of the contract disappears. */
const removeFirstPath = (doc: ReturnType<typeof parseDocument>) => {
  const paths = doc.get("paths") as { items: { key: unknown }[] };
  const first = paths.items[0]?.key;
  expect(first).toBeDefined();
  doc.deleteIn(["paths", String(first)]);
};
/** Non-breaking: a new operation appears. */
const addOperation = (doc: ReturnType<typeof parseDocument>) => {
  doc.setIn(["paths", "/governance_probe"], {
    get: { operationId: "governanceProbe", responses: { "204": { description: "Probe." } } },
  });
};
const raiseMajor = (doc: ReturnType<typeof parseDocument>) => {
  const major = Number(String(doc.getIn(["info", "version"])).split(".")[0]);
  doc.setIn(["info", "version"], `${major + 1}.0.0`);
};

let scratch: string;
let seedRepo: string;

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), "governance-cli-"));
  seedRepo = path.join(scratch, "seed");
  await cp(path.join(workspaceRoot, "openapi"), path.join(seedRepo, "openapi"), {
    recursive: true,
    filter: (src) => !/[/\\](node_modules|dist|\.turbo)$/.test(src),
  });
  // What the gate reads besides the contract: the workspace's packages and changesets' config, which
  // decide what a changeset may name.
  const manifests = (await workspaceManifests()).map(({ dir }) => path.join(dir, "package.json"));
  for (const file of ["redocly.yaml", "pnpm-workspace.yaml", ".changeset/config.json", ...manifests])
    await cp(path.join(workspaceRoot, file), path.join(seedRepo, file));
  await git(scratch, "init", "-q", "-b", "main", seedRepo);
  await git(seedRepo, "add", ".");
  await git(seedRepo, "commit", "-q", "-m", "contract");
});
afterAll(() => rm(scratch, { recursive: true, force: true }));

/** A fresh clone of the seed repo, on main, for one scenario. */
async function cloneSeed(name: string) {
  const repo = path.join(scratch, name);
  await git(scratch, "clone", "-q", seedRepo, repo);
  return repo;
}
async function commitAll(repo: string, message: string) {
  await git(repo, "add", "-A");
  await git(repo, "commit", "-q", "-m", message);
}
/** Adds a pending changeset bumping the contract package by `level`, saying `summary` below its front matter. */
async function addChangeset(
  repo: string,
  level: "major" | "minor" | "patch",
  name = "contract-change",
  summary = "What changed, before → after.\n",
) {
  await mkdir(path.join(repo, ".changeset"), { recursive: true });
  await writeFile(
    path.join(repo, ".changeset", `${name}.md`),
    `---\n"@qoder-cloud/openapi": ${level}\n"@qoder-cloud/types": ${level}\n---\n\n${summary}`,
  );
}

describe.concurrent("pnpm spec:breaking in a git repository", () => {
  test("HEAD~1 with a removed operation → exit 1, the change listed as breaking", async () => {
    const repo = await cloneSeed("breaking");
    await editRootSpec(repo, removeFirstPath);
    await commitAll(repo, "remove an operation");
    const { code, output } = await runCli(repo, "HEAD~1");
    expect(output).toMatch(/Breaking changes \(\d+\):/);
    expect(output).toMatch(/path-removed|operation-removed/);
    expect(code).toBe(1);
  });

  test("HEAD~1 with an added operation → exit 0, listed as non-breaking", async () => {
    const repo = await cloneSeed("additive");
    await editRootSpec(repo, addOperation);
    await addChangeset(repo, "minor");
    await commitAll(repo, "add an operation");
    const { code, output } = await runCli(repo, "HEAD~1");
    expect(output).toMatch(/added +\/governance_probe/);
    expect(output).toContain("No breaking changes");
    expect(output).toContain("bumps @qoder-cloud/openapi (minor)");
    expect(code).toBe(0);
  });

  test("HEAD~1 with an added operation but no changeset → exit 1, names the missing changeset", async () => {
    const repo = await cloneSeed("additive-no-changeset");
    await editRootSpec(repo, addOperation);
    await commitAll(repo, "add an operation, forget the changeset");
    const { code, output } = await runCli(repo, "HEAD~1");
    expect(output).toMatch(/added +\/governance_probe/);
    expect(output).toMatch(
      /The contract changed but no changeset since the base names @qoder-cloud\/openapi/,
    );
    expect(code).toBe(1);
  });

  test("HEAD~1 with an added operation and a changeset in another YAML style → exit 0, the changeset counts", async () => {
    const repo = await cloneSeed("additive-yaml-changeset");
    await editRootSpec(repo, addOperation);
    await mkdir(path.join(repo, ".changeset"), { recursive: true });
    // Single quotes and a comment: changesets reads the front matter as YAML, so must the gate.
    await writeFile(
      path.join(repo, ".changeset", "probe.md"),
      "---\n'@qoder-cloud/openapi': 'minor' # a new operation\n---\n\nAdds the probe.\n",
    );
    await commitAll(repo, "add an operation with a changeset");
    const { code, output } = await runCli(repo, "HEAD~1");
    expect(output).toContain("bumps @qoder-cloud/openapi (minor)");
    expect(code).toBe(0);
  });

  test("HEAD~1 with an added operation and a changeset `changeset version` refuses → exit 1, naming it", async () => {
    const repo = await cloneSeed("additive-refused-changesets");
    await editRootSpec(repo, addOperation);
    await mkdir(path.join(repo, ".changeset"), { recursive: true });
    const changeset = (other: string) =>
      `---\n"@qoder-cloud/openapi": minor\n"${other}": patch\n---\n\nProbe.\n`;
    await writeFile(path.join(repo, ".changeset", "typo.md"), changeset("@qoder-cloud/clinet"));
    await writeFile(path.join(repo, ".changeset", "mixed.md"), changeset("@qoder-cloud/contract-tests"));
    await commitAll(repo, "add an operation with changesets that changesets refuses");
    const { code, output } = await runCli(repo, "HEAD~1");
    expect(output).toContain(
      ".changeset/typo.md names @qoder-cloud/clinet, which is not a package of the workspace",
    );
    expect(output).toContain(
      ".changeset/mixed.md names @qoder-cloud/contract-tests, which releases skip (.changeset/config.json",
    );
    expect(code).toBe(1);
  });

  test("HEAD~1 with only keys reordered in a path file, no changeset → exit 0: the contract is the same", async () => {
    const repo = await cloneSeed("reordered-keys");
    const file = path.join(repo, "openapi", "paths", "deployments.yaml");
    const text = await readFile(file, "utf8");
    const reordered = text.replace(
      "  operationId: listDeployments\n  x-sdk-method: deployments.list\n",
      "  x-sdk-method: deployments.list\n  operationId: listDeployments\n",
    );
    expect(reordered).not.toBe(text);
    await writeFile(file, reordered);
    await commitAll(repo, "swap operationId and x-sdk-method");
    const { code, output } = await runCli(repo, "HEAD~1");
    expect(output).toContain("No breaking changes (0 non-breaking)");
    expect(output).not.toContain("The contract changed");
    expect(code).toBe(0);
  });

  test("HEAD~1 with a breaking change, the major raised, but only a minor changeset → exit 1", async () => {
    const repo = await cloneSeed("major-no-major-changeset");
    await editRootSpec(repo, (doc) => {
      removeFirstPath(doc);
      raiseMajor(doc);
    });
    await addChangeset(repo, "minor");
    await commitAll(repo, "remove an operation, raise the major version, minor changeset");
    const { code, output } = await runCli(repo, "HEAD~1");
    expect(output).toMatch(
      /no changeset since the base bumps @qoder-cloud\/openapi by a major version \(found: minor\)/,
    );
    expect(code).toBe(1);
  });

  test("HEAD~1 with a breaking change and info.version's major raised → exit 0, says so", async () => {
    const repo = await cloneSeed("major");
    await editRootSpec(repo, (doc) => {
      removeFirstPath(doc);
      raiseMajor(doc);
    });
    await addChangeset(repo, "major");
    await commitAll(repo, "remove an operation, raise the major version");
    const { code, output } = await runCli(repo, "HEAD~1");
    expect(output).toMatch(/breaking change\(s\) accepted: info\.version's major was raised/);
    expect(code).toBe(0);
  });

  test("HEAD~1 with a breaking change, the major raised, but a major changeset that says nothing → exit 1", async () => {
    const repo = await cloneSeed("major-silent-changeset");
    await editRootSpec(repo, (doc) => {
      removeFirstPath(doc);
      raiseMajor(doc);
    });
    await addChangeset(repo, "major", "silent", "");
    await commitAll(repo, "remove an operation, raise the major version, empty major changeset");
    const { code, output } = await runCli(repo, "HEAD~1");
    expect(output).toMatch(
      /\.changeset\/silent\.md raises @qoder-cloud\/openapi's major but says nothing below the front matter/,
    );
    expect(output).not.toMatch(/accepted/);
    expect(code).toBe(1);
  });

  test("no BASE: the working tree (uncommitted edits included) against the merge-base with main", async () => {
    const repo = await cloneSeed("branch");
    await git(repo, "switch", "-q", "-c", "feature");
    await editRootSpec(repo, addOperation);
    await commitAll(repo, "additive change on the branch");
    await editRootSpec(repo, removeFirstPath); // left uncommitted
    const { code, output } = await runCli(repo);
    expect(output).toContain("merge-base with main");
    expect(output).toMatch(/added +\/governance_probe/); // committed on the branch
    expect(output).toMatch(/path-removed|operation-removed/); // only in the working tree
    expect(code).toBe(1);
  });

  test("an unknown BASE → exit 2 with a hint", async () => {
    const { code, output } = await runCli(seedRepo, "no-such-ref");
    expect(output).toContain('BASE "no-such-ref" is not a commit');
    expect(code).toBe(2);
  });
});

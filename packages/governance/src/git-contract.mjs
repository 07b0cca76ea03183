// @ts-check
// Locates the contract in the working tree and at a git ref, and bundles either side into one JSON file.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { parse as parseYaml } from "yaml";
import { bundleSpec } from "./redocly.mjs";

const execFileAsync = promisify(execFile);

/** The api declared in redocly.yaml whose root is the contract. */
export const CONTRACT_API = "deployments@v1";
const DEFAULT_ROOT = "openapi/openapi.yaml";

/** @param {string[]} args @param {string} cwd */
export async function git(args, cwd) {
  const { stdout } = await execFileAsync("git", args, { cwd, maxBuffer: 64 * 1024 * 1024 });
  return stdout.trim();
}

/** @param {string} cwd */
export async function repoRootOf(cwd) {
  try {
    return await git(["rev-parse", "--show-toplevel"], cwd);
  } catch {
    throw new Error(`${cwd} is not inside a git repository: the gate compares against a git ref.`);
  }
}

/**
 * The commit to compare against: `ref` when given, else the merge-base of HEAD with `main`
 * (or `origin/main` in a CI checkout). On main itself that is HEAD: the working tree is compared with it.
 * @param {string} repoRoot
 * @param {string | undefined} ref
 * @returns {Promise<{ ref: string, commit: string }>}
 */
export async function resolveBase(repoRoot, ref) {
  if (ref !== undefined) {
    const commit = await git(["rev-parse", "--verify", "--quiet", `${ref}^{commit}`], repoRoot).catch(
      () => "",
    );
    if (!commit) {
      throw new Error(
        `BASE "${ref}" is not a commit in this repository. Pass a branch, tag or sha ` +
          "(in CI, check out the full history: actions/checkout with fetch-depth: 0).",
      );
    }
    return { ref, commit };
  }
  for (const candidate of ["main", "origin/main"]) {
    const exists = await git(["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`], repoRoot).catch(
      () => "",
    );
    if (exists)
      return {
        ref: `merge-base with ${candidate}`,
        commit: await git(["merge-base", "HEAD", candidate], repoRoot),
      };
  }
  throw new Error(
    "No branch `main` (or `origin/main`) to compare with: pass BASE, e.g. `pnpm spec:breaking HEAD~1`.",
  );
}

/**
 * The contract's root file as declared by redocly.yaml (`apis.deployments@v1.root`, or the only api).
 * @param {string | undefined} redoclyYaml  text of redocly.yaml, undefined when the file does not exist
 */
export function contractRootFrom(redoclyYaml) {
  if (redoclyYaml === undefined) return DEFAULT_ROOT;
  const config = parseYaml(redoclyYaml) ?? {};
  /** @type {Record<string, { root?: unknown }>} */
  const apis = config.apis ?? {};
  const api = apis[CONTRACT_API] ?? (Object.keys(apis).length === 1 ? Object.values(apis)[0] : undefined);
  return typeof api?.root === "string" ? api.root : DEFAULT_ROOT;
}

/**
 * Bundles the working tree's contract to `outputFile`.
 * @param {{ repoRoot: string, outputFile: string, configPath: string }} options
 */
export async function bundleWorkingTree({ repoRoot, outputFile, configPath }) {
  const redoclyPath = path.join(repoRoot, "redocly.yaml");
  const root = contractRootFrom(existsSync(redoclyPath) ? await readFile(redoclyPath, "utf8") : undefined);
  const rootFile = path.join(repoRoot, root);
  if (!existsSync(rootFile)) throw new Error(`The contract root ${root} (from redocly.yaml) does not exist.`);
  await bundleSpec({ rootFile, outputFile, configPath });
}

/**
 * Exports the contract at `commit` (its top-level folder, e.g. openapi/) into `workDir` with `git archive`
 * and bundles it to `outputFile`. Returns false when the commit has no contract yet.
 * @param {{ repoRoot: string, commit: string, workDir: string, outputFile: string, configPath: string }} options
 */
export async function bundleAtCommit({ repoRoot, commit, workDir, outputFile, configPath }) {
  const redoclyYaml = await git(["show", `${commit}:redocly.yaml`], repoRoot).catch(() => undefined);
  const root = contractRootFrom(redoclyYaml);
  const hasRoot = await git(["cat-file", "-e", `${commit}:${root}`], repoRoot).then(
    () => true,
    () => false,
  );
  if (!hasRoot) return false;
  const topFolder = root.split("/")[0] ?? root;
  const tarball = path.join(workDir, "base.tar");
  await git(["archive", "--format=tar", `--output=${tarball}`, commit, "--", topFolder], repoRoot);
  await execFileAsync("tar", ["-xf", tarball, "-C", workDir]);
  await bundleSpec({ rootFile: path.join(workDir, root), outputFile, configPath });
  return true;
}

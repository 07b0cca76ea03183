// @ts-check
// `pnpm spec:breaking [BASE]`: the contract in the working tree against the one at BASE.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { bundleAtCommit, bundleWorkingTree, git, repoRootOf, resolveBase } from "./git-contract.mjs";
import { writeGateConfig } from "./redocly.mjs";
import { diffSpecs } from "./spec-diff.mjs";

export const EXIT_OK = 0;
export const EXIT_BREAKING = 1;
export const EXIT_ERROR = 2;

const USAGE = `Usage: pnpm spec:breaking [BASE]

Compares the contract in the working tree (openapi/, bundled) with the one at the git ref BASE
(default: the merge-base of HEAD with main; on main itself, HEAD). Prints every change classified
breaking / non-breaking.

Exit codes: 0 nothing breaks, or breaking changes with info.version's major raised and a major
            changeset; either way a changed contract needs a changeset naming @qoder-cloud/openapi;
            1 any of that missing; 2 the comparison could not be made.`;

/** @typedef {import("./spec-diff.mjs").ClassifiedChange} ClassifiedChange */

/**
 * @param {string[]} argv  command-line arguments after the script name
 * @param {{ cwd: string, log: (line: string) => void }} io
 * @returns {Promise<number>} exit code
 */
export async function runGate(argv, { cwd, log }) {
  const args = argv.filter((a) => a !== "--"); // `pnpm spec:breaking -- BASE` passes the separator on
  if (args.includes("--help") || args.includes("-h")) {
    log(USAGE);
    return EXIT_OK;
  }
  const unknownFlag = args.find((a) => a.startsWith("-"));
  if (unknownFlag || args.length > 1) {
    log(`Unexpected argument ${unknownFlag ?? args[1]}.\n\n${USAGE}`);
    return EXIT_ERROR;
  }
  const repoRoot = await repoRootOf(cwd);
  const base = await resolveBase(repoRoot, args[0]);
  const shortSha = await git(["rev-parse", "--short", base.commit], repoRoot);
  const baseLabel = base.commit.startsWith(base.ref) ? shortSha : `${base.ref} (${shortSha})`;
  const workDir = await mkdtemp(path.join(os.tmpdir(), "qoder-spec-breaking-"));
  try {
    const configPath = await writeGateConfig(workDir);
    const baseFile = path.join(workDir, "base.json");
    const revisionFile = path.join(workDir, "revision.json");
    const [hasBase] = await Promise.all([
      bundleAtCommit({ repoRoot, commit: base.commit, workDir, outputFile: baseFile, configPath }),
      bundleWorkingTree({ repoRoot, outputFile: revisionFile, configPath }),
    ]);
    if (!hasBase) {
      log(`${baseLabel} has no contract yet: nothing to compare, nothing can break.`);
      return EXIT_OK;
    }
    const diff = await diffSpecs({ baseFile, revisionFile, configPath });
    const { base: baseVersion, revision: revisionVersion } = diff.infoVersions;
    log(
      `Contract at ${baseLabel}, info.version ${baseVersion} → working tree, info.version ${revisionVersion}`,
    );
    log("");
    const breaking = diff.changes.filter((c) => c.breaking);
    const nonBreaking = diff.changes.filter((c) => !c.breaking);
    printGroup(log, "Breaking", "✖", breaking);
    printGroup(log, "Non-breaking", "✓", nonBreaking);

    const contractChanged = !(await sameJson(baseFile, revisionFile));
    const bump = contractChanged ? await contractBumpSince(repoRoot, base.commit) : undefined;
    const result = verdict({
      breaking: breaking.length,
      majorRaised: diff.majorRaised,
      contractChanged,
      bump,
    });
    if (result.ok) {
      log(
        breaking.length === 0
          ? `✔ No breaking changes (${nonBreaking.length} non-breaking).`
          : `✔ ${breaking.length} breaking change(s) accepted: info.version's major was raised ` +
              `(${baseVersion} → ${revisionVersion}) and a major changeset explains the migration.`,
      );
      if (contractChanged) log(`✔ A changeset since ${baseLabel} bumps ${CONTRACT_PACKAGE} (${bump}).`);
      return EXIT_OK;
    }
    log(`✖ ${result.problem}`);
    return EXIT_BREAKING;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

/**
 * @param {(line: string) => void} log
 * @param {string} title
 * @param {string} mark
 * @param {ClassifiedChange[]} changes
 */
function printGroup(log, title, mark, changes) {
  if (changes.length === 0) return;
  log(`${title} changes (${changes.length}):`);
  for (const change of changes) {
    const what = change.property ? `${change.where} · ${change.property}` : change.where;
    log(`  ${mark} ${change.impact.padEnd(5)} ${change.kind.padEnd(8)} ${what}`);
    for (const reason of change.reasons) log(`      ${reason.message} [${reason.rule}]`);
  }
  log("");
}

export const CONTRACT_PACKAGE = "@qoder-cloud/openapi";
const LEVELS = ["patch", "minor", "major"];

/**
 * The gate's rule, as docs/guides/06-versioning.md states it: a contract change carries a changeset for
 * the contract package; a breaking change also needs info.version's major raised and a major changeset.
 * @param {{ breaking: number, majorRaised: boolean, contractChanged: boolean, bump: string | undefined }} facts
 * @returns {{ ok: true } | { ok: false, problem: string }}
 */
export function verdict({ breaking, majorRaised, contractChanged, bump }) {
  const howTo = "Add one with `pnpm changeset` (see CONTRIBUTING.md).";
  if (breaking > 0 && !majorRaised)
    return {
      ok: false,
      problem:
        `${breaking} breaking change(s) and info.version's major was not raised. Make the change backwards ` +
        "compatible (add, don't remove; deprecate first), or raise info.version's major and add a major " +
        `changeset for ${CONTRACT_PACKAGE} with migration notes (see CONTRIBUTING.md).`,
    };
  if (breaking > 0 && bump !== "major")
    return {
      ok: false,
      problem:
        `${breaking} breaking change(s): info.version's major was raised, but no changeset since the base ` +
        `bumps ${CONTRACT_PACKAGE} by a major version${bump ? ` (found: ${bump})` : ""}. ` +
        `A breaking change needs one that explains the migration (before → after). ${howTo}`,
    };
  if (contractChanged && bump === undefined)
    return {
      ok: false,
      problem: `The contract changed but no changeset since the base names ${CONTRACT_PACKAGE}. ${howTo}`,
    };
  return { ok: true };
}

/** @param {string} a @param {string} b */
async function sameJson(a, b) {
  const [left, right] = await Promise.all([readFile(a, "utf8"), readFile(b, "utf8")]);
  return JSON.stringify(JSON.parse(left)) === JSON.stringify(JSON.parse(right));
}

/**
 * The highest bump of the contract package among the changesets added since `baseCommit` (the files in
 * .changeset/ of the working tree that the base does not have), or undefined when none names it.
 * @param {string} repoRoot @param {string} baseCommit
 */
export async function contractBumpSince(repoRoot, baseCommit) {
  const dir = path.join(repoRoot, ".changeset");
  if (!existsSync(dir)) return undefined;
  const atBase = new Set(
    (await git(["ls-tree", "--name-only", baseCommit, ".changeset/"], repoRoot).catch(() => ""))
      .split("\n")
      .map((line) => path.basename(line)),
  );
  let highest = -1;
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".md") || name === "README.md" || atBase.has(name)) continue;
    const level = changesetBumps(await readFile(path.join(dir, name), "utf8")).get(CONTRACT_PACKAGE);
    if (level) highest = Math.max(highest, LEVELS.indexOf(level));
  }
  return highest < 0 ? undefined : LEVELS[highest];
}

/** The `"package": level` lines of a changeset's front matter. @param {string} text */
export function changesetBumps(text) {
  /** @type {Map<string, string>} */
  const bumps = new Map();
  const front = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  for (const line of (front?.[1] ?? "").split(/\r?\n/)) {
    const [, name, level] = /^\s*["']?([^"':]+)["']?\s*:\s*(major|minor|patch)\s*$/.exec(line) ?? [];
    if (name && level) bumps.set(name.trim(), level);
  }
  return bumps;
}

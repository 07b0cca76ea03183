// @ts-check
// `pnpm spec:breaking [BASE]`: the contract in the working tree against the one at BASE.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { bundleAtCommit, bundleWorkingTree, git, repoRootOf, resolveBase } from "./git-contract.mjs";
import { writeGateConfig } from "./redocly.mjs";
import { diffSpecs, majorOf } from "./spec-diff.mjs";

export const EXIT_OK = 0;
export const EXIT_BREAKING = 1;
export const EXIT_ERROR = 2;

const USAGE = `Usage: pnpm spec:breaking [BASE]

Compares the contract in the working tree (openapi/, bundled) with the one at the git ref BASE
(default: the merge-base of HEAD with main; on main itself, HEAD). Prints every change classified
breaking / non-breaking.

Exit codes: 0 no breaking change, or breaking changes with info.version's major raised;
            1 breaking changes without a major raise; 2 the comparison could not be made.`;

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

    if (breaking.length === 0) {
      log(`✔ No breaking changes (${nonBreaking.length} non-breaking).`);
      return EXIT_OK;
    }
    if (diff.majorRaised) {
      log(
        `✔ ${breaking.length} breaking change(s) accepted: info.version's major was raised ` +
          `(${baseVersion} → ${revisionVersion}).`,
      );
      if (!(await hasMajorChangesetForContract(repoRoot))) {
        log(
          "⚠ No changeset bumps @qoder-cloud/openapi by a major version yet: add one with the migration " +
            "notes (`pnpm changeset`), see CONTRIBUTING.md.",
        );
      }
      return EXIT_OK;
    }
    log(
      `✖ ${breaking.length} breaking change(s) and info.version's major was not raised (${baseVersion} → ` +
        `${revisionVersion}). Make the change backwards compatible (add, don't remove; deprecate first), ` +
        `or raise info.version to ${majorOf(baseVersion) + 1}.0.0 and add a major changeset with migration ` +
        "notes (see CONTRIBUTING.md).",
    );
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

/** Is there a pending changeset that bumps @qoder-cloud/openapi by a major version? @param {string} repoRoot */
async function hasMajorChangesetForContract(repoRoot) {
  const dir = path.join(repoRoot, ".changeset");
  if (!existsSync(dir)) return false;
  for (const name of await readdir(dir)) {
    if (!name.endsWith(".md") || name === "README.md") continue;
    const text = await readFile(path.join(dir, name), "utf8");
    if (/^\s*["']?@qoder-cloud\/openapi["']?\s*:\s*major\s*$/m.test(text)) return true;
  }
  return false;
}

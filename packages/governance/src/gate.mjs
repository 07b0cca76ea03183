// @ts-check
// `pnpm spec:breaking [BASE]`: the contract in the working tree against the one at BASE.
import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import parseChangesetFile from "@changesets/parse";
import { bundleAtCommit, bundleWorkingTree, git, repoRootOf, resolveBase } from "./git-contract.mjs";
import { writeGateConfig } from "./redocly.mjs";
import { diffSpecs } from "./spec-diff.mjs";
import { workspaceManifests } from "./workspace.mjs";

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

    const contractChanged = !(await sameDocument(baseFile, revisionFile));
    const { bump, silentMajors, refused } = contractChanged
      ? await contractBumpSince(repoRoot, base.commit)
      : { bump: undefined, silentMajors: [], refused: [] };
    const result = verdict({
      breaking: breaking.length,
      majorRaised: diff.majorRaised,
      contractChanged,
      bump,
      silentMajors,
      refused,
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
 * the contract package; a breaking change also needs info.version's major raised and a major changeset
 * that says how to migrate (`silentMajors`: the major ones with nothing below their front matter). A
 * changeset that `changeset version` would refuse counts for nothing (`refused`: why, per changeset).
 * @param {{ breaking: number, majorRaised: boolean, contractChanged: boolean, bump: string | undefined, silentMajors?: string[], refused?: string[] }} facts
 * @returns {{ ok: true } | { ok: false, problem: string }}
 */
export function verdict({ breaking, majorRaised, contractChanged, bump, silentMajors = [], refused = [] }) {
  const howTo = "Add one with `pnpm changeset` (see CONTRIBUTING.md).";
  if (refused.length > 0) return { ok: false, problem: refused.join("\n  ") };
  if (silentMajors.length > 0)
    return {
      ok: false,
      problem:
        `${silentMajors.join(", ")} raise${silentMajors.length > 1 ? "" : "s"} ${CONTRACT_PACKAGE}'s major but ` +
        `say${silentMajors.length > 1 ? "" : "s"} nothing below the front matter: write how to migrate ` +
        "(before → after) there (see CONTRIBUTING.md).",
    };
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

/**
 * Whether two bundled contracts hold the same document. Key order is not compared (a reordered path
 * file changes nothing a reader sees); array order is.
 * @param {string} a @param {string} b
 */
export async function sameDocument(a, b) {
  const [left, right] = await Promise.all([readFile(a, "utf8"), readFile(b, "utf8")]);
  return isDeepStrictEqual(JSON.parse(left), JSON.parse(right));
}

/**
 * The highest bump of the contract package among the changesets added since `baseCommit` (the files in
 * .changeset/ of the working tree that the base does not have), or undefined when none names it; the
 * major ones among them with no text below their front matter; and why `changeset version` would refuse
 * any of them (`refused`, see changesetRefusals).
 * @param {string} repoRoot @param {string} baseCommit
 * @returns {Promise<{ bump: string | undefined, silentMajors: string[], refused: string[] }>}
 */
export async function contractBumpSince(repoRoot, baseCommit) {
  /** @type {string[]} */
  const silentMajors = [];
  /** @type {string[]} */
  const refused = [];
  const dir = path.join(repoRoot, ".changeset");
  if (!existsSync(dir)) return { bump: undefined, silentMajors, refused };
  const workspace = await changesetWorkspace(repoRoot);
  const atBase = new Set(
    (await git(["ls-tree", "--name-only", baseCommit, ".changeset/"], repoRoot).catch(() => ""))
      .split("\n")
      .map((line) => path.basename(line)),
  );
  let highest = -1;
  for (const name of await readdir(dir)) {
    if (!isChangesetFile(name) || atBase.has(name)) continue;
    const file = path.join(".changeset", name);
    const text = await readFile(path.join(repoRoot, file), "utf8");
    const refusals = changesetRefusals(text, file, workspace);
    refused.push(...refusals);
    const level = changesetBumps(text, file).get(CONTRACT_PACKAGE);
    if (level && refusals.length === 0) highest = Math.max(highest, LEVELS.indexOf(level));
    if (level === "major" && changesetSummary(text) === "") silentMajors.push(file);
  }
  return { bump: highest < 0 ? undefined : LEVELS[highest], silentMajors, refused };
}

/** Whether a file of .changeset/ is one changesets reads (@changesets/read): not its README (any case), not a dotfile. @param {string} name */
export function isChangesetFile(name) {
  return name.endsWith(".md") && !/^readme\.md$/i.test(name) && !name.startsWith(".");
}

/**
 * The packages a changeset may name, as `changeset version` sees them: every package of the workspace
 * (from the package.json files pnpm-workspace.yaml lists), and among them the ones a release skips
 * (@changesets/should-skip-package: in .changeset/config.json "ignore", private while "privatePackages"
 * does not version them, or without a version).
 * @param {string} repoRoot @returns {Promise<{ names: Set<string>, skipped: Set<string> }>}
 */
export async function changesetWorkspace(repoRoot) {
  const config = JSON.parse(await readFile(path.join(repoRoot, ".changeset", "config.json"), "utf8"));
  const ignore = new Set(config.ignore ?? []);
  const versionsPrivate = config.privatePackages?.version ?? true;
  const manifests = await workspaceManifests(repoRoot);
  return {
    names: new Set(manifests.map(({ name }) => name)),
    skipped: new Set(
      manifests
        .filter(
          ({ name, version, private: isPrivate }) =>
            ignore.has(name) || (isPrivate && !versionsPrivate) || !version,
        )
        .map(({ name }) => name),
    ),
  };
}

/**
 * Why `changeset version` would refuse a changeset (empty = it would not), each naming the file, the
 * package and the fix: a package that is not in the workspace (a typo), or packages a release skips
 * named beside released ones (changesets: "Mixed changesets … are not allowed").
 * @param {string} text  the changeset file @param {string} file  its path
 * @param {{ names: Set<string>, skipped: Set<string> }} workspace  see changesetWorkspace
 * @returns {string[]}
 */
export function changesetRefusals(text, file, { names, skipped }) {
  const named = parseChangeset(text, file).releases.map(({ name }) => name); // `none` too, as changesets reads it
  const released = [...names].filter((name) => !skipped.has(name)).sort();
  const problems = named
    .filter((name) => !names.has(name))
    .map(
      (name) =>
        `${file} names ${name}, which is not a package of the workspace (changeset version refuses it): ` +
        `name one of ${released.join(", ")} instead.`,
    );
  const skippedNamed = named.filter((name) => skipped.has(name));
  const releasedNamed = named.filter((name) => names.has(name) && !skipped.has(name));
  if (skippedNamed.length > 0 && releasedNamed.length > 0)
    problems.push(
      `${file} names ${skippedNamed.join(", ")}, which releases skip (.changeset/config.json "ignore", or ` +
        `private), beside ${releasedNamed.join(", ")} (changeset version refuses a mixed changeset): ` +
        `remove ${skippedNamed.join(", ")} from it; a skipped package needs no changeset.`,
    );
  return problems;
}

/** A changeset as changesets itself reads it (@changesets/parse); a file it refuses is an error naming it. */
function parseChangeset(/** @type {string} */ text, file = "changeset") {
  try {
    return parseChangesetFile(text);
  } catch (error) {
    const reason = (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
    throw new Error(
      `${file}: ${reason.replace(/^could not parse changeset - /, "").replace(/\.$/, "")} (changesets refuses it too).`,
    );
  }
}

/**
 * A changeset's text below its front matter, as the changelog shows it: trimmed, without HTML comments
 * (which the changelog does not show) and invisible characters. @param {string} text
 */
export function changesetSummary(text) {
  return parseChangeset(text)
    .summary.replace(/<!--[\s\S]*?(-->|$)/g, "")
    .replace(
      /[\u00ad\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2800\u3164\uffa0\ufeff]/g,
      "",
    )
    .trim();
}

/**
 * The bumps (`"package": level`) of a changeset's front matter; `none` bumps nothing. A file changesets
 * would refuse (no front matter, not YAML, not a map, an unknown level) is an error rather than a
 * changeset that names nothing.
 * @param {string} text  the changeset file
 * @param {string} [file]  its path, for the error message
 * @returns {Map<string, string>}
 */
export function changesetBumps(text, file = "changeset") {
  return new Map(
    parseChangeset(text, file)
      .releases.filter(({ type }) => type !== "none")
      .map(({ name, type }) => [name, type]),
  );
}

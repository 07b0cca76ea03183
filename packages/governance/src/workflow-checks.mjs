// @ts-check
// Static checks of the GitHub workflow files: each returns a list of problems (empty = fine), so the tests
// can show both that the real files pass and that a broken file is caught.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import actionValidator from "@action-validator/core";
import { parseDocument } from "yaml";

/**
 * @typedef {{ file: string, text: string, data: any }} WorkflowFile  `data`: the parsed YAML
 * @typedef {{ name: string, scripts: Record<string, string>, dir: string }} WorkspacePackage
 */

/** Workflows and local composite actions under `.github/`, parsed. Throws on a YAML error. @param {string} repoRoot */
export async function loadWorkflowFiles(repoRoot) {
  const github = path.join(repoRoot, ".github");
  const files = [];
  for (const name of await readdir(path.join(github, "workflows"))) {
    if (/\.ya?ml$/.test(name)) files.push(path.join(github, "workflows", name));
  }
  const actions = path.join(github, "actions");
  for (const name of await readdir(actions).catch(() => [])) {
    for (const file of ["action.yml", "action.yaml"]) {
      const candidate = path.join(actions, name, file);
      if (
        await readFile(candidate).then(
          () => true,
          () => false,
        )
      )
        files.push(candidate);
    }
  }
  /** @type {WorkflowFile[]} */
  const parsed = [];
  for (const file of files) {
    const text = await readFile(file, "utf8");
    const doc = parseDocument(text, { prettyErrors: true });
    if (doc.errors.length > 0) throw new Error(`${file} is not valid YAML: ${doc.errors[0]?.message}`);
    parsed.push({ file: path.relative(repoRoot, file), text, data: doc.toJS() });
  }
  return parsed;
}

/**
 * Problems against the published JSON schemas of GitHub workflows and actions (unknown keys, missing
 * `runs-on`, malformed `on:` …), as found by action-validator. @param {WorkflowFile} workflow
 */
export function checkSchema(workflow) {
  const isAction = /(^|[/\\])action\.ya?ml$/.test(workflow.file);
  const { errors } = isAction
    ? actionValidator.validateAction(workflow.text)
    : actionValidator.validateWorkflow(workflow.text);
  return errors.map((error) => {
    const where = "path" in error ? error.path : "";
    return `${workflow.file}${where}: ${error.title}${error.detail ? ` — ${error.detail}` : ""}`;
  });
}

/** Every step of a workflow (all jobs) or of a composite action. @param {any} data @returns {any[]} */
export function stepsOf(data) {
  if (data?.runs?.steps) return data.runs.steps;
  return Object.values(data?.jobs ?? {}).flatMap((/** @type {any} */ job) => job.steps ?? []);
}

/**
 * Every pnpm command line a file runs: in `run:` scripts and in action inputs (e.g. changesets/action's
 * `version:` / `publish:`). @param {WorkflowFile} workflow @returns {string[]}
 */
export function pnpmCommandsOf(workflow) {
  const sources = stepsOf(workflow.data).flatMap((step) => [
    typeof step.run === "string" ? step.run : "",
    ...Object.values(step.with ?? {}).filter((v) => typeof v === "string"),
  ]);
  return sources
    .flatMap((script) => script.split(/\n|&&|\|\||;|\|/))
    .map((segment) => segment.trim().replace(/^(\w+=\S*\s+)+/, "")) // drop leading VAR=value
    .filter((segment) => /^pnpm\s/.test(segment));
}

/** pnpm's own commands: these are not package.json scripts. */
const PNPM_BUILTINS = new Set([
  "install",
  "i",
  "add",
  "remove",
  "update",
  "store",
  "exec",
  "dlx",
  "publish",
  "pack",
  "why",
  "list",
  "ls",
  "outdated",
  "audit",
  "config",
  "env",
  "fetch",
  "rebuild",
  "prune",
  "dedupe",
  "licenses",
  "deploy",
  "patch",
  "link",
  "unlink",
]);

/**
 * The script a pnpm command runs and the packages it runs in ("root" unless --filter/-F).
 * @param {string} command e.g. `pnpm --filter @qoder-cloud/docs test` @returns {{ script: string | undefined, filters: string[] }}
 */
export function parsePnpmCommand(command) {
  const tokens = command.split(/\s+/).slice(1);
  /** @type {string[]} */
  const filters = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    if (token === "--filter" || token === "-F") {
      filters.push(tokens[++i] ?? "");
    } else if (token.startsWith("--filter=")) {
      filters.push(token.slice("--filter=".length));
    } else if (token.startsWith("-")) {
      // other global flags (-r, -w, --silent) take no value
    } else {
      const script = token === "run" ? tokens[i + 1] : token;
      return { script: script && PNPM_BUILTINS.has(script) ? undefined : script, filters };
    }
  }
  return { script: undefined, filters };
}

/**
 * Problems with the pnpm scripts a file calls: each must exist in the root package.json, or in every
 * package a --filter selects.
 * @param {WorkflowFile} workflow
 * @param {{ rootScripts: Record<string, string>, packages: WorkspacePackage[] }} workspace
 */
export function checkPnpmScripts(workflow, { rootScripts, packages }) {
  const problems = [];
  for (const command of pnpmCommandsOf(workflow)) {
    const { script, filters } = parsePnpmCommand(command);
    if (script === undefined) continue;
    if (filters.length === 0) {
      if (!(script in rootScripts))
        problems.push(`${workflow.file}: \`${command}\` — no root script "${script}"`);
      continue;
    }
    for (const filter of filters) {
      const name = filter.replace(/^\.\.\.|\.\.\.$/g, "");
      const pkg = packages.find((p) => p.name === name);
      if (!pkg) problems.push(`${workflow.file}: \`${command}\` — no workspace package "${name}"`);
      else if (!(script in pkg.scripts))
        problems.push(`${workflow.file}: \`${command}\` — ${name} has no script "${script}"`);
    }
  }
  return problems;
}

const EXACT_VERSION = /^v?\d+\.\d+\.\d+$/;
const FULL_SHA = /^[0-9a-f]{40}$/;

/**
 * Problems with `uses:` pins: third-party actions must be pinned to a full commit SHA with a `# vX.Y.Z`
 * comment, or to an exact version tag — never a branch or a floating major.
 * @param {WorkflowFile} workflow
 */
export function checkActionPins(workflow) {
  const problems = [];
  for (const line of workflow.text.split("\n")) {
    const match = /^\s*(?:-\s*)?uses:\s*["']?([^\s"'#]+)["']?\s*(#.*)?$/.exec(line);
    if (!match) continue;
    const [, target = "", comment = ""] = match;
    if (target.startsWith("./")) continue; // an action of this repository
    if (target.startsWith("docker://")) {
      if (!/@sha256:[0-9a-f]{64}$|:[\w.-]+$/.test(target) || target.endsWith(":latest"))
        problems.push(`${workflow.file}: ${target} — pin the image to a tag or digest`);
      continue;
    }
    const ref = target.split("@")[1] ?? "";
    if (FULL_SHA.test(ref)) {
      if (!/#\s*v?\d+\.\d+\.\d+\b/.test(comment))
        problems.push(`${workflow.file}: ${target} — add the version as a comment (# vX.Y.Z)`);
    } else if (!EXACT_VERSION.test(ref)) {
      problems.push(
        `${workflow.file}: ${target} — pin to a full commit SHA (# vX.Y.Z) or an exact version tag`,
      );
    }
  }
  return problems;
}

/**
 * Node.js majors a file runs on: container images `node:<major>…`, setup-node `node-version`, with
 * `${{ matrix.node }}` expanded from the job's matrix. @param {WorkflowFile} workflow @returns {number[]}
 */
export function nodeMajorsOf(workflow) {
  /** @type {number[]} */
  const majors = [];
  for (const job of Object.values(workflow.data?.jobs ?? {})) {
    /** @type {any} */
    const j = job;
    const matrixNodes = (j.strategy?.matrix?.node ?? []).map(String);
    /** @param {unknown} value */
    const expand = (value) =>
      /\$\{\{\s*matrix\.node\s*\}\}/.test(String(value))
        ? matrixNodes.map((/** @type {string} */ n) =>
            String(value).replace(/\$\{\{\s*matrix\.node\s*\}\}/, n),
          )
        : [String(value)];
    const image = typeof j.container === "string" ? j.container : j.container?.image;
    if (image) for (const i of expand(image)) majors.push(Number(/^node:(\d+)/.exec(i)?.[1] ?? Number.NaN));
    for (const step of j.steps ?? []) {
      const version = step.with?.["node-version"];
      if (String(step.uses ?? "").startsWith("actions/setup-node@") && version !== undefined)
        for (const v of expand(version)) majors.push(Number(/^v?(\d+)/.exec(v)?.[1] ?? Number.NaN));
    }
  }
  return majors;
}

/** `>=20` → 20 (the engines forms this repository uses). @param {string} range */
export function minimumNodeMajor(range) {
  const match = /^>=\s*(\d+)/.exec(range.trim());
  if (!match) throw new Error(`engines.node "${range}" is not of the form ">=N"`);
  return Number(match[1]);
}

/**
 * Problems with pinned pnpm versions: any literal `pnpm@x.y.z` and pnpm/action-setup `version:` must
 * equal package.json "packageManager"; installing pnpm any other way must read "packageManager".
 * @param {WorkflowFile} workflow
 * @param {string} packageManager e.g. "pnpm@12.4.2"
 */
export function checkPnpmPins(workflow, packageManager) {
  const problems = [];
  for (const [literal] of workflow.text.matchAll(/pnpm@[\w.+-]+/g)) {
    if (literal !== packageManager)
      problems.push(`${workflow.file}: ${literal} — package.json pins ${packageManager}`);
  }
  for (const step of stepsOf(workflow.data)) {
    if (String(step.uses ?? "").startsWith("pnpm/action-setup@") && step.with?.version !== undefined) {
      const version = `pnpm@${step.with.version}`;
      if (version !== packageManager)
        problems.push(`${workflow.file}: pnpm/action-setup ${version} — package.json pins ${packageManager}`);
    }
    const run = typeof step.run === "string" ? step.run : "";
    if (
      /\bnpm\s+(i|install)\b.*\bpnpm\b/.test(run) &&
      !run.includes(packageManager) &&
      !run.includes("packageManager")
    ) {
      problems.push(
        `${workflow.file}: \`${run.trim()}\` — install the pnpm that package.json "packageManager" pins`,
      );
    }
  }
  return problems;
}

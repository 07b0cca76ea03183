// @ts-check
// Classifies every change between two bundled specs as breaking or not, using `redocly diff`.
import { randomUUID } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { redoclyErrorText, runRedocly } from "./redocly.mjs";

/**
 * @typedef {"major" | "minor" | "patch"} Impact
 * @typedef {{ rule: string, message: string }} Reason
 * @typedef {object} ClassifiedChange
 * @property {boolean} breaking
 * @property {Impact} impact  semver impact as rated by redocly (or by our supplement)
 * @property {"added" | "removed" | "modified"} kind
 * @property {string} where  readable location, e.g. "GET /deployments › responses/200/…/properties/name"
 * @property {string | undefined} property  the modified keyword (`enum`, `maximum`, …) for kind "modified"
 * @property {Reason[]} reasons  rules that rated the change; empty for changes no rule cares about
 * @typedef {object} SpecDiff
 * @property {ClassifiedChange[]} changes
 * @property {{ base: string, revision: string }} infoVersions
 * @property {boolean} majorRaised  the revision's info.version has a higher major number than the base's
 */

/**
 * The subset of `redocly diff --format json` (reportVersion "1") that the gate reads.
 * @typedef {{ value?: unknown }} RedoclySide
 * @typedef {object} RedoclyChange
 * @property {string} path
 * @property {"added" | "removed" | "modified"} kind
 * @property {Impact} impact
 * @property {string} [property]
 * @property {{ ruleId: string, message: string, impact: Impact }[]} verdicts
 * @property {RedoclySide} [base]
 * @property {RedoclySide} [revision]
 * @typedef {{ reportVersion: string, infoVersions: { base: string, revision: string }, changes: RedoclyChange[] }} RedoclyReport
 */

/**
 * Compares two OpenAPI documents (bundled; plain files also work) and classifies every change.
 * @param {{ baseFile: string, revisionFile: string, configPath: string }} options
 * @returns {Promise<SpecDiff>}
 */
export async function diffSpecs({ baseFile, revisionFile, configPath }) {
  // One report file per call: concurrent diffs may share the config's folder.
  const reportFile = path.join(path.dirname(configPath), `diff-${randomUUID()}.json`);
  const result = await runRedocly(
    [
      "diff",
      baseFile,
      revisionFile,
      "--config",
      configPath,
      "--format",
      "json",
      "--output",
      reportFile,
      // The gate decides pass/fail itself (major raise, supplement); redocly only rates the changes.
      "--fail-on",
      "none",
    ],
    path.dirname(configPath),
  );
  /** @type {RedoclyReport} */
  let report;
  try {
    report = JSON.parse(await readFile(reportFile, "utf8"));
    await rm(reportFile, { force: true });
  } catch {
    throw new Error(
      `redocly diff produced no report (exit ${result.code}):\n${redoclyErrorText(result.stderr)}`,
    );
  }
  if (result.code !== 0) {
    // Problems (e.g. unresolved $refs) make redocly miss changes: refuse to give a verdict.
    throw new Error(`redocly diff found problems in the specs:\n${redoclyErrorText(result.stderr)}`);
  }
  const changes = report.changes.map(classify);
  return {
    changes,
    infoVersions: report.infoVersions,
    majorRaised: majorOf(report.infoVersions.revision) > majorOf(report.infoVersions.base),
  };
}

/** @param {RedoclyChange} change @returns {ClassifiedChange} */
function classify(change) {
  const reasons = change.verdicts.map(({ ruleId, message }) => ({ rule: ruleId, message }));
  /** @type {Impact} */
  let impact = change.impact;
  const removedEnumValues = removedEnumValuesOf(change);
  if (impact !== "major" && removedEnumValues.length > 0) {
    // Supplement: redocly rates a response enum that lost values as a patch (a server sending fewer
    // values cannot break a reader). For this SDK it is breaking: the generated union type shrinks, so
    // consumer code that still compares against the removed literal stops compiling.
    impact = "major";
    reasons.push({
      rule: "governance/response-enum-values-removed",
      message: `Enum lost values: ${removedEnumValues.map((v) => JSON.stringify(v)).join(", ")} (the generated union type shrinks).`,
    });
  }
  return {
    breaking: impact === "major",
    impact,
    kind: change.kind,
    where: readableLocation(change.path),
    property: change.kind === "modified" ? change.property : undefined,
    reasons,
  };
}

/** @param {RedoclyChange} change @returns {unknown[]} */
function removedEnumValuesOf(change) {
  if (change.kind !== "modified" || change.property !== "enum") return [];
  const before = change.base?.value;
  const after = change.revision?.value;
  if (!Array.isArray(before)) return [];
  const kept = new Set((Array.isArray(after) ? after : []).map((v) => JSON.stringify(v)));
  return before.filter((v) => !kept.has(JSON.stringify(v)));
}

/** "1.2.3" → 1; anything unparsable counts as major 0. @param {string | undefined} version */
export function majorOf(version) {
  const match = /^v?(\d+)\./.exec(String(version ?? ""));
  return match ? Number(match[1]) : 0;
}

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);

/**
 * "#/paths/~1deployments~1{deployment_id}/get/responses/200" → "GET /deployments/{deployment_id} › responses/200"
 * @param {string} pointer
 */
export function readableLocation(pointer) {
  const segments = pointer
    .replace(/^#\/?/, "")
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
  if (segments[0] !== "paths" || segments.length < 2) return segments.join("/") || "(document)";
  const route = segments[1] ?? "";
  const method = segments[2];
  if (method && HTTP_METHODS.has(method)) {
    const rest = segments.slice(3).join("/");
    return `${method.toUpperCase()} ${route}${rest ? ` › ${rest}` : ""}`;
  }
  const rest = segments.slice(2).join("/");
  return `${route}${rest ? ` › ${rest}` : ""}`;
}

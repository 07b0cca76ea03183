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
 * @property {string} [typeName]  the node's OpenAPI type, e.g. "Schema", "Parameter", "PathItem"
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
  if (impact !== "major") {
    const supplementReasons = SUPPLEMENTS.map((supplement) => supplement(change)).filter(
      (reason) => reason !== undefined,
    );
    if (supplementReasons.length > 0) {
      impact = "major";
      reasons.push(...supplementReasons);
    }
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

/**
 * Supplements: changes redocly rates below major (a server sending fewer values or shapes cannot break
 * a reader) that break this SDK's users, because what @qoder-cloud/types generates from the contract
 * shrinks or is renamed and code written against it stops compiling. Each returns why, or undefined.
 * @type {((change: RedoclyChange) => Reason | undefined)[]}
 */
const SUPPLEMENTS = [
  responseEnumValuesRemoved,
  responseUnionVariantRemoved,
  pathParameterRenamed,
  componentRemovedOrRenamed,
  readWriteOnlyAdded,
  responseUnionWidened,
];

/** A response enum lost values: code comparing against the removed literal stops compiling. */
function responseEnumValuesRemoved(/** @type {RedoclyChange} */ change) {
  if (change.kind !== "modified" || change.property !== "enum") return undefined;
  const before = change.base?.value;
  const after = change.revision?.value;
  if (!Array.isArray(before)) return undefined;
  const kept = new Set((Array.isArray(after) ? after : []).map((v) => JSON.stringify(v)));
  const removed = before.filter((v) => !kept.has(JSON.stringify(v)));
  if (removed.length === 0) return undefined;
  return {
    rule: "governance/response-enum-values-removed",
    message: `Enum lost values: ${removed.map((v) => JSON.stringify(v)).join(", ")} (the generated union type shrinks).`,
  };
}

/**
 * A response oneOf/anyOf lost a variant: the generated union type shrinks the same way as a lost enum
 * value, so code narrowing on the removed variant stops compiling. (A request union that loses a
 * variant is already major for redocly.)
 */
function responseUnionVariantRemoved(/** @type {RedoclyChange} */ change) {
  if (change.kind !== "removed") return undefined;
  const union = /\/(oneOf|anyOf)\/\d+$/.exec(change.path)?.[1];
  if (!union) return undefined;
  const tag = variantTag(change.base?.value);
  return {
    rule: "governance/response-union-variant-removed",
    message: `${union} lost a variant${tag ? ` (type: ${JSON.stringify(tag)})` : ""} (the generated union type shrinks).`,
  };
}

/**
 * A response oneOf/anyOf gained a variant (or a schema became a union): the generated type widens, so
 * code reading a field every old variant had (`entry.id`) stops compiling until it narrows. Redocly
 * rates a response that may send more a minor change.
 */
function responseUnionWidened(/** @type {RedoclyChange} */ change) {
  if (change.kind !== "added" || sideOf(change.path) !== "response") return undefined;
  const union = /\/(oneOf|anyOf)(\/\d+)?$/.exec(change.path)?.[1];
  if (!union) return undefined;
  const tag = variantTag(change.revision?.value);
  return {
    rule: "governance/response-union-widened",
    message: `${union} in a response gained a variant${tag ? ` (type: ${JSON.stringify(tag)})` : ""} (the generated union type widens).`,
  };
}

/** The `type` const that tags a union variant (the contract's unions are tagged so), if any. */
function variantTag(/** @type {any} */ schema) {
  return schema?.properties?.type?.const;
}

/**
 * A path parameter renamed: redocly sees the same path (templates are compared without parameter
 * names) and rates it a patch, but the generated `paths` key and `parameters.path` names change.
 */
function pathParameterRenamed(/** @type {RedoclyChange} */ change) {
  if (change.kind !== "modified") return undefined;
  const before = change.base?.value;
  const after = change.revision?.value;
  if (typeof before !== "string" || typeof after !== "string" || before === after) return undefined;
  if (change.typeName === "PathItem" && change.property === "key")
    return {
      rule: "governance/path-parameter-renamed",
      message: `Path template changed: ${before} → ${after} (the generated \`paths\` key changes).`,
    };
  if (change.typeName === "Parameter" && change.property === "name")
    return {
      rule: "governance/path-parameter-renamed",
      message: `Parameter renamed: ${before} → ${after} (the generated parameter name changes).`,
    };
  return undefined;
}

/** The component sections openapi-typescript emits into the `components` type of @qoder-cloud/types. */
const TYPED_COMPONENTS =
  /^#\/components\/(schemas|responses|parameters|requestBodies|headers|pathItems)\/([^/]+)$/;

/**
 * A component removed, renamed or inlined: redocly follows the $refs and rates it a patch when the shape
 * stays, but @qoder-cloud/types exports `components` (and `Schema<"Name">` for every schema), so code
 * naming the old component stops compiling.
 */
function componentRemovedOrRenamed(/** @type {RedoclyChange} */ change) {
  const [, section, name] = TYPED_COMPONENTS.exec(change.path) ?? [];
  if (!section) return undefined;
  if (change.kind === "removed")
    return {
      rule: "governance/component-removed",
      message: `components.${section}.${name} removed (the generated \`components\` type loses it).`,
    };
  const before = change.base?.value;
  const after = change.revision?.value;
  if (change.kind === "modified" && change.property === "key" && before !== after)
    return {
      rule: "governance/component-removed",
      message: `components.${section}.${before} renamed to ${after} (the generated \`components\` type loses the old name).`,
    };
  return undefined;
}

/**
 * readOnly added in a request or writeOnly added in a response: redocly rates a keyword change a patch,
 * but the field may no longer be sent (readOnly) or is no longer returned (writeOnly): for a reader it
 * is a removed field, and a required one stops being required (openapi/index.js forDirection).
 */
function readWriteOnlyAdded(/** @type {RedoclyChange} */ change) {
  if (change.kind !== "modified" || change.revision?.value !== true || change.base?.value === true)
    return undefined;
  const side = sideOf(change.path);
  if (
    (change.property === "writeOnly" && side === "response") ||
    (change.property === "readOnly" && side === "request")
  )
    return {
      rule: "governance/read-write-only-added",
      message: `${change.property}: true added in a ${side === "response" ? "response: the field is no longer returned" : "request body: the field may no longer be sent"}.`,
    };
  return undefined;
}

/**
 * The side of the wire a change's location is on, from the operation's own keys ("#/paths/~1x/post/
 * requestBody/…" → "request", "…/get/responses/…" → "response"), never from a property that happens to
 * be named `responses` or `parameters`; undefined elsewhere (parameters, components).
 * @param {string} pointer
 */
export function sideOf(pointer) {
  const [, key] =
    /^#\/paths\/[^/]+\/(?:get|put|post|delete|options|head|patch|trace)\/(requestBody|responses)\//.exec(
      pointer,
    ) ?? [];
  return key === "requestBody" ? "request" : key === "responses" ? "response" : undefined;
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

// @ts-check
// Classifies every change between two bundled specs as breaking or not, using `redocly diff`.
import { randomUUID } from "node:crypto";
import { readFile, rm } from "node:fs/promises";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { parse as parseYaml } from "yaml";
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
 * A side of the wire, and a compared document with the sides each of its components is reached from.
 * @typedef {"request" | "response"} Side
 * @typedef {{ document: any, componentSides: Map<string, Set<Side>> }} SidedDocument
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
  /** @type {SidedDocument[]} */
  const documents = await Promise.all(
    [baseFile, revisionFile].map(async (file) => {
      const text = await readFile(file, "utf8");
      const document = file.endsWith(".json") ? JSON.parse(text) : parseYaml(text);
      return { document, componentSides: componentSides(document) };
    }),
  );
  const changes = report.changes.map((change) => classify(change, sidesOfChange(change, documents)));
  return {
    changes,
    infoVersions: report.infoVersions,
    majorRaised: majorOf(report.infoVersions.revision) > majorOf(report.infoVersions.base),
  };
}

/** @param {RedoclyChange} change @param {Set<Side>} sides @returns {ClassifiedChange} */
function classify(change, sides) {
  const reasons = change.verdicts.map(({ ruleId, message }) => ({ rule: ruleId, message }));
  /** @type {Impact} */
  let impact = change.impact;
  if (impact !== "major") {
    const supplementReasons = SUPPLEMENTS.map((supplement) => supplement(change, sides)).filter(
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
 * `sides`: the sides of the wire the changed node is on (sidesOfChange).
 * @type {((change: RedoclyChange, sides: Set<Side>) => Reason | undefined)[]}
 */
const SUPPLEMENTS = [
  responseEnumValuesRemoved,
  responseUnionVariantRemoved,
  pathParameterRenamed,
  componentRemovedOrRenamed,
  readWriteOnlyAdded,
  responseUnionWidened,
  sdkMethodChanged,
  requestDefaultChanged,
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
 * is a removed field, and a required one stops being required (openapi/index.js forDirection). A shared
 * component's change is reported once, at one of its places, so the side is the one its component is
 * reached from too (sidesOfChange).
 */
function readWriteOnlyAdded(/** @type {RedoclyChange} */ change, /** @type {Set<Side>} */ sides) {
  if (change.kind !== "modified" || change.revision?.value !== true || change.base?.value === true)
    return undefined;
  if (change.property === "writeOnly" && sides.has("response"))
    return {
      rule: "governance/read-write-only-added",
      message: "writeOnly: true added to a schema of a response: the field is no longer returned.",
    };
  if (change.property === "readOnly" && sides.has("request"))
    return {
      rule: "governance/read-write-only-added",
      message: "readOnly: true added to a schema of a request: the field may no longer be sent.",
    };
  return undefined;
}

/**
 * An operation's x-sdk-method changed or removed: it names the client's public method
 * (packages/client/scripts/generate-operations.mjs), so code calling the old name stops compiling, or
 * (two names swapped) silently calls the other operation. Adding one where there was none is an addition.
 */
function sdkMethodChanged(/** @type {RedoclyChange} */ change) {
  if (change.kind !== "modified" || change.property !== "x-sdk-method") return undefined;
  const before = change.base?.value;
  const after = change.revision?.value;
  if (before === undefined || isDeepStrictEqual(before, after)) return undefined;
  return {
    rule: "governance/sdk-method-changed",
    message:
      after === undefined
        ? `x-sdk-method ${before} removed (the client's method goes).`
        : `x-sdk-method ${before} → ${after} (the client's method is renamed; a swap calls the other operation).`,
  };
}

/**
 * A default changed (both sides have one) in a parameter or a schema a request uses: every client that
 * leaves the value out gets another behaviour. A default added where there was none, or one of a
 * schema only responses use, is not a change for any request.
 */
function requestDefaultChanged(/** @type {RedoclyChange} */ change, /** @type {Set<Side>} */ sides) {
  if (change.kind !== "modified" || change.property !== "default" || !sides.has("request")) return undefined;
  if (!change.base || !("value" in change.base) || !change.revision || !("value" in change.revision))
    return undefined;
  const before = change.base.value;
  const after = change.revision.value;
  if (isDeepStrictEqual(before, after)) return undefined;
  return {
    rule: "governance/default-changed",
    message: `default ${JSON.stringify(before)} → ${JSON.stringify(after)} in a request (a client that leaves the value out gets another behaviour).`,
  };
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

/** A change in a parameter ("#/paths/~1x/parameters/0/…", "#/paths/~1x/get/parameters/0/…"). */
const PARAMETER_PATH =
  /^#\/paths\/[^/]+\/(?:(?:get|put|post|delete|options|head|patch|trace)\/)?parameters\//;

/**
 * The sides a change is on: the one its location says (sideOf; a parameter is request), and every side
 * that reaches the component the changed node sits in: redocly reports a change of a component that
 * requests and responses share once, at one of its places.
 * @param {RedoclyChange} change
 * @param {SidedDocument[]} documents
 * @returns {Set<Side>}
 */
export function sidesOfChange(change, documents) {
  /** @type {Set<Side>} */
  const sides = new Set();
  const own = sideOf(change.path);
  if (own) sides.add(own);
  if (PARAMETER_PATH.test(change.path)) sides.add("request");
  // The document the change's node is in as it now stands: the revision, unless the node (or the
  // keyword) was removed. A component the node left (a request given its own copy of a shared schema)
  // is not where the change is.
  const removed = change.kind === "removed" || (change.kind === "modified" && !hasValue(change.revision));
  const { document, componentSides } = documents[removed ? 0 : documents.length - 1] ?? {};
  const component = document && componentOf(document, change.path, change.property);
  for (const side of (component && componentSides?.get(component)) || []) sides.add(side);
  return sides;
}

/** "#/a/b~1c" → ["a", "b/c"]. @param {string} pointer */
const pointerSegments = (pointer) =>
  pointer
    .replace(/^#\/?/, "")
    .split("/")
    .filter((s) => s !== "")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));

/** ["components", "schemas", "X", …] → "#/components/schemas/X"; undefined outside components. */
const componentKey = (/** @type {string[]} */ segments) =>
  segments[0] === "components" && segments.length >= 3
    ? `#/${segments
        .slice(0, 3)
        .map((s) => s.replaceAll("~", "~0").replaceAll("/", "~1"))
        .join("/")}`
    : undefined;

/**
 * Follows a node's local $refs (at most `hops`, 64 by default: a circular chain stops), stopping early at
 * a node `until` accepts: the node they land on and its own location (segments).
 * @param {any} document @param {any} node @param {string[]} at
 * @param {(node: any) => boolean} [until] @param {number} [hops]
 */
function followRefs(document, node, at, until = () => false, hops = 64) {
  for (let hop = 0; isLocalRef(node) && !until(node) && hop < hops; hop++) {
    at = pointerSegments(node.$ref);
    node = at.reduce((n, s) => n?.[s], document);
  }
  return { node, at };
}

/**
 * The component the node at `pointer` (a redocly change path, which runs through $refs as if they
 * were inlined) sits in: "#/paths/~1x/get/responses/200/…/items/properties/a" through an `items`
 * $ref to FileResource → "#/components/schemas/FileResource"; undefined when the node is inline in a
 * path or the pointer does not resolve. `property`: the changed keyword, for a keyword beside a $ref.
 * @param {any} document @param {string} pointer @param {string} [property]
 */
export function componentOf(document, pointer, property) {
  let node = document;
  /** @type {string[]} */
  let at = [];
  /** Follows $refs until a node holds `key` itself (a $ref's siblings are its own). */
  const reach = (/** @type {string} */ key) => {
    ({ node, at } = followRefs(document, node, at, (holder) => Object.hasOwn(holder, key)));
  };
  for (const segment of pointerSegments(pointer)) {
    if (segment === "$ref") {
      // Through a $ref that has siblings, redocly's path names `$ref` to step into the target (a bare
      // $ref on the way there it steps through unnamed): one hop past the bare ones.
      ({ node, at } = followRefs(document, node, at, (holder) => Object.keys(holder).length > 1));
      if (!isLocalRef(node)) return undefined;
      ({ node, at } = followRefs(document, node, at, undefined, 1));
      continue;
    }
    reach(segment);
    if (node === null || typeof node !== "object" || !(segment in node)) return undefined;
    node = node[segment];
    at = [...at, segment];
  }
  // A keyword beside a $ref (`{ $ref: Shared, readOnly: true }`) belongs to the schema holding it,
  // not to the $ref's target.
  if (property !== undefined) reach(property);
  else ({ node, at } = followRefs(document, node, at));
  return componentKey(at);
}

/** A node that is a $ref within the document. */
const isLocalRef = (/** @type {any} */ node) => typeof node?.$ref === "string" && node.$ref.startsWith("#");

/** Whether a side of a redocly change carries a value (a removed keyword's revision side has none). */
const hasValue = (/** @type {RedoclySide | undefined} */ side) =>
  side !== undefined && Object.hasOwn(side, "value") && side.value !== undefined;

/**
 * Which sides of the wire reach each component through $refs, transitively: requests through an
 * operation's (or path item's) parameters and requestBody, responses through its responses.
 * @param {any} document
 * @returns {Map<string, Set<Side>>}
 */
export function componentSides(document) {
  /** @type {Map<string, Set<Side>>} */
  const sides = new Map();
  /** @type {(node: any, side: Side, seen: Set<any>) => void} */
  const reach = (node, side, seen) => {
    if (node === null || typeof node !== "object" || seen.has(node)) return;
    seen.add(node);
    if (isLocalRef(node)) {
      const segments = pointerSegments(node.$ref);
      const key = componentKey(segments);
      if (key) sides.set(key, (sides.get(key) ?? new Set()).add(side));
      reach(
        segments.reduce((n, s) => n?.[s], document),
        side,
        seen,
      );
    }
    for (const value of Object.values(node)) reach(value, side, seen);
  };
  // One walk per side: a node walked once for a side has given that side to all it reaches.
  const request = new Set();
  const response = new Set();
  for (const pathItemOrRef of Object.values(document?.paths ?? {})) {
    const pathItem = followRefs(document, pathItemOrRef, []).node;
    reach(pathItem?.parameters, "request", request);
    for (const method of HTTP_METHODS) {
      const operation = pathItem?.[method];
      reach(operation?.parameters, "request", request);
      reach(operation?.requestBody, "request", request);
      reach(operation?.responses, "response", response);
    }
  }
  return sides;
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

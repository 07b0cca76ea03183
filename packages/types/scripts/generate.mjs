#!/usr/bin/env node
// Writes src/schema.d.ts from the bundled contract with openapi-typescript's Node API (same engine as its
// CLI; the API lets us prepend our own "generated" header). `--check` exits 1 instead of writing when the
// committed file is stale, so CI catches a spec change that was not regenerated.
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { openapiJsonPath } from "@qoder-cloud/openapi";
import openapiTS, {
  astToString,
  STRING,
  transformSchemaObject,
  tsModifiers,
  UNDEFINED,
} from "openapi-typescript";
import ts from "typescript";

const { values } = parseArgs({
  options: { check: { type: "boolean" }, spec: { type: "string" }, out: { type: "string" } },
});
const specPath = values.spec ?? openapiJsonPath;
const outFile = values.out
  ? new URL(values.out, pathToFileURL(`${process.cwd()}/`))
  : new URL("../src/schema.d.ts", import.meta.url);

const HEADER = `/**
 * generated from openapi/ — do not edit.
 * Source: the bundled contract (@qoder-cloud/openapi dist/openapi.json) via openapi-typescript 7.
 * Regenerate with \`pnpm --filter @qoder-cloud/types generate\`.
 */

`;

let spec;
try {
  spec = JSON.parse(readFileSync(specPath, "utf8"));
} catch (cause) {
  console.error(`Cannot read the bundled spec at ${specPath} (${cause.message}). Run \`pnpm build\` first.`);
  process.exit(2);
}

// Components in name order: the bundler emits them in first-reference order, so one new `$ref` in the
// contract would otherwise move unrelated types around and bury the real change in the diff.
const byName = ([a], [b]) => (a < b ? -1 : a > b ? 1 : 0);
for (const [kind, group] of Object.entries(spec.components ?? {}))
  spec.components[kind] = Object.fromEntries(Object.entries(group).sort(byName));

// openapi-typescript renders an object with both `properties` and a schema-valued `additionalProperties`
// as `{ declared } & { [key: string]: Extra }`. That type is unusable: a declared property whose type is not
// `Extra` (e.g. metadata's `cas_config` object next to string values) can be neither written nor read
// usefully. So such objects become ONE type literal whose index signature also admits the declared
// property types, e.g. `{ cas_config?: CasConfigParams; [key: string]: string | CasConfigParams | undefined }`.
const isNonEmptyObject = (value) =>
  typeof value === "object" && value !== null && Object.keys(value).length > 0;
const hasTypedExtraKeys = (schema) =>
  isNonEmptyObject(schema.properties) && isNonEmptyObject(schema.additionalProperties);

/** openapi-typescript `transform` hook: called for every schema with a `type` (per type of a type array). */
function mergeDeclaredAndExtraKeys(schema, options) {
  if (schema.type !== "object" || !hasTypedExtraKeys(schema)) return undefined;
  // Let openapi-typescript render the declared properties (JSDoc, `?`, refs, readonly) without the extra keys;
  // composition keywords are left out because the caller applies them around what this hook returns.
  const declaredOnly = { ...schema, additionalProperties: false };
  for (const key of ["patternProperties", "allOf", "anyOf", "oneOf", "enum", "nullable"])
    delete declaredOnly[key];
  const declared = transformSchemaObject(declaredOnly, options);
  if (!ts.isTypeLiteralNode(declared) || !declared.members.every(ts.isPropertySignature)) return undefined;

  const valueTypes = [
    transformSchemaObject(schema.additionalProperties, options, true),
    ...Object.values(schema.patternProperties ?? {}).map((pattern) =>
      transformSchemaObject(pattern, options),
    ),
    ...declared.members.map((member) => member.type),
    ...(declared.members.some((member) => member.questionToken) ? [UNDEFINED] : []),
  ];
  const indexSignature = ts.factory.createIndexSignature(
    tsModifiers({ readonly: options.ctx.immutable }),
    [ts.factory.createParameterDeclaration(undefined, undefined, "key", undefined, STRING)],
    uniqueUnion(valueTypes),
  );
  return ts.factory.createTypeLiteralNode([...declared.members, indexSignature]);
}

/** A union of the given types with nested unions flattened and repeats (by printed text) dropped. */
function uniqueUnion(types) {
  const byText = new Map();
  for (const type of types.flatMap((t) => (ts.isUnionTypeNode(t) ? [...t.types] : [t]))) {
    const text = astToString(type).trim();
    if (!byText.has(text)) byText.set(text, type);
  }
  const unique = [...byText.values()];
  return unique.length === 1 ? unique[0] : ts.factory.createUnionTypeNode(unique);
}

// The hook only sees schemas with a `type`; refuse silently wrong output for the others.
const untyped = [];
const NOT_SCHEMAS = new Set(["example", "examples", "default", "const", "enum"]);
(function findUntyped(node, pointer) {
  if (typeof node !== "object" || node === null) return;
  const types = [node.type].flat();
  if (!Array.isArray(node) && hasTypedExtraKeys(node) && !types.includes("object")) untyped.push(pointer);
  for (const [key, child] of Object.entries(node)) {
    if (!NOT_SCHEMAS.has(key)) findUntyped(child, `${pointer}/${key}`);
  }
})(spec, "#");
if (untyped.length > 0) {
  console.error(
    `Schemas with properties and additionalProperties need \`type: object\`: ${untyped.join(", ")}`,
  );
  process.exit(2);
}

const ast = await openapiTS(spec, { silent: true, transform: mergeDeclaredAndExtraKeys });
const output = HEADER + astToString(ast);

if (values.check) {
  let current = "";
  try {
    current = readFileSync(outFile, "utf8");
  } catch {}
  if (current !== output) {
    console.error("src/schema.d.ts is stale: run `pnpm --filter @qoder-cloud/types generate` and commit it.");
    process.exit(1);
  }
  console.log("src/schema.d.ts is up to date.");
} else {
  writeFileSync(outFile, output);
  console.log(`wrote ${outFile.pathname}`);
}

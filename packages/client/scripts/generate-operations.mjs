#!/usr/bin/env node
// Writes src/generated/operations.ts from the bundled contract: one row per operation (its `x-sdk-method`,
// HTTP method, path (its {params} become the leading arguments, in order), what the argument after the
// ids is, whether it is a list) plus the `Resources` interface typing `qoder.<resource>.<method>()`. Adding an operation to the
// spec therefore needs no hand-written client code. `--check` exits 1 when the committed file is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { HTTP_METHODS, openapiJsonPath } from "@qoder-cloud/openapi";

const { values } = parseArgs({ options: { check: { type: "boolean" }, spec: { type: "string" } } });
const specPath = values.spec ?? openapiJsonPath;
const outFile = new URL("../src/generated/operations.ts", import.meta.url);
// Names the openapi-fetch client (or ours) already uses at the top level of `qoder`.
const RESERVED = new Set([
  ...HTTP_METHODS.map((m) => m.toUpperCase()),
  "request",
  "use",
  "eject",
  "paginate",
]);

function fail(message) {
  console.error(`generate-operations: ${message}`);
  process.exit(2);
}

let spec;
try {
  spec = JSON.parse(readFileSync(specPath, "utf8"));
} catch (cause) {
  fail(`cannot read the bundled spec at ${specPath} (${cause.message}); run \`pnpm build\` first.`);
}

/** Follows local `$ref`s ("#/components/…"), the only kind a bundled spec contains. */
function deref(node) {
  let current = node;
  while (current && typeof current.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce((obj, key) => obj?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], spec);
  }
  return current;
}

/** A list operation answers 200 with `{ data: [...], has_more, … }`, the contract's list envelope. */
function isList(operation) {
  const ok = deref(operation.responses?.["200"]);
  const schema = deref(ok?.content?.["application/json"]?.schema);
  const props = schema?.properties ?? {};
  return deref(props.data)?.type === "array" && "has_more" in props;
}

/** An optional body that must be empty (`{}` at most) is not worth an argument: the method takes none. */
function isEmptyOptionalBody(requestBody) {
  const body = deref(requestBody);
  const schema = deref(body?.content?.["application/json"]?.schema);
  return (
    !body?.required &&
    (schema?.maxProperties === 0 || (schema?.additionalProperties === false && !schema.properties))
  );
}

const rows = [];
for (const [path, pathItem] of Object.entries(spec.paths ?? {})) {
  for (const method of HTTP_METHODS) {
    const operation = pathItem[method];
    if (!operation) continue;
    const sdkMethod = operation["x-sdk-method"];
    const where = `${method.toUpperCase()} ${path} (${operation.operationId ?? "no operationId"})`;
    if (typeof sdkMethod !== "string" || !/^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)+$/.test(sdkMethod)) {
      fail(
        `${where} needs an \`x-sdk-method\` like "deployments.runs.list" (got ${JSON.stringify(sdkMethod)}).`,
      );
    }
    if (RESERVED.has(sdkMethod.split(".")[0])) fail(`${where}: "${sdkMethod}" clashes with a client method.`);
    const params = [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])].map(deref);
    const hasQuery = params.some((p) => p.in === "query");
    const hasBody = Boolean(operation.requestBody) && !isEmptyOptionalBody(operation.requestBody);
    if (hasQuery && hasBody)
      fail(`${where} has both a body and query parameters; the client cannot map that yet.`);
    rows.push({
      sdkMethod,
      method: method.toUpperCase(),
      path,
      input: hasBody ? "body" : hasQuery ? "query" : "none",
      list: method === "get" && isList(operation),
      summary: operation.summary ?? operation.operationId ?? "",
      operationId: operation.operationId,
    });
  }
}
rows.sort((a, b) => a.sdkMethod.localeCompare(b.sdkMethod));
const dupes = rows.filter((row, i) => rows.findIndex((r) => r.sdkMethod === row.sdkMethod) !== i);
if (dupes.length) fail(`duplicate x-sdk-method: ${dupes.map((d) => d.sdkMethod).join(", ")}`);

// Nest "deployments.runs.list" into { deployments: { runs: { list } } } for the interface.
const tree = {};
for (const row of rows) {
  const keys = row.sdkMethod.split(".");
  const leaf = keys.pop();
  let node = tree;
  for (const key of keys) {
    node[key] ??= {};
    if (node[key].row) fail(`"${row.sdkMethod}" nests under an operation name.`);
    node = node[key];
  }
  if (node[leaf]) fail(`"${row.sdkMethod}" is both a method and a namespace.`);
  node[leaf] = { row };
}
function renderTree(node, indent) {
  const pad = "  ".repeat(indent);
  return Object.entries(node)
    .map(([key, child]) => {
      if (!child.row) return `${pad}${key}: {\n${renderTree(child, indent + 1)}\n${pad}};`;
      const r = child.row;
      const kind = r.list ? "ListMethod" : "Method";
      const title = (r.summary || r.operationId || "").replace(/\*\//g, "*\\/");
      const doc = `${pad}/** ${title ? `${title}: ` : ""}\`${r.method} ${r.path}\` */`;
      return `${doc}\n${pad}${key}: ${kind}<"${r.path}", "${r.method.toLowerCase()}", "${r.input}">;`;
    })
    .join("\n");
}

// Rows are tuples to keep the runtime small; OperationRow names the columns.
const table = rows
  .map(
    (r) =>
      `  [${[r.sdkMethod, r.method, r.path, r.input].map((v) => JSON.stringify(v)).join(", ")}${r.list ? ", true" : ""}],`,
  )
  .join("\n");

const output = `// generated from openapi/ — do not edit. Regenerate: pnpm --filter @qoder-cloud/client generate
import type { ListMethod, Method, OperationRow } from "../resource-types.js";

/**
 * Every operation of the contract, as the runtime needs it to build \`qoder.<resource>.<method>()\`:
 * [x-sdk-method, HTTP method, path, what follows the path ids ("body" | "query" | "none"), is a list?]
 */
export const operations: readonly OperationRow[] = [
${table}
];

/** The resource methods of a Qoder client, typed from \`paths\` of @qoder-cloud/types. */
export interface Resources {
${renderTree(tree, 1)}
}
`;

if (values.check) {
  let current = "";
  try {
    current = readFileSync(outFile, "utf8");
  } catch {}
  if (current !== output) {
    console.error(
      "src/generated/operations.ts is stale: run `pnpm --filter @qoder-cloud/client generate` and commit it.",
    );
    process.exit(1);
  }
  console.log("src/generated/operations.ts is up to date.");
} else {
  writeFileSync(outFile, output);
  console.log(`wrote ${outFile.pathname}`);
}

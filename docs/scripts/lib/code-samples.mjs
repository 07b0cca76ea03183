// Generates the code samples of one operation from the contract alone (never written by hand):
// curl against the production server and the local mock, and TypeScript with @qoder-cloud/client.
import { exampleOf, resolveRef, successSchemaName } from "./spec.mjs";

export const GENERATED_HEADER = "generated from openapi/ — do not edit";
/** Where the docs tell readers to run the mock (its CLI's default port). */
export const MOCK_SERVER_URL = "http://127.0.0.1:4010";

/**
 * The sample tabs of every operation, in display order (`lang` picks the syntax highlighting); the local
 * mock's label is the site language's (ui-strings.mjs `mockSampleLabel`).
 * @param {{ mockSampleLabel: string }} ui
 */
export const sampleLanguages = (ui) => [
  { label: "curl", lang: "bash" },
  { label: "TypeScript", lang: "typescript" },
  { label: ui.mockSampleLabel, lang: "bash" },
];

/** Example values for the path parameters (in path order), the query and the JSON body. */
export function requestExample(spec, { path, operation, parameters }) {
  const pathParams = [...path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
    const param = parameters.find((p) => p.in === "path" && p.name === name);
    const value = exampleOf(spec, param);
    if (value === undefined) {
      throw new Error(
        `${operation.operationId}: path parameter "${name}" has no example; add \`example:\` to it in openapi/`,
      );
    }
    return { name, value: String(value) };
  });
  const query = {};
  for (const param of parameters) {
    // Required parameters and the page size, as in the seed's `?limit=2`; optional filters would only
    // add noise (and contradictory ranges) to every sample. Schema defaults are never sent.
    if (param.in !== "query" || !(param.required || param.name === "limit")) continue;
    const value = param.example ?? exampleOf(spec, { examples: param.examples });
    if (value !== undefined) query[param.name] = value;
  }
  const media = operation.requestBody
    ? resolveRef(spec, operation.requestBody).content?.["application/json"]
    : undefined;
  const required = Boolean(operation.requestBody && resolveRef(spec, operation.requestBody).required);
  let body = media ? exampleOf(spec, { example: media.example, examples: media.examples }) : undefined;
  if (media && body === undefined && required) {
    throw new Error(`${operation.operationId}: the request body has no example; add one in openapi/`);
  }
  // An optional empty body (pause, archive…) is simply not sent, so the sample shows the plain call.
  const isEmptyObject = body !== null && typeof body === "object" && Object.keys(body).length === 0;
  if (!required && isEmptyObject) body = undefined;
  return { pathParams, query, body };
}

function urlFor(baseUrl, path, { pathParams, query }) {
  let url = baseUrl.replace(/\/$/, "") + path;
  for (const { name, value } of pathParams) url = url.replace(`{${name}}`, encodeURIComponent(value));
  const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString();
  return search ? `${url}?${search}` : url;
}

/** curl, shaped like the seed's own example. */
export function curlSample(baseUrl, op, request) {
  const lines = [`curl -X ${op.method.toUpperCase()} "${urlFor(baseUrl, op.path, request)}"`];
  lines.push(`-H "Authorization: Bearer $QODER_PAT"`);
  if (request.body !== undefined) {
    // Indented under the -d flag, as in the published examples; single quotes escaped for the shell.
    const json = JSON.stringify(request.body, null, 2).replaceAll("\n", "\n  ").replaceAll("'", "'\\''");
    lines.push(`-H "Content-Type: application/json"`, `-d '${json}'`);
  }
  return lines.join(" \\\n  ");
}

/** The English comments of the TypeScript samples (the code is the same in every language). */
export const SAMPLE_COMMENTS = {
  readsToken: "Reads QODER_PAT. To call the local mock, set",
  firstPage: "Awaiting gives the first page.",
  everyItem: "Iterating walks every item of every page.",
};

const camelCase = (name) => name.charAt(0).toLowerCase() + name.slice(1);

/** Variable name for the call's result, from the response schema (`DeploymentRun` → `deploymentRun`). */
function resultName(schemaName) {
  if (!schemaName) return "result";
  if (schemaName.endsWith("List")) return "page";
  return camelCase(schemaName);
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A TypeScript literal formatted like hand-written code: one line when short, else one entry per line. */
function tsLiteral(value, indent = "") {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  const inner = `${indent}  `;
  const entries = Array.isArray(value)
    ? value.map((item) => tsLiteral(item, inner))
    : Object.entries(value).map(
        ([k, v]) => `${IDENTIFIER.test(k) ? k : JSON.stringify(k)}: ${tsLiteral(v, inner)}`,
      );
  const [open, close] = Array.isArray(value) ? ["[", "]"] : ["{ ", " }"];
  if (entries.length === 0) return Array.isArray(value) ? "[]" : "{}";
  const oneLine = `${open}${entries.join(", ")}${close}`;
  if (!oneLine.includes("\n") && indent.length + oneLine.length <= 60) return oneLine;
  return `${open.trim()}\n${entries.map((e) => `${inner}${e},`).join("\n")}\n${indent}${close.trim()}`;
}

/** TypeScript using the client's resource method named by the operation's `x-sdk-method`. */
export function typescriptSample(spec, op, request, comments = SAMPLE_COMMENTS) {
  const sdkMethod = op.operation["x-sdk-method"];
  if (typeof sdkMethod !== "string" || !/^[A-Za-z]+(\.[A-Za-z]+)+$/.test(sdkMethod)) {
    throw new Error(
      `${op.operation.operationId}: missing or malformed x-sdk-method (e.g. "deployments.list")`,
    );
  }
  const args = request.pathParams.map(({ value }) => JSON.stringify(value));
  if (request.body !== undefined) args.push(tsLiteral(request.body));
  else if (Object.keys(request.query).length > 0) args.push(tsLiteral(request.query));
  const call = `qoder.${sdkMethod}(${args.join(", ")})`;
  const schemaName = successSchemaName(spec, op.operation);
  const result = resultName(schemaName);
  const lines = [
    `import { createQoderClient } from "@qoder-cloud/client";`,
    "",
    `// ${comments.readsToken}`,
    `// QODER_BASE_URL=${MOCK_SERVER_URL}`,
    "const qoder = createQoderClient();",
    "",
  ];
  if (result === "page") {
    const item = schemaName ? camelCase(schemaName.replace(/List$/, "")) : "item";
    lines.push(
      `// ${comments.firstPage}`,
      `const page = await ${call};`,
      `console.log(page.data.length, page.has_more${cursorField(spec, schemaName)});`,
      "",
      `// ${comments.everyItem}`,
      `for await (const ${item} of ${call}) {`,
      `  console.log(${item}.id);`,
      "}",
    );
  } else {
    lines.push(`const ${result} = await ${call};`, `console.log(${result});`);
  }
  return `${lines.join("\n")}\n`;
}

/** The cursor a list page offers to print: `last_id`, else the opaque `next_page` (cursor-only lists). */
function cursorField(spec, schemaName) {
  const properties = (schemaName && spec.components?.schemas?.[schemaName]?.properties) || {};
  return "last_id" in properties ? ", page.last_id" : "next_page" in properties ? ", page.next_page" : "";
}

// Turns the bundled contract into the spec the docs site renders: code samples on every operation,
// the local mock as a server, and the guides as navigation entries (x-traitTag + x-tagGroups).
import { curlSample, requestExample, SAMPLE_LANGUAGES, typescriptSample } from "./code-samples.mjs";
import { listOperations, responseExamples } from "./spec.mjs";

export const MOCK_SERVER_URL = "http://127.0.0.1:4010";
export const EXAMPLE_NAMES_MARKER = "<!-- generated:example-names -->";
const GUIDES_GROUP = "Guides";

/** Parses a guide: its first `# ` heading is the title (the nav label), the rest is the body. */
export function parseGuide(fileName, markdown) {
  const match = /^# (.+)\r?\n/.exec(markdown);
  if (!match) throw new Error(`docs/guides/${fileName} must start with a "# Title" line`);
  return { fileName, title: match[1].trim(), body: markdown.slice(match[0].length).trim() };
}

/**
 * Markdown tables of every named response example, so consumers can script `Prefer` scenarios:
 * success examples per operation, then error examples once per status (they are shared responses).
 */
export function exampleNamesTable(spec) {
  const operations = listOperations(spec);
  const success = ["| Operation | Status | `Prefer: example=` | What it shows |", "|---|---|---|---|"];
  const errors = new Map(); // "status name" → { status, name, summary, errorType }
  for (const { operation } of operations) {
    for (const { status, name, summary, value } of responseExamples(spec, operation)) {
      if (status.startsWith("2")) {
        success.push(`| \`${operation.operationId}\` | ${status} | \`${name}\` | ${cell(summary)} |`);
        continue;
      }
      errors.set(`${status} ${name}`, { status, name, summary, errorType: value?.error?.type });
    }
  }
  const errorRows = [...errors.values()].sort((a, b) => a.status.localeCompare(b.status));
  const error = [
    "| Status | `error.type` | `Prefer: example=` | What it shows |",
    "|---|---|---|---|",
    ...errorRows.map(
      ({ status, name, summary, errorType }) =>
        `| ${status} | \`${errorType ?? "—"}\` | \`${name}\` | ${cell(summary)} |`,
    ),
  ];
  return [
    success.join("\n"),
    "Error responses are shared: every operation that documents a status (see its **Responses**) offers these.",
    error.join("\n"),
  ].join("\n\n");
}

const cell = (text) => text.replaceAll("|", "\\|");

/**
 * @param spec the bundled contract (not modified)
 * @param guides parsed guides, in navigation order
 * @returns the decorated spec and the TypeScript samples keyed by operationId
 */
export function decorateSpec(spec, guides) {
  const decorated = structuredClone(spec);
  const tsSamples = new Map();
  const productionUrl = decorated.servers?.[0]?.url;
  if (!productionUrl)
    throw new Error("openapi/openapi.yaml: `servers` must list the production server first");

  for (const op of listOperations(decorated)) {
    const { operationId } = op.operation;
    if (!operationId) throw new Error(`${op.method.toUpperCase()} ${op.path} has no operationId`);
    const request = requestExample(decorated, op);
    const ts = typescriptSample(decorated, op, request);
    tsSamples.set(operationId, ts);
    const sources = [
      curlSample(productionUrl, op, request),
      ts.trimEnd(),
      curlSample(MOCK_SERVER_URL, op, request),
    ];
    op.operation["x-codeSamples"] = SAMPLE_LANGUAGES.map((language, i) => ({
      ...language,
      source: sources[i],
    }));
  }

  if (!decorated.servers.some((server) => server.url === MOCK_SERVER_URL)) {
    decorated.servers.push({
      url: MOCK_SERVER_URL,
      description: "Local mock (pnpm mock); any bearer token works",
    });
  }

  const table = exampleNamesTable(decorated);
  const guideTags = guides.map(({ title, body }) => ({
    name: title,
    "x-traitTag": true,
    description: body.replace(EXAMPLE_NAMES_MARKER, table),
  }));
  const apiTags = decorated.tags ?? [];
  const usedTags = new Set(listOperations(decorated).flatMap(({ operation }) => operation.tags ?? []));
  const declared = new Set(apiTags.map((tag) => tag.name));
  const referenceTagNames = [
    ...apiTags.map((tag) => tag.name),
    ...[...usedTags].filter((t) => !declared.has(t)),
  ];
  decorated.tags = [...guideTags, ...apiTags];
  const existingGroups = (decorated["x-tagGroups"] ?? []).filter((group) => group.name !== GUIDES_GROUP);
  decorated["x-tagGroups"] = [
    { name: GUIDES_GROUP, tags: guideTags.map((tag) => tag.name) },
    ...(existingGroups.length > 0 ? existingGroups : [{ name: "API reference", tags: referenceTagNames }]),
  ];
  return { decorated, tsSamples };
}

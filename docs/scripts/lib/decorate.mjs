// Turns the bundled contract into the spec the docs site renders: code samples on every operation,
// the local mock as a server, and the guides as navigation entries (x-traitTag + x-tagGroups).
import {
  curlSample,
  MOCK_SERVER_URL,
  requestExample,
  sampleLanguages,
  typescriptSample,
} from "./code-samples.mjs";
import { highlightFences } from "./highlight.mjs";
import { listOperations, responseExamples } from "./spec.mjs";
import { UI } from "./ui-strings.mjs";

export const EXAMPLE_NAMES_MARKER = "<!-- generated:example-names -->";

/** Redoc's section id of a guide (`Errors and retries` → `errors-and-retries`). */
export const guideSlug = (title) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/**
 * Parses a guide: its first `# ` heading is the title (the nav label), the rest is the body.
 * `location` names the file in errors (docs/guides/ja/… for a translation).
 */
export function parseGuide(fileName, markdown, location = `docs/guides/${fileName}`) {
  const match = /^# (.+)\r?\n/.exec(markdown);
  if (!match) throw new Error(`${location} must start with a "# Title" line`);
  return { fileName, title: match[1].trim(), body: markdown.slice(match[0].length).trim() };
}

/** The `##`…`######` headings of a markdown text, outside code fences, with their line numbers. */
function headings(markdown) {
  const found = [];
  let fence = false;
  markdown.split("\n").forEach((line, index) => {
    if (line.startsWith("```")) fence = !fence;
    const match = !fence && /^(#{2,6}) (.+)$/.exec(line);
    if (match) found.push({ index, level: match[1].length, text: match[2] });
  });
  return found;
}

/** Redoc's id for a heading (`4. Create, run and watch` → `4.-create-run-and-watch`; code spans dropped). */
export const headingSlug = (text) =>
  text
    .replace(/`[^`]*`/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9.\s_-]/g, "")
    .trim()
    .replace(/\s+/g, "-");

/**
 * Gives every heading of a guide the id of the English heading at the same place (Markdoc's
 * `{% id="…" %}`), so a section link such as #/errors-and-retries/the-idempotency-guarantee is the same
 * in every language and the language switcher keeps the reader's place inside a guide too.
 * @param english the English guide's body (the same text for the English guide itself)
 */
export function anchorHeadings(body, english, location) {
  const own = headings(body);
  const reference = headings(english);
  const shape = (list) => list.map(({ level }) => level).join(",");
  if (shape(own) !== shape(reference)) {
    throw new Error(
      `${location} has headings at levels [${shape(own)}] where the English guide has [${shape(reference)}]: ` +
        "keep the same sections, in the same order, so section links work in every language",
    );
  }
  const lines = body.split("\n");
  own.forEach(({ index }, i) => {
    const id = headingSlug(reference[i].text);
    if (id) lines[index] = `${lines[index]} {% id="${id}" %}`;
  });
  return lines.join("\n");
}

/**
 * Guides link to each other as relative .md files (`[Pagination](03-pagination.md)`), which work when
 * the markdown is read on its own (GitHub, an editor); on the site they become the guide's section.
 * @param slugs file name → section slug of every guide
 */
export function rewriteGuideLinks(body, slugs, location) {
  // Code is shown as written: fenced blocks (``` or ~~~) and inline code spans are neither rewritten nor
  // checked.
  return body
    .split(/(^(?:```|~~~)[^\n]*\n[\s\S]*?^(?:```|~~~)[ \t]*$)/m)
    .map((part, index) => (index % 2 ? part : rewriteText(part, slugs, location)))
    .join("");
}

/** rewriteGuideLinks for text between code blocks: inline code spans are set aside while it works. */
function rewriteText(text, slugs, location) {
  const spans = [];
  // A span opens at an unescaped backtick run and closes at the same run before a blank line.
  const masked = text.replace(
    /(?<!\\)(`+)(?:[^\n]|\n(?![ \t]*\n))*?\1/g,
    (span) => `\uE000${spans.push(span) - 1}\uE000`,
  );
  const slugOf = (whole, file) => {
    const slug = slugs.get(file);
    if (!slug) throw new Error(`${location}: the link ${whole.trim()} names no guide in docs/guides/`);
    return slug;
  };
  const rewritten = masked
    // [text](name.md), ./name.md, #anchor, "title"
    .replace(
      /\]\(\s*(?:\.\/)?([\w.-]+\.md)(?:#[\w-]+)?(\s+"[^"]*")?\s*\)/g,
      (whole, file, title = "") => `](#/${slugOf(whole, file)}${title})`,
    )
    // [text]: name.md (a reference definition)
    .replace(
      /^([ \t]*\[[^\]]+\]:[ \t]*)(?:\.\/)?([\w.-]+\.md)(?:#[\w-]+)?/gm,
      (whole, head, file) => `${head}#/${slugOf(whole, file)}`,
    );
  checkNoRelativeLinks(rewritten, location);
  return rewritten.replace(/\uE000(\d+)\uE000/g, (_, index) => spans[Number(index)]);
}

/**
 * The site is one page: a relative link that is not a guide's file name (`./guides/x.md`, `../README.md`,
 * a reference-style `[x]: y.md`, an HTML `href`/`src`) would be broken there. Absolute URLs and `#` links
 * are left as they are.
 */
function checkNoRelativeLinks(text, location) {
  const relative =
    /\]\(\s*(?!#|[a-z][a-z\d+.-]*:)([^)\s]+)[^)]*\)|^[ \t]*\[[^\]]+\]:[ \t]*(?!#|[a-z][a-z\d+.-]*:)(\S+)|\b(?:href|src)\s*=\s*["'](?!#|[a-z][a-z\d+.-]*:|\/\/)[^"']+["']/gim;
  for (const [whole] of text.matchAll(relative))
    throw new Error(
      `${location}: the link ${whole.trim()} is relative but names no guide: link a guide as \`name.md\` (in docs/guides/), anything else by its absolute URL.`,
    );
}

/**
 * Markdown tables of every named response example, so consumers can script `Prefer` scenarios:
 * success examples per operation, then each error example with the operations that offer it (one
 * name can stand for different examples: `already_archived` of a deployment, an agent, an environment).
 */
export function exampleNamesTable(spec, ui = UI.en) {
  const operations = listOperations(spec);
  const success = [
    `| ${ui.tableOperation} | ${ui.tableStatus} | \`Prefer: example=\` | ${ui.tableShows} |`,
    "|---|---|---|---|",
  ];
  const errors = new Map(); // "status name summary" → { status, name, summary, errorType, offeredBy }
  for (const { operation } of operations) {
    for (const { status, name, summary, value } of responseExamples(spec, operation)) {
      if (status.startsWith("2")) {
        success.push(`| \`${operation.operationId}\` | ${status} | \`${name}\` | ${cell(summary)} |`);
        continue;
      }
      const key = JSON.stringify([status, name, summary]);
      const row = errors.get(key) ?? { status, name, summary, errorType: value?.error?.type, offeredBy: [] };
      row.offeredBy.push(operation.operationId);
      errors.set(key, row);
    }
  }
  const errorRows = [...errors.values()].sort(
    (a, b) => a.status.localeCompare(b.status) || a.name.localeCompare(b.name),
  );
  const error = [
    `| ${ui.tableStatus} | \`error.type\` | \`Prefer: example=\` | ${ui.tableShows} | ${ui.tableOfferedBy} |`,
    "|---|---|---|---|---|",
    ...errorRows.map(
      ({ status, name, summary, errorType, offeredBy }) =>
        `| ${status} | \`${errorType ?? "—"}\` | \`${name}\` | ${cell(summary)} | ${
          offeredBy.length === operations.length
            ? ui.allOperations
            : offeredBy.map((operationId) => `\`${operationId}\``).join(", ")
        } |`,
    ),
  ];
  return [success.join("\n"), ui.errorsByOperation, error.join("\n")].join("\n\n");
}

const cell = (text) => text.replaceAll("|", "\\|");

/**
 * Redoc shows a field that is "X or null" (`oneOf: [{$ref: X}, {type: "null"}]`) with X's description
 * only, never the field's own ("ID of the first deployment on this page", the seed's wording in
 * Japanese). The `$ref` variant gets both, the field's first, beside it (OpenAPI 3.1 lets a description
 * there override the referenced one). Unions of several schemas keep each variant's own description.
 */
export function showOwnDescriptions(spec) {
  const referenced = (ref) =>
    ref.startsWith("#/components/schemas/")
      ? spec.components?.schemas?.[ref.slice(21)]?.description
      : undefined;
  const visit = (node) => {
    if (Array.isArray(node)) for (const item of node) visit(item);
    else if (node && typeof node === "object") {
      const { description, oneOf } = node;
      const ref = oneOf?.length === 2 && oneOf.find((variant) => typeof variant?.$ref === "string");
      const orNull = oneOf?.length === 2 && oneOf.some((variant) => variant?.type === "null");
      if (typeof description === "string" && ref && orNull && Object.keys(ref).length === 1) {
        const own = referenced(ref.$ref);
        node.oneOf = oneOf.map((variant) =>
          variant === ref
            ? { $ref: ref.$ref, description: own ? `${description}\n\n${own}` : description }
            : variant,
        );
      }
      for (const value of Object.values(node)) visit(value);
    }
  };
  visit(spec);
}

/**
 * @param spec the bundled contract, in the site's language (not modified)
 * @param guides parsed guides, in navigation order; `name` (the English title) makes the section id,
 *   `title` is what the reader sees
 * @param ui the site's language strings (ui-strings.mjs)
 * @returns the decorated spec and the TypeScript samples keyed by operationId
 */
export function decorateSpec(spec, guides, ui = UI.en) {
  const decorated = structuredClone(spec);
  const tsSamples = new Map();
  const productionUrl = decorated.servers?.[0]?.url;
  if (!productionUrl)
    throw new Error("openapi/openapi.yaml: `servers` must list the production server first");

  for (const op of listOperations(decorated)) {
    const { operationId } = op.operation;
    if (!operationId) throw new Error(`${op.method.toUpperCase()} ${op.path} has no operationId`);
    const request = requestExample(decorated, op);
    const ts = typescriptSample(decorated, op, request, ui.sampleComments);
    tsSamples.set(operationId, ts);
    const sources = [
      curlSample(productionUrl, op, request),
      ts.trimEnd(),
      curlSample(MOCK_SERVER_URL, op, request),
    ];
    op.operation["x-codeSamples"] = sampleLanguages(ui).map((language, i) => ({
      ...language,
      source: sources[i],
    }));
  }

  if (!decorated.servers.some((server) => server.url === MOCK_SERVER_URL)) {
    decorated.servers.push({
      url: MOCK_SERVER_URL,
      description: ui.mockServer,
    });
  }

  showOwnDescriptions(decorated);
  const table = exampleNamesTable(decorated, ui);
  const guideTags = guides.map(({ fileName, name, title, body }) => ({
    name: name ?? title,
    ...(name && name !== title ? { "x-displayName": title } : {}),
    "x-traitTag": true,
    description: highlightFences(body.replace(EXAMPLE_NAMES_MARKER, table), `guide ${fileName ?? title}`),
  }));
  const apiTags = decorated.tags ?? [];
  const usedTags = new Set(listOperations(decorated).flatMap(({ operation }) => operation.tags ?? []));
  const declared = new Set(apiTags.map((tag) => tag.name));
  const referenceTagNames = [
    ...apiTags.map((tag) => tag.name),
    ...[...usedTags].filter((t) => !declared.has(t)),
  ];
  decorated.tags = [...guideTags, ...apiTags];
  const existingGroups = (decorated["x-tagGroups"] ?? []).filter((group) => group.name !== ui.guidesGroup);
  decorated["x-tagGroups"] = [
    { name: ui.guidesGroup, tags: guideTags.map((tag) => tag.name) },
    ...(existingGroups.length > 0 ? existingGroups : [{ name: ui.referenceGroup, tags: referenceTagNames }]),
  ];
  return { decorated, tsSamples };
}

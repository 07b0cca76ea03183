// Translations of the contract and the guides, kept as data beside the contract (never in the English
// YAML): openapi/translations/<lang>.yaml maps each translatable location of the bundled contract (a
// JSON Pointer) to { en: the English it was translated from, text: the translation }. A guide's
// translation is docs/guides/<lang>/<file>.md whose front matter records the sha256 of the English file.
//   missing = no entry, or an entry with an empty text (a stub written by `i18n.mjs --write-missing`)
//   stale   = the English at that location is no longer the English the entry was translated from
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const translationsDir = resolve(docsDir, "..", "openapi", "translations");
export const guidesDir = join(docsDir, "guides");

/** The languages the site is published in besides English, with their own names for the switcher. */
export const LANGUAGES = [
  { code: "en", name: "English" },
  { code: "ja", name: "日本語" },
  { code: "zh", name: "简体中文", htmlLang: "zh-Hans" },
];
export const TRANSLATED = LANGUAGES.filter(({ code }) => code !== "en").map(({ code }) => code);

// Values that are data, not prose: example payloads, defaults, enums… are never translated.
const DATA_KEYS = new Set(["example", "value", "default", "enum", "const", "x-codeSamples", "externalValue"]);
// Objects whose keys are names (of properties, responses, components…), not OpenAPI keywords.
const NAME_MAPS = new Set([
  "properties",
  "patternProperties",
  "$defs",
  "paths",
  "responses",
  "content",
  "headers",
  "encoding",
  "links",
  "callbacks",
  "webhooks",
  "variables",
  "mapping",
  "schemas",
  "parameters",
  "examples",
  "requestBodies",
  "securitySchemes",
  "pathItems",
]);

const escapePointer = (key) => String(key).replaceAll("~", "~0").replaceAll("/", "~1");
const unescapePointer = (part) => part.replaceAll("~1", "/").replaceAll("~0", "~");
export const sha256 = (text) => createHash("sha256").update(text).digest("hex");

/**
 * Every translatable text of a bundled contract, in document order: info, servers, tags (their name,
 * shown through `x-displayName`), operation summaries and descriptions, parameter / header / schema /
 * property / response / request-body descriptions and example summaries.
 * Schema `title`s are type names (`TextBlock`) and stay as they are; only info.title is prose.
 * @returns {Array<{ pointer: string, en: string }>}
 */
export function extractTexts(spec) {
  const texts = [];
  const add = (pointer, en) => {
    if (typeof en === "string" && en.trim() !== "") texts.push({ pointer, en });
  };
  add("/info/title", spec.info?.title);
  add("/info/summary", spec.info?.summary);
  add("/info/description", spec.info?.description);
  (spec.servers ?? []).forEach((server, i) => {
    add(`/servers/${i}/description`, server.description);
  });
  (spec.tags ?? []).forEach((tag, i) => {
    add(`/tags/${i}/name`, tag.name);
    add(`/tags/${i}/description`, tag.description);
  });
  const walk = (node, pointer, isNameMap) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        walk(item, `${pointer}/${i}`, false);
      });
      return;
    }
    if (!node || typeof node !== "object") return;
    for (const [key, value] of Object.entries(node)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (isNameMap) {
        walk(value, at, false);
        continue;
      }
      if (DATA_KEYS.has(key)) continue;
      // A schema's `examples` is an array of values (data); a media type's is a map of Example Objects.
      if (key === "examples" && Array.isArray(value)) continue;
      if (typeof value === "string") {
        if (key === "summary" || key === "description") add(at, value);
        continue;
      }
      walk(value, at, NAME_MAPS.has(key));
    }
  };
  walk(spec.paths, "/paths", true);
  walk(spec.webhooks, "/webhooks", true);
  walk(spec.components, "/components", false);
  return texts;
}

/** Reads the value at a JSON Pointer (undefined when absent). */
export function getAt(spec, pointer) {
  return pointer
    .split("/")
    .slice(1)
    .map(unescapePointer)
    .reduce((node, key) => (node == null ? undefined : node[key]), spec);
}

function setAt(spec, pointer, value) {
  const parts = pointer.split("/").slice(1).map(unescapePointer);
  const last = parts.pop();
  const parent = parts.reduce((node, key) => node[key], spec);
  parent[last] = value;
}

/** The translation file of one language: pointer → { en, text }. A missing file is an empty table. */
export function readTranslations(lang, dir = translationsDir) {
  const file = join(dir, `${lang}.yaml`);
  if (!existsSync(file)) return { file, entries: {} };
  const data = parse(readFileSync(file, "utf8")) ?? {};
  for (const [pointer, entry] of Object.entries(data)) {
    const ok =
      pointer.startsWith("/") &&
      entry &&
      typeof entry === "object" &&
      typeof entry.en === "string" &&
      (entry.text === undefined || entry.text === null || typeof entry.text === "string");
    if (!ok) {
      throw new Error(
        `${file}: entry "${pointer}" must be a JSON Pointer key with { en: <English source>, text: <translation> }`,
      );
    }
  }
  return { file, entries: data };
}

/**
 * Whether an English text is prose that a translation must change: two words of three letters or more,
 * one of them lowercase, outside code spans, links and tokens such as `application/json` or
 * `claude-sonnet-4-5` ("Create a deployment", "The agent."). A name ("Qoder Cloud Agents API"), an
 * enum value (`running`) or a code-only text may stay as it is.
 */
function isProse(en) {
  const words = en
    .replace(/`[^`]*`/g, " ")
    .replace(/\]\([^)]*\)|https?:\/\/\S+/g, " ")
    .split(/\s+/)
    .filter((word) => /^[A-Za-z][a-z]{2,}[,.;:!?)]*$/.test(word));
  return words.length >= 2 && words.some((word) => /^[a-z]/.test(word));
}

/** The same text but for spaces and line breaks. */
const sameText = (a, b) => {
  const plain = (text) =>
    text
      .replace(/<!--[\s\S]*?(-->|$)/g, "")
      .replace(/\s+/g, " ")
      .trim();
  return plain(a) === plain(b);
};

/**
 * The English a translation was made from, unchanged but for spaces ending a line and line breaks ending
 * the text (a YAML block scalar's chomping). Any other change, leading spaces (an indented code block),
 * spacing inside a line or a line break inside the text included, makes the translation stale. (Two spaces
 * ending a line are a Markdown hard break; the contract's texts use none.)
 */
const sameSource = (was, now) => {
  const plain = (text) =>
    String(text)
      .replace(/[ \t]+$/gm, "")
      .replace(/^\n+|\n+$/g, "");
  return plain(was) === plain(now);
};

/**
 * Compares a language's translations with the contract.
 * @returns {{ missing: Array<{pointer, en}>, stale: Array<{pointer, en, was}>, orphaned: string[], texts: Map<string,string> }}
 *   texts: pointer → translation, for every entry that is present and current.
 */
export function checkTranslations(spec, entries) {
  const missing = [];
  const stale = [];
  const texts = new Map();
  const wanted = extractTexts(spec);
  const known = new Set(wanted.map(({ pointer }) => pointer));
  for (const { pointer, en } of wanted) {
    const entry = entries[pointer];
    if (!entry || typeof entry.text !== "string" || entry.text.trim() === "") missing.push({ pointer, en });
    else if (sameText(entry.text, en) && isProse(en)) missing.push({ pointer, en, untranslated: true });
    else if (!sameSource(entry.en, en)) stale.push({ pointer, en, was: entry.en });
    else texts.set(pointer, entry.text);
  }
  const orphaned = Object.keys(entries).filter((pointer) => !known.has(pointer));
  return { missing, stale, orphaned, texts };
}

/**
 * The contract in one language: every current translation applied; tag names are kept (they make the
 * section ids, so a link keeps its section across languages) and shown translated via `x-displayName`.
 * Stale or missing texts stay English: a translation of an older text is never shown as current.
 */
export function applyTranslations(spec, texts) {
  const translated = structuredClone(spec);
  for (const [pointer, text] of texts) {
    const tagName = /^\/tags\/(\d+)\/name$/.exec(pointer);
    if (tagName) translated.tags[Number(tagName[1])]["x-displayName"] = text;
    else setAt(translated, pointer, text);
  }
  return translated;
}

// --- guides -------------------------------------------------------------------------------------

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;

/** English guide file names, in navigation order. */
export function guideFiles(dir = guidesDir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".md"))
    .sort();
}

/**
 * A translated guide: docs/guides/<lang>/<file>, with front matter `source-sha256:` (of the English file
 * it was translated from). Returns the body without front matter when current, else a missing/stale
 * finding without one.
 */
export function readTranslatedGuide(lang, fileName, dir = guidesDir) {
  const english = readFileSync(join(dir, fileName), "utf8");
  const location = `docs/guides/${lang}/${fileName}`;
  const file = join(dir, lang, fileName);
  if (!existsSync(file)) return { location, status: "missing" };
  const raw = readFileSync(file, "utf8");
  const front = FRONT_MATTER.exec(raw);
  const meta = front ? (parse(front[1]) ?? {}) : {};
  const body = front ? raw.slice(front[0].length) : raw;
  if (body.trim() === "") return { location, status: "missing" };
  // The English copied in: not a translation, whatever its front matter says.
  if (sameText(body, english)) return { location, status: "missing" };
  // A stale translation is not shown: the site shows the English until it is updated.
  if (meta["source-sha256"] !== sha256(english)) return { location, status: "stale" };
  // Comments of the code samples are read as prose too: one copied from the English was left behind.
  const englishComments = new Set(codeComments(english));
  const untranslatedComments = codeComments(body).filter(
    (comment) => englishComments.has(comment) && isProse(comment),
  );
  return { location, status: "current", markdown: body, untranslatedComments };
}

/** Comment styles by a fence's language; a fence without one may hold either. JSON, Markdown, text: none. */
const SLASH = new Set(["ts", "tsx", "typescript", "js", "jsx", "javascript", "mjs", "cjs", "jsonc", "go"]);
const HASH = new Set(["sh", "bash", "shell", "console", "zsh", "yaml", "yml", "python", "py", "toml"]);

/**
 * The comments on the lines of a Markdown text's fenced code blocks, in order: `// …`, `/* … *\/` (a line
 * of a block comment too) in JavaScript-like fences, `# …` in shell-like ones. A marker inside a string
 * is not one, and an output comment (`// => …`, `// → …`) shows values, not prose.
 */
export function codeComments(markdown) {
  const comments = [];
  let fence;
  let styles;
  let inBlock = false;
  for (const line of markdown.split("\n")) {
    const opening = /^\s*(`{3,}|~{3,})\s*([\w-]*)/.exec(line);
    // A fence closes on a run of its own marker, at least as long, with nothing after it (as Markdown has it).
    const closes = (marker) =>
      marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker;
    if (opening && (!fence || closes(opening[1]))) {
      fence = fence ? undefined : opening[1];
      const lang = opening[2].toLowerCase();
      styles = { slash: lang === "" || SLASH.has(lang), hash: lang === "" || HASH.has(lang) };
      inBlock = false;
      continue;
    }
    if (!fence) continue;
    let text;
    if (inBlock) {
      const end = line.indexOf("*/");
      inBlock = end < 0;
      text = (inBlock ? line : line.slice(0, end)).replace(/^\s*\*?/, "");
    } else {
      const at = commentStart(line, styles);
      if (at < 0) continue;
      const rest = line.slice(at);
      if (rest.startsWith("/*")) {
        const end = rest.indexOf("*/", 2);
        inBlock = end < 0;
        text = rest.slice(2, inBlock ? undefined : end).replace(/^\*+/, "");
      } else text = rest.replace(/^(\/\/|#)/, "");
    }
    const comment = text.trim();
    if (comment && !/^(=>|→)/.test(comment)) comments.push(comment);
  }
  return comments;
}

/** Where a line's comment starts (-1 if none): a marker outside quotes, at the start or after a space. */
function commentStart(line, { slash, hash }) {
  let quote;
  for (let at = 0; at < line.length; at++) {
    const char = line[at];
    if (quote) {
      if (char === "\\") at++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === "`") quote = char;
    else if (at === 0 || /\s/.test(line[at - 1])) {
      if (slash && (line.startsWith("//", at) || line.startsWith("/*", at))) return at;
      if (hash && char === "#" && line[at + 1] !== "!") return at;
    }
  }
  return -1;
}

/** Front matter for a guide translated from `english` (the text of the English file). */
export function guideFrontMatter(fileName, english) {
  return `---\nsource: ../${fileName}\nsource-sha256: ${sha256(english)}\n---\n`;
}

/** Everything missing or stale in one language (contract and guides), for the gate and the build. */
export function languageReport(spec, lang, { dir = translationsDir, guides = guidesDir } = {}) {
  const { file, entries } = readTranslations(lang, dir);
  const result = checkTranslations(spec, entries);
  const english = guideFiles(guides);
  const guideFindings = english.map((name) => readTranslatedGuide(lang, name, guides));
  const translatedDir = join(guides, lang);
  return {
    lang,
    file,
    ...result,
    missingGuides: guideFindings.filter((g) => g.status === "missing").map((g) => g.location),
    staleGuides: guideFindings.filter((g) => g.status === "stale").map((g) => g.location),
    untranslatedGuideComments: guideFindings.flatMap(({ location, untranslatedComments = [] }) =>
      untranslatedComments.map((comment) => ({ location, comment })),
    ),
    // A translation left behind when its English guide was renamed or deleted: never shown, never updated.
    orphanedGuides: existsSync(translatedDir)
      ? guideFiles(translatedDir)
          .filter((name) => !english.includes(name))
          .map((name) => `docs/guides/${lang}/${name}`)
      : [],
  };
}

/** Whether a report has something missing, which fails the docs build (stale texts are shown in English). */
export const missesTranslations = (report) =>
  report.missing.length + report.missingGuides.length + report.untranslatedGuideComments.length > 0;

const clip = (text) => (text.length > 90 ? `${text.slice(0, 87)}…` : text).replaceAll("\n", " ");

/** A human list of what is missing or stale, naming each location and its English. */
export function formatReport(report) {
  const lines = [];
  const at = report.file.indexOf("openapi/translations");
  const rel = at >= 0 ? report.file.slice(at) : report.file;
  for (const { pointer, en, untranslated } of report.missing)
    lines.push(
      `  missing ${rel} ${pointer}: "${clip(en)}"${untranslated ? " (the text is still the English)" : ""}`,
    );
  for (const { pointer, en, was } of report.stale) {
    lines.push(`  stale   ${rel} ${pointer}: now "${clip(en)}" (translated from "${clip(was)}")`);
  }
  for (const location of report.missingGuides) lines.push(`  missing ${location}`);
  for (const { location, comment } of report.untranslatedGuideComments ?? [])
    lines.push(`  missing ${location}: a code comment is still the English: "${clip(comment)}"`);
  for (const location of report.staleGuides) {
    lines.push(`  stale   ${location}: the English guide changed since (source-sha256)`);
  }
  for (const pointer of report.orphaned) lines.push(`  orphan  ${rel} ${pointer}: no such text any more`);
  for (const location of report.orphanedGuides ?? [])
    lines.push(`  orphan  ${location}: no English guide of that name`);
  return lines.join("\n");
}

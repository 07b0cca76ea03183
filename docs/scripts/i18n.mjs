#!/usr/bin/env node
// Translation tooling for the docs site (the data lives in openapi/translations/ and docs/guides/<lang>/).
//   node scripts/i18n.mjs check [--lang ja]        lists missing and stale translations; exit 1 if any
//   node scripts/i18n.mjs extract                  every translatable location with its English (JSON)
//   node scripts/i18n.mjs write-missing [--lang ja] adds empty stubs (they still count as missing)
//   node scripts/i18n.mjs apply --lang ja [--out f] the bundled contract with the translations applied
// --spec path/to/openapi.json picks another bundle (default: the built @qoder-cloud/openapi);
// --dir and --guides other translation and guide folders (default: openapi/translations, docs/guides).
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { parseArgs } from "node:util";
import { parse, stringify } from "yaml";
import {
  applyTranslations,
  checkTranslations,
  extractTexts,
  formatReport,
  guidesDir,
  languageReport,
  readTranslations,
  TRANSLATED,
  translationsDir,
} from "./lib/i18n.mjs";

const USAGE =
  "usage: node scripts/i18n.mjs check|extract|write-missing|apply [--lang ja|zh] [--spec f] [--out f]";

async function loadSpec(path) {
  const file = path ? resolve(path) : (await import("@qoder-cloud/openapi")).openapiJsonPath;
  try {
    return parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(
      `cannot read the bundled contract ${file} (${error.code ?? error.message}); build it first: pnpm --filter @qoder-cloud/openapi build`,
    );
  }
}

function languages(lang) {
  if (lang === undefined) return TRANSLATED;
  if (!TRANSLATED.includes(lang))
    throw new Error(`--lang must be one of ${TRANSLATED.join(", ")}, got "${lang}"`);
  return [lang];
}

/**
 * Adds a stub for every text the file misses, rewriting it in the contract's order (entries for texts that
 * no longer exist stay last); leaves a file that misses nothing as it is.
 */
function writeMissing(spec, lang, dir) {
  const { file, entries } = readTranslations(lang, dir);
  const out = {};
  let added = 0;
  for (const { pointer, en } of extractTexts(spec)) {
    if (entries[pointer]) out[pointer] = entries[pointer];
    else {
      out[pointer] = { en, text: "" };
      added++;
    }
  }
  if (added === 0) return { file, added };
  for (const [pointer, entry] of Object.entries(entries)) if (!(pointer in out)) out[pointer] = entry;
  const header =
    `# ${lang} texts of the contract, keyed by JSON Pointer into the bundled contract (openapi/dist/openapi.json).\n` +
    "# en: the English the text was translated from (a changed English makes the entry stale); text: the translation.\n" +
    "# An empty text is a stub and counts as missing. Check with: pnpm docs:i18n check (it builds the contract first)\n";
  writeFileSync(file, header + stringify(out, { lineWidth: 0 }));
  return { file, added };
}

async function main() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      lang: { type: "string" },
      spec: { type: "string" },
      out: { type: "string" },
      dir: { type: "string" },
      guides: { type: "string" },
    },
  });
  const [command] = positionals;
  const spec = await loadSpec(values.spec);
  const dir = values.dir ? resolve(values.dir) : translationsDir;
  const guides = values.guides ? resolve(values.guides) : guidesDir;
  switch (command) {
    case "extract":
      console.log(JSON.stringify(extractTexts(spec), null, 2));
      return 0;
    case "check": {
      let failed = false;
      for (const lang of languages(values.lang)) {
        const report = languageReport(spec, lang, { dir, guides });
        console.log(
          `${lang}: ${report.texts.size} current, ${report.missing.length} missing, ${report.stale.length} stale, ${report.orphaned.length} orphaned contract texts; ` +
            `${report.missingGuides.length} missing, ${report.staleGuides.length} stale, ${report.orphanedGuides.length} orphaned guides, ` +
            `${report.untranslatedGuideComments.length} code comments of guides still in English`,
        );
        // Every line of the report is a problem (the test gate expects it empty too).
        const details = formatReport(report);
        if (details) {
          console.log(details);
          failed = true;
        }
      }
      return failed ? 1 : 0;
    }
    case "write-missing":
      for (const lang of languages(values.lang)) {
        const { file, added } = writeMissing(spec, lang, dir);
        console.log(
          added
            ? `${lang}: ${added} stub(s) added to ${file} (fill in their text)`
            : `${lang}: nothing missing; ${file} left as it is`,
        );
      }
      return 0;
    case "apply": {
      if (!values.lang) throw new Error("apply needs --lang");
      const [lang] = languages(values.lang);
      const { texts } = checkTranslations(spec, readTranslations(lang, dir).entries);
      const json = `${JSON.stringify(applyTranslations(spec, texts), null, 2)}\n`;
      if (values.out) writeFileSync(values.out, json);
      else process.stdout.write(json);
      return 0;
    }
    default:
      throw new Error(USAGE);
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`i18n: ${error.message}`);
    process.exit(2);
  },
);

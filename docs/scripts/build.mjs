#!/usr/bin/env node
// Builds the offline docs site into docs/dist/, in English (dist/) and in every translated language
// (dist/ja/, dist/zh/), from the one bundled contract and the translations in openapi/translations/:
//   [<lang>/]openapi.decorated.yaml  the contract in that language + generated code samples, mock server, guides
//   [<lang>/]index.html              Redoc, rendered with everything inlined (no CDN, no web font, no remote image)
//   samples/*.ts                     the generated TypeScript samples (type-checked against the client by a test)
// A missing translation fails the build, naming where; a stale one (its English changed since) is
// reported, and the English is shown in its place until it is updated.
// Usage: node scripts/build.mjs [--spec path/to/bundled-openapi.json|yaml]
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse, stringify } from "yaml";
import { GENERATED_HEADER, sampleLanguages } from "./lib/code-samples.mjs";
import { anchorHeadings, decorateSpec, guideSlug, parseGuide, rewriteGuideLinks } from "./lib/decorate.mjs";
import { typescriptBlocks } from "./lib/fences.mjs";
import {
  applyTranslations,
  formatReport,
  LANGUAGES,
  languageReport,
  missesTranslations,
  readTranslatedGuide,
} from "./lib/i18n.mjs";
import { findExternalLoads, inlineRemoteBadges } from "./lib/offline.mjs";
import { languageSwitcher, pageLanguage, sectionLinks } from "./lib/page.mjs";
import { UI } from "./lib/ui-strings.mjs";

const docsDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const repoRoot = resolve(docsDir, "..");
const distDir = join(docsDir, "dist");
const guidesDir = join(docsDir, "guides");

async function bundledSpecPath(cliSpec) {
  if (cliSpec) return resolve(cliSpec);
  const { openapiJsonPath } = await import("@qoder-cloud/openapi");
  return openapiJsonPath;
}

function readSpec(path) {
  let text;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new Error(`No bundled spec at ${path}. Build it first: pnpm --filter @qoder-cloud/openapi build`);
  }
  return parse(text); // YAML is a superset of JSON: one parser for both bundle formats
}

/** The English guides, in navigation order, with their links between guides turned into sections. */
function readGuides() {
  const guides = readdirSync(guidesDir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => parseGuide(name, readFileSync(join(guidesDir, name), "utf8")));
  const slugs = new Map(guides.map((guide) => [guide.fileName, guideSlug(guide.title)]));
  for (const guide of guides) {
    guide.source = guide.body; // what the translations follow, heading for heading
    const location = `docs/guides/${guide.fileName}`;
    guide.body = anchorHeadings(rewriteGuideLinks(guide.body, slugs, location), guide.source, location);
  }
  return { guides, slugs };
}

/**
 * The guides in a translated language: the translated text, under the English title's section id
 * (so the language switcher keeps the section), shown with the translated title.
 */
function translatedGuides(lang, english, slugs) {
  return english.map(({ fileName, title: name, body: englishBody, source }) => {
    const found = readTranslatedGuide(lang, fileName, guidesDir);
    // Stale: the English is shown until the translation is updated; missing: the build stops before use.
    if (!found.markdown) return { fileName, name, title: name, body: englishBody };
    const guide = parseGuide(fileName, found.markdown, found.location);
    const body = rewriteGuideLinks(guide.body, slugs, found.location);
    return { fileName, name, title: guide.title, body: anchorHeadings(body, source, found.location) };
  });
}

function runRedoc(specFile, htmlFile, title, ui) {
  return new Promise((resolveRun, rejectRun) => {
    const redocly = join(docsDir, "node_modules", ".bin", "redocly");
    const redocOptions = {
      jsonSamplesExpandLevel: "all", // every example whole: the seed's deployment nests 5 levels deep
      hideLoading: true,
      // Redoc 3 shows only the x-codeSamples whose label is listed here (its default list lacks TypeScript).
      codeSamples: { languages: [...sampleLanguages(ui), { label: "Payload", lang: "payload" }] },
    };
    const child = spawn(
      redocly,
      [
        "build-docs",
        specFile,
        "--inlineBundle", // the default loads Redoc from a CDN and renders nothing offline
        "--config",
        join(repoRoot, "redocly.yaml"), // telemetry: off
        "--template",
        join(docsDir, "redoc-template.hbs"), // Redoc's default page + CSS that widens the guides
        "--title",
        title,
        "--openapi",
        JSON.stringify(redocOptions),
        "--output",
        htmlFile,
      ],
      // No telemetry and no version check: the build must work with no network at all.
      {
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    let output = "";
    child.stdout.on("data", (chunk) => {
      output += chunk;
    });
    child.stderr.on("data", (chunk) => {
      output += chunk;
    });
    child.once("error", rejectRun);
    child.once("close", (code) => {
      if (code === 0) resolveRun();
      else rejectRun(new Error(`redocly build-docs failed for ${specFile} (exit ${code}):\n${output}`));
    });
  });
}

/** Checks every translated language first: a missing text anywhere stops the build, listing all. */
function translationsOrFail(spec) {
  const texts = new Map();
  const missing = [];
  for (const { code } of LANGUAGES.filter(({ code }) => code !== "en")) {
    const report = languageReport(spec, code);
    texts.set(code, report.texts);
    const details = formatReport(report);
    if (missesTranslations(report)) missing.push(details);
    else if (details) {
      console.warn(
        `docs: ${code} has stale translations (shown in English until updated; \`pnpm docs:i18n check\`):\n${details}`,
      );
    }
  }
  if (missing.length > 0) {
    throw new Error(
      `translations are missing (add them to openapi/translations/<lang>.yaml and docs/guides/<lang>/; ` +
        `\`node docs/scripts/i18n.mjs write-missing\` adds stubs to fill in):\n${missing.join("\n")}`,
    );
  }
  return texts;
}

/** Builds one language's site into `outDir`. */
async function buildSite({ lang, spec, guides, outDir }) {
  const ui = UI[lang];
  const { decorated, tsSamples } = decorateSpec(spec, guides, ui);
  mkdirSync(outDir, { recursive: true });
  const decoratedFile = join(outDir, "openapi.decorated.yaml");
  writeFileSync(
    decoratedFile,
    `# ${GENERATED_HEADER} (docs/scripts/build.mjs decorates the bundle)\n${stringify(decorated, { lineWidth: 0 })}`,
  );
  const htmlFile = join(outDir, "index.html");
  await runRedoc(decoratedFile, htmlFile, `${decorated.info.title} — ${ui.titleSuffix}`, ui);
  let html = inlineRemoteBadges(readFileSync(htmlFile, "utf8"));
  html = sectionLinks(languageSwitcher(pageLanguage(html, lang), lang), lang);
  if (!html.includes('"disableTelemetry":true')) {
    throw new Error(
      "Redoc telemetry is not disabled in the built page; check `telemetry: off` in redocly.yaml",
    );
  }
  const external = findExternalLoads(html);
  if (external.length > 0) {
    const list = external.map(({ kind, excerpt }) => `  - ${kind}: ${excerpt}`).join("\n");
    throw new Error(`The built page ${htmlFile} would load from outside the site:\n${list}`);
  }
  writeFileSync(htmlFile, html);
  return { decorated, tsSamples, guides, kib: Math.round(Buffer.byteLength(html) / 1024) };
}

async function main() {
  const { values } = parseArgs({ options: { spec: { type: "string" } } });
  const specPath = await bundledSpecPath(values.spec);
  const spec = readSpec(specPath);
  const { guides, slugs } = readGuides();
  const texts = translationsOrFail(spec);

  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(join(distDir, "samples"), { recursive: true });

  const sites = await Promise.all(
    LANGUAGES.map(({ code }) =>
      code === "en"
        ? buildSite({ lang: code, spec, guides, outDir: distDir })
        : buildSite({
            lang: code,
            spec: applyTranslations(spec, texts.get(code)),
            guides: translatedGuides(code, guides, slugs),
            outDir: join(distDir, code),
          }),
    ),
  );
  // The code is the same in every language: the English samples are the ones type-checked.
  const { tsSamples } = sites[0];
  for (const [operationId, source] of tsSamples) {
    writeFileSync(
      join(distDir, "samples", `${operationId}.ts`),
      `// ${GENERATED_HEADER} (${operationId})\n${source}`,
    );
  }
  // The guides' TypeScript blocks are type-checked (test/samples.test.ts) and run (test/run-samples.test.ts)
  // too, so they cannot drift either.
  mkdirSync(join(distDir, "samples", "guides"), { recursive: true });
  for (const guide of guides) {
    typescriptBlocks(guide.body).forEach((code, i) => {
      const name = `${guide.fileName.replace(/\.md$/, "")}-${i + 1}.ts`;
      writeFileSync(
        join(distDir, "samples", "guides", name),
        `// extracted from docs/guides/${guide.fileName}\n${code}`,
      );
    });
  }
  // The translated guides' code is type-checked as well: translating a comment must not break the code.
  LANGUAGES.forEach(({ code: lang }, i) => {
    if (lang === "en") return;
    mkdirSync(join(distDir, "samples", "guides", lang), { recursive: true });
    for (const guide of sites[i].guides) {
      typescriptBlocks(guide.body).forEach((code, n) => {
        const name = `${guide.fileName.replace(/\.md$/, "")}-${n + 1}.ts`;
        writeFileSync(
          join(distDir, "samples", "guides", lang, name),
          `// extracted from docs/guides/${lang}/${guide.fileName}\n${code}`,
        );
      });
    }
  });
  const pages = LANGUAGES.map(
    ({ code }, i) => `${code === "en" ? "" : `${code}/`}index.html (${sites[i].kib} KiB)`,
  );
  console.log(
    `docs: ${tsSamples.size} operations with generated samples, ${guides.length} guides → dist/${pages.join(", dist/")}, offline`,
  );
}

main().catch((error) => {
  console.error(`docs build failed: ${error.message}`);
  process.exit(1);
});

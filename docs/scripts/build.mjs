#!/usr/bin/env node
// Builds the offline docs site into docs/dist/:
//   openapi.decorated.yaml  the bundled contract + generated code samples, mock server, guides
//   samples/*.ts            the generated TypeScript samples (type-checked against the client by a test)
//   index.html              Redoc, rendered with everything inlined (no CDN, no web font, no remote image)
// Usage: node scripts/build.mjs [--spec path/to/bundled-openapi.json|yaml]
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { parse, stringify } from "yaml";
import { GENERATED_HEADER, SAMPLE_LANGUAGES } from "./lib/code-samples.mjs";
import { decorateSpec, parseGuide } from "./lib/decorate.mjs";
import { findExternalLoads, inlineRemoteBadges } from "./lib/offline.mjs";

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

function readGuides() {
  return readdirSync(guidesDir)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => parseGuide(name, readFileSync(join(guidesDir, name), "utf8")));
}

/** The fenced ```ts code blocks of a markdown text. */
function tsBlocks(markdown) {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map(([, code]) => code);
}

function runRedoc(specFile, htmlFile, title) {
  const redocly = join(docsDir, "node_modules", ".bin", "redocly");
  const redocOptions = {
    jsonSamplesExpandLevel: 4, // show the seed's deployment in the list example without clicking
    hideLoading: true,
    // Redoc 3 shows only the x-codeSamples whose label is listed here (its default list lacks TypeScript).
    codeSamples: { languages: [...SAMPLE_LANGUAGES, { label: "Payload", lang: "payload" }] },
  };
  const result = spawnSync(
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
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true" },
    },
  );
  if (result.status !== 0) {
    throw new Error(`redocly build-docs failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  }
}

async function main() {
  const { values } = parseArgs({ options: { spec: { type: "string" } } });
  const specPath = await bundledSpecPath(values.spec);
  const spec = readSpec(specPath);
  const guides = readGuides();
  const { decorated, tsSamples } = decorateSpec(spec, guides);

  rmSync(distDir, { recursive: true, force: true });
  mkdirSync(join(distDir, "samples"), { recursive: true });

  const decoratedFile = join(distDir, "openapi.decorated.yaml");
  writeFileSync(
    decoratedFile,
    `# ${GENERATED_HEADER} (docs/scripts/build.mjs decorates the bundle)\n${stringify(decorated, { lineWidth: 0 })}`,
  );
  for (const [operationId, source] of tsSamples) {
    writeFileSync(
      join(distDir, "samples", `${operationId}.ts`),
      `// ${GENERATED_HEADER} (${operationId})\n${source}`,
    );
  }
  // The guides' ```ts blocks are type-checked too (test/samples.test.ts), so they cannot drift either.
  mkdirSync(join(distDir, "samples", "guides"), { recursive: true });
  for (const guide of guides) {
    tsBlocks(guide.body).forEach((code, i) => {
      const name = `${guide.fileName.replace(/\.md$/, "")}-${i + 1}.ts`;
      writeFileSync(
        join(distDir, "samples", "guides", name),
        `// extracted from docs/guides/${guide.fileName}\n${code}`,
      );
    });
  }

  const htmlFile = join(distDir, "index.html");
  runRedoc(decoratedFile, htmlFile, `${decorated.info.title} — docs`);
  const html = inlineRemoteBadges(readFileSync(htmlFile, "utf8"));
  if (!html.includes('"disableTelemetry":true')) {
    throw new Error(
      "Redoc telemetry is not disabled in the built page; check `telemetry: off` in redocly.yaml",
    );
  }
  const external = findExternalLoads(html);
  if (external.length > 0) {
    const list = external.map(({ kind, excerpt }) => `  - ${kind}: ${excerpt}`).join("\n");
    throw new Error(`The built page would load from outside the site:\n${list}`);
  }
  writeFileSync(htmlFile, html);

  const kib = Math.round(Buffer.byteLength(html) / 1024);
  console.log(
    `docs: ${tsSamples.size} operations with generated samples, ${guides.length} guides → dist/index.html (${kib} KiB, offline)`,
  );
}

main().catch((error) => {
  console.error(`docs build failed: ${error.message}`);
  process.exit(1);
});

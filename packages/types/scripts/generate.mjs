#!/usr/bin/env node
// Writes src/schema.d.ts from the bundled contract with openapi-typescript's Node API (same engine as its
// CLI; the API lets us prepend our own "generated" header). `--check` exits 1 instead of writing when the
// committed file is stale, so CI catches a spec change that was not regenerated.
import { readFileSync, writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { openapiJsonPath } from "@qoder-cloud/openapi";
import openapiTS, { astToString } from "openapi-typescript";

const { values } = parseArgs({ options: { check: { type: "boolean" }, spec: { type: "string" } } });
const specPath = values.spec ?? openapiJsonPath;
const outFile = new URL("../src/schema.d.ts", import.meta.url);

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

const output = HEADER + astToString(await openapiTS(spec, { silent: true }));

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

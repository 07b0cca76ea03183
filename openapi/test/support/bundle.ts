// The bundled contract (openapi/dist/openapi.json), as built by this package's `build` script.
import { existsSync, readFileSync } from "node:fs";
import { openapiJsonPath } from "../../index.js";
import type { Json, JsonObject } from "./json-pointer.js";

export function loadBundle(): JsonObject {
  if (!existsSync(openapiJsonPath)) {
    throw new Error(
      `${openapiJsonPath} is missing: run \`pnpm build\` (or \`pnpm --filter @qoder-cloud/openapi build\`) first.`,
    );
  }
  return JSON.parse(readFileSync(openapiJsonPath, "utf8")) as JsonObject;
}

export type { Json, JsonObject };

// The mock's walker of the bundled contract (operations, examples, an Ajv validator, matching a request
// to its operation), plus what only the contract tests need: checking inline schemas.
import type { ValidateFunction } from "ajv/dist/2020.js";
import { ajv } from "../../../mock/test/support/spec.js";

export * from "../../../mock/test/support/spec.js";

/** Validates a value against an inline schema of the spec (e.g. a parameter's `schema`). */
const compiled = new Map<string, ValidateFunction>();
export function validateSchema(schema: unknown, value: unknown): string[] {
  // Internal refs of an inline schema point into the spec document registered as "openapi.json".
  const source = JSON.stringify(schema).replaceAll('"$ref":"#/', '"$ref":"openapi.json#/');
  let check = compiled.get(source);
  if (!check) {
    check = ajv.compile(JSON.parse(source) as object);
    compiled.set(source, check);
  }
  return check(value) ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

// Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1) set up to validate examples against schemas
// that live inside the bundled spec. The whole spec is registered as one schema document, so `$ref`s
// like "#/components/schemas/Deployment" resolve exactly as they do for OpenAPI tools.

import { isUri } from "@hyperjump/uri";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { forDirection } from "../../index.js";
import { isObject, type Json } from "./json-pointer.js";

/**
 * Which side of the wire an example is on. OpenAPI's readOnly properties may only appear in responses
 * and writeOnly ones only in requests; `schema` examples (inside a schema) are checked without that rule.
 */
export type ExampleDirection = "request" | "response" | "schema";

export interface ValidationResult {
  valid: boolean;
  errors: ErrorObject[];
}

const SPEC_ID = "https://qoder.invalid/openapi.json";

// OpenAPI annotations that are not JSON Schema keywords; Ajv's strict mode would reject them.
const OPENAPI_ANNOTATIONS = ["example", "xml", "externalDocs"];

/** Every "x-…" key anywhere in the document, so strict mode accepts specification extensions in schemas. */
function extensionKeys(node: Json, found = new Set<string>()): Set<string> {
  if (Array.isArray(node)) for (const item of node) extensionKeys(item, found);
  else if (isObject(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith("x-")) found.add(key);
      extensionKeys(value, found);
    }
  }
  return found;
}

function createAjv(spec: Json, direction: ExampleDirection): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    // Unknown keywords, unknown formats, `required` naming undeclared properties are all errors …
    strict: true,
    strictRequired: true,
    // … but a schema may omit `type: object` next to `discriminator`/`properties`, as OpenAPI allows.
    strictTypes: false,
  });
  // ajv-formats is CommonJS: under NodeNext its default import is `module.exports`, whose `.default` is the plugin.
  ajvFormats.default(ajv);
  // RFC 3986's URI: ajv-formats' `uri` takes `https://host:abc/x` and `https://a@b@host/x`. What the parser
  // throws on (an IPvFuture host) is no URI here, as in the simulator: the example fails, naming its field.
  ajv.addFormat("uri", {
    type: "string",
    validate: (text: string) => {
      try {
        return isUri(text);
      } catch {
        return false;
      }
    },
  });
  // Ajv honours OpenAPI 3.0's `nullable` by default; in 3.1 it means nothing, so make it an unknown keyword.
  ajv.removeKeyword("nullable");
  // Root-level OpenAPI fields are not schema keywords: declare them so the spec can be a schema document.
  const rootKeys = isObject(spec) ? Object.keys(spec) : [];
  ajv.addVocabulary(
    [...new Set([...OPENAPI_ANNOTATIONS, ...rootKeys, ...extensionKeys(spec)])].filter(
      (k) => !ajv.getKeyword(k),
    ),
  );

  // readOnly / writeOnly become assertions for the side of the wire being checked.
  const forbidden = direction === "request" ? "readOnly" : direction === "response" ? "writeOnly" : undefined;
  if (forbidden) {
    ajv.removeKeyword(forbidden);
    ajv.addKeyword({
      keyword: forbidden,
      schemaType: "boolean",
      error: { message: `must not appear in a ${direction} (${forbidden} property)` },
      // The keyword only runs when the property is present, so "present and flagged" is the violation.
      validate: (flagged: boolean) => !flagged,
    });
  }
  // …and a property of the other side is not required on this one (a repository's token is sent, never
  // returned).
  ajv.addSchema(direction === "schema" ? (spec as object) : forDirection(spec as object, direction), SPEC_ID);
  return ajv;
}

/** Validates values against schemas addressed by JSON pointer into the spec; compiled schemas are cached. */
export class SpecValidator {
  private readonly ajvs = new Map<ExampleDirection, Ajv2020>();
  private readonly compiled = new Map<string, ValidateFunction>();

  constructor(private readonly spec: Json) {}

  validate(schemaPointer: string, value: unknown, direction: ExampleDirection): ValidationResult {
    const key = `${direction} ${schemaPointer}`;
    let validateFn = this.compiled.get(key);
    if (!validateFn) {
      let ajv = this.ajvs.get(direction);
      if (!ajv) {
        ajv = createAjv(this.spec, direction);
        this.ajvs.set(direction, ajv);
      }
      const ref = `${SPEC_ID}#${schemaPointer
        .split("/")
        .map((t) => encodeURIComponent(t).replaceAll("%7E", "~"))
        .join("/")}`;
      validateFn = ajv.getSchema(ref);
      if (!validateFn) throw new Error(`No schema at ${schemaPointer}`);
      this.compiled.set(key, validateFn);
    }
    const valid = validateFn(value) as boolean;
    return { valid, errors: valid ? [] : [...(validateFn.errors ?? [])] };
  }
}

/** Human-readable Ajv errors: "/data/0/status must be equal to one of the allowed values (allowed: …)". */
export function describeErrors(errors: ErrorObject[]): string {
  return errors
    .map((error) => {
      const at = error.instancePath || "(root)";
      const extra = Object.entries(error.params)
        .map(([name, value]) => `${name}: ${JSON.stringify(value)}`)
        .join(", ");
      return `${at} ${error.message ?? error.keyword}${extra ? ` (${extra})` : ""}`;
    })
    .join("\n");
}

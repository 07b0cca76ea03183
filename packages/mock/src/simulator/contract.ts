// The bundled contract, compiled once: its operations (for routing) and Ajv validators for their
// parameters, request bodies and responses. Nothing here restates a schema; everything is read from
// openapi/dist/openapi.json of @qoder-cloud/openapi, so the simulator follows the contract on rebuild.
import { readFileSync } from "node:fs";
import { isUri } from "@hyperjump/uri";
import { forDirection, openapiJsonPath, resolveRefAt } from "@qoder-cloud/openapi";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { isRfc3339Time } from "./clock.js";

type JsonObject = Record<string, unknown>;

/**
 * RFC 4648's base64: its alphabet, padded with at most two `=` to whole groups of four. (Not one regex of
 * four-character groups: V8 runs out of stack matching one over a body of megabytes.)
 */
const isBase64 = (text: string): boolean => text.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(text);

/**
 * Whether a text is a URI as RFC 3986 writes one: ajv-formats' `uri` takes `https://host:abc/x` and
 * `https://a@b@host/x` (its authority may start after a single slash). A host the parser does not know how
 * to read (an IPvFuture literal, `[v1.x]`), or a text its regex runs out of stack on (megabytes long), is
 * refused rather than guessed at.
 */
export function isRfc3986Uri(text: string): boolean {
  try {
    return isUri(text);
  } catch {
    return false;
  }
}

export interface ParameterSpec {
  name: string;
  /** Where the value is found: the name, lowercased for a header (Node lowercases header names). */
  key: string;
  in: "query" | "path" | "header";
  required: boolean;
  /** Validates the value once converted from text according to its schema's type. */
  validate: ValidateFunction;
  kind: "string" | "integer" | "boolean";
}

export interface OperationSpec {
  operationId: string;
  method: string;
  /** The contract's path template, e.g. `/deployments/{deployment_id}`. */
  path: string;
  /** Matches a request path; groups are the path parameters, in order. */
  pattern: RegExp;
  pathParameterNames: string[];
  parameters: ParameterSpec[];
  /** Names of the query parameters, in the contract's order: any other is refused. */
  queryNames: ReadonlySet<string>;
  /** Undefined when the operation takes no body. */
  body?: { required: boolean; validate: ValidateFunction };
  /** Response validators by status, for the strict mode and the tests. */
  responses: Map<number, { pointer: string; validate: ValidateFunction }>;
}

export interface Contract {
  document: JsonObject;
  operations: OperationSpec[];
  /**
   * A validator for any schema of the bundle, by JSON pointer (`#/components/schemas/Deployment`), for
   * what the API returns (default) or what it is sent.
   */
  validator(pointer: string, direction?: Direction): ValidateFunction;
}

export type Direction = "request" | "response";

let loaded: Contract | undefined;

function compiler(document: JsonObject): (pointer: string) => ValidateFunction {
  // verbose: each error carries its schema and data, so describe() can tell which member of a union the
  // body chose (only failed validations pay for it).
  const ajv = new Ajv2020({ strict: false, allErrors: false, validateFormats: true, verbose: true });
  ajvFormats.default(ajv);
  // RFC 3339's own grammar, as the simulator's clock reads times: ajv-formats takes `2027-01-01 00:00:00Z`.
  ajv.addFormat("date-time", { type: "string", validate: isRfc3339Time });
  ajv.addFormat("uri", { type: "string", validate: isRfc3986Uri });
  // JSON Schema makes contentEncoding an annotation; asserted here as RFC 4648 reads base64 (no character
  // outside the alphabet), so text that is not (often a whole `data:image/png;base64,…` URL) is refused,
  // naming the field, rather than stored as bytes it does not hold.
  ajv.removeKeyword("contentEncoding");
  ajv.addKeyword({
    keyword: "contentEncoding",
    type: "string",
    schemaType: "string",
    validate: (encoding: string, data: string) => encoding !== "base64" || isBase64(data),
  });
  ajv.addSchema(document, "contract");
  const cache = new Map<string, ValidateFunction>();
  return (pointer) => {
    let compiled = cache.get(pointer);
    if (!compiled) {
      compiled = ajv.compile({ $ref: `contract${pointer}` });
      cache.set(pointer, compiled);
    }
    return compiled;
  };
}

/** Loads and compiles the bundled contract (once per process). */
export function loadContract(path: string = openapiJsonPath): Contract {
  if (loaded && path === openapiJsonPath) return loaded;
  const document = JSON.parse(readFileSync(path, "utf8")) as JsonObject;
  // A repository's authorization_token is required when sent, never returned: each side of the wire
  // gets its own copy of the document (see forDirection).
  const compilers = {
    request: compiler(forDirection(document, "request")),
    response: compiler(forDirection(document, "response")),
  };
  const validator = (pointer: string, direction: Direction = "response") => compilers[direction](pointer);
  const operations: OperationSpec[] = [];
  const paths = document.paths as Record<string, JsonObject>;
  for (const [path, item] of Object.entries(paths)) {
    for (const [method, raw] of Object.entries(item)) {
      const operation = raw as JsonObject;
      if (typeof operation.operationId !== "string") continue;
      const pathParameterNames: string[] = [];
      const pattern = new RegExp(
        `^${path.replace(/\{([^}]+)\}/g, (_, name: string) => {
          pathParameterNames.push(name);
          return "([^/]+)";
        })}$`,
      );
      const parameters = [
        ...((item.parameters as unknown[]) ?? []),
        ...((operation.parameters as unknown[]) ?? []),
      ].map((reference) => {
        const { node, at: pointer } = resolveAt(document, reference, "");
        const schemaPointer = `${pointer}/schema`;
        const schema = resolveAt(document, node.schema, schemaPointer).node;
        return {
          name: node.name as string,
          key: node.in === "header" ? (node.name as string).toLowerCase() : (node.name as string),
          in: node.in as ParameterSpec["in"],
          required: node.required === true,
          validate: validator(schemaPointer, "request"),
          kind: (schema.type === "integer" || schema.type === "boolean"
            ? schema.type
            : "string") as ParameterSpec["kind"],
        };
      });
      const operationPointer = `#/paths/${escapePointerToken(path)}/${method}`;
      let body: OperationSpec["body"];
      if (operation.requestBody) {
        const { node, at: pointer } = resolveAt(
          document,
          operation.requestBody,
          `${operationPointer}/requestBody`,
        );
        body = {
          required: node.required === true,
          validate: validator(`${pointer}/content/application~1json/schema`, "request"),
        };
      }
      const responses: OperationSpec["responses"] = new Map();
      for (const [status, reference] of Object.entries(operation.responses as JsonObject)) {
        const { node, at: pointer } = resolveAt(
          document,
          reference,
          `${operationPointer}/responses/${status}`,
        );
        const content = (node.content as JsonObject | undefined)?.["application/json"] as
          | JsonObject
          | undefined;
        if (!content?.schema) continue;
        const schemaPointer = `${pointer}/content/application~1json/schema`;
        const named = (content.schema as JsonObject).$ref;
        responses.set(Number(status), {
          pointer: typeof named === "string" ? named : schemaPointer,
          validate: validator(schemaPointer),
        });
      }
      operations.push({
        operationId: operation.operationId,
        method: method.toUpperCase(),
        path,
        pattern,
        pathParameterNames,
        parameters,
        queryNames: new Set(
          parameters.filter((parameter) => parameter.in === "query").map(({ name }) => name),
        ),
        body,
        responses,
      });
    }
  }
  const contract = { document, operations, validator };
  if (path === openapiJsonPath) loaded = contract;
  return contract;
}

/** resolveRefAt, typed for this file: every node it follows to is an object of the bundle. */
const resolveAt = (document: JsonObject, node: unknown, at: string) =>
  resolveRefAt(document, node, at) as { node: JsonObject; at: string };

function escapePointerToken(token: string): string {
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** Where the first Ajv error points, in the API's `param` notation: `initial_events[0].content`. */
function fieldOf(error: ErrorObject, root = ""): string {
  const parts = error.instancePath
    .split("/")
    .slice(1)
    .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"));
  const params = error.params as {
    missingProperty?: string;
    additionalProperty?: string;
    propertyName?: string;
  };
  const extra = params.missingProperty ?? params.additionalProperty;
  if (extra !== undefined) parts.push(extra);
  const joined = parts
    .map((part, index) => (/^\d+$/.test(part) ? `[${part}]` : index === 0 ? part : `.${part}`))
    .join("");
  return joined === "" ? root : root && !joined.startsWith("[") ? `${root}.${joined}` : joined;
}

/** A message in the API's wording for the most telling of Ajv's errors. */
export function describe(errors: ErrorObject[], root = ""): { message: string; param: string } {
  // Under a oneOf, Ajv reports every branch. The contract's unions are told apart by `type`: the errors
  // of the members the body's own `type` did not choose say nothing about it. Of the rest, the deepest
  // error is the one that says what is wrong.
  const chosen = errors.filter(isOfChosenMember);
  const error = [...(chosen.length > 0 ? chosen : errors)].sort(
    (a, b) => depth(b) - depth(a),
  )[0] as ErrorObject;
  const param = fieldOf(error, root);
  const where = param || "body";
  // A key's own check (propertyNames): the key is what is wrong, not the object.
  if (error.propertyName !== undefined) {
    const chars = Array.from(error.propertyName); // code points: a cut never splits an emoji
    const key = chars.length > 80 ? `${chars.slice(0, 80).join("")}…` : error.propertyName;
    return { message: `${where} key ${JSON.stringify(key)} ${wording(error)}.`, param };
  }
  switch (error.keyword) {
    case "required":
      return { message: `Missing required field: ${param}`, param };
    case "additionalProperties":
      return { message: `Unknown field: ${param}. Check the field name against the API reference.`, param };
    case "minProperties":
      return { message: `${where} must not be empty.`, param };
    case "maxProperties": {
      const { limit } = error.params as { limit: number };
      return {
        message:
          limit === 0
            ? `${where} must be empty (this operation takes no fields).`
            : `${where} may hold at most ${limit} keys.`,
        param,
      };
    }
    case "const": {
      // A union's `type` that no member has: every member's constant is an accepted value.
      const allowed = errors
        .filter((other) => other.keyword === "const" && other.instancePath === error.instancePath)
        .map((other) => (other.params as { allowedValue: unknown }).allowedValue);
      return { message: `${where} ${wording(error, [...new Set(allowed)])}.`, param };
    }
    default:
      return { message: `${where} ${wording(error)}.`, param };
  }
}

const ARTICLES: Record<string, string> = {
  string: "a string",
  integer: "an integer",
  number: "a number",
  boolean: "a boolean",
  object: "an object",
  array: "an array",
  null: "null",
};

/**
 * What an Ajv error asks for, in words that say what is accepted (Ajv's own: "must be equal to one of
 * the allowed values", "must be array,null"). `allowed`: a union's constants, for `const`.
 */
export function wording(error: ErrorObject, allowed?: unknown[]): string {
  const params = error.params as Record<string, unknown>;
  const list = (values: unknown[]) => values.map((value) => JSON.stringify(value)).join(", ");
  switch (error.keyword) {
    case "enum":
      return `must be one of: ${list(params.allowedValues as unknown[])}`;
    case "const": {
      const values = allowed && allowed.length > 0 ? allowed : [params.allowedValue];
      return values.length > 1 ? `must be one of: ${list(values)}` : `must be ${list(values)}`;
    }
    case "type":
      return `must be ${String(params.type)
        .split(",")
        .map((type) => ARTICLES[type] ?? type)
        .join(" or ")}`;
    case "minItems":
    case "maxItems":
    case "minLength":
    case "maxLength":
    case "minProperties":
    case "maxProperties": {
      const limit = params.limit as number;
      const unit = error.keyword.endsWith("Items")
        ? "item"
        : error.keyword.endsWith("Length")
          ? "character"
          : "key";
      return `must have ${error.keyword.startsWith("min") ? "at least" : "at most"} ${limit} ${unit}${limit === 1 ? "" : "s"}`;
    }
    case "pattern": {
      // The contract's ids: `^agent_[0-9a-z]+$` and the like.
      const prefix = /^\^([a-z]+_)\[0-9a-z\]\+\$$/.exec(String(params.pattern))?.[1];
      return prefix
        ? `must be an id starting with "${prefix}" followed by lowercase letters and digits`
        : `must match the pattern ${String(params.pattern)}`;
    }
    case "contentEncoding":
      return "must be base64 (RFC 4648: A-Z, a-z, 0-9, + and /, padded with =), without a data: URL prefix";
    case "format":
      return params.format === "date-time"
        ? "must be an RFC 3339 date-time, e.g. 2026-06-15T01:00:00Z"
        : `must be a valid ${String(params.format)}`;
    default:
      return error.message ?? "is invalid";
  }
}

/** False for an error of a union member whose `type` constant is not the body's `type`. */
function isOfChosenMember(error: ErrorObject): boolean {
  const member = (error.parentSchema as { properties?: { type?: { const?: unknown } } } | undefined)
    ?.properties?.type?.const;
  const data = error.data as { type?: unknown } | null | undefined;
  if (member === undefined || typeof data !== "object" || data === null || data.type === undefined)
    return true;
  return member === data.type;
}

function depth(error: ErrorObject): number {
  const params = error.params as { missingProperty?: string; additionalProperty?: string };
  const extra = (params.missingProperty ?? params.additionalProperty) ? 1 : 0;
  // Prefer concrete errors over the summary oneOf/anyOf ones at the same place.
  // A `type` that is not some member's constant is how a union tells members apart, not what is wrong.
  const summary =
    error.keyword === "oneOf" ||
    error.keyword === "anyOf" ||
    error.keyword === "if" ||
    (error.keyword === "const" && error.instancePath.endsWith("/type"))
      ? -0.5
      : 0;
  // An empty object where one is needed says more than a field some other branch of a oneOf requires.
  const empty = error.keyword === "minProperties" ? 1.5 : 0;
  return error.instancePath.split("/").length + extra + summary + empty;
}

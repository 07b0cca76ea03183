// The bundled contract, walked the way the tests need it: operations, their documented responses and
// named examples, and an Ajv 2020-12 validator for any schema in it.
import { readFileSync } from "node:fs";
import { forDirection, openapiJsonPath } from "@qoder-cloud/openapi";
import { Ajv2020 } from "ajv/dist/2020.js";
import ajvFormats from "ajv-formats";
import { isRfc3986Uri } from "../../src/simulator/contract.js";

type JsonObject = Record<string, unknown>;

export const spec = JSON.parse(readFileSync(openapiJsonPath, "utf8")) as JsonObject;

/** Follows an internal `$ref` (the bundle only has internal ones). */
export function resolve<T = JsonObject>(node: unknown): T {
  let current = node as JsonObject;
  while (typeof current?.$ref === "string") {
    current = (current.$ref as string)
      .slice(2)
      .split("/")
      .map((token) => token.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce<JsonObject>((parent, token) => parent[token] as JsonObject, spec);
  }
  return current as T;
}

export interface DocumentedResponse {
  status: number;
  /** JSON pointer of the response's schema, for `validate`. */
  schemaPointer: string;
  examples: { name: string; value: unknown }[];
}

export interface Operation {
  operationId: string;
  method: string;
  path: string;
  definition: JsonObject;
  /** Path-level and operation-level parameters, resolved. */
  parameters: JsonObject[];
  responses: DocumentedResponse[];
}

const METHODS = ["get", "post", "put", "patch", "delete"];

export const operations: Operation[] = Object.entries(spec.paths as Record<string, JsonObject>).flatMap(
  ([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const definition = item[method] as JsonObject;
      const responses = Object.entries(definition.responses as JsonObject).map(([status, raw]) => {
        const media = (resolve(raw).content as JsonObject | undefined)?.["application/json"] as JsonObject;
        const examples = Object.entries((media?.examples ?? {}) as JsonObject).map(([name, example]) => ({
          name,
          value: resolve<{ value: unknown }>(example).value,
        }));
        const ref = (media?.schema as JsonObject | undefined)?.$ref;
        if (typeof ref !== "string")
          throw new Error(`${definition.operationId} ${status}: schema is not a $ref`);
        return { status: Number(status), schemaPointer: ref, examples };
      });
      const parameters = [
        ...((item.parameters ?? []) as unknown[]),
        ...((definition.parameters ?? []) as unknown[]),
      ].map((parameter) => resolve(parameter));
      return {
        operationId: definition.operationId as string,
        method,
        path,
        definition,
        parameters,
        responses,
      };
    }),
);

/** The operation whose path template matches a concrete path (`/deployments/dep_1/runs`). */
export function matchOperation(method: string, pathname: string): Operation | undefined {
  return operations.find((operation) => {
    if (operation.method !== method.toLowerCase()) return false;
    const pattern = operation.path.replace(/\{[^}]+\}/g, "[^/]+");
    return new RegExp(`^${pattern}$`).test(pathname);
  });
}

/**
 * Ajv with the whole spec registered as "openapi.json", so its internal `$ref`s resolve, as one side of
 * the wire sees it (a writeOnly property such as a repository's token is required only when sent).
 */
function ajvFor(direction: "request" | "response"): Ajv2020 {
  const instance = new Ajv2020({ allErrors: true, strict: false });
  ajvFormats.default(instance);
  // RFC 3986, as the simulator checks what it is sent (ajv-formats' `uri` takes `https://host:abc/x`).
  instance.addFormat("uri", { type: "string", validate: isRfc3986Uri });
  instance.addSchema(forDirection(spec, direction), "openapi.json");
  return instance;
}
const ajvs = { request: ajvFor("request"), response: ajvFor("response") };
/** The response side's Ajv (inline schemas of parameters compile against it). */
export const ajv = ajvs.response;

/** Validates a value against the schema at `pointer` (e.g. "#/components/schemas/Deployment"), as an answer by default. */
export function validate(
  pointer: string,
  value: unknown,
  direction: "request" | "response" = "response",
): string[] {
  const check = ajvs[direction].getSchema(`openapi.json${pointer}`);
  if (!check) throw new Error(`No schema at ${pointer}`);
  return check(value) ? [] : (check.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

/** A concrete URL path for an operation, taking path parameters from their documented examples. */
export function examplePath(operation: Operation): string {
  return operation.path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const parameter = operation.parameters.find((p) => p.name === name && p.in === "path");
    const example = parameter?.example ?? (parameter?.schema as JsonObject | undefined)?.example;
    if (typeof example !== "string") throw new Error(`${operation.operationId}: no example for {${name}}`);
    return example;
  });
}

/** The first documented request body example of an operation, if it takes a body. */
export function exampleBody(operation: Operation): unknown {
  const body = operation.definition.requestBody;
  if (!body) return undefined;
  const media = (resolve(body).content as JsonObject)["application/json"] as JsonObject;
  const first = Object.values((media.examples ?? {}) as JsonObject)[0];
  return first === undefined ? undefined : resolve<{ value: unknown }>(first).value;
}

export function operationById(operationId: string): Operation {
  const found = operations.find((operation) => operation.operationId === operationId);
  if (!found) throw new Error(`The contract has no operation ${operationId}`);
  return found;
}

// Enumerates every example of a bundled OpenAPI document together with the schema it must satisfy,
// so each new example in the spec becomes a test case without anyone listing it.
import { deref, isObject, type Json, type JsonObject, pointer } from "./json-pointer.js";
import type { ExampleDirection } from "./schema-validator.js";

export interface ExampleCase {
  /** Test title: "listDeployments 200 application/json › deployments". */
  title: string;
  operationId: string;
  /** Where the example sits: "request", "200", "parameter limit (query)", "429 header Retry-After", "schema Deployment/properties/name". */
  location: string;
  exampleName: string;
  /** JSON pointer (into the bundle) of the Example object or value: "/components/examples/ErrorNotFound". */
  exampleAt: string;
  direction: ExampleDirection;
  /** JSON pointer (into the bundle) of the schema the example must satisfy. */
  schemaPointer: string;
  value: Json;
}

const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** Examples held by a media type, parameter or header object (`example` or named `examples`). */
function examplesOf(doc: Json, holder: JsonObject, at: string): { name: string; value: Json; at: string }[] {
  const found: { name: string; value: Json; at: string }[] = [];
  if ("example" in holder)
    found.push({ name: "example", value: holder.example as Json, at: `${at}/example` });
  if (isObject(holder.examples)) {
    for (const [name, entry] of Object.entries(holder.examples)) {
      const { node: example, at: exampleAt } = deref(doc, entry, `${at}${pointer("examples", name)}`);
      if (!isObject(example)) throw new Error(`Example "${name}" at ${exampleAt} is not an Example object.`);
      if ("externalValue" in example)
        throw new Error(`Example "${name}" at ${exampleAt} uses externalValue; inline it.`);
      if (!("value" in example)) throw new Error(`Example "${name}" at ${exampleAt} has no value.`);
      found.push({ name, value: example.value as Json, at: exampleAt });
    }
  }
  return found;
}

/** A parameter or header: its examples sit next to `schema`, or inside a single `content` media type. */
function parameterLike(doc: Json, node: JsonObject, at: string) {
  const cases: { name: string; value: Json; at: string; schemaPointer: string; mediaType?: string }[] = [];
  if (isObject(node.schema)) {
    for (const example of examplesOf(doc, node, at))
      cases.push({ ...example, schemaPointer: `${at}/schema` });
  }
  if (isObject(node.content)) {
    for (const [mediaType, media] of Object.entries(node.content)) {
      if (!isObject(media) || !isObject(media.schema)) continue;
      const mediaAt = `${at}${pointer("content", mediaType)}`;
      for (const example of examplesOf(doc, media, mediaAt))
        cases.push({ ...example, schemaPointer: `${mediaAt}/schema`, mediaType });
    }
  }
  return cases;
}

function mediaTypeCases(doc: Json, content: Json | undefined, at: string) {
  const cases: { name: string; value: Json; at: string; schemaPointer: string; mediaType: string }[] = [];
  if (!isObject(content)) return cases;
  for (const [mediaType, media] of Object.entries(content)) {
    if (!isObject(media)) continue;
    const mediaAt = `${at}${pointer("content", mediaType)}`;
    const examples = examplesOf(doc, media, mediaAt);
    if (examples.length > 0 && !isObject(media.schema))
      throw new Error(`${mediaAt} has examples but no schema.`);
    for (const example of examples) cases.push({ ...example, schemaPointer: `${mediaAt}/schema`, mediaType });
  }
  return cases;
}

/**
 * The file of openapi/ an example of the bundle comes from, for messages: a component example is
 * components/examples/<name>.yaml (one file per component); any other is named by its pointer.
 */
export function exampleSource(exampleAt: string): string {
  const component = /^\/components\/examples\/([^/]+)$/.exec(exampleAt)?.[1];
  return component
    ? `components/examples/${component.replaceAll("~1", "/").replaceAll("~0", "~")}.yaml`
    : exampleAt;
}

export function collectExamples(doc: Json): ExampleCase[] {
  const cases: ExampleCase[] = [];
  const paths = isObject(doc) && isObject(doc.paths) ? doc.paths : {};

  for (const [path, pathItemOrRef] of Object.entries(paths)) {
    const { node: pathItem, at: pathAt } = deref(doc, pathItemOrRef, pointer("paths", path));
    if (!isObject(pathItem)) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!isObject(operation)) continue;
      const operationAt = `${pathAt}${pointer(method)}`;
      const operationId =
        typeof operation.operationId === "string" ? operation.operationId : `${method.toUpperCase()} ${path}`;
      const add = (
        location: string,
        direction: ExampleDirection,
        found: { name: string; value: Json; at: string; schemaPointer: string; mediaType?: string },
      ) =>
        cases.push({
          title: `${operationId} ${location}${found.mediaType ? ` ${found.mediaType}` : ""} › ${found.name}`,
          operationId,
          location,
          exampleName: found.name,
          exampleAt: found.at,
          direction,
          schemaPointer: found.schemaPointer,
          value: found.value,
        });

      const parameterRefs = [
        ...(Array.isArray(pathItem.parameters)
          ? pathItem.parameters.map((p, i) => [p, `${pathAt}${pointer("parameters", i)}`] as const)
          : []),
        ...(Array.isArray(operation.parameters)
          ? operation.parameters.map((p, i) => [p, `${operationAt}${pointer("parameters", i)}`] as const)
          : []),
      ];
      for (const [ref, refAt] of parameterRefs) {
        const { node: parameter, at } = deref(doc, ref, refAt);
        if (!isObject(parameter)) continue;
        for (const found of parameterLike(doc, parameter, at))
          add(`parameter ${String(parameter.name)} (${String(parameter.in)})`, "request", found);
      }

      if (operation.requestBody !== undefined) {
        const { node: body, at } = deref(doc, operation.requestBody, `${operationAt}/requestBody`);
        if (isObject(body))
          for (const found of mediaTypeCases(doc, body.content, at)) add("request", "request", found);
      }

      for (const [status, responseOrRef] of Object.entries(
        isObject(operation.responses) ? operation.responses : {},
      )) {
        const { node: response, at } = deref(
          doc,
          responseOrRef,
          `${operationAt}${pointer("responses", status)}`,
        );
        if (!isObject(response)) continue;
        for (const found of mediaTypeCases(doc, response.content, at)) add(status, "response", found);
        for (const [headerName, headerOrRef] of Object.entries(
          isObject(response.headers) ? response.headers : {},
        )) {
          const { node: header, at: headerAt } = deref(
            doc,
            headerOrRef,
            `${at}${pointer("headers", headerName)}`,
          );
          if (isObject(header))
            for (const found of parameterLike(doc, header, headerAt))
              add(`${status} header ${headerName}`, "response", found);
        }
      }
    }
  }

  // Examples written inside schemas (`examples: [...]` or OpenAPI's deprecated `example`), at any depth.
  const schemas =
    isObject(doc) && isObject(doc.components) && isObject(doc.components.schemas)
      ? doc.components.schemas
      : {};
  for (const [name, schema] of Object.entries(schemas)) {
    for (const { at, node } of subschemas(schema, pointer("components", "schemas", name))) {
      const values: [string, Json][] = [
        ...(Array.isArray(node.examples)
          ? node.examples.map((v, i) => [`examples[${i}]`, v] as [string, Json])
          : []),
        ...("example" in node ? [["example", node.example as Json] as [string, Json]] : []),
      ];
      const where = at.slice(pointer("components", "schemas").length + 1);
      for (const [exampleName, value] of values) {
        cases.push({
          title: `schema ${where} › ${exampleName}`,
          operationId: "",
          location: `schema ${where}`,
          exampleName,
          exampleAt: `${at}/${exampleName.replace(/\[(\d+)\]$/, "/$1")}`,
          direction: "schema",
          schemaPointer: at,
          value,
        });
      }
    }
  }
  return cases;
}

// JSON Schema keywords whose values are subschemas (single, array of, or map of).
const SINGLE = [
  "items",
  "not",
  "if",
  "then",
  "else",
  "contains",
  "additionalProperties",
  "unevaluatedProperties",
  "unevaluatedItems",
  "propertyNames",
  "contentSchema",
];
const LISTS = ["allOf", "anyOf", "oneOf", "prefixItems"];
const MAPS = ["properties", "patternProperties", "$defs", "dependentSchemas"];

/** A schema and every schema nested in it (refs are not followed: the target is visited where it is defined). */
function* subschemas(node: Json, at: string): Generator<{ at: string; node: JsonObject }> {
  if (!isObject(node)) return;
  yield { at, node };
  for (const key of SINGLE) if (key in node) yield* subschemas(node[key] as Json, `${at}${pointer(key)}`);
  for (const key of LISTS) {
    const list = node[key];
    if (Array.isArray(list))
      for (const [i, item] of list.entries()) yield* subschemas(item, `${at}${pointer(key, i)}`);
  }
  for (const key of MAPS) {
    const map = node[key];
    if (isObject(map))
      for (const [name, item] of Object.entries(map)) yield* subschemas(item, `${at}${pointer(key, name)}`);
  }
}

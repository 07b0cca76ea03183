// Reading the bundled contract: operations, local $refs and example values.
// Shared by the build (to decorate the spec) and the tests (to enumerate what must appear).

// The methods of a path item and local $refs followed: one definition, the contract package's.
import { HTTP_METHODS, resolveRef } from "@qoder-cloud/openapi";

export { HTTP_METHODS, resolveRef };

/** Every operation of the spec, in document order, with its path-level parameters merged in. */
export function listOperations(spec) {
  const operations = [];
  for (const [path, rawItem] of Object.entries(spec.paths ?? {})) {
    const pathItem = resolveRef(spec, rawItem);
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (!operation) continue;
      const byKey = new Map();
      for (const raw of [...(pathItem.parameters ?? []), ...(operation.parameters ?? [])]) {
        const param = resolveRef(spec, raw);
        byKey.set(`${param.in}:${param.name}`, param);
      }
      operations.push({ path, method, operation, parameters: [...byKey.values()] });
    }
  }
  return operations;
}

/** The example value of a parameter, media type or schema, or undefined when the spec gives none. */
export function exampleOf(spec, node) {
  if (!node) return undefined;
  const resolved = resolveRef(spec, node);
  if (resolved.example !== undefined) return resolved.example;
  const named = Object.values(resolved.examples ?? {});
  if (named.length > 0 && !Array.isArray(resolved.examples)) {
    const first = resolveRef(spec, named[0]);
    if (first?.value !== undefined) return first.value;
  }
  if (Array.isArray(resolved.examples) && resolved.examples.length > 0) return resolved.examples[0];
  if (resolved.schema) return exampleOf(spec, resolved.schema);
  return undefined;
}

/** Names of the named examples of every response, for `Prefer: example=<name>`. */
export function responseExamples(spec, operation) {
  const rows = [];
  for (const [status, rawResponse] of Object.entries(operation.responses ?? {})) {
    const response = resolveRef(spec, rawResponse);
    for (const [mediaType, media] of Object.entries(response.content ?? {})) {
      for (const [name, rawExample] of Object.entries(media.examples ?? {})) {
        const example = resolveRef(spec, rawExample);
        rows.push({ status, mediaType, name, summary: example.summary ?? "", value: example.value });
      }
    }
  }
  return rows;
}

/** The component name of a response schema reference (`#/components/schemas/Deployment` → `Deployment`). */
export function successSchemaName(spec, operation) {
  for (const [status, rawResponse] of Object.entries(operation.responses ?? {})) {
    if (!status.startsWith("2")) continue;
    const schema = resolveRef(spec, rawResponse).content?.["application/json"]?.schema;
    const ref = schema?.$ref;
    if (typeof ref === "string") return ref.split("/").at(-1);
  }
  return undefined;
}

// Small helpers shared by the plugin rules: $ref resolution through Redocly's context and
// a flattened view of an object schema (allOf merged) so rules can ask "does it have property X?".
//
// A $ref is relative to the file that holds it, not to the file being visited: a `$ref` inside
// components/responses/X.yaml points from components/responses/. So every resolved node travels with
// `from`, the absolute ref of the file it sits in, and the $refs inside it are resolved from there.

const isRef = (node) => Boolean(node) && typeof node === "object" && typeof node.$ref === "string";

/**
 * Follows a $ref (and any $ref it lands on) with Redocly's resolver, starting in the file `from`
 * (default: the file being visited). Returns the target (undefined when unresolvable) and the file it
 * sits in, from which the $refs inside the target resolve.
 */
export function resolveNode(node, ctx, from = ctx.location.source.absoluteRef) {
  const followed = new Set();
  let current = node;
  let file = from;
  while (isRef(current) && !followed.has(current)) {
    followed.add(current);
    const resolved = ctx.resolve(current, file);
    current = resolved.node;
    file = resolved.location?.source.absoluteRef ?? file;
  }
  return { node: current ?? undefined, from: file };
}

/**
 * Properties and `required` of an object schema, merging `allOf` members (following refs at each
 * step). Each property keeps the file it was declared in (`{ node, from }`) so it can be resolved in
 * turn. Branches of oneOf/anyOf are not merged: a property must hold on every shape.
 */
export function flattenObjectSchema(schemaOrRef, ctx, from, seen = new Set()) {
  const { node: schema, from: schemaFrom } = resolveNode(schemaOrRef, ctx, from);
  if (!schema || typeof schema !== "object" || seen.has(schema))
    return { properties: {}, declarations: {}, required: new Set() };
  seen.add(schema);
  const members = (schema.allOf ?? []).map((member) => ({ node: member, from: schemaFrom }));
  const result = flattenAll(members, ctx, seen);
  for (const [name, value] of Object.entries(schema.properties ?? {}))
    declare(result, name, [{ node: value, from: schemaFrom }]);
  for (const name of schema.required ?? []) result.required.add(name);
  return result;
}

/**
 * Several schemas (`{ node, from }`: allOf members, or a property's declarations) flattened together.
 * declarations: every schema given for a property, in order (a later one may only annotate it, so a
 * constraint holds if any of them states it); properties: the last of them.
 */
export function flattenAll(schemas, ctx, seen = new Set()) {
  const result = { properties: {}, declarations: {}, required: new Set() };
  for (const { node, from } of schemas) {
    const flat = flattenObjectSchema(node, ctx, from, seen);
    for (const [name, declarations] of Object.entries(flat.declarations)) declare(result, name, declarations);
    for (const name of flat.required) result.required.add(name);
  }
  return result;
}

function declare(result, name, declarations) {
  result.declarations[name] = [...(result.declarations[name] ?? []), ...declarations];
  result.properties[name] = declarations.at(-1);
}

/** The media types of a content map whose name denotes JSON (application/json, application/problem+json …). */
export function jsonMediaTypes(content) {
  return Object.entries(content ?? {}).filter(([name]) => /^application\/(?:[\w.-]+\+)?json\b/i.test(name));
}

/**
 * Parameters in effect for an operation: path-item ones overridden by operation ones (same name+in),
 * each as `{ node, from }` (the resolved parameter and the file it sits in).
 */
export function effectiveParameters(pathItem, operation, ctx) {
  const byKey = new Map();
  for (const source of [pathItem?.parameters ?? [], operation?.parameters ?? []]) {
    for (const entry of source) {
      const parameter = resolveNode(entry, ctx);
      if (parameter.node?.name && parameter.node?.in)
        byKey.set(`${parameter.node.in}:${parameter.node.name.toLowerCase()}`, parameter);
    }
  }
  return [...byKey.values()];
}

export { HTTP_METHODS } from "../index.js";

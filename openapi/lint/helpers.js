// Small helpers shared by the plugin rules: $ref resolution through Redocly's context and
// a flattened view of an object schema (allOf merged) so rules can ask "does it have property X?".

/** Follows a $ref (if any) with Redocly's resolver; returns the target node or undefined. */
export function resolveNode(node, ctx) {
  if (node && typeof node === "object" && typeof node.$ref === "string") {
    return ctx.resolve(node).node ?? undefined;
  }
  return node ?? undefined;
}

/**
 * Properties and `required` of an object schema, merging `allOf` members (one level of refs
 * deep at each step). Branches of oneOf/anyOf are not merged: a property must hold on every shape.
 */
export function flattenObjectSchema(schemaOrRef, ctx, seen = new Set()) {
  const schema = resolveNode(schemaOrRef, ctx);
  const result = { properties: {}, required: new Set() };
  if (!schema || typeof schema !== "object" || seen.has(schema)) return result;
  seen.add(schema);
  for (const member of schema.allOf ?? []) {
    const merged = flattenObjectSchema(member, ctx, seen);
    Object.assign(result.properties, merged.properties);
    for (const name of merged.required) result.required.add(name);
  }
  for (const [name, value] of Object.entries(schema.properties ?? {})) result.properties[name] = value;
  for (const name of schema.required ?? []) result.required.add(name);
  return result;
}

/** The media types of a content map whose name denotes JSON (application/json, application/problem+json …). */
export function jsonMediaTypes(content) {
  return Object.entries(content ?? {}).filter(([name]) => /^application\/(?:[\w.-]+\+)?json\b/i.test(name));
}

/** Parameters in effect for an operation: path-item ones overridden by operation ones (same name+in). */
export function effectiveParameters(pathItem, operation, ctx) {
  const byKey = new Map();
  for (const source of [pathItem?.parameters ?? [], operation?.parameters ?? []]) {
    for (const entry of source) {
      const parameter = resolveNode(entry, ctx);
      if (parameter?.name && parameter?.in)
        byKey.set(`${parameter.in}:${parameter.name.toLowerCase()}`, parameter);
    }
  }
  return [...byKey.values()];
}

export const HTTP_METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

// Every 4xx/5xx (and `default`) response must carry the shared error envelope as JSON: either a $ref to the named
// envelope schema or an inline schema of the same shape (components/schemas/ErrorEnvelope.yaml): `type` const
// "error", `request_id` a string, `error.type` a string enum or const, `error.message` a string, all required.
import { flattenAll, flattenObjectSchema, HTTP_METHODS, jsonMediaTypes, resolveNode } from "../helpers.js";

const DEFAULTS = { schemaName: "ErrorEnvelope" };

/** The schema's type is string (`type: string`, or `[string]`). */
const isStringType = (schema) =>
  schema?.type === "string" || (Array.isArray(schema?.type) && schema.type.join() === "string");

/** The schema allows the one string value `value` only (`const`, or an enum of it alone). */
const isConst = (schema, value) =>
  schema?.const === value ||
  (Array.isArray(schema?.enum) && schema.enum.length === 1 && schema.enum[0] === value);

/** The schema is a closed set of strings (`const`, or a non-empty `enum` of strings). */
const isStringEnum = (schema) =>
  typeof schema?.const === "string" ||
  (Array.isArray(schema?.enum) && schema.enum.length > 0 && schema.enum.every((v) => typeof v === "string"));

/** Why the schema is not the envelope, or undefined when it is. */
function envelopeProblem(schemaOrRef, ctx, from, schemaName) {
  if (
    typeof schemaOrRef?.$ref === "string" &&
    schemaOrRef.$ref
      .split("/")
      .pop()
      ?.replace(/\.ya?ml$/, "") === schemaName
  ) {
    return undefined;
  }
  const envelope = flattenObjectSchema(schemaOrRef, ctx, from);
  for (const name of ["type", "request_id", "error"]) {
    if (!(name in envelope.properties) || !envelope.required.has(name))
      return `required property \`${name}\` is missing`;
  }
  // A property may be declared by several allOf members (one constrains it, another only describes it):
  // a constraint holds when any declaration states it.
  const holds = (object, name, test) =>
    object.declarations[name].some(({ node, from: declaredIn }) =>
      test(resolveNode(node, ctx, declaredIn).node),
    );
  if (!holds(envelope, "type", (schema) => isConst(schema, "error"))) return "`type` must be `const: error`";
  if (!holds(envelope, "request_id", isStringType)) return "`request_id` must be of type string";
  const inner = flattenAll(envelope.declarations.error, ctx);
  for (const name of ["type", "message"]) {
    if (!(name in inner.properties) || !inner.required.has(name))
      return `required property \`error.${name}\` is missing`;
  }
  if (!holds(inner, "type", isStringEnum))
    return "`error.type` must be a string enum or const (e.g. a $ref to `ErrorType`)";
  if (!holds(inner, "message", isStringType)) return "`error.message` must be of type string";
  return undefined;
}

export default function ErrorResponseEnvelope(options) {
  const { schemaName } = { ...DEFAULTS, ...options };
  return {
    PathItem(pathItem, ctx) {
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (!operation) continue;
        for (const [status, responseOrRef] of Object.entries(operation.responses ?? {})) {
          if (!/^([45]|default$)/.test(status)) continue;
          const where = ctx.location.child([method, "responses", status]);
          const label = `${operation.operationId ?? method.toUpperCase()} ${status}`;
          const response = resolveNode(responseOrRef, ctx);
          const json = jsonMediaTypes(response.node?.content);
          if (json.length === 0) {
            ctx.report({
              message: `Error response \`${label}\` must have a JSON body with the \`${schemaName}\` schema.`,
              location: where.key(),
            });
            continue;
          }
          for (const [mediaTypeName, mediaType] of json) {
            const problem = envelopeProblem(mediaType?.schema, ctx, response.from, schemaName);
            if (problem) {
              ctx.report({
                message: `Error response \`${label}\` (${mediaTypeName}) must use the \`${schemaName}\` schema: ${problem}.`,
                location: where.key(),
              });
            }
          }
        }
      }
    },
  };
}

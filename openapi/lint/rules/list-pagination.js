// A "list operation" is one whose 2xx JSON body has a `has_more` property. Every such operation must
// accept a way to page (the `after_id` / `before_id` pair, or — for lists the API pages only by opaque
// cursor, such as an agent's versions — `page` alone) and a page-size parameter declaring a numeric
// `maximum`. Configurable assertions cannot compare numbers or look across response and parameters,
// hence a plugin rule.
import {
  effectiveParameters,
  flattenObjectSchema,
  HTTP_METHODS,
  jsonMediaTypes,
  resolveNode,
} from "../helpers.js";

const DEFAULTS = {
  marker: "has_more",
  parameters: ["limit"],
  // Any one complete set is enough; the first is the one a report asks for.
  cursorSets: [["after_id", "before_id"], ["page"]],
  limitParameter: "limit",
};

function isListOperation(operation, ctx, marker) {
  for (const [status, responseOrRef] of Object.entries(operation.responses ?? {})) {
    if (!/^2/.test(status)) continue;
    const response = resolveNode(responseOrRef, ctx);
    for (const [, mediaType] of jsonMediaTypes(response.node?.content)) {
      if (marker in flattenObjectSchema(mediaType?.schema, ctx, response.from).properties) return true;
    }
  }
  return false;
}

export default function ListPagination(options) {
  const { marker, parameters: requiredNames, cursorSets, limitParameter } = { ...DEFAULTS, ...options };
  return {
    PathItem(pathItem, ctx) {
      for (const method of HTTP_METHODS) {
        const operation = pathItem[method];
        if (!operation || !isListOperation(operation, ctx, marker)) continue;
        const where = ctx.location.child([method]);
        const label = operation.operationId ?? method.toUpperCase();
        const query = new Map(
          effectiveParameters(pathItem, operation, ctx)
            .filter((parameter) => parameter.node.in === "query")
            .map((parameter) => [parameter.node.name, parameter]),
        );
        const missing = requiredNames.filter((name) => !query.has(name));
        if (!cursorSets.some((set) => set.every((name) => query.has(name)))) {
          missing.push(...(cursorSets[0] ?? []).filter((name) => !query.has(name)));
        }
        if (missing.length > 0) {
          const alternatives = cursorSets
            .slice(1)
            .map((set) => set.map((n) => `\`${n}\``).join(" + "))
            .join(" or ");
          ctx.report({
            message: `List operation \`${label}\` (its response has \`${marker}\`) must accept the query parameter(s) ${missing.map((n) => `\`${n}\``).join(", ")}${alternatives ? ` (a cursor-only list may accept ${alternatives} instead of the ID cursors)` : ""}.`,
            location: where.key(),
          });
        }
        const limit = query.get(limitParameter);
        const limitSchema = limit && resolveNode(limit.node.schema, ctx, limit.from).node;
        if (limit && typeof limitSchema?.maximum !== "number") {
          ctx.report({
            message: `List operation \`${label}\`: parameter \`${limitParameter}\` must declare a numeric \`maximum\` in its schema.`,
            location: where.key(),
          });
        }
      }
    },
  };
}

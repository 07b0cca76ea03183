// "Operations of these methods accept this optional header" — one factory, configured once per header by
// the plugin (Idempotency-Key on writes; x-request-id, the workspace and the beta header everywhere),
// since a rule id can only be configured once.
import { effectiveParameters, HTTP_METHODS } from "../helpers.js";

export function headerParameterRule(defaults) {
  return function HeaderParameter(options) {
    const { header, methods } = { ...defaults, ...options };
    const wanted = header.toLowerCase();
    return {
      PathItem(pathItem, ctx) {
        for (const method of HTTP_METHODS.filter((m) => methods.includes(m))) {
          const operation = pathItem[method];
          if (!operation) continue;
          const label = operation.operationId ?? method.toUpperCase();
          const parameter = effectiveParameters(pathItem, operation, ctx)
            .map((p) => p.node)
            .find((p) => p.in === "header" && p.name.toLowerCase() === wanted);
          if (!parameter) {
            ctx.report({
              message: `Operation \`${label}\` must accept the optional \`${header}\` header parameter.`,
              location: ctx.location.child([method]).key(),
            });
          } else if (parameter.required === true) {
            ctx.report({
              message: `Operation \`${label}\`: the \`${header}\` header must stay optional (required: false).`,
              location: ctx.location.child([method]).key(),
            });
          }
        }
      },
    };
  };
}

export const IdempotencyKeyHeader = headerParameterRule({
  header: "Idempotency-Key",
  methods: ["post", "put", "patch", "delete"],
});
export const RequestIdHeader = headerParameterRule({ header: "x-request-id", methods: HTTP_METHODS });
// The official SDKs send these on every call; an operation without them would refuse SDK users.
export const WorkspaceIdHeader = headerParameterRule({ header: "qoder-workspace-id", methods: HTTP_METHODS });
export const BetaHeader = headerParameterRule({ header: "x-qoder-beta", methods: HTTP_METHODS });

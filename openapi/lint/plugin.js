// Redocly plugin "qoder": contract rules that configurable `rule/…` assertions cannot express
// (numeric checks, looking across responses and parameters, uniqueness), and assertions those rules
// use where a built-in one falls short. Loaded from redocly.yaml.
import { nonEmptyExamples } from "./assertions.js";
import ErrorResponseEnvelope from "./rules/error-response-envelope.js";
import {
  BetaHeader,
  IdempotencyKeyHeader,
  RequestIdHeader,
  WorkspaceIdHeader,
} from "./rules/header-parameter.js";
import ListPagination from "./rules/list-pagination.js";
import SdkMethodUnique from "./rules/sdk-method-unique.js";

export default function qoderPlugin() {
  return {
    id: "qoder",
    rules: {
      oas3: {
        "list-pagination": ListPagination,
        "error-response-envelope": ErrorResponseEnvelope,
        "idempotency-key-header": IdempotencyKeyHeader,
        "request-id-header": RequestIdHeader,
        "workspace-id-header": WorkspaceIdHeader,
        "beta-header": BetaHeader,
        "sdk-method-unique": SdkMethodUnique,
      },
    },
    assertions: {
      nonEmptyExamples, // custom assertion names must match \w+ (redocly config schema)
    },
  };
}

// The stateful simulator of the Qoder API: see ./README section "Simulator" of packages/mock.
export { Clock, rfc3339 } from "./clock.js";
export { ApiError } from "./errors.js";
export type { Answer, OperationHandler, RequestContext, Resource } from "./routes.js";
export {
  type AccountState,
  type SimRequest,
  type SimResponse,
  Simulator,
  type SimulatorOptions,
} from "./simulator.js";
export { type Fixture, LIMITS } from "./store.js";

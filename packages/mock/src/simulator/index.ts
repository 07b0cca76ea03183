// The stateful simulator of the Qoder API: see ./README.md.
export { loadContract } from "./contract.js";
export { notAnEndpoint, notAnOperation } from "./errors.js";
export { admission, refusal, type SimRequest, type SimResponse, withoutBasePath } from "./requests.js";
export { type AccountSnapshot, type AccountState, Simulator, type SimulatorOptions } from "./simulator.js";
export { type Fixture, LIMITS } from "./store.js";

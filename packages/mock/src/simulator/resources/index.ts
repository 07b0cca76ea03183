// Every resource of the simulator. A new resource (agents, environments, sessions …) is a new file in
// this folder exporting a `Resource` whose handlers are keyed by the contract's operationIds, plus one
// line here.
import type { Resource } from "../routes.js";
import { agents } from "./agents.js";
import { deploymentRuns } from "./deployment-runs.js";
import { deployments } from "./deployments.js";
import { environments } from "./environments.js";
import { models } from "./models.js";

export const resources: Resource[] = [deployments, deploymentRuns, agents, environments, models];

// Environments: create / list / get / update / archive / delete. Delete is refused while a session
// references the environment (sessions keep it, deployment runs' sessions included).
import type {
  CreateEnvironmentParams,
  Environment,
  EnvironmentConfigParams,
  UpdateEnvironmentParams,
} from "@qoder-cloud/types";
import { rfc3339 } from "../clock.js";
import { conflict, invalid, notFound } from "../errors.js";
import { listPage, timeOf } from "../pagination.js";
import type { Resource } from "../routes.js";
import type { Account } from "../store.js";
import { patchMetadata } from "./metadata.js";

const PACKAGE_MANAGERS = ["apt", "cargo", "gem", "go", "npm", "pip"] as const;
type Config = Environment["config"];
type CloudConfig = Extract<Config, { type: "cloud" }>;

function environmentOf(account: Account, id: string, param = "environment_id"): Environment {
  const environment = account.environments.get(id);
  if (!environment) throw notFound(`Environment not found: ${id}.`, param);
  return environment;
}

/** The stored config: the given fields over the previous cloud config (or the defaults). */
function configOf(input: EnvironmentConfigParams | undefined, previous?: Config): Config {
  if (input === undefined) {
    if (previous) return previous;
    input = { type: "cloud" };
  }
  if (input.type === "self_hosted") return { type: "self_hosted" };
  const base: CloudConfig =
    previous?.type === "cloud"
      ? structuredClone(previous)
      : {
          // networking omitted ⇒ the default policy (limited), which the API leaves out of its answers.
          type: "cloud",
          packages: { type: "packages", apt: [], cargo: [], gem: [], go: [], npm: [], pip: [] },
          setup_script: null,
        };
  if (input.networking != null) {
    base.networking =
      input.networking.type === "unrestricted"
        ? { type: "unrestricted" }
        : {
            type: "limited",
            allowed_hosts: input.networking.allowed_hosts ?? [],
            allow_package_managers: input.networking.allow_package_managers ?? false,
            allow_mcp_servers: input.networking.allow_mcp_servers ?? false,
          };
  }
  if (input.packages != null) {
    const packages = { ...(base.packages ?? {}), type: "packages" as const };
    for (const manager of PACKAGE_MANAGERS) {
      const given = input.packages[manager];
      if (given !== undefined) packages[manager] = given ?? [];
      else packages[manager] ??= [];
    }
    base.packages = packages;
  }
  if (input.setup_script !== undefined) base.setup_script = input.setup_script;
  // Packages under limited networking without allow_package_managers are accepted: they fail to install
  // when a session starts, which nothing here runs (DECISIONS.md).
  return base;
}

/** Update fields for which `null` means "keep the value" (a name cannot be cleared; no scope is no change). */
const KEEP_ON_NULL = new Set(["name", "scope"]);

function checkName(name: string): string {
  if (name.trim() === "") throw invalid("name must not be blank.", "name");
  return name;
}

export const environments: Resource = {
  handlers: {
    createEnvironment({ account, nowMs, body }) {
      const input = body as CreateEnvironmentParams;
      const at = rfc3339(nowMs);
      const environment: Environment = {
        id: account.newId("env_", nowMs),
        type: "environment",
        name: checkName(input.name),
        description: input.description ?? null,
        config: configOf(input.config),
        scope: input.scope ?? (input.config?.type === "self_hosted" ? "organization" : "account"),
        metadata: patchMetadata({}, input.metadata, { replace: true, emptyDeletes: true }),
        archived_at: null,
        created_at: at,
        updated_at: at,
      };
      account.addEnvironment(environment);
      return { body: environment };
    },

    listEnvironments({ account, query }) {
      const includeArchived = query.include_archived === true;
      return {
        body: listPage(
          account.environments,
          query,
          (environment) => environment,
          (environment) => includeArchived || environment.archived_at === null,
          { fromMs: timeOf(query["created_at[gte]"]), toMs: timeOf(query["created_at[lte]"]) },
        ),
      };
    },

    getEnvironment({ account, path }) {
      return { body: environmentOf(account, path.environment_id as string) };
    },

    updateEnvironment({ account, nowMs, path, body }) {
      const environment = environmentOf(account, path.environment_id as string);
      const patch = (body ?? {}) as UpdateEnvironmentParams;
      // `{}` changes nothing, nor do fields whose `null` keeps the value (`name`, `scope`).
      const changes = Object.entries(patch).filter(
        ([field, value]) => !(value === null && KEEP_ON_NULL.has(field)),
      );
      if (changes.length === 0) return { body: environment };
      // Build the whole result first, so a 400 leaves the environment as it was.
      const next: Environment = {
        ...environment,
        name: patch.name == null ? environment.name : checkName(patch.name), // null keeps the name
        config: patch.config === undefined ? environment.config : configOf(patch.config, environment.config),
        metadata:
          patch.metadata === undefined
            ? environment.metadata
            : patchMetadata(environment.metadata, patch.metadata, {
                replace: patch.metadata === null,
                emptyDeletes: true,
              }),
        updated_at: rfc3339(nowMs),
      };
      if (patch.description !== undefined) next.description = patch.description;
      if (patch.scope != null) next.scope = patch.scope;
      Object.assign(environment, next);
      return { body: environment };
    },

    archiveEnvironment({ account, nowMs, path }) {
      const environment = environmentOf(account, path.environment_id as string);
      if (environment.archived_at !== null) throw conflict("Environment is already archived.");
      const at = rfc3339(nowMs);
      Object.assign(environment, { archived_at: at, updated_at: at });
      return { body: environment };
    },

    deleteEnvironment({ account, path }) {
      const id = path.environment_id as string;
      environmentOf(account, id);
      // Sessions keep the reference: those of the runs made in it, or loaded with the account.
      const sessions = account.sessionsByEnvironment.get(id) ?? 0;
      if (sessions > 0) {
        throw conflict(
          `Environment is referenced by ${sessions} session${sessions === 1 ? "" : "s"} and cannot be deleted; archive it instead.`,
        );
      }
      account.deleteEnvironment(id);
      account.deletedEnvironments.add(id);
      return { body: { id, type: "environment_deleted" } };
    },
  },
};

/**
 * generated from openapi/ — do not edit.
 * Source: the bundled contract (@qoder-cloud/openapi dist/openapi.json) via openapi-typescript 7.
 * Regenerate with `pnpm --filter @qoder-cloud/types generate`.
 */

export interface paths {
    "/deployments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List deployments
         * @description Lists the account's deployments with cursor pagination, newest first (by `created_at`, descending). Archived deployments are excluded unless `include_archived=true`.
         *
         *     Page forwards by passing the previous page's `last_id` as `after_id` (or its `next_page` as `page`), backwards by passing `first_id` as `before_id`. `page`, `after_id` and `before_id` are mutually exclusive: sending more than one is a 400, as is a `limit` outside 1–1000.
         */
        get: operations["listDeployments"];
        put?: never;
        /**
         * Create a deployment
         * @description Creates a deployment that binds an agent (pinned to a version), an environment and 1–50 initial events to an optional cron schedule. The new deployment is `active` and starts firing on its schedule immediately; without `schedule`, or with `schedule: null`, it is manual-only (no upcoming runs) and runs only through the run operation. Each run creates a new session that receives the initial events. Every optional field accepts `null`, meaning "not set", as the official SDKs send it. `budget` is `{"type": "limit", "max_list_cost": {"amount": "2500", "currency": "USD"}}` (minor units).
         *
         *     The agent and environment must exist and must not be archived: an unknown agent, agent version or environment, or an archived one, is a 400 naming the field (`agent`, `agent.version`, `environment_id`). A bare agent ID, or the object form without a `version`, pins the agent's latest version; the object form with one pins that version. If the agent or environment is archived later, the next scheduled run fails with `agent_archived_error` or `environment_archived_error` and the deployment is paused automatically with `paused_reason: {type: "error", error: {type: …}}`. `metadata` holds at most 16 user keys; the reserved `cas_config` key is exempt. Unknown body fields are a 400. Send an `Idempotency-Key` to make retries safe: a replay returns the original deployment, a reused key with a different body is a 409.
         */
        post: operations["createDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{deployment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get a deployment
         * @description Returns one deployment by ID. Archived deployments remain retrievable (their `archived_at` is set and their name carries the `_archived_<unix_timestamp>` suffix).
         */
        get: operations["getDeployment"];
        put?: never;
        /**
         * Update a deployment
         * @description Changes a deployment with merge-patch semantics (the method is POST, not PATCH, for alignment with Claude Managed Agents). Fields present in the body change; omitted fields keep their value.
         *
         *     - `initial_events`, `resources` and `vault_ids` are replaced as a whole; `[]` or `null` clears
         *       `resources` and `vault_ids`. `initial_events` cannot be cleared (1–50 events).
         *
         *     - `metadata` is patched per key: a string upserts, `null` deletes, other keys are kept; the stored
         *       result may hold at most 16 user keys (`cas_config` exempt).
         *
         *     - `description`: `""` or `null` clears it. `name` (1–256 characters), `agent` and
         *       `environment_id` cannot be cleared; an agent given as a bare ID (or as an object
         *       without a `version`) re-pins its latest version.
         *
         *     - `schedule` must carry all of `type`, `expression` and `timezone`; a new schedule recomputes
         *       `upcoming_runs_at`.
         *
         *     - `schedule: null` turns the deployment manual-only: it has no upcoming runs and runs only through
         *       the run operation.
         *
         *     - An empty body `{}` is a no-op: the deployment is returned unchanged (the official SDKs send it for
         *       an update with no fields).
         *
         *
         *     An invalid value, an empty name, an invalid cron expression or time zone, or an unknown or archived agent, agent version or environment is a 400 naming the field. A scheduled run of a deployment whose agent or environment was archived since fails with `agent_archived_error` / `environment_archived_error` and pauses the deployment (`paused_reason: {type: "error", …}`); pointing it at a usable agent or environment and unpausing it resumes the schedule. Unknown fields are a 400. An `Idempotency-Key` reused with a different body is a 409.
         */
        post: operations["updateDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{deployment_id}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a deployment
         * @description Stops scheduled runs from firing: `status` becomes `paused` and `paused_reason` `{"type": "manual"}`. Takes no body (`{}` is accepted). `upcoming_runs_at` stays populated, but those times do not fire while paused, and a paused deployment cannot be run manually (the run operation answers 409). Pausing a deployment that is already paused, or one that is archived, is a 409 `conflict_error`.
         */
        post: operations["pauseDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{deployment_id}/unpause": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Unpause a deployment
         * @description Resumes scheduling: `status` returns to `active` and `paused_reason` to `null`. The next fire time is recomputed from the current time; fire times missed while paused are not backfilled. Takes no body (`{}` is accepted). Unpausing a deployment that is not paused, or one that is archived, is a 409 `conflict_error`.
         */
        post: operations["unpauseDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{deployment_id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive a deployment
         * @description Archives the deployment. This is irreversible: there is no unarchive operation. Scheduled runs stop, `archived_at` is set, `schedule.upcoming_runs_at` becomes empty, and the deployment is renamed to `<name>_archived_<unix_timestamp>` so the original name can be reused. `status` keeps its last value (usually `active`): check `archived_at`. Archived deployments are hidden from the list unless `include_archived=true` but stay retrievable by ID. Takes no body (`{}` is accepted). Archiving an already archived deployment is a 409 `conflict_error`.
         */
        post: operations["archiveDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{deployment_id}/run": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run a deployment now
         * @description Triggers one manual run immediately, independent of the schedule, and returns the run record (`trigger_context.type` `manual`). Takes no body (send none or `{}`). The deployment must be `active`: running a paused or archived deployment is a 409 `conflict_error`.
         *
         *     The run creates a session that receives the initial events; read the output through that session. If the session cannot be created the run comes back with `session_id: null` and an `error`. When the concurrency limit (`metadata.cas_config.config.max_concurrent`) is reached the run is recorded as `skipped` (Gen-1 shape). Send an `Idempotency-Key` so a retried request does not start a second run.
         */
        post: operations["runDeployment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{deployment_id}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        /**
         * List the runs of a deployment
         * @description Lists the runs of one deployment with cursor pagination, newest first (by trigger time, descending). Filter by trigger time with `triggered_after` / `triggered_before` and, in the Gen-1 shape, by `status`. `page`, `after_id` and `before_id` are mutually exclusive (400), as is a `limit` outside 1–1000. An unknown deployment is a 404.
         */
        get: operations["listRunsOfDeployment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployments/{deployment_id}/runs/{run_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
                /**
                 * @description ID of the deployment run (`drun_…`).
                 * @example drun_019ec55694c07f2a9b402ffb4448ec18
                 */
                run_id: components["parameters"]["RunIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get a run of a deployment
         * @description Returns one run of the given deployment. A missing deployment, a missing run, or a run that belongs to another deployment is a 404. Same object as the top-level get-run operation.
         */
        get: operations["getRunOfDeployment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployment_runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List runs across all deployments
         * @description Lists the runs of all the account's deployments with cursor pagination, newest first. Filters: `deployment_id` (an unknown ID gives an empty page, not a 404), `trigger_type`, `has_error`, `status` (Gen-1 shape) and `created_at[gt|gte|lt|lte]`. `page`, `after_id` and `before_id` are mutually exclusive (400); an invalid or expired `page` cursor and a `limit` outside 1–1000 are 400s.
         */
        get: operations["listDeploymentRuns"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/deployment_runs/{run_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the deployment run (`drun_…`).
                 * @example drun_019ec55694c07f2a9b402ffb4448ec18
                 */
                run_id: components["parameters"]["RunIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get a deployment run
         * @description Returns one run by ID without its deployment's ID. A missing run is a 404. Same object as the nested get-run operation.
         */
        get: operations["getDeploymentRun"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List agents
         * @description Lists the account's agents, newest first, each at its current version. Archived agents are excluded unless `include_archived=true`.
         *
         *     Page forwards with the previous page's `next_page` as `page` (or `last_id` as `after_id`), backwards with `first_id` as `before_id`; the three cursors are mutually exclusive (400), as is a `limit` outside 1–100.
         */
        get: operations["listAgents"];
        put?: never;
        /**
         * Create an agent
         * @description Creates an agent at version 1. `model` is a model ID from `GET /models` (`"ultimate"`) or an object `{id, effort?, context_window?}`. `tools` is a list of toolsets by `type`: `agent_toolset_20260401` (built-in tools with an `enabled_tools` allowlist, `disallowed_tools` and per-tool `configs[].permission_policy`), `mcp_toolset` (tools of a server in `mcp_servers`), `custom` (client-executed) and `browser_toolset_20260714` (Browser Use, beta: the request must carry `x-qoder-beta: browser-use-2026-07-14`, else 400). At most 128 tools and 20 MCP servers; every MCP server must be referenced by an `mcp_toolset`. `metadata` holds at most 16 pairs.
         *
         *     Unknown body fields are a 400. Send an `Idempotency-Key` to make retries safe.
         */
        post: operations["createAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agents/{agent_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the agent (`agent_…`).
                 * @example agent_019eb4d5c2f87a1e9b3d4c5e6f708192
                 */
                agent_id: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get an agent
         * @description Returns the agent at its current version, or with `?version=N` the snapshot of version N (a version it never had is a 404). Archived agents remain retrievable.
         */
        get: operations["getAgent"];
        put?: never;
        /**
         * Update an agent
         * @description Creates a new version of the agent. `version` is required and must equal the current version (optimistic concurrency): a stale one is a 409 `conflict_error` "Version conflict"; get the agent and retry. On success `version` increments by one.
         *
         *     Omitted fields keep their value; `name` and `model` cannot be cleared; `description` and `system` are cleared by `""` or `null`. `tools`, `mcp_servers` and `skills` are replaced as a whole (`[]` or `null` clears them); writing a `browser_toolset_20260714` needs `x-qoder-beta: browser-use-2026-07-14`. `metadata` is patched per key (a string upserts, `null` deletes). Existing sessions and deployments keep the version they pinned; a deployment that references the agent by bare ID is re-pinned only when it is updated. An archived agent cannot be updated (409).
         */
        post: operations["updateAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agents/{agent_id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the agent (`agent_…`).
                 * @example agent_019eb4d5c2f87a1e9b3d4c5e6f708192
                 */
                agent_id: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive an agent
         * @description Archives the agent (irreversible): `archived_at` is set, it disappears from the list unless `include_archived=true`, and it can no longer be used by new sessions, new or updated deployments, or multi-agent rosters (400). A deployment that already uses it fails its next scheduled run with `agent_archived_error` and is paused automatically (`paused_reason: {type: "error", error: {type: "agent_archived_error"}}`). Takes no body (`{}` is accepted); archiving an archived agent is a 409.
         */
        post: operations["archiveAgent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/agents/{agent_id}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the agent (`agent_…`).
                 * @example agent_019eb4d5c2f87a1e9b3d4c5e6f708192
                 */
                agent_id: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        /**
         * List an agent's versions
         * @description Lists the agent's version snapshots, newest version first, each a full agent object with its own `version`. Page with the previous response's `next_page` as `page` (`limit` 1–100, default 20).
         */
        get: operations["listAgentVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/environments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List environments
         * @description Lists the account's environments, newest first. Archived environments are excluded unless `include_archived=true`.
         *
         *     Page forwards with `next_page` as `page` (or `last_id` as `after_id`), backwards with `first_id` as `before_id`; the three cursors are mutually exclusive (400), as is a `limit` outside 1–100.
         */
        get: operations["listEnvironments"];
        put?: never;
        /**
         * Create an environment
         * @description Creates an environment, usable at once (the container is provisioned when a session starts). `config` is `{"type": "cloud", networking?, packages?, setup_script?}` or `{"type": "self_hosted"}`; omitted, it is a cloud environment with `limited` networking (no package registries, no MCP egress), so set `networking` explicitly: packages under `limited` networking without `allow_package_managers: true` are accepted, and fail to install when a session starts. `config: null` or `{}` is a 400.
         *
         *     Unknown body fields are a 400. Send an `Idempotency-Key` to make retries safe.
         */
        post: operations["createEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/environments/{environment_id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the environment (`env_…`).
                 * @example env_019e64e1b2c3d4e5f60718293a4b5c6d
                 */
                environment_id: components["parameters"]["EnvironmentIdPath"];
            };
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Archive an environment
         * @description Archives the environment (irreversible): `archived_at` is set, it disappears from the list unless `include_archived=true`, and new sessions and new or updated deployments can no longer use it (400). A deployment that already uses it fails its next scheduled run with `environment_archived_error` and is paused automatically (`paused_reason: {type: "error", error: {type: "environment_archived_error"}}`). Takes no body (`{}` is accepted); archiving an archived environment is a 409.
         */
        post: operations["archiveEnvironment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/environments/{environment_id}": {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /**
                 * @description ID of the environment (`env_…`).
                 * @example env_019e64e1b2c3d4e5f60718293a4b5c6d
                 */
                environment_id: components["parameters"]["EnvironmentIdPath"];
            };
            cookie?: never;
        };
        /**
         * Get an environment
         * @description Returns one environment. Archived environments remain retrievable; deleted ones are a 404.
         */
        get: operations["getEnvironment"];
        put?: never;
        /**
         * Update an environment
         * @description Changes the environment; omitted fields keep their value. `description: null` clears the description; `config` replaces the configuration's given fields (omitted cloud fields are kept) and cannot be `null`; `metadata` is a per-key patch (`null` or `""` deletes a key). Changes apply to sessions started afterwards. `{}` is a no-op. An archived environment can still be updated (it stays archived).
         */
        post: operations["updateEnvironment"];
        /**
         * Delete an environment
         * @description Deletes the environment for good. Refused with a 409 `conflict_error` while any session references it, deleted sessions and the sessions of deployment runs included: archive it instead. A deployment that has never run does not block the deletion; its next scheduled run then fails with `environment_not_found_error` and pauses the deployment (`paused_reason: {type: "error", …}`). Returns `{id, type: "environment_deleted"}`.
         */
        delete: operations["deleteEnvironment"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List models
         * @description Lists the models enabled for the account, newest first, as `{data, has_more}`. The list is not paginated in practice (`has_more` is false); the official SDKs still send `limit` (1–1000), `after_id` and `before_id`, which are accepted.
         */
        get: operations["listModels"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** @description An agent: a versioned configuration of model, system prompt, tools, MCP servers and skills. Every change through the update operation creates a new version (starting at 1); sessions and deployments pin a version. */
        Agent: {
            id: components["schemas"]["AgentId"];
            /** @constant */
            type: "agent";
            /**
             * @description Human-readable name (1–256 characters).
             * @example daily-report-agent
             */
            name: string;
            /** @description What the agent does; empty when not set. */
            description: string | null;
            model: components["schemas"]["AgentModel"];
            /** @description System prompt; empty when not set. */
            system: string | null;
            tools: components["schemas"]["AgentTool"][];
            mcp_servers: components["schemas"]["McpServer"][];
            skills: components["schemas"]["AgentSkill"][];
            /** @description Coordinator topology, or `null` for a single-agent configuration. */
            multiagent?: components["schemas"]["Multiagent"] | null;
            metadata: components["schemas"]["KeyValueMetadata"];
            /** @description The version this object describes: the current version, or the requested one for `?version=N` and in the versions list. Starts at 1 and increments with every update. */
            version: number;
            /** @description Whether the agent is archived (also signalled by a non-null `archived_at`). */
            archived?: boolean;
            /**
             * Format: date-time
             * @description When the agent was archived; null while it is not.
             */
            archived_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /**
         * @description Agent ID, the prefix `agent_` followed by lowercase letters and digits.
         * @example agent_019eb4d4a06d747c865d5800b9c57ae2
         */
        AgentId: string;
        /** @description One page of agents, newest first. */
        AgentList: {
            data: components["schemas"]["Agent"][];
            /** @description ID of the first agent on this page (pass as `before_id` to page backwards); null when empty. */
            first_id?: components["schemas"]["AgentId"] | null;
            /** @description ID of the last agent on this page (pass as `after_id` to page forwards); null when empty. */
            last_id?: components["schemas"]["AgentId"] | null;
            has_more: boolean;
            /** @description Opaque cursor for the next page (pass as `page`); null when `has_more` is false. */
            next_page: string | null;
        };
        /** @description The model that powers the agent, as it was given: a model ID (`"ultimate"`, `"auto"`; see `GET /models`) or a model configuration object. */
        AgentModel: string | {
            /** @description Model ID, as listed by `GET /models`. */
            id: string;
            effort?: components["schemas"]["ModelEffort"];
            /** @description Context window in tokens; one of the model's `available_context_windows`. */
            context_window?: number;
            speed?: components["schemas"]["ModelSpeed"];
            /** @description Geographic region for model inference, when set. */
            inference_geo?: string;
        };
        /** @description The model: a model ID string from `GET /models` (e.g. `"ultimate"`), or an object `{id, effort?, context_window?, speed?, inference_geo?}` for finer control. `effort` must be one of the model's `efforts` (a model without efforts, e.g. `auto`, takes none) and `context_window` one of its `available_context_windows` (else 400). On update the object replaces the stored model as a whole. */
        AgentModelParams: string | {
            /** @description Model ID, as listed by `GET /models`. */
            id: string;
            /** @description Reasoning effort; omitted or `null` = the model's `default_effort`. */
            effort?: components["schemas"]["ModelEffort"] | null;
            /** @description Context window in tokens; omitted or `null` = the model's `default_context_window`. */
            context_window?: number | null;
            /** @description Inference speed; omitted or `null` = `standard`. */
            speed?: components["schemas"]["ModelSpeed"] | null;
            /** @description Geographic region for inference; omitted or `null` = the workspace default. */
            inference_geo?: string | null;
        };
        /** @description The agent a deployment runs, always resolved to a concrete version in responses. A deployment created with a bare agent ID (or an agent object without a `version`) is pinned to the agent's latest version at that time. */
        AgentReference: {
            id: components["schemas"]["AgentId"];
            /** @constant */
            type: "agent";
            /** @description The pinned agent version. */
            version: number;
        };
        /** @description The agent to run: either its ID as a string (pins the agent's latest version now; on update it re-pins to the latest version), or an object `{id, type: "agent", version?}`: with `version` it pins that version; without it (or with `null`) it pins the latest version, as the string does. The agent must exist and must not be archived (else 400). */
        AgentReferenceParams: components["schemas"]["AgentId"] | {
            id: components["schemas"]["AgentId"];
            /**
             * @description Required in the object form.
             * @constant
             */
            type: "agent";
            /** @description The agent version to pin; omitted or `null` = the latest version. */
            version?: number | null;
        };
        /** @description A skill bound to the agent, resolved to a version. */
        AgentSkill: {
            /**
             * @description `custom` for an uploaded skill (`skill_…`), `qoder` for a Qoder-managed one.
             * @enum {string}
             */
            type: "custom" | "qoder";
            skill_id: string;
            /** @description The skill version in use. */
            version?: string;
        };
        /** @description A skill to bind: an uploaded skill (`type: custom`, `skill_id: skill_…`) or a Qoder-managed one (`type: qoder`), optionally pinned to a `version` (a string; omitted or `null` = the latest). */
        AgentSkillParams: {
            /** @enum {string} */
            type: "custom" | "qoder";
            skill_id: string;
            version?: string | null;
        };
        /** @description One entry of an agent's `tools`, by `type`. */
        AgentTool: components["schemas"]["AgentToolset20260401"] | components["schemas"]["McpToolset"] | components["schemas"]["CustomTool"] | components["schemas"]["BrowserToolset20260714"];
        /** @description One tool entry, by `type`: `agent_toolset_20260401` (built-in tools), `mcp_toolset` (tools of a declared MCP server), `custom` (client-executed) or `browser_toolset_20260714` (Browser Use, beta: needs the `x-qoder-beta: browser-use-2026-07-14` header). */
        AgentToolParams: components["schemas"]["AgentToolset20260401Params"] | components["schemas"]["McpToolsetParams"] | components["schemas"]["CustomToolParams"] | components["schemas"]["BrowserToolset20260714"];
        /**
         * AgentToolset20260401
         * @description The built-in tools (Bash, Read, Write, Edit, Glob, Grep, WebFetch, WebSearch, ImageSearch, ImageGen, DeliverArtifacts). An empty or absent `enabled_tools` enables all of them.
         */
        AgentToolset20260401: {
            /** @constant */
            type: "agent_toolset_20260401";
            /** @description Allowlist of built-in tool names; tools outside it are invisible to the model. */
            enabled_tools?: string[];
            /** @description Built-in tools hidden from the model. */
            disallowed_tools?: string[];
            configs?: components["schemas"]["ToolConfig"][];
            default_config?: components["schemas"]["ToolsetDefaultConfig"];
        };
        /**
         * AgentToolset20260401Params
         * @description The built-in tools. `enabled_tools` is an allowlist (empty or omitted = every built-in tool, including `DeliverArtifacts`); an unknown tool name is a 400. `configs[]` overrides `default_config` per tool.
         */
        AgentToolset20260401Params: {
            /** @constant */
            type: "agent_toolset_20260401";
            /** @description Allowlist of built-in tool names. */
            enabled_tools?: string[] | null;
            /** @description Built-in tools to hide from the model. */
            disallowed_tools?: string[] | null;
            configs?: components["schemas"]["ToolConfigParams"][] | null;
            default_config?: components["schemas"]["ToolsetDefaultConfigParams"] | null;
        };
        /** @description One page of an agent's version snapshots, newest version first. */
        AgentVersionList: {
            data: components["schemas"]["Agent"][];
            has_more: boolean;
            /** @description Opaque cursor for the next page (pass as `page`); null when `has_more` is false. */
            next_page: string | null;
        };
        /**
         * Base64Source
         * @description Inline base64-encoded bytes with their MIME type.
         */
        Base64Source: {
            /** @constant */
            type: "base64";
            /**
             * @description MIME type of the data, e.g. `image/png` or `application/pdf`.
             * @example image/png
             */
            media_type: string;
            /** @description Base64-encoded bytes. */
            data: string;
        };
        /**
         * BrowserToolset20260714
         * @description Browser Use (beta): the platform-managed `browser_*` tools and the session's live preview. Writing it into an agent's `tools` requires the request header `x-qoder-beta: browser-use-2026-07-14` (else 400). It takes no other field.
         */
        BrowserToolset20260714: {
            /** @constant */
            type: "browser_toolset_20260714";
        };
        /**
         * @description Hard spend ceiling copied onto every session a run creates: the session stops issuing model requests once its tracked list cost reaches `max_list_cost`. Shape from the official SDKs.
         * @example {
         *       "type": "limit",
         *       "max_list_cost": {
         *         "amount": "2500",
         *         "currency": "USD"
         *       }
         *     }
         */
        Budget: {
            /**
             * @description The only budget kind, a hard limit.
             * @constant
             */
            type: "limit";
            max_list_cost: components["schemas"]["MonetaryAmount"];
        };
        /**
         * @description Hard spend ceiling for every session a run creates (sessions stop issuing model requests once their tracked list cost reaches `max_list_cost`). The agent's model must have a public list price.
         * @example {
         *       "type": "limit",
         *       "max_list_cost": {
         *         "amount": "2500",
         *         "currency": "USD"
         *       }
         *     }
         */
        BudgetParams: {
            /**
             * @description The only budget kind, a hard limit.
             * @constant
             */
            type: "limit";
            max_list_cost: components["schemas"]["MonetaryAmountParams"];
        };
        /** @description Reserved metadata key holding Qoder-specific execution settings and server-maintained statistics. It is exempt from the metadata limits (16 keys, 512-character string values). */
        CasConfig: {
            /**
             * @description Session reuse strategy (default `new_session`, a fresh session per run; the only documented value).
             * @example new_session
             */
            session_strategy?: string;
            config?: components["schemas"]["CasRunConfig"];
            stats?: components["schemas"]["CasStats"];
        };
        /** @description Input form of the reserved `metadata.cas_config` key (settings only; `stats` is server-maintained). Exempt from the metadata limits. */
        CasConfigParams: {
            /**
             * @description Session reuse strategy (default `new_session`, the only documented value).
             * @example new_session
             */
            session_strategy?: string;
            config?: components["schemas"]["CasRunConfigParams"];
        };
        /** @description Execution settings of the reserved `metadata.cas_config` block. */
        CasRunConfig: {
            /** @description Retry attempts after a failed run (default 0); retries appear as runs with `trigger_context.type` `retry`. */
            max_retries?: number;
            /** @description Per-run timeout in milliseconds (default 300000). */
            timeout_ms?: number;
            /** @description Maximum concurrent runs (default 1); a run triggered beyond it is recorded as `skipped`. */
            max_concurrent?: number;
        };
        /** @description Execution settings to store in `metadata.cas_config.config`; omitted settings take their defaults. */
        CasRunConfigParams: {
            /** @description Retry attempts after a failed run (default 0). */
            max_retries?: number;
            /** @description Per-run timeout in milliseconds (default 300000). */
            timeout_ms?: number;
            /** @description Maximum concurrent runs (default 1); a run triggered beyond it is recorded as `skipped`. */
            max_concurrent?: number;
        };
        /** @description Qoder execution details of a run (Gen-1 shape only). */
        CasRunExtras: {
            /** @description Attempt number, 1 for the first try. */
            attempt?: number;
            /** @description The session turn the run started. */
            turn_id?: string;
            /** Format: date-time */
            started_at?: string;
        };
        /** @description Server-maintained run counters of the reserved `metadata.cas_config` block (response only). */
        CasStats: {
            total_runs?: number;
            total_failures?: number;
            consecutive_failures?: number;
            /**
             * Format: date-time
             * @description Next scheduled fire time; present for scheduled deployments.
             */
            next_trigger_at?: string;
            /**
             * Format: date-time
             * @description When the last run was triggered; present after the first run.
             */
            last_triggered_at?: string;
        };
        /**
         * CloudConfig
         * @description A container in Qoder's cloud, with its network policy, packages and setup script. `networking` is absent when the default policy applies (`limited`, nothing allowed).
         */
        CloudConfig: {
            /** @constant */
            type: "cloud";
            networking?: components["schemas"]["Networking"];
            packages?: components["schemas"]["Packages"];
            /** @description Shell script run with `/bin/bash -lc` after the packages are installed. */
            setup_script?: string | null;
        };
        /**
         * CloudConfigParams
         * @description A cloud container. On update, omitted fields keep their value. `setup_script` runs with `/bin/bash -lc` after the packages on every sandbox provision (make it idempotent); a non-zero exit aborts the session's start.
         */
        CloudConfigParams: {
            /**
             * @description May be omitted, as the official SDKs allow; `{}` is refused.
             * @constant
             */
            type?: "cloud";
            /** @description Network policy; omitted or `null` on create = `limited`. */
            networking?: components["schemas"]["NetworkingParams"] | null;
            packages?: components["schemas"]["PackagesParams"] | null;
            setup_script?: string | null;
        };
        /** @description One block of a user message, discriminated by `type`. */
        ContentBlock: components["schemas"]["TextBlock"] | components["schemas"]["ImageBlock"] | components["schemas"]["DocumentBlock"] | components["schemas"]["RedactedBlock"];
        /** @description Where a document block's data comes from. */
        ContentSource: components["schemas"]["Base64Source"] | components["schemas"]["PlainTextSource"] | components["schemas"]["UrlSource"] | components["schemas"]["FileSource"];
        /** @description Body of the create operation. Unknown fields are a 400. Every optional field also accepts `null` (= not set), as the official SDKs send it. */
        CreateAgentParams: {
            /** @description Agent name, 1–256 characters (kebab-case recommended). */
            name: string;
            model: components["schemas"]["AgentModelParams"];
            /** @description What the agent does; default empty. */
            description?: string | null;
            /** @description System prompt; default empty. */
            system?: string | null;
            /** @description Tool configurations, at most 128 entries; omitted, `null` or `[]` = no tools. */
            tools?: components["schemas"]["AgentToolParams"][] | null;
            /** @description MCP servers, at most 20, names unique, each referenced by an `mcp_toolset` in `tools`. */
            mcp_servers?: components["schemas"]["McpServerParams"][] | null;
            /** @description Skills available to the agent. */
            skills?: components["schemas"]["AgentSkillParams"][] | null;
            multiagent?: components["schemas"]["MultiagentParams"] | null;
            metadata?: components["schemas"]["KeyValueMetadataParams"] | null;
        };
        /** @description Body of the create operation. Unknown fields are rejected (400), so a misspelt field name cannot be silently ignored. Every optional field also accepts `null`, meaning "not set" (the official SDKs send it that way). */
        CreateDeploymentParams: {
            /** @description Deployment name, 1–256 characters. */
            name: string;
            /** @description Optional human-readable description; `null` = none. */
            description?: string | null;
            agent: components["schemas"]["AgentReferenceParams"];
            environment_id: components["schemas"]["EnvironmentId"];
            /** @description Cron schedule; omitted or `null` makes the deployment manual-only (no upcoming runs). */
            schedule?: components["schemas"]["ScheduleParams"] | null;
            /** @description 1–50 events sent, in order, to the session each run creates. */
            initial_events: components["schemas"]["InitialEvent"][];
            /** @description Up to 500 resources attached to each run's session (default none; `null` = none). */
            resources?: components["schemas"]["ResourceParams"][] | null;
            /** @description Up to 50 vaults whose credentials each run's session can use (default none; `null` = none). */
            vault_ids?: components["schemas"]["VaultId"][] | null;
            /** @description Metadata to store; `null` = none. */
            metadata?: components["schemas"]["MetadataParams"] | null;
            /** @description Environment variables for each run's session; `null` = none. */
            environment_variables?: components["schemas"]["EnvironmentVariables"] | null;
            /** @description Spend ceiling per run's session; `null` = none. */
            budget?: components["schemas"]["BudgetParams"] | null;
        };
        /** @description Body of the create operation. Unknown fields are a 400. `config` may be omitted (a cloud environment with `limited` networking) but not be `null` or `{}`. */
        CreateEnvironmentParams: {
            /** @description Environment name; must not be blank. */
            name: string;
            description?: string | null;
            config?: components["schemas"]["EnvironmentConfigParams"];
            /** @description Visibility (only meaningful for self-hosted environments); omitted or `null` = the organization's default. */
            scope?: components["schemas"]["EnvironmentScope"] | null;
            metadata?: components["schemas"]["KeyValueMetadataParams"] | null;
        };
        /**
         * CustomTool
         * @description A tool the API client executes: when the agent calls it, the session emits `agent.custom_tool_use` and waits for a `user.custom_tool_result` event.
         */
        CustomTool: {
            /** @constant */
            type: "custom";
            name: string;
            description?: string;
            /** @description JSON Schema of the tool's input (an object schema). */
            input_schema: {
                [key: string]: unknown;
            };
        };
        /**
         * CustomToolParams
         * @description A client-executed tool: `name` (1–128 letters, digits, `_` or `-`, unique among the agent's tools), a `description` shown to the model, and an `input_schema` (a JSON Schema whose `type` is `object`).
         */
        CustomToolParams: {
            /** @constant */
            type: "custom";
            name: string;
            /** @description What the tool does, shown to the agent. */
            description: string;
            /** @description JSON Schema for the tool input; extra JSON Schema keywords are kept. */
            input_schema: {
                /** @constant */
                type?: "object";
                properties?: {
                    [key: string]: unknown;
                } | null;
                required?: string[] | null;
            } & {
                [key: string]: unknown;
            };
        };
        /** @description Defines the outcome the agent should iterate towards, optionally graded by a rubric. */
        DefineOutcomeEvent: {
            /** @constant */
            type: "user.define_outcome";
            /** @description What a successful outcome looks like. */
            description: string;
            rubric: components["schemas"]["Rubric"];
            /** @description Maximum improvement iterations (default 3, at most 20). */
            max_iterations?: number | null;
        };
        /** @description Confirmation that an environment was deleted. */
        DeletedEnvironment: {
            id: components["schemas"]["EnvironmentId"];
            /** @constant */
            type: "environment_deleted";
        };
        /** @description A deployment binds an agent, an environment and initial events to an optional cron schedule. Each run (scheduled or manual) creates a new session that receives the initial events. */
        Deployment: {
            id: components["schemas"]["DeploymentId"];
            /** @constant */
            type: "deployment";
            /**
             * @description Name of the deployment (at most 256 characters on input). Archiving appends `_archived_<unix_timestamp>` so that the original name can be reused.
             * @example api-doc-verification-deployment
             */
            name: string;
            /** @description Human-readable description; empty or null when not set. */
            description: string | null;
            agent: components["schemas"]["AgentReference"];
            environment_id: components["schemas"]["EnvironmentId"];
            /** @description Events sent to each run's session, in order. */
            initial_events: components["schemas"]["InitialEvent"][];
            /** @description Resources attached to each run's session, without write-only secrets. */
            resources: components["schemas"]["Resource"][];
            /** @description Vaults whose credentials each run's session can use. */
            vault_ids: components["schemas"]["VaultId"][];
            metadata: components["schemas"]["Metadata"];
            /** @description The cron schedule, or null for a manual-only deployment. */
            schedule: components["schemas"]["Schedule"] | null;
            status: components["schemas"]["DeploymentStatus"];
            /** @description Why the deployment is paused; null unless `status` is `paused`. */
            paused_reason: components["schemas"]["PausedReason"] | null;
            /**
             * Format: date-time
             * @description When the deployment was archived; null while it is not archived.
             */
            archived_at: string | null;
            /** Format: date-time */
            created_at: string;
            /**
             * Format: date-time
             * @description Refreshed by update, pause, unpause and archive.
             */
            updated_at: string;
            environment_variables?: components["schemas"]["EnvironmentVariables"];
            /** @description Spend ceiling per run's session, or null when none is set. */
            budget?: components["schemas"]["Budget"] | null;
        };
        /**
         * @description Deployment ID, the prefix `dep_` followed by lowercase letters and digits (observed as 32 hex characters, UUIDv7-like).
         * @example dep_019ec556114c78f8b60ee34fcb98bf59
         */
        DeploymentId: string;
        /** @description One page of deployments, newest first. */
        DeploymentList: {
            /** @description Array of Deployment objects. */
            data: components["schemas"]["Deployment"][];
            /** @description ID of the first deployment on this page (pass as `before_id` to page backwards); null when empty. */
            first_id: components["schemas"]["DeploymentId"] | null;
            /** @description ID of the last deployment on this page (pass as `after_id` to page forwards); null when empty. */
            last_id: components["schemas"]["DeploymentId"] | null;
            /** @description Whether more deployments follow this page. */
            has_more: boolean;
            /** @description Cursor for the next page (pass as `page`); null when `has_more` is false. Treat it as opaque: today it equals `last_id`. */
            next_page: string | null;
        };
        /** @description One execution of a deployment. The eight required fields are the append-only record of whether the run's session was created: exactly one of `session_id` and `error` is non-null in that shape. The optional `status`, `cas_run_extras`, `triggered_at`, `completed_at` and `duration_ms` add lifecycle tracking and appear in the Gen-1 shape of the API. */
        DeploymentRun: {
            id: components["schemas"]["DeploymentRunId"];
            /** @constant */
            type: "deployment_run";
            agent: components["schemas"]["AgentReference"];
            /** Format: date-time */
            created_at: string;
            deployment_id: components["schemas"]["DeploymentId"];
            /** @description Why the run failed; null when it did not fail. */
            error: components["schemas"]["DeploymentRunError"] | null;
            /** @description The session the run created; null when session creation failed. */
            session_id: components["schemas"]["SessionId"] | null;
            trigger_context: components["schemas"]["TriggerContext"];
            status?: components["schemas"]["DeploymentRunStatus"];
            cas_run_extras?: components["schemas"]["CasRunExtras"];
            /** Format: date-time */
            triggered_at?: string;
            /**
             * Format: date-time
             * @description Present only once the run reached a terminal state.
             */
            completed_at?: string;
            /** @description Run duration in milliseconds; present once completed. */
            duration_ms?: number;
        };
        /** @description Why the run failed to create (or complete) its session. */
        DeploymentRunError: {
            type: components["schemas"]["RunErrorType"];
            message: string;
        };
        /**
         * @description Deployment run ID, the prefix `drun_` followed by lowercase letters and digits.
         * @example drun_019ec55694c07f2a9b402ffb4448ec18
         */
        DeploymentRunId: string;
        /** @description One page of deployment runs, newest first. */
        DeploymentRunList: {
            data: components["schemas"]["DeploymentRun"][];
            /** @description ID of the first run on this page (pass as `before_id` to page backwards); null when empty. */
            first_id: components["schemas"]["DeploymentRunId"] | null;
            /** @description ID of the last run on this page (pass as `after_id` to page forwards); null when empty. */
            last_id: components["schemas"]["DeploymentRunId"] | null;
            /** @description Whether more runs follow this page. */
            has_more: boolean;
            /** @description Opaque cursor for the next page (pass as `page`); null when `has_more` is false. */
            next_page: string | null;
        };
        /**
         * @description Lifecycle state of a run (Gen-1 shape only). `skipped`: the concurrency limit (`cas_config.config.max_concurrent`) was reached, so no session was started.
         * @enum {string}
         */
        DeploymentRunStatus: "pending" | "running" | "completed" | "failed" | "skipped";
        /**
         * @description `active`: the schedule fires and manual runs are accepted. `paused`: nothing fires and manual runs are refused (409). Archived deployments keep reporting their last status (usually `active`): check `archived_at` to tell them apart.
         * @enum {string}
         */
        DeploymentStatus: "active" | "paused";
        /** @description A document content block (PDF or plain text). */
        DocumentBlock: {
            /** @constant */
            type: "document";
            source: components["schemas"]["ContentSource"];
            /** @description Optional document title. */
            title?: string | null;
            /** @description Optional context about the document for the agent. */
            context?: string | null;
        };
        /** @description Body of the state-change operations (pause, unpause, archive, run): none is needed, but clients that always send JSON may send `{}`. Any field is rejected (400). */
        EmptyBody: Record<string, never>;
        /** @description An environment: the container configuration sessions run in. It is usable as soon as it is created (there is no status); the container is provisioned when a session starts. */
        Environment: {
            id: components["schemas"]["EnvironmentId"];
            /** @constant */
            type: "environment";
            /** @example python-data-env */
            name: string;
            /** @description Description; null when never set. */
            description: string | null;
            config: components["schemas"]["EnvironmentConfig"];
            scope?: components["schemas"]["EnvironmentScope"];
            metadata: components["schemas"]["KeyValueMetadata"];
            /** @description Whether the environment is archived (also signalled by a non-null `archived_at`). */
            archived?: boolean;
            /**
             * Format: date-time
             * @description When the environment was archived; null while it is not.
             */
            archived_at: string | null;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            updated_at: string;
        };
        /** @description Where sessions run, by `type`. */
        EnvironmentConfig: components["schemas"]["CloudConfig"] | components["schemas"]["SelfHostedConfig"];
        /** @description Environment configuration by `type`: `cloud` or `self_hosted`. When given it must be an object with `type` (`{}` or `null` is a 400). */
        EnvironmentConfigParams: components["schemas"]["CloudConfigParams"] | components["schemas"]["SelfHostedConfigParams"];
        /**
         * @description Environment ID, the prefix `env_` followed by lowercase letters and digits.
         * @example env_019e64e01a137caf953ac2ac7b42ec5c
         */
        EnvironmentId: string;
        /** @description One page of environments, newest first. */
        EnvironmentList: {
            data: components["schemas"]["Environment"][];
            first_id?: components["schemas"]["EnvironmentId"] | null;
            last_id?: components["schemas"]["EnvironmentId"] | null;
            has_more: boolean;
            /** @description Opaque cursor for the next page (pass as `page`); null when `has_more` is false. */
            next_page: string | null;
        };
        /**
         * @description Who sees the environment: `organization` (every account of the organization) or `account` (the owning account only).
         * @enum {string}
         */
        EnvironmentScope: "organization" | "account";
        /**
         * @description Environment variables for each run's session as `KEY=VALUE` pairs separated by `;` or newlines. Names match `[A-Za-z_][A-Za-z0-9_]*`; the reserved names `SERVER_ENDPOINT`, `USER_ID`, `WORK_DIR` and the prefixes `CAW_` and `QODER_` are rejected with a 400. The official SDKs type the field; its format and rules come from Qoder's skill reference (the same as a session's).
         * @example REPORT_LANG=en;REPORT_FORMAT=markdown
         */
        EnvironmentVariables: string;
        /** @description The body of every error response. */
        ErrorEnvelope: {
            /** @constant */
            type: "error";
            /** @description The caller's `x-request-id` header if it sent one, else an ID (UUID) the server generated. Quote it when reporting a problem. */
            request_id: string;
            error: {
                type: components["schemas"]["ErrorType"];
                /** @description Human-readable description of the problem. */
                message: string;
                /** @description The request parameter or body field at fault, when there is one. */
                param?: string;
                /** @description A finer-grained, machine-readable error code, when the API gives one (read by the official SDKs as `error.code`). */
                code?: string;
            };
        };
        /** @description The deployment was paused automatically because a scheduled run failed with this error (SDK-documented behaviour; the docs pages only show manual pauses). */
        ErrorPausedReason: {
            /** @constant */
            type: "error";
            error: {
                type: components["schemas"]["PausedReasonErrorType"];
                /** @description Human-readable detail, when given (older data carries it; the SDKs read `type` only). */
                message?: string;
            };
        };
        /**
         * @description Category of an API error, fixed per HTTP status: 400 `invalid_request_error`, 401 `authentication_error`, 403 `permission_error`, 404 `not_found_error`, 409 `conflict_error`, 429 `rate_limit_error`, 500 `api_error`.
         * @enum {string}
         */
        ErrorType: "invalid_request_error" | "authentication_error" | "permission_error" | "not_found_error" | "conflict_error" | "rate_limit_error" | "api_error";
        /**
         * @description File ID, the prefix `file_` followed by lowercase letters and digits.
         * @example file_019ec3f2a1b07c1d9e8f6a5b4c3d2e1f
         */
        FileId: string;
        /** @description An uploaded file mounted into each run's session. */
        FileResource: {
            /** @constant */
            type: "file";
            file_id: components["schemas"]["FileId"];
            /** @description Where the file is mounted; defaults to `/mnt/session/uploads/<file_id>`. */
            mount_path?: string | null;
        };
        /**
         * FileSource
         * @description A file uploaded through the Files API.
         */
        FileSource: {
            /** @constant */
            type: "file";
            file_id: components["schemas"]["FileId"];
        };
        /** @description A GitHub repository cloned into each run's session, as answers show it: the `authorization_token` sent on create or update is never returned. */
        GithubRepositoryResource: {
            /** @constant */
            type: "github_repository";
            /**
             * Format: uri
             * @description HTTPS URL of the repository.
             * @example https://github.com/acme/reports
             */
            url: string;
            /** @description What to check out; defaults to the repository's default branch. */
            checkout?: components["schemas"]["RepositoryCheckout"] | null;
            /** @description Where the repository is mounted; defaults to `/workspace/<repo-name>`. */
            mount_path?: string | null;
        };
        /** @description A GitHub repository to clone into each run's session, as sent on create and update. The `authorization_token` is required here and never returned (see `GithubRepositoryResource`). */
        GithubRepositoryResourceParams: {
            /** @constant */
            type: "github_repository";
            /**
             * Format: uri
             * @description HTTPS URL of the repository.
             * @example https://github.com/acme/reports
             */
            url: string;
            /** @description Token used to clone the repository. Write-only; never echoed in responses. */
            authorization_token: string;
            /** @description What to check out; defaults to the repository's default branch. */
            checkout?: components["schemas"]["RepositoryCheckout"] | null;
            /** @description Where the repository is mounted; defaults to `/workspace/<repo-name>`. */
            mount_path?: string | null;
        };
        /** @description An image content block. */
        ImageBlock: {
            /** @constant */
            type: "image";
            source: components["schemas"]["ImageSource"];
        };
        /** @description Where an image block's data comes from (a base64 payload, a URL or an uploaded file; no plain text). */
        ImageSource: components["schemas"]["Base64Source"] | components["schemas"]["UrlSource"] | components["schemas"]["FileSource"];
        /** @description An event sent to the session each run creates, discriminated by `type`. */
        InitialEvent: components["schemas"]["UserMessageEvent"] | components["schemas"]["DefineOutcomeEvent"] | components["schemas"]["SystemMessageEvent"];
        /** @description User metadata of an agent or environment; at most 16 pairs, keys ≤ 64 and values ≤ 512 characters. */
        KeyValueMetadata: {
            [key: string]: string;
        };
        /** @description Metadata to store; at most 16 pairs, keys 1–64 characters, string values of at most 512 characters. */
        KeyValueMetadataParams: {
            [key: string]: string;
        };
        /** @description Metadata patch: a string value inserts or replaces that key, `null` deletes it (on an environment `""` deletes it too), keys not mentioned are kept. The stored result must hold at most 16 keys (else 400). */
        KeyValueMetadataPatch: {
            [key: string]: string | null;
        };
        /** @description The deployment was paused by a call to the pause operation. */
        ManualPausedReason: {
            /** @constant */
            type: "manual";
        };
        /** @description The run was started by the run operation. */
        ManualTrigger: {
            /** @constant */
            type: "manual";
        };
        /** @description A URL-based MCP server the agent connects to. Credentials come from vaults, never from here. */
        McpServer: {
            /** @constant */
            type: "url";
            /** @description Unique within the agent; referenced by an `mcp_toolset`. */
            name: string;
            /** @description Endpoint URL of the MCP server. */
            url: string;
        };
        /** @description A URL-based MCP server: a `name` unique within the agent (1–255 characters) that an `mcp_toolset` in `tools` must reference (an unreferenced server is a 400), and its `url`. Authentication goes through vault credentials (`static_bearer`), never an inline token. */
        McpServerParams: {
            /** @constant */
            type: "url";
            name: string;
            /**
             * Format: uri
             * @description Endpoint URL of the MCP server.
             */
            url: string;
        };
        /**
         * McpToolset
         * @description The tools of one MCP server declared in the agent's `mcp_servers`.
         */
        McpToolset: {
            /** @constant */
            type: "mcp_toolset";
            /** @description The `name` of an entry of the agent's `mcp_servers`. */
            mcp_server_name: string;
            configs?: components["schemas"]["ToolConfig"][];
            default_config?: components["schemas"]["ToolsetDefaultConfig"];
        };
        /**
         * McpToolsetParams
         * @description Tools of an MCP server: `mcp_server_name` must equal the `name` of an entry of the agent's `mcp_servers` (else 400).
         */
        McpToolsetParams: {
            /** @constant */
            type: "mcp_toolset";
            /** @description Name of the MCP server, 1–255 characters. */
            mcp_server_name: string;
            configs?: {
                /** @description Name of the MCP tool, 1–128 characters. */
                name: string;
                enabled?: boolean | null;
                permission_policy?: components["schemas"]["PermissionPolicy"] | null;
            }[] | null;
            default_config?: components["schemas"]["ToolsetDefaultConfigParams"] | null;
        };
        /** @description A memory store attached to each run's session. */
        MemoryStoreResource: {
            /** @constant */
            type: "memory_store";
            /** @description Memory store ID (`memstore_` prefix). */
            memory_store_id: string;
            /**
             * @description Access mode granted to the session.
             * @enum {string|null}
             */
            access?: "read_write" | "read_only" | null;
            /** @description Guidance for the agent on how to use the store. */
            instructions?: string | null;
        };
        /** @description User metadata (string keys of at most 64 characters, string values of at most 512 characters) plus the reserved `cas_config` block that the server fills with execution settings and statistics. */
        Metadata: {
            cas_config?: components["schemas"]["CasConfig"];
            [key: string]: string | components["schemas"]["CasConfig"] | undefined;
        };
        /** @description Metadata to store: at most 16 user keys (key ≤ 64 characters, value a string ≤ 512 characters). The reserved key `cas_config` takes an object and does not count towards the 16 (expressed below as "17 properties allowed when `cas_config` is present"). */
        MetadataParams: {
            cas_config?: components["schemas"]["CasConfigParams"];
            [key: string]: string | components["schemas"]["CasConfigParams"] | undefined;
        };
        /** @description Metadata patch (merge-patch): a string value inserts or replaces that key, `null` deletes it, and keys not mentioned are kept. The stored result must still hold at most 16 user keys (else 400); `cas_config` is exempt and is replaced as a whole when given. */
        MetadataPatch: {
            cas_config?: components["schemas"]["CasConfigParams"];
            [key: string]: string | null | components["schemas"]["CasConfigParams"] | undefined;
        };
        /** @description A model enabled for the account. Use `id` as an agent's `model`, and `efforts` / `available_context_windows` to fill the object form's `effort` / `context_window`. Models without efforts (e.g. `auto`) take no `effort`. */
        Model: {
            /** @example ultimate */
            id: string;
            /** @constant */
            type: "model";
            display_name: string;
            is_enabled?: boolean;
            efforts?: components["schemas"]["ModelEffortLevel"][];
            default_effort?: components["schemas"]["ModelEffortLevel"] | null;
            default_context_window?: number;
            available_context_windows?: number[];
            /**
             * Format: date-time
             * @description Release time of the model, when given.
             */
            created_at?: string;
            max_input_tokens?: number;
            max_tokens?: number;
            /** @description Model IDs this model accepts as fallbacks; empty when it takes none. */
            allowed_fallback_models?: string[];
            /** @description What the model supports, each capability as `{supported: boolean}` (e.g. `image_input`, `pdf_input`, `structured_outputs`, `effort` with one entry per level, `thinking`). */
            capabilities?: {
                [key: string]: {
                    supported?: boolean;
                } & {
                    [key: string]: unknown;
                };
            };
            /** @description Where the model comes from, as the API names it. */
            source?: string;
            /** @description Whether the model was released recently. */
            is_new?: boolean;
            /** @description The model's price relative to the base price. */
            price_factor?: number;
        };
        /** @description How hard the model works on each turn: a bare level (`"high"`) or the object form `{"type": "high"}`; both mean the same (the official SDKs accept either). */
        ModelEffort: components["schemas"]["ModelEffortLevel"] | {
            type: components["schemas"]["ModelEffortLevel"];
        };
        /**
         * @description A reasoning-effort level. Not every model accepts every level: `GET /models` lists a model's `efforts`, and an unsupported combination is refused (400).
         * @enum {string}
         */
        ModelEffortLevel: "low" | "medium" | "high" | "xhigh" | "max";
        /** @description The models enabled for the account, newest first. Not paginated in practice (`has_more` is false). */
        ModelList: {
            data: components["schemas"]["Model"][];
            has_more: boolean;
            first_id?: string | null;
            last_id?: string | null;
        };
        /**
         * @description Inference speed mode; `fast` trades price for faster output. Not every model supports `fast` (400 when refused).
         * @enum {string}
         */
        ModelSpeed: "standard" | "fast";
        /** @description An amount of money in minor units of its currency (`{"amount": "2500", "currency": "USD"}` is 25.00 USD). The amount is a string so that no client loses precision on large values. */
        MonetaryAmount: {
            /**
             * @description Integer number of minor units (cents for USD), without sign or leading zeros.
             * @example 2500
             */
            amount: string;
            /**
             * @description ISO 4217 currency code. Only `USD` is accepted.
             * @enum {string}
             */
            currency: "USD";
        };
        /** @description An amount of money in minor units of its currency (`{"amount": "2500", "currency": "USD"}` is 25.00 USD). */
        MonetaryAmountParams: {
            /**
             * @description Integer number of minor units (cents for USD), without sign or leading zeros.
             * @example 2500
             */
            amount: string;
            /**
             * @description ISO 4217 currency code. Only `USD` is accepted.
             * @enum {string}
             */
            currency: "USD";
        };
        /** @description Coordinator topology: the session's primary thread may spawn session threads running the agents of this roster, each resolved to a concrete version, and consult the advisor model when the roster has one. */
        Multiagent: {
            /** @constant */
            type: "coordinator";
            agents: (components["schemas"]["AgentReference"] | {
                /** @constant */
                type: "advisor";
                model: components["schemas"]["AgentModel"];
            })[];
        };
        /** @description Coordinator topology: 1–20 distinct roster entries, each an agent ID (latest version), a pinned `{type: "agent", id, version}`, `{type: "self"}` (at most one) for recursive self-invocation, or `{type: "advisor", model}` (at most one): a model the session's primary thread may consult mid-turn. Referenced agents must exist, must not be archived and must not have `multiagent` themselves (400). */
        MultiagentParams: {
            /** @constant */
            type: "coordinator";
            agents: (components["schemas"]["AgentId"] | {
                /** @constant */
                type: "agent";
                id: components["schemas"]["AgentId"];
                /** @description Version to pin; omitted or `null` = the latest. */
                version?: number | null;
            } | {
                /** @constant */
                type: "self";
            } | {
                /** @constant */
                type: "advisor";
                /** @description The advisor's model ID (see `GET /models`). */
                model: string;
            })[];
        };
        /** @description The container's network policy: `unrestricted`, or `limited` (only `allowed_hosts`, plus package registries and the agent's MCP servers when allowed). */
        Networking: {
            /** @constant */
            type: "unrestricted";
        } | {
            /** @constant */
            type: "limited";
            /** @description Domains the container can reach. */
            allowed_hosts?: string[];
            /** @description Whether public package registries (PyPI, npm …) are reachable. */
            allow_package_managers?: boolean;
            /** @description Whether the agent's MCP server endpoints are reachable. */
            allow_mcp_servers?: boolean;
        };
        /** @description Network policy: `{"type": "unrestricted"}`, or `{"type": "limited", allowed_hosts?, allow_package_managers?, allow_mcp_servers?}` (both flags default to `false`). When `networking` is omitted on create it is `limited`; a string shorthand is a 400. */
        NetworkingParams: {
            /** @constant */
            type: "unrestricted";
        } | {
            /** @constant */
            type: "limited";
            allowed_hosts?: string[] | null;
            allow_package_managers?: boolean | null;
            allow_mcp_servers?: boolean | null;
        };
        /** @description Packages installed in the environment's container, per package manager (each a list of package specs). */
        Packages: {
            /** @constant */
            type?: "packages";
            apt?: string[];
            cargo?: string[];
            gem?: string[];
            go?: string[];
            npm?: string[];
            pip?: string[];
        };
        /** @description Packages to install, per package manager, as that manager's specs (`pip`: `package==1.0.0`; unversioned = latest). They install when a session starts, from the package registries: under `limited` networking (the default) that needs `allow_package_managers: true`, which nothing checks when the environment is written. `null` lists are empty. */
        PackagesParams: {
            /** @enum {string|null} */
            type?: "packages" | null;
            apt?: string[] | null;
            cargo?: string[] | null;
            gem?: string[] | null;
            go?: string[] | null;
            npm?: string[] | null;
            pip?: string[] | null;
        };
        /** @description Why a deployment is paused; non-null exactly when `status` is `paused`. */
        PausedReason: components["schemas"]["ManualPausedReason"] | components["schemas"]["ErrorPausedReason"];
        /**
         * @description Why a scheduled run failed so that the deployment was paused automatically: the run-error types except the transient `session_rate_limited_error` and `session_creation_rejected_error`.
         * @enum {string}
         */
        PausedReasonErrorType: "environment_archived_error" | "agent_archived_error" | "environment_not_found_error" | "vault_not_found_error" | "vault_archived_error" | "file_not_found_error" | "memory_store_archived_error" | "skill_not_found_error" | "session_resource_not_found_error" | "workspace_archived_error" | "organization_disabled_error" | "unknown_error" | "self_hosted_resources_unsupported_error" | "mcp_egress_blocked_error";
        /** @description Whether a tool call runs without asking (`always_allow`) or waits for a `user.tool_confirmation` event (`always_ask`). */
        PermissionPolicy: {
            /** @enum {string} */
            type: "always_allow" | "always_ask";
        };
        /**
         * PlainTextSource
         * @description Plain text given inline (documents only).
         */
        PlainTextSource: {
            /** @constant */
            type: "text";
            /** @constant */
            media_type: "text/plain";
            /** @description The document text. */
            data: string;
        };
        /** @description A placeholder for content the server redacted; carries no data. */
        RedactedBlock: {
            /** @constant */
            type: "redacted";
        };
        /** @description A branch by name, or a commit by its SHA. */
        RepositoryCheckout: {
            /** @constant */
            type: "branch";
            name: string;
        } | {
            /** @constant */
            type: "commit";
            sha: string;
        };
        /** @description A resource attached to the session each run creates, discriminated by `type`. */
        Resource: components["schemas"]["GithubRepositoryResource"] | components["schemas"]["FileResource"] | components["schemas"]["MemoryStoreResource"];
        /** @description A resource to attach to the session each run creates, as sent on create and update, discriminated by `type`. */
        ResourceParams: components["schemas"]["GithubRepositoryResourceParams"] | components["schemas"]["FileResource"] | components["schemas"]["MemoryStoreResource"];
        /** @description The run retries a failed run (`metadata.cas_config.config.max_retries`; Gen-1 docs only). */
        RetryTrigger: {
            /** @constant */
            type: "retry";
        };
        /** @description How the outcome is graded, given inline as text or as an uploaded file. */
        Rubric: {
            /** @constant */
            type: "text";
            content: string;
        } | {
            /** @constant */
            type: "file";
            file_id: components["schemas"]["FileId"];
        };
        /**
         * @description Why a run failed to create its session.
         * @enum {string}
         */
        RunErrorType: "environment_archived_error" | "agent_archived_error" | "environment_not_found_error" | "vault_not_found_error" | "vault_archived_error" | "file_not_found_error" | "memory_store_archived_error" | "skill_not_found_error" | "session_resource_not_found_error" | "workspace_archived_error" | "organization_disabled_error" | "session_rate_limited_error" | "session_creation_rejected_error" | "unknown_error" | "self_hosted_resources_unsupported_error" | "mcp_egress_blocked_error";
        /** @description The deployment's cron schedule as returned by the API, with the computed fire times. */
        Schedule: {
            /** @constant */
            type: "cron";
            /**
             * @description 5-field POSIX cron expression.
             * @example 0 9 * * *
             */
            expression: string;
            /**
             * @description IANA time zone in which the expression is evaluated.
             * @example Asia/Shanghai
             */
            timezone: string;
            /** @description Up to five next fire times (UTC); may be absent. Stays populated while the deployment is paused (a paused deployment does not fire them); becomes empty once the deployment is archived. Actual start times may be slightly later because of per-schedule jitter. */
            upcoming_runs_at?: string[];
            /**
             * Format: date-time
             * @description Start time of the most recent run; absent or null before the first run.
             */
            last_run_at?: string | null;
        };
        /** @description A cron schedule. All three fields are required, also on update (a partial schedule is a 400). Matching is literal wall-clock time in `timezone`. */
        ScheduleParams: {
            /** @constant */
            type: "cron";
            /**
             * @description Standard 5-field POSIX cron expression (`minute hour day-of-month month day-of-week`, day-of-week 0–7 where 0 and 7 are Sunday). No seconds or year fields, no `L W # ?`, no `@daily` shortcuts. An invalid expression is a 400 `invalid_request_error`.
             * @example 0 9 * * *
             */
            expression: string;
            /**
             * @description IANA time zone name, validated against the IANA database (an unknown zone is a 400).
             * @example Asia/Shanghai
             */
            timezone: string;
        };
        /** @description The run was fired by the cron schedule. */
        ScheduleTrigger: {
            /** @constant */
            type: "schedule";
            /**
             * Format: date-time
             * @description The fire time the run was scheduled for (the actual start may be slightly later).
             */
            scheduled_at?: string;
        };
        /**
         * SelfHostedConfig
         * @description Sessions run on the customer's own workers, which poll the environment's work queue.
         */
        SelfHostedConfig: {
            /** @constant */
            type: "self_hosted";
        };
        /**
         * SelfHostedConfigParams
         * @description A self-hosted environment; it takes no other field (session resources and environment variables are not supported there).
         */
        SelfHostedConfigParams: {
            /** @constant */
            type: "self_hosted";
        };
        /**
         * @description ID of the agent session a run created, the prefix `sess_` followed by lowercase letters and digits.
         * @example sess_019ec55694c47605a8904c8f3d842ccb
         */
        SessionId: string;
        /** @description A system instruction appended as a `role: "system"` turn. `content` is a plain string or a non-empty array of text blocks. */
        SystemMessageEvent: {
            /** @constant */
            type: "system.message";
            content: string | components["schemas"]["TextBlock"][];
        };
        /** @description A text content block. */
        TextBlock: {
            /** @constant */
            type: "text";
            text: string;
        };
        /** @description Configuration of one tool of a toolset: its name (a built-in tool such as `Bash` or `Read`, or a tool of the MCP server), whether it is enabled and its permission policy. */
        ToolConfig: {
            /** @description The tool's name. */
            name?: string;
            /** @description The built-in tool's type, when the server echoes it (for example `bash`). */
            type?: string;
            /** @description Whether the tool is available to the agent. */
            enabled?: boolean;
            permission_policy?: components["schemas"]["PermissionPolicy"];
            /** @description `web_fetch` and `web_search`: the domains the tool may reach, when limited. */
            allowed_domains?: string[] | null;
            /** @description `web_fetch` and `web_search`: the domains the tool must not reach. */
            blocked_domains?: string[] | null;
            /** @description `web_fetch`: the most tokens of a fetched page's content given to the agent. */
            max_content_tokens?: number | null;
            user_location?: components["schemas"]["UserLocation"] | null;
        };
        /** @description Per-tool override inside a toolset: the tool by `name` (built-in names: `Bash`, `DeliverArtifacts`, `Edit`, `Glob`, `Grep`, `ImageGen`, `ImageSearch`, `Read`, `WebFetch`, `WebSearch`, `Write`; MCP tools by their server-side name); the official SDKs also spell built-in tools in lower case in `type` (`bash`, `read` …). One of `name` and `type` is required. Omitted or `null` fields keep the toolset's `default_config`. */
        ToolConfigParams: {
            /** @description The tool's name (1–128 characters). */
            name?: string | null;
            /** @description The built-in tool's type, the SDK spelling of its name. */
            type?: string | null;
            /** @description Whether the tool is available; overrides `default_config.enabled`. */
            enabled?: boolean | null;
            permission_policy?: components["schemas"]["PermissionPolicy"] | null;
            /** @description `web_fetch` and `web_search` only: the domains the tool may reach (1–64; omit the field rather than send an empty list). Cannot be combined with `blocked_domains`. */
            allowed_domains?: string[] | null;
            /** @description `web_fetch` and `web_search` only: the domains the tool must not reach (1–64; omit the field rather than send an empty list). Cannot be combined with `allowed_domains`. */
            blocked_domains?: string[] | null;
            /** @description `web_fetch` only: the most tokens of a fetched page's content given to the agent. */
            max_content_tokens?: number | null;
            user_location?: components["schemas"]["UserLocation"] | null;
        } | {
            name: string;
        } | {
            type: string;
        };
        /** @description The configuration every tool of the toolset gets unless a `configs` entry overrides it. */
        ToolsetDefaultConfig: {
            enabled?: boolean;
            permission_policy?: components["schemas"]["PermissionPolicy"];
        };
        /** @description Default for every tool of the toolset: `enabled` (default `true`) and `permission_policy`. `null` fields keep the server default. */
        ToolsetDefaultConfigParams: {
            enabled?: boolean | null;
            permission_policy?: components["schemas"]["PermissionPolicy"] | null;
        };
        /** @description What triggered a run, discriminated by `type`. */
        TriggerContext: components["schemas"]["ScheduleTrigger"] | components["schemas"]["ManualTrigger"] | components["schemas"]["RetryTrigger"];
        /** @description Body of the update operation. `version` is required and must equal the agent's current version (optimistic concurrency: a stale one is a 409 "Version conflict"). Omitted fields keep their value; `tools`, `mcp_servers` and `skills` are replaced as a whole (`[]` or `null` clears them); `metadata` is patched per key. A successful update increments `version`. */
        UpdateAgentParams: {
            /** @description The agent's current version, from a create, get or previous update response. */
            version: number;
            /** @description New name (cannot be cleared). */
            name?: string;
            model?: components["schemas"]["AgentModelParams"];
            /** @description New description; `""` or `null` clears it. */
            description?: string | null;
            /** @description New system prompt; `""` or `null` clears it. */
            system?: string | null;
            tools?: components["schemas"]["AgentToolParams"][] | null;
            mcp_servers?: components["schemas"]["McpServerParams"][] | null;
            skills?: components["schemas"]["AgentSkillParams"][] | null;
            /** @description New coordinator topology; `null` removes it. */
            multiagent?: components["schemas"]["MultiagentParams"] | null;
            /** @description Metadata patch; `null` removes every key. */
            metadata?: components["schemas"]["KeyValueMetadataPatch"] | null;
        };
        /** @description Body of the update operation, with merge-patch semantics: fields that are present change, omitted fields keep their value. Arrays (`initial_events`, `resources`, `vault_ids`) are replaced as a whole; `metadata` is patched key by key. `null` clears `description`, `resources`, `vault_ids`, `budget`, `environment_variables` and `metadata`; `schedule: null` makes the deployment manual-only (its upcoming runs are dropped). `name`, `agent`, `environment_id` and `initial_events` cannot be cleared. An empty body `{}` is a no-op that returns the deployment unchanged. Unknown fields are rejected (400). */
        UpdateDeploymentParams: {
            /** @description New name, 1–256 characters (an empty name is a 400). */
            name?: string;
            /** @description New description; `""` or `null` clears it. */
            description?: string | null;
            agent?: components["schemas"]["AgentReferenceParams"];
            environment_id?: components["schemas"]["EnvironmentId"];
            /** @description New schedule (recomputes `upcoming_runs_at`); `null` makes the deployment manual-only. */
            schedule?: components["schemas"]["ScheduleParams"] | null;
            /** @description Replaces all initial events (1–50). */
            initial_events?: components["schemas"]["InitialEvent"][];
            /** @description Replaces all resources; `[]` or `null` removes them. */
            resources?: components["schemas"]["ResourceParams"][] | null;
            /** @description Replaces all vault IDs; `[]` or `null` removes them. */
            vault_ids?: components["schemas"]["VaultId"][] | null;
            /** @description Metadata patch; `null` removes every metadata key. */
            metadata?: components["schemas"]["MetadataPatch"] | null;
            /** @description Replaces the environment variables; `null` removes them. */
            environment_variables?: components["schemas"]["EnvironmentVariables"] | null;
            /** @description New spend ceiling; `null` removes it. */
            budget?: components["schemas"]["BudgetParams"] | null;
        };
        /** @description Body of the update operation; omitted fields keep their value, as do `name: null` (a name cannot be cleared) and `scope: null`. `description: null` clears it; `config` (not nullable) changes the configuration, omitted cloud fields kept; `metadata` is a patch (`null` or `""` deletes a key). Changes apply to sessions started afterwards. `{}` (or only fields that keep their value) is a no-op. */
        UpdateEnvironmentParams: {
            name?: string | null;
            description?: string | null;
            config?: components["schemas"]["EnvironmentConfigParams"];
            scope?: components["schemas"]["EnvironmentScope"] | null;
            metadata?: components["schemas"]["KeyValueMetadataPatch"] | null;
        };
        /**
         * UrlSource
         * @description Data fetched from a URL.
         */
        UrlSource: {
            /** @constant */
            type: "url";
            /** Format: uri */
            url: string;
        };
        /** @description `web_search` only: the approximate location that search results are localized for. Every field is optional. */
        UserLocation: {
            /** @constant */
            type?: "approximate";
            city?: string | null;
            region?: string | null;
            /** @description The country, as a two-letter ISO 3166-1 code (e.g. `US`). */
            country?: string | null;
            /** @description An IANA time zone (e.g. `America/New_York`). */
            timezone?: string | null;
        };
        /** @description A user turn sent to the agent when a run starts. `content` is either a plain string (the form the Gen-1 docs echo back) or a non-empty array of content blocks (the SDK form). */
        UserMessageEvent: {
            /** @constant */
            type: "user.message";
            content: string | components["schemas"]["ContentBlock"][];
        };
        /**
         * @description Vault ID, the prefix `vault_` followed by lowercase letters and digits.
         * @example vault_019ec3f2a1b07c1d9e8f6a5b4c3d2e1f
         */
        VaultId: string;
    };
    responses: {
        /** @description The agent does not exist, or is not visible to this account (404 not_found_error). */
        AgentNotFound: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The agent is already archived, or an `Idempotency-Key` reused with a different body (409 conflict_error). Not retried automatically. */
        ArchiveAgentConflict: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The deployment is already archived, or an `Idempotency-Key` reused with a different body (409 conflict_error). Not retried automatically. */
        ArchiveDeploymentConflict: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The environment is already archived, or an `Idempotency-Key` reused with a different body (409 conflict_error). Not retried automatically. */
        ArchiveEnvironmentConflict: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a malformed or unknown query parameter. */
        BadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a missing or malformed field, an unknown body field, a Browser Use toolset without the `x-qoder-beta: browser-use-2026-07-14` header, an MCP server no `mcp_toolset` references, an unknown model, effort or tool name, or a roster entry that is unknown or archived. */
        CreateAgentBadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a missing or malformed field, an unknown body field, an invalid cron expression or time zone, an invalid or reserved environment variable, or a reference to an agent, agent version or environment that does not exist or is archived. */
        CreateDeploymentBadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a missing, blank or malformed field, an unknown body field, or a `config` that is `null` or `{}`. */
        CreateEnvironmentBadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description A session still references the environment (a deployment run's included), or an `Idempotency-Key` reused with a different body (409 conflict_error). Not retried automatically. */
        DeleteEnvironmentConflict: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The deployment does not exist, or is not visible to this account (404 not_found_error). */
        DeploymentNotFound: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The deployment run does not exist, or is not visible to this account (404 not_found_error). */
        DeploymentRunNotFound: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a body that is not a JSON object, or any field in it (the operation takes none), or a malformed or unknown query parameter. */
        EmptyBodyBadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The environment does not exist (or was deleted), or is not visible to this account (404 not_found_error). */
        EnvironmentNotFound: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The token is valid but may not access this resource (403 permission_error). */
        Forbidden: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The agent (or the requested `version` of it) does not exist, or is not visible to this account (404 not_found_error). */
        GetAgentNotFound: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The deployment does not exist, or has no run with this ID (a run of another deployment included), or is not visible to this account (404 not_found_error). */
        GetRunOfDeploymentNotFound: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description An `Idempotency-Key` reused with a different body (409 conflict_error): a key names one request, and a replay must send the same body. Not retried automatically. */
        IdempotencyConflict: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Internal server error (500 api_error). Safe to retry with backoff for reads and for writes sent with an Idempotency-Key. */
        InternalServerError: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a `limit` outside 1–100, an invalid or expired `page` cursor, or another malformed or unknown query parameter. */
        ListAgentVersionsBadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a `limit` outside 1–1000, more than one of `page`, `after_id` and `before_id`, an invalid or expired `page` cursor, or another malformed or unknown query parameter (a filter value, a date-time). */
        ListBadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a `limit` outside 1–100, more than one of `page`, `after_id` and `before_id`, an invalid or expired `page` cursor, or another malformed or unknown query parameter (a date-time). */
        ListMax100BadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a `limit` outside 1–1000, both `after_id` and `before_id`, or another malformed or unknown query parameter. */
        ListModelsBadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The deployment is already paused or archived, or an `Idempotency-Key` reused with a different body (409 conflict_error). Not retried automatically. */
        PauseDeploymentConflict: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The deployment is archived or not `active` (a paused deployment cannot be run), or an `Idempotency-Key` reused with a different body (409 conflict_error). Not retried automatically. */
        RunDeploymentConflict: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Rate limited by the gateway (429). The API layer itself does not throttle; back off and honour Retry-After. */
        TooManyRequests: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                "Retry-After": components["headers"]["RetryAfter"];
                "retry-after-ms": components["headers"]["RetryAfterMs"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Missing, malformed, invalid, expired or revoked token (401 authentication_error). An `x-api-key` header is not accepted: send `Authorization: Bearer <token>`. */
        Unauthorized: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description The deployment is not paused or is archived, or an `Idempotency-Key` reused with a different body (409 conflict_error). Not retried automatically. */
        UnpauseDeploymentConflict: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): `version` missing, a malformed field, an unknown body field, a Browser Use toolset without the `x-qoder-beta: browser-use-2026-07-14` header, an MCP server no `mcp_toolset` references, an unknown model, effort or tool name, or a roster entry that is unknown or archived. */
        UpdateAgentBadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description A stale `version` ("Version conflict": get the agent and retry with its current version), an archived agent, or an `Idempotency-Key` reused with a different body (409 conflict_error). Not retried automatically. */
        UpdateAgentConflict: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a malformed field, an unknown body field, an invalid cron expression or time zone, an invalid or reserved environment variable, or a reference to an agent, agent version or environment that does not exist or is archived. */
        UpdateDeploymentBadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
        /** @description Invalid request (400 invalid_request_error): a blank or malformed field, an unknown body field, or a `config` that is `null` or `{}`. */
        UpdateEnvironmentBadRequest: {
            headers: {
                "x-request-id": components["headers"]["XRequestId"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorEnvelope"];
            };
        };
    };
    parameters: {
        /** @description Cursor: return the records that come after this ID in the list order (pass the previous page's `last_id`). Cannot be combined with `before_id`, nor with `page` on the lists that have it (400). */
        AfterId: string;
        /** @description Only deployments of this agent. */
        AgentIdFilter: components["schemas"]["AgentId"];
        /**
         * @description ID of the agent (`agent_…`).
         * @example agent_019eb4d5c2f87a1e9b3d4c5e6f708192
         */
        AgentIdPath: components["schemas"]["AgentId"];
        /**
         * @description Return this version's snapshot instead of the current one (≥ 1). A version the agent never had is a 404.
         * @example 1
         */
        AgentVersionQuery: number;
        /** @description Cursor: return the records that come before this ID in the list order (pass the current page's `first_id`). Cannot be combined with `after_id`, nor with `page` on the lists that have it (400). */
        BeforeId: string;
        /**
         * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
         * @example browser-use-2026-07-14
         */
        Beta: string;
        /**
         * @description Only records created strictly after this time (RFC 3339).
         * @example 2026-06-14T00:00:00Z
         */
        CreatedAtGt: string;
        /**
         * @description Only records created at or after this time (RFC 3339).
         * @example 2026-06-14T00:00:00Z
         */
        CreatedAtGte: string;
        /**
         * @description Only records created strictly before this time (RFC 3339).
         * @example 2026-06-14T00:00:00Z
         */
        CreatedAtLt: string;
        /**
         * @description Only records created at or before this time (RFC 3339).
         * @example 2026-06-14T00:00:00Z
         */
        CreatedAtLte: string;
        /** @description Only runs of this deployment. An unknown ID gives an empty page, not a 404. */
        DeploymentIdFilter: components["schemas"]["DeploymentId"];
        /**
         * @description ID of the deployment (`dep_…`).
         * @example dep_019ec556114c78f8b60ee34fcb98bf59
         */
        DeploymentIdPath: components["schemas"]["DeploymentId"];
        /** @description Only deployments in this status (see `Deployment.status`). The filter keeps its own enum, so a value accepted here later does not widen what responses may contain. */
        DeploymentStatusFilter: "active" | "paused";
        /**
         * @description ID of the environment (`env_…`).
         * @example env_019e64e1b2c3d4e5f60718293a4b5c6d
         */
        EnvironmentIdPath: components["schemas"]["EnvironmentId"];
        /** @description `true`: only runs whose `error` is non-null; `false`: only runs that created a session. */
        HasError: boolean;
        /**
         * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
         * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
         */
        IdempotencyKey: string;
        /** @description Include archived deployments (excluded by default). */
        IncludeArchived: boolean;
        /** @description Include archived agents (excluded by default). */
        IncludeArchivedAgents: boolean;
        /** @description Include archived environments (excluded by default). */
        IncludeArchivedEnvironments: boolean;
        /**
         * @description Maximum number of records on the page, 1–1000 (default 20). A value outside the range is a 400.
         * @example 2
         */
        Limit: number;
        /**
         * @description Maximum number of records on the page, 1–100 (default 20). A value outside the range is a 400.
         * @example 20
         */
        LimitMax100: number;
        /** @description Opaque cursor: the previous response's `next_page`. Cannot be combined with `after_id` or `before_id` (400); an invalid or expired cursor is a 400. */
        Page: string;
        /**
         * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
         * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
         */
        RequestId: string;
        /**
         * @description ID of the deployment run (`drun_…`).
         * @example drun_019ec55694c07f2a9b402ffb4448ec18
         */
        RunIdPath: components["schemas"]["DeploymentRunId"];
        /** @description Only runs in this lifecycle state (Gen-1 filter; ignored by servers that return the slim run shape). The filter keeps its own enum, so a value accepted here later does not widen what responses may contain. */
        RunStatusFilter: "pending" | "running" | "completed" | "failed" | "skipped";
        /** @description Only runs with this trigger (`retry` exists only in the Gen-1 shape). */
        TriggerTypeFilter: "schedule" | "manual" | "retry";
        /**
         * @description Only runs triggered after this time (RFC 3339).
         * @example 2026-06-14T00:00:00Z
         */
        TriggeredAfter: string;
        /**
         * @description Only runs triggered before this time (RFC 3339).
         * @example 2026-06-15T00:00:00Z
         */
        TriggeredBefore: string;
        /**
         * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
         * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
         */
        WorkspaceId: string;
    };
    requestBodies: never;
    headers: {
        /**
         * @description How long to wait before retrying: a number of seconds, or an HTTP date (RFC 9110 §10.2.3).
         * @example 1
         */
        RetryAfter: string;
        /**
         * @description How long to wait before retrying, in milliseconds (finer than `Retry-After`; clients that read it prefer it).
         * @example 1000
         */
        RetryAfterMs: string;
        /**
         * @description The request's ID: the caller's `x-request-id` if it sent one, else one the server generated. The same value as `request_id` in the body; quote it when reporting a problem.
         * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
         */
        XRequestId: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    listDeployments: {
        parameters: {
            query?: {
                /**
                 * @description Maximum number of records on the page, 1–1000 (default 20). A value outside the range is a 400.
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Cursor: return the records that come after this ID in the list order (pass the previous page's `last_id`). Cannot be combined with `before_id`, nor with `page` on the lists that have it (400). */
                after_id?: components["parameters"]["AfterId"];
                /** @description Cursor: return the records that come before this ID in the list order (pass the current page's `first_id`). Cannot be combined with `after_id`, nor with `page` on the lists that have it (400). */
                before_id?: components["parameters"]["BeforeId"];
                /** @description Opaque cursor: the previous response's `next_page`. Cannot be combined with `after_id` or `before_id` (400); an invalid or expired cursor is a 400. */
                page?: components["parameters"]["Page"];
                /** @description Only deployments in this status (see `Deployment.status`). The filter keeps its own enum, so a value accepted here later does not widen what responses may contain. */
                status?: components["parameters"]["DeploymentStatusFilter"];
                /** @description Include archived deployments (excluded by default). */
                include_archived?: components["parameters"]["IncludeArchived"];
                /** @description Only deployments of this agent. */
                agent_id?: components["parameters"]["AgentIdFilter"];
                /**
                 * @description Only records created at or after this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                "created_at[gte]"?: components["parameters"]["CreatedAtGte"];
                /**
                 * @description Only records created at or before this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                "created_at[lte]"?: components["parameters"]["CreatedAtLte"];
            };
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of deployments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentList"];
                };
            };
            400: components["responses"]["ListBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createDeployment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateDeploymentParams"];
            };
        };
        responses: {
            /** @description The created deployment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            400: components["responses"]["CreateDeploymentBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["IdempotencyConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getDeployment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deployment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["DeploymentNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateDeployment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateDeploymentParams"];
            };
        };
        responses: {
            /** @description The updated deployment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            400: components["responses"]["UpdateDeploymentBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["DeploymentNotFound"];
            409: components["responses"]["IdempotencyConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    pauseDeployment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        /** @description No body is needed; an empty JSON object is accepted. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBody"];
            };
        };
        responses: {
            /** @description The paused deployment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            400: components["responses"]["EmptyBodyBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["DeploymentNotFound"];
            409: components["responses"]["PauseDeploymentConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    unpauseDeployment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        /** @description No body is needed; an empty JSON object is accepted. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBody"];
            };
        };
        responses: {
            /** @description The active deployment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            400: components["responses"]["EmptyBodyBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["DeploymentNotFound"];
            409: components["responses"]["UnpauseDeploymentConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    archiveDeployment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        /** @description No body is needed; an empty JSON object is accepted. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBody"];
            };
        };
        responses: {
            /** @description The archived deployment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Deployment"];
                };
            };
            400: components["responses"]["EmptyBodyBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["DeploymentNotFound"];
            409: components["responses"]["ArchiveDeploymentConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    runDeployment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        /** @description No body is needed; an empty JSON object is accepted. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBody"];
            };
        };
        responses: {
            /** @description The run that was started. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentRun"];
                };
            };
            400: components["responses"]["EmptyBodyBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["DeploymentNotFound"];
            409: components["responses"]["RunDeploymentConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listRunsOfDeployment: {
        parameters: {
            query?: {
                /**
                 * @description Maximum number of records on the page, 1–1000 (default 20). A value outside the range is a 400.
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Cursor: return the records that come after this ID in the list order (pass the previous page's `last_id`). Cannot be combined with `before_id`, nor with `page` on the lists that have it (400). */
                after_id?: components["parameters"]["AfterId"];
                /** @description Cursor: return the records that come before this ID in the list order (pass the current page's `first_id`). Cannot be combined with `after_id`, nor with `page` on the lists that have it (400). */
                before_id?: components["parameters"]["BeforeId"];
                /** @description Opaque cursor: the previous response's `next_page`. Cannot be combined with `after_id` or `before_id` (400); an invalid or expired cursor is a 400. */
                page?: components["parameters"]["Page"];
                /**
                 * @description Only runs triggered after this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                triggered_after?: components["parameters"]["TriggeredAfter"];
                /**
                 * @description Only runs triggered before this time (RFC 3339).
                 * @example 2026-06-15T00:00:00Z
                 */
                triggered_before?: components["parameters"]["TriggeredBefore"];
                /** @description Only runs in this lifecycle state (Gen-1 filter; ignored by servers that return the slim run shape). The filter keeps its own enum, so a value accepted here later does not widen what responses may contain. */
                status?: components["parameters"]["RunStatusFilter"];
            };
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of the deployment's runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentRunList"];
                };
            };
            400: components["responses"]["ListBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["DeploymentNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getRunOfDeployment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the deployment (`dep_…`).
                 * @example dep_019ec556114c78f8b60ee34fcb98bf59
                 */
                deployment_id: components["parameters"]["DeploymentIdPath"];
                /**
                 * @description ID of the deployment run (`drun_…`).
                 * @example drun_019ec55694c07f2a9b402ffb4448ec18
                 */
                run_id: components["parameters"]["RunIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentRun"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["GetRunOfDeploymentNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listDeploymentRuns: {
        parameters: {
            query?: {
                /**
                 * @description Maximum number of records on the page, 1–1000 (default 20). A value outside the range is a 400.
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Cursor: return the records that come after this ID in the list order (pass the previous page's `last_id`). Cannot be combined with `before_id`, nor with `page` on the lists that have it (400). */
                after_id?: components["parameters"]["AfterId"];
                /** @description Cursor: return the records that come before this ID in the list order (pass the current page's `first_id`). Cannot be combined with `after_id`, nor with `page` on the lists that have it (400). */
                before_id?: components["parameters"]["BeforeId"];
                /** @description Opaque cursor: the previous response's `next_page`. Cannot be combined with `after_id` or `before_id` (400); an invalid or expired cursor is a 400. */
                page?: components["parameters"]["Page"];
                /** @description Only runs of this deployment. An unknown ID gives an empty page, not a 404. */
                deployment_id?: components["parameters"]["DeploymentIdFilter"];
                /** @description Only runs in this lifecycle state (Gen-1 filter; ignored by servers that return the slim run shape). The filter keeps its own enum, so a value accepted here later does not widen what responses may contain. */
                status?: components["parameters"]["RunStatusFilter"];
                /** @description Only runs with this trigger (`retry` exists only in the Gen-1 shape). */
                trigger_type?: components["parameters"]["TriggerTypeFilter"];
                /** @description `true`: only runs whose `error` is non-null; `false`: only runs that created a session. */
                has_error?: components["parameters"]["HasError"];
                /**
                 * @description Only records created strictly after this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                "created_at[gt]"?: components["parameters"]["CreatedAtGt"];
                /**
                 * @description Only records created at or after this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                "created_at[gte]"?: components["parameters"]["CreatedAtGte"];
                /**
                 * @description Only records created strictly before this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                "created_at[lt]"?: components["parameters"]["CreatedAtLt"];
                /**
                 * @description Only records created at or before this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                "created_at[lte]"?: components["parameters"]["CreatedAtLte"];
            };
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of runs. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentRunList"];
                };
            };
            400: components["responses"]["ListBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getDeploymentRun: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the deployment run (`drun_…`).
                 * @example drun_019ec55694c07f2a9b402ffb4448ec18
                 */
                run_id: components["parameters"]["RunIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The run. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeploymentRun"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["DeploymentRunNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listAgents: {
        parameters: {
            query?: {
                /**
                 * @description Maximum number of records on the page, 1–100 (default 20). A value outside the range is a 400.
                 * @example 20
                 */
                limit?: components["parameters"]["LimitMax100"];
                /** @description Cursor: return the records that come after this ID in the list order (pass the previous page's `last_id`). Cannot be combined with `before_id`, nor with `page` on the lists that have it (400). */
                after_id?: components["parameters"]["AfterId"];
                /** @description Cursor: return the records that come before this ID in the list order (pass the current page's `first_id`). Cannot be combined with `after_id`, nor with `page` on the lists that have it (400). */
                before_id?: components["parameters"]["BeforeId"];
                /** @description Opaque cursor: the previous response's `next_page`. Cannot be combined with `after_id` or `before_id` (400); an invalid or expired cursor is a 400. */
                page?: components["parameters"]["Page"];
                /** @description Include archived agents (excluded by default). */
                include_archived?: components["parameters"]["IncludeArchivedAgents"];
                /**
                 * @description Only records created at or after this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                "created_at[gte]"?: components["parameters"]["CreatedAtGte"];
                /**
                 * @description Only records created at or before this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                "created_at[lte]"?: components["parameters"]["CreatedAtLte"];
            };
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of agents. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentList"];
                };
            };
            400: components["responses"]["ListMax100BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createAgent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateAgentParams"];
            };
        };
        responses: {
            /** @description The created agent (version 1). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            400: components["responses"]["CreateAgentBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["IdempotencyConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getAgent: {
        parameters: {
            query?: {
                /**
                 * @description Return this version's snapshot instead of the current one (≥ 1). A version the agent never had is a 404.
                 * @example 1
                 */
                version?: components["parameters"]["AgentVersionQuery"];
            };
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the agent (`agent_…`).
                 * @example agent_019eb4d5c2f87a1e9b3d4c5e6f708192
                 */
                agent_id: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["GetAgentNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateAgent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the agent (`agent_…`).
                 * @example agent_019eb4d5c2f87a1e9b3d4c5e6f708192
                 */
                agent_id: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateAgentParams"];
            };
        };
        responses: {
            /** @description The agent at its new version. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            400: components["responses"]["UpdateAgentBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AgentNotFound"];
            409: components["responses"]["UpdateAgentConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    archiveAgent: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the agent (`agent_…`).
                 * @example agent_019eb4d5c2f87a1e9b3d4c5e6f708192
                 */
                agent_id: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        /** @description No body is needed; an empty JSON object is accepted. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBody"];
            };
        };
        responses: {
            /** @description The archived agent. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Agent"];
                };
            };
            400: components["responses"]["EmptyBodyBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AgentNotFound"];
            409: components["responses"]["ArchiveAgentConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listAgentVersions: {
        parameters: {
            query?: {
                /**
                 * @description Maximum number of records on the page, 1–100 (default 20). A value outside the range is a 400.
                 * @example 20
                 */
                limit?: components["parameters"]["LimitMax100"];
                /** @description Opaque cursor: the previous response's `next_page`. Cannot be combined with `after_id` or `before_id` (400); an invalid or expired cursor is a 400. */
                page?: components["parameters"]["Page"];
            };
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the agent (`agent_…`).
                 * @example agent_019eb4d5c2f87a1e9b3d4c5e6f708192
                 */
                agent_id: components["parameters"]["AgentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of version snapshots. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentVersionList"];
                };
            };
            400: components["responses"]["ListAgentVersionsBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["AgentNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listEnvironments: {
        parameters: {
            query?: {
                /**
                 * @description Maximum number of records on the page, 1–100 (default 20). A value outside the range is a 400.
                 * @example 20
                 */
                limit?: components["parameters"]["LimitMax100"];
                /** @description Cursor: return the records that come after this ID in the list order (pass the previous page's `last_id`). Cannot be combined with `before_id`, nor with `page` on the lists that have it (400). */
                after_id?: components["parameters"]["AfterId"];
                /** @description Cursor: return the records that come before this ID in the list order (pass the current page's `first_id`). Cannot be combined with `after_id`, nor with `page` on the lists that have it (400). */
                before_id?: components["parameters"]["BeforeId"];
                /** @description Opaque cursor: the previous response's `next_page`. Cannot be combined with `after_id` or `before_id` (400); an invalid or expired cursor is a 400. */
                page?: components["parameters"]["Page"];
                /** @description Include archived environments (excluded by default). */
                include_archived?: components["parameters"]["IncludeArchivedEnvironments"];
                /**
                 * @description Only records created at or after this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                "created_at[gte]"?: components["parameters"]["CreatedAtGte"];
                /**
                 * @description Only records created at or before this time (RFC 3339).
                 * @example 2026-06-14T00:00:00Z
                 */
                "created_at[lte]"?: components["parameters"]["CreatedAtLte"];
            };
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description One page of environments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EnvironmentList"];
                };
            };
            400: components["responses"]["ListMax100BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    createEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateEnvironmentParams"];
            };
        };
        responses: {
            /** @description The created environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["CreateEnvironmentBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            409: components["responses"]["IdempotencyConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    archiveEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the environment (`env_…`).
                 * @example env_019e64e1b2c3d4e5f60718293a4b5c6d
                 */
                environment_id: components["parameters"]["EnvironmentIdPath"];
            };
            cookie?: never;
        };
        /** @description No body is needed; an empty JSON object is accepted. */
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyBody"];
            };
        };
        responses: {
            /** @description The archived environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["EmptyBodyBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["EnvironmentNotFound"];
            409: components["responses"]["ArchiveEnvironmentConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    getEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the environment (`env_…`).
                 * @example env_019e64e1b2c3d4e5f60718293a4b5c6d
                 */
                environment_id: components["parameters"]["EnvironmentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["EnvironmentNotFound"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    updateEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the environment (`env_…`).
                 * @example env_019e64e1b2c3d4e5f60718293a4b5c6d
                 */
                environment_id: components["parameters"]["EnvironmentIdPath"];
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["UpdateEnvironmentParams"];
            };
        };
        responses: {
            /** @description The updated environment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Environment"];
                };
            };
            400: components["responses"]["UpdateEnvironmentBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["EnvironmentNotFound"];
            409: components["responses"]["IdempotencyConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    deleteEnvironment: {
        parameters: {
            query?: never;
            header?: {
                /**
                 * @description Makes the write safe to retry: a repeat with the same key and the same body within 24 hours replays the original response without executing again; the same key with a different body is a 409 `conflict_error`. Keys are scoped to the token's account; a UUID v4 is recommended.
                 * @example 5f1c2a9e-3b7d-4c8e-9a1f-6d2e8b4c7a10
                 */
                "Idempotency-Key"?: components["parameters"]["IdempotencyKey"];
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path: {
                /**
                 * @description ID of the environment (`env_…`).
                 * @example env_019e64e1b2c3d4e5f60718293a4b5c6d
                 */
                environment_id: components["parameters"]["EnvironmentIdPath"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The deletion confirmation. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DeletedEnvironment"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["EnvironmentNotFound"];
            409: components["responses"]["DeleteEnvironmentConflict"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
    listModels: {
        parameters: {
            query?: {
                /**
                 * @description Maximum number of records on the page, 1–1000 (default 20). A value outside the range is a 400.
                 * @example 2
                 */
                limit?: components["parameters"]["Limit"];
                /** @description Cursor: return the records that come after this ID in the list order (pass the previous page's `last_id`). Cannot be combined with `before_id`, nor with `page` on the lists that have it (400). */
                after_id?: components["parameters"]["AfterId"];
                /** @description Cursor: return the records that come before this ID in the list order (pass the current page's `first_id`). Cannot be combined with `after_id`, nor with `page` on the lists that have it (400). */
                before_id?: components["parameters"]["BeforeId"];
            };
            header?: {
                /**
                 * @description Caller-chosen request ID, echoed as `request_id` in error bodies for correlation. The server generates a UUID when it is absent.
                 * @example cb80235f-76a2-4ff3-9e28-5aa2da12dc14
                 */
                "x-request-id"?: components["parameters"]["RequestId"];
                /**
                 * @description Selects the workspace the request acts in, for tokens that can reach several workspaces. Without it the token's default workspace is used. Sent by the official SDKs.
                 * @example ws_019e5f2a7b3c4d5e8f9a0b1c2d3e4f50
                 */
                "qoder-workspace-id"?: components["parameters"]["WorkspaceId"];
                /**
                 * @description Opts the request into beta features: a comma-separated list of beta names (for example `browser-use-2026-07-14`). Unknown names are ignored by the API. Sent by the official SDKs.
                 * @example browser-use-2026-07-14
                 */
                "x-qoder-beta"?: components["parameters"]["Beta"];
            };
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The models. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ModelList"];
                };
            };
            400: components["responses"]["ListModelsBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            429: components["responses"]["TooManyRequests"];
            500: components["responses"]["InternalServerError"];
        };
    };
}

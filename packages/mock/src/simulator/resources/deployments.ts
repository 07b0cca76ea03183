// Deployments: create / list / get / update / pause / unpause / archive / run, following the lifecycle
// the contract's descriptions state (what each action does to status, paused_reason, archived_at and
// upcoming_runs_at, and its 409s), and the cron schedules that fire as the simulator's clock moves.
import type { CreateDeploymentParams, UpdateDeploymentParams } from "@qoder-cloud/types";
import { rfc3339 } from "../clock.js";
import { conflict, invalid, notFound } from "../errors.js";
import { listPage, timeOf } from "../pagination.js";
import type { Resource } from "../routes.js";
import { checkSchedule, fireTimes, type ScheduleInput, upcoming } from "../schedule.js";
import type { Account, Deployment, DeploymentRecord, DeploymentRun } from "../store.js";
import { currentOf } from "./agents.js";
import { recordRun } from "./deployment-runs.js";
import { patchMetadata } from "./metadata.js";

type Metadata = Deployment["metadata"];
type PausedError = Extract<NonNullable<Deployment["paused_reason"]>, { type: "error" }>["error"];
type PausedErrorType = PausedError["type"];

/** Resolves the agent reference as the API does: it must exist and not be archived (400 naming the field). */
function agentOf(account: Account, agent: CreateDeploymentParams["agent"]): Deployment["agent"] {
  const id = typeof agent === "string" ? agent : agent.id;
  const record = account.agents.get(id);
  if (!record) throw invalid(`Agent not found: ${id}.`, "agent");
  const current = currentOf(record);
  if (current.archived_at !== null) throw invalid("The referenced agent is archived.", "agent");
  // A bare id, or the object form without a version, pins the agent's latest version; else the one it names.
  if (typeof agent === "string" || agent.version == null)
    return { id, type: "agent", version: current.version };
  if (agent.version > current.version)
    throw invalid(`Agent ${id} has no version ${agent.version}.`, "agent.version");
  return { id, type: "agent", version: agent.version };
}

/** The environment must exist and not be archived (400 naming the field). */
function environmentIdOf(account: Account, id: string): string {
  const environment = account.environments.get(id);
  if (!environment) throw invalid(`Environment not found: ${id}.`, "environment_id");
  if (environment.archived_at !== null)
    throw invalid("The referenced environment is archived.", "environment_id");
  return id;
}

/**
 * Why a run of this deployment cannot start now: its agent or environment was archived since, or the
 * environment was deleted. Null when it can (every reference resolves: POST /_mock/state checks that too).
 */
function brokenReference(account: Account, deployment: Deployment): DeploymentRun["error"] {
  const agent = account.agents.get(deployment.agent.id);
  if (agent && currentOf(agent).archived_at !== null)
    return { type: "agent_archived_error", message: `Agent ${deployment.agent.id} is archived.` };
  const environment = account.environments.get(deployment.environment_id);
  if (!environment && account.deletedEnvironments.has(deployment.environment_id))
    return {
      type: "environment_not_found_error",
      message: `Environment ${deployment.environment_id} no longer exists.`,
    };
  if (environment && environment.archived_at !== null)
    return {
      type: "environment_archived_error",
      message: `Environment ${deployment.environment_id} is archived.`,
    };
  return null;
}

function scheduleOf(input: ScheduleInput | null | undefined, fromMs: number): Deployment["schedule"] {
  if (!input) return null;
  checkSchedule(input);
  return {
    type: "cron",
    expression: input.expression,
    timezone: input.timezone,
    upcoming_runs_at: upcoming(input, fromMs).map(rfc3339),
  };
}

/** Resources as returned: the same, minus write-only secrets (a repository's authorization_token). */
function resourcesOf(
  resources: CreateDeploymentParams["resources"] | null | undefined,
): Deployment["resources"] {
  return (resources ?? []).map((resource) => {
    if (resource.type !== "github_repository") return { ...resource };
    const { authorization_token: _secret, ...visible } = resource as typeof resource & {
      authorization_token?: string;
    };
    return visible;
  }) as Deployment["resources"];
}

/** The platform's own variables, which a deployment may not set (EnvironmentVariables in the contract). */
const RESERVED_VARIABLE = /^(SERVER_ENDPOINT|USER_ID|WORK_DIR)$|^(CAW_|QODER_)/;

/**
 * `KEY=VALUE` pairs separated by `;` or newlines, as the contract's EnvironmentVariables describes: each
 * name matches `[A-Za-z_][A-Za-z0-9_]*` and is not reserved (400 naming the field). Blank pairs are skipped.
 * Only names are quoted in messages: values may be secrets.
 */
function checkEnvironmentVariables(text: string): string {
  let position = 0;
  for (const pair of text.split(/\r?\n|;/)) {
    if (pair.trim() === "") continue;
    position++;
    const equals = pair.indexOf("=");
    const name = equals < 0 ? pair : pair.slice(0, equals);
    const fix = "Give each variable as NAME=VALUE, separated by `;` or newlines.";
    if (equals < 0)
      throw invalid(
        `environment_variables: a pair has no \`=\` (${pair.length} characters). ${fix}`,
        "environment_variables",
      );
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      // Quoted only when it is a name but for its first character ("1BAD"): anything else (a malformed
      // line, "sk-live-…=", a token) may be a secret, and is named by its position.
      const shown = /^[A-Za-z0-9_]{1,64}$/.test(name)
        ? JSON.stringify(name)
        : `The name of pair ${position} (${name.length} characters)`;
      throw invalid(
        `environment_variables: ${shown} is not a valid name (letters, digits and _, not starting with a digit). ${fix}`,
        "environment_variables",
      );
    }
    if (RESERVED_VARIABLE.test(name))
      throw invalid(
        `environment_variables: ${name} is reserved (SERVER_ENDPOINT, USER_ID, WORK_DIR and names starting with CAW_ or QODER_ are set by the platform). Rename the variable.`,
        "environment_variables",
      );
  }
  return text;
}

/** The reserved cas_config block with its defaults and server-maintained stats. */
function casConfigOf(
  input: Record<string, unknown>,
  previous?: Metadata["cas_config"],
): Metadata["cas_config"] {
  const config = (input.config ?? {}) as Record<string, number>;
  return {
    session_strategy: (input.session_strategy as string | undefined) ?? "new_session",
    config: { max_concurrent: 1, max_retries: 0, timeout_ms: 300_000, ...config },
    stats: previous?.stats ?? { consecutive_failures: 0, total_failures: 0, total_runs: 0 },
  } as Metadata["cas_config"];
}

/**
 * Metadata after a merge-patch of `previous`; `null` (update) removes every key, cas_config included.
 * The string keys follow agents' and environments' rules (cas_config does not count towards the limit).
 */
function metadataOf(input: Record<string, unknown> | null | undefined, previous: Metadata = {}): Metadata {
  if (input === null) return {};
  const { cas_config: casInput, ...patch } = input ?? {};
  const { cas_config: previousCas, ...kept } = previous;
  const metadata: Metadata = patchMetadata(
    kept as Record<string, string>,
    patch as Record<string, string | null>,
    { replace: false },
  );
  const casConfig =
    casInput === undefined
      ? previousCas
      : casInput === null
        ? undefined
        : casConfigOf(casInput as Record<string, unknown>, previousCas);
  if (casConfig) metadata.cas_config = casConfig;
  return metadata;
}

/** Keeps cas_config.stats.next_trigger_at in step with the schedule, where the block is present. */
function syncStats(deployment: Deployment): void {
  const stats = deployment.metadata.cas_config?.stats;
  if (!stats) return;
  const next = deployment.schedule?.upcoming_runs_at?.[0];
  if (next) stats.next_trigger_at = next;
  else if (!deployment.schedule) delete stats.next_trigger_at;
}

function recordOf(account: Account, id: string): DeploymentRecord {
  const record = account.deployments.get(id);
  if (!record) throw notFound(`Deployment not found: ${id}.`, "deployment_id");
  return record;
}

/** The upcoming fire times of a deployment from `fromMs`: none when archived or without a schedule. */
const upcomingOf = ({ schedule, archived_at }: Deployment, fromMs: number): readonly number[] =>
  schedule && archived_at === null ? upcoming(schedule, fromMs) : [];

/** Re-plans the fire times of a schedule from `fromMs` (no backfill of the past). */
function replan(
  account: Account,
  record: DeploymentRecord,
  fromMs: number,
  times = upcomingOf(record.deployment, fromMs),
): void {
  const { deployment } = record;
  record.firedThroughMs = fromMs;
  if (deployment.schedule) deployment.schedule.upcoming_runs_at = times.map(rfc3339);
  syncStats(deployment);
  account.watch(record);
}

const NOTHING_PLANNED = { runs: 0, apply() {} };

export const deployments: Resource = {
  handlers: {
    createDeployment({ account, nowMs, body }) {
      const input = body as CreateDeploymentParams & Record<string, unknown>;
      const at = rfc3339(nowMs);
      const deployment: Deployment = {
        id: account.newId("dep_", nowMs),
        type: "deployment",
        name: input.name,
        description: input.description ?? null,
        agent: agentOf(account, input.agent),
        environment_id: environmentIdOf(account, input.environment_id),
        initial_events: input.initial_events,
        resources: resourcesOf(input.resources),
        vault_ids: input.vault_ids ?? [],
        metadata: metadataOf(input.metadata as Record<string, unknown> | undefined),
        schedule: scheduleOf(input.schedule, nowMs),
        status: "active",
        paused_reason: null,
        archived_at: null,
        created_at: at,
        updated_at: at,
      };
      if (input.environment_variables != null)
        deployment.environment_variables = checkEnvironmentVariables(input.environment_variables);
      if (input.budget != null) deployment.budget = input.budget as Deployment["budget"];
      syncStats(deployment);
      account.addDeployment({ deployment, firedThroughMs: nowMs });
      return { body: deployment };
    },

    listDeployments({ account, query }) {
      const { status, agent_id: agentId } = query;
      const includeArchived = query.include_archived === true;
      return {
        body: listPage(
          account.deployments,
          query,
          (record) => record.deployment,
          ({ deployment }) =>
            (includeArchived || deployment.archived_at === null) &&
            (status === undefined || deployment.status === status) &&
            (agentId === undefined || deployment.agent.id === agentId),
          { fromMs: timeOf(query["created_at[gte]"]), toMs: timeOf(query["created_at[lte]"]) },
        ),
      };
    },

    getDeployment({ account, path }) {
      return { body: recordOf(account, path.deployment_id as string).deployment };
    },

    updateDeployment({ account, nowMs, path, body }) {
      const record = recordOf(account, path.deployment_id as string);
      const patch = (body ?? {}) as UpdateDeploymentParams & Record<string, unknown>;
      if (Object.keys(patch).length === 0) return { body: record.deployment }; // `{}` changes nothing
      // Validate everything before changing anything, so a 400 leaves the deployment as it was.
      if (patch.schedule) checkSchedule(patch.schedule);
      if (patch.environment_variables != null) checkEnvironmentVariables(patch.environment_variables);
      const agent = patch.agent == null ? undefined : agentOf(account, patch.agent);
      if (patch.environment_id != null) environmentIdOf(account, patch.environment_id);
      const metadata =
        patch.metadata === undefined
          ? undefined
          : metadataOf(patch.metadata as Record<string, unknown> | null, record.deployment.metadata);
      const next: Deployment = { ...record.deployment };
      if (patch.name !== undefined) next.name = patch.name;
      if (patch.description !== undefined) next.description = patch.description;
      if (agent) next.agent = agent;
      if (patch.environment_id != null) next.environment_id = patch.environment_id;
      if (patch.initial_events != null) next.initial_events = patch.initial_events;
      if (patch.resources !== undefined) next.resources = resourcesOf(patch.resources);
      if (patch.vault_ids !== undefined) next.vault_ids = patch.vault_ids ?? [];
      if (metadata) next.metadata = metadata;
      if (patch.environment_variables !== undefined) {
        if (patch.environment_variables === null) delete next.environment_variables;
        else next.environment_variables = patch.environment_variables;
      }
      if (patch.budget !== undefined) next.budget = (patch.budget ?? null) as Deployment["budget"];
      const rescheduled = patch.schedule !== undefined;
      if (rescheduled) {
        next.schedule = patch.schedule ? scheduleOf(patch.schedule, nowMs) : null;
        // Its runs stay its runs: a schedule set after none (manual runs only) starts from the newest.
        const [newest] = account.runsByDeployment.get(next.id)?.values() ?? [];
        const lastRunAt = record.deployment.schedule?.last_run_at ?? newest?.created_at;
        if (next.schedule && lastRunAt) next.schedule.last_run_at = lastRunAt;
      }
      next.updated_at = rfc3339(nowMs);
      record.deployment = next;
      if (rescheduled) replan(account, record, nowMs);
      else syncStats(next);
      return { body: next };
    },

    pauseDeployment({ account, nowMs, path }) {
      const record = recordOf(account, path.deployment_id as string);
      const { deployment } = record;
      if (deployment.archived_at !== null)
        throw conflict("Deployment is archived; an archived deployment cannot be paused.");
      if (deployment.status === "paused") throw conflict("Deployment is already paused.");
      // upcoming_runs_at stays listed while paused; the schedule just does not fire.
      record.deployment = {
        ...deployment,
        status: "paused",
        paused_reason: { type: "manual" },
        updated_at: rfc3339(nowMs),
      };
      return { body: record.deployment };
    },

    unpauseDeployment({ account, nowMs, path }) {
      const record = recordOf(account, path.deployment_id as string);
      const { deployment } = record;
      if (deployment.archived_at !== null)
        throw conflict("Deployment is archived; an archived deployment cannot be unpaused.");
      if (deployment.status !== "paused") throw conflict("Deployment is not paused.");
      record.deployment = {
        ...deployment,
        status: "active",
        paused_reason: null,
        updated_at: rfc3339(nowMs),
      };
      if (record.deployment.schedule) record.deployment.schedule = { ...record.deployment.schedule };
      replan(account, record, nowMs);
      return { body: record.deployment };
    },

    archiveDeployment({ account, nowMs, path }) {
      const record = recordOf(account, path.deployment_id as string);
      const { deployment } = record;
      if (deployment.archived_at !== null) throw conflict("Deployment is already archived.");
      const at = rfc3339(nowMs);
      record.deployment = {
        ...deployment,
        // Frees the original name for reuse; cannot be undone.
        name: `${deployment.name}_archived_${Math.floor(nowMs / 1000)}`,
        archived_at: at,
        updated_at: at,
        schedule: deployment.schedule ? { ...deployment.schedule, upcoming_runs_at: [] } : null,
      };
      account.watch(record);
      return { body: record.deployment };
    },

    runDeployment({ account, nowMs, path }) {
      const record = recordOf(account, path.deployment_id as string);
      const { deployment } = record;
      // The documented wording covers both refusals.
      if (deployment.archived_at !== null || deployment.status !== "active")
        throw conflict("Deployment is archived or not in active status.");
      // A manual run whose agent or environment was archived is recorded as failed (no auto-pause).
      const broken = brokenReference(account, deployment);
      const trigger = { type: "manual" } as const;
      return { body: recordRun(account, deployment, nowMs, trigger, broken) };
    },
  },

  /**
   * Upcoming runs are the next fire times from the new now (or from the deployment's creation, if that
   * is later: it never fires before it existed), and nothing fires until they come.
   */
  planClockBack(account, nowMs) {
    const plans = [...account.scheduled].map((record) => {
      const fromMs = Math.max(nowMs, timeOf(record.deployment.created_at) as number);
      return { record, fromMs, times: upcomingOf(record.deployment, fromMs) };
    });
    return {
      runs: 0,
      apply() {
        for (const { record, fromMs, times } of plans) replan(account, record, fromMs, times);
      },
    };
  },

  /**
   * Fires the schedules that came due up to `nowMs`: one run per fire time passed, for active,
   * non-archived deployments; paused ones only move their upcoming times on.
   */
  planTime(account, nowMs, limit = Number.POSITIVE_INFINITY, room = account.remainingRuns) {
    if (nowMs < account.nextFireMs) return NOTHING_PLANNED;
    let runs = 0;
    let nextFire = Number.POSITIVE_INFINITY;
    const plans: {
      record: DeploymentRecord;
      schedule: NonNullable<Deployment["schedule"]>;
      due: number[];
      times: readonly number[];
    }[] = [];
    for (const record of account.scheduled) {
      const { deployment } = record;
      const schedule = deployment.schedule;
      const first = schedule?.upcoming_runs_at?.[0];
      const firstMs = first === undefined ? undefined : timeOf(first);
      // Not due yet (its next fire time is still ahead): its upcoming times hold, and recomputing them
      // for every scheduled deployment whenever one is due cost ≈ 1 ms each. Times already past are moved
      // on even when nothing is left to fire (a seeded or loaded record, read in the millisecond it was
      // added): a read never shows a past time as upcoming.
      if (!schedule || (firstMs === undefined ? nowMs <= record.firedThroughMs : firstMs > nowMs)) {
        if (firstMs !== undefined) nextFire = Math.min(nextFire, firstMs);
        continue;
      }
      let due: number[] = [];
      if (deployment.status === "active") {
        // Up to one fire past what fits: one past the room pauses the deployment (fire()), and one past
        // `limit` is a run too many, for the clock to refuse the move. Never fewer than one: with no room
        // left, that one fire is what pauses it, saying why.
        const left = Math.max(0, room - runs);
        // A deployment whose agent or environment is gone fires once: that run fails and pauses it.
        const count = brokenReference(account, deployment)
          ? 1
          : Math.max(0, Math.min(left, limit - runs)) + 1;
        due = fireTimes(schedule, record.firedThroughMs, count, nowMs);
        runs += Math.min(due.length, left);
      }
      plans.push({ record, schedule, due, times: upcoming(schedule, nowMs) });
    }
    return {
      runs,
      apply() {
        for (const { record, schedule, due, times } of plans) {
          fire(account, record, due);
          record.firedThroughMs = nowMs;
          schedule.upcoming_runs_at = times.map(rfc3339);
          syncStats(record.deployment);
          if (times[0] !== undefined) nextFire = Math.min(nextFire, times[0]);
        }
        account.nextFireMs = nextFire;
      },
    };
  },
};

/**
 * Records a deployment's run for each fire time due, until one fails (a broken reference) or the
 * account has no room left: either pauses the deployment, saying why.
 */
function fire(account: Account, record: DeploymentRecord, due: number[]): void {
  const { deployment } = record;
  for (const at of due) {
    let error: PausedError;
    if (account.remainingRuns > 0) {
      const broken = brokenReference(account, deployment);
      recordRun(account, deployment, at, { type: "schedule", scheduled_at: rfc3339(at) }, broken);
      if (!broken) continue;
      // A failed fire also pauses the deployment (the SDK's error paused_reason).
      error = { type: broken.type as PausedErrorType };
    } else {
      // A fire the account has no room to record pauses the deployment, saying why: the account's
      // other requests and every other account's clock go on.
      error = {
        type: "unknown_error",
        message: `Not fired at ${rfc3339(at)}: ${account.noRoomForRuns}`,
      };
    }
    record.deployment = {
      ...deployment,
      status: "paused",
      paused_reason: { type: "error", error },
      updated_at: rfc3339(at),
    };
    return;
  }
}

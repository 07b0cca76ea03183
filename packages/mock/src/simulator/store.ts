// Accounts, one per bearer token, each with its own deployments, runs and idempotency keys.
// Every collection is bounded, so a runaway test gets a clear 409 instead of exhausting memory.
import { createHash, randomFillSync } from "node:crypto";
import type { Agent, Deployment, DeploymentRun, Environment, Model } from "@qoder-cloud/types";
import { rfc3339 } from "./clock.js";
import type { Contract } from "./contract.js";
import { ApiError, conflict, invalid, LimitError } from "./errors.js";
import { OrderedIndex } from "./ordered-index.js";
import { timeOf } from "./pagination.js";
import { upcoming } from "./schedule.js";

export type { Agent, Deployment, DeploymentRun, Environment, Model };

/** An agent's history: `versions[n - 1]` is version n; the last one is the current agent. */
export interface AgentRecord {
  versions: Agent[];
}

/** What an account can be seeded or loaded with. */
export interface Records {
  deployments: Deployment[];
  runs: DeploymentRun[];
  agents?: Agent[] | undefined;
  environments?: Environment[] | undefined;
  /** Environments deleted from the account: a deployment still naming one fails its next run. */
  deleted_environment_ids?: string[] | undefined;
  /**
   * Sessions made in each environment, which keep it from being deleted. Without it, a loaded run's
   * session counts in its deployment's environment now (a run does not name the one it ran in).
   */
  environment_sessions?: Record<string, number> | undefined;
}

export const LIMITS = {
  accounts: 1_000,
  deploymentsPerAccount: 50_000,
  runsPerAccount: 200_000,
  agentsPerAccount: 10_000,
  agentVersions: 1_000,
  environmentsPerAccount: 10_000,
  idempotencyKeysPerAccount: 100_000,
  /**
   * Records (deployments, runs, agent versions, environments) in all accounts together. The limits per
   * account times 1,000 accounts bound nothing a machine has (measured: ≈ 540 B of heap a run, ≈ 840 B a
   * minimal deployment), and runs come from bodyless requests and the clock, which the byte limit below
   * never sees.
   */
  recordsInAllAccounts: 500_000,
  /** Scheduled runs one clock move may fire, in all accounts together: a move costs what it fires. */
  runsPerClockMove: 10_000,
  /**
   * Cron computation (CPU ms) one clock move or state load may take, checked before it changes anything: sparse
   * schedules over centuries cost seconds per few thousand fires (schedule.ts).
   */
  scheduleComputationMs: 2_000,
  /**
   * Request data the simulator keeps, in all accounts together: the bodies of the writes it answered
   * (twice for one kept as an idempotent answer) and of loaded states. Record counts alone bound nothing:
   * ten 30 MiB descriptions are ten deployments.
   */
  storedBytes: 256 * 1024 * 1024,
} as const;

export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60 * 1000;

export interface DeploymentRecord {
  deployment: Deployment;
  /** Fire times up to here have been accounted for (fired, or skipped while paused). */
  firedThroughMs: number;
}

export interface StoredAnswer {
  fingerprint: string;
  status: number;
  body: string;
  expiresMs: number;
}

/** Random bytes drawn from a pool refilled 4 KiB at a time (a randomBytes call per id cost more than the rest of a create). */
const randomPool = Buffer.alloc(4096);
let randomPoolUsed = randomPool.length;
function randomIdBytes(): Buffer {
  if (randomPoolUsed + 10 > randomPool.length) {
    randomFillSync(randomPool);
    randomPoolUsed = 0;
  }
  randomPoolUsed += 10;
  return randomPool.subarray(randomPoolUsed - 10, randomPoolUsed);
}

/**
 * The 16 bytes of an id, the next of one of an account's seeded sequences: ids of what requests make,
 * and ids of the runs that schedules fire as real time passes (their own sequence, so that how many
 * came due before a request does not change the ids it makes).
 */
export type SeededIdBytes = (sequence: "request" | "schedule") => Buffer;

/** The records of every account of a store, counted against LIMITS.recordsInAllAccounts. */
export interface RecordLedger {
  records: number;
  /** LIMITS.recordsInAllAccounts, unless a test lowers it. */
  readonly max: number;
}

export class Account {
  /** With a seed, every id is drawn whole from `seeded`, so it does not depend on when it was made. */
  constructor(
    private readonly ledger: RecordLedger,
    private readonly seeded?: SeededIdBytes,
  ) {}

  /** This account's records, as the ledger counts them. */
  records = 0;
  /**
   * Set while the example fixture fills a new account: counted, never refused (16 records, bounded by the
   * 1,000 accounts), since a new token's first request may be a read, which documents no 409.
   */
  seeding = false;

  /** Counts one more record, or refuses it when the store holds all it may. */
  private admit(): void {
    if (this.ledger.records >= this.ledger.max && !this.seeding)
      throw new LimitError(409, "conflict_error", storeFull(this.ledger.max));
    this.ledger.records++;
    this.records++;
  }

  /**
   * `dep_` / `drun_` / `sess_` + 32 lowercase hex: 12 of them the time in ms (UUIDv7-like), 20 random.
   * With a seed, all 32 come from the account's seeded sequence: the clock follows real time, and a
   * time prefix made two runs of the same requests differ. Nothing orders by id (lists go by created_at).
   */
  newId(prefix: string, nowMs: number, sequence: "request" | "schedule" = "request"): string {
    // 20 random hex digits after the time cannot meet an id already stored (2^-80 per pair), so only a
    // seeded id is looked up: a loaded state may hold ids of the same sequence, and it is drawn again.
    if (!this.seeded) {
      const time = Math.max(0, Math.floor(nowMs)).toString(16).padStart(12, "0").slice(-12);
      return `${prefix}${time}${randomIdBytes().toString("hex")}`;
    }
    for (;;) {
      const id = `${prefix}${this.seeded(sequence).toString("hex")}`;
      const taken =
        this.deployments.has(id) ||
        this.runs.has(id) ||
        this.agents.has(id) ||
        this.environments.has(id) ||
        this.deletedEnvironments.has(id);
      if (!taken) return id;
    }
  }

  readonly deployments = new OrderedIndex<DeploymentRecord>();
  readonly agents = new OrderedIndex<AgentRecord>();
  readonly environments = new OrderedIndex<Environment>();
  /** Sessions created in each environment (a session keeps the reference: the environment cannot be deleted). */
  readonly sessionsByEnvironment = new Map<string, number>();

  countSession(environmentId: string): void {
    this.sessionsByEnvironment.set(environmentId, (this.sessionsByEnvironment.get(environmentId) ?? 0) + 1);
  }
  /** Environments deleted in this account, so a deployment still naming one can tell it is gone. */
  readonly deletedEnvironments = new Set<string>();
  readonly runs = new OrderedIndex<DeploymentRun>();
  readonly runsByDeployment = new Map<string, OrderedIndex<DeploymentRun>>();
  /** Deployments with a schedule that are not archived (paused ones keep their upcoming times fresh). */
  readonly scheduled = new Set<DeploymentRecord>();
  /** Earliest time at which a scheduled deployment may be due; may be early, never late. */
  nextFireMs = Number.POSITIVE_INFINITY;
  /** Insertion order = age, so expired keys are pruned from the front. */
  readonly idempotency = new Map<string, StoredAnswer>();
  /** Request data kept for this account (see LIMITS.storedBytes), idempotency keys and answers included. */
  storedBytes = 0;

  addDeployment(record: DeploymentRecord): void {
    if (this.deployments.size >= LIMITS.deploymentsPerAccount) {
      throw capacity(`${LIMITS.deploymentsPerAccount} deployments`);
    }
    this.admit();
    const { deployment } = record;
    this.deployments.insert(deployment.id, timeOf(deployment.created_at) as number, record);
    this.watch(record);
  }

  /** Adds an agent snapshot: a new agent (version 1, or as loaded) or the next version of a known one. */
  addAgentVersion(agent: Agent): void {
    const record = this.agents.get(agent.id);
    if (record) {
      if (record.versions.length >= LIMITS.agentVersions)
        throw capacity(`${LIMITS.agentVersions} versions of agent ${agent.id}`, "agent");
      this.admit();
      record.versions.push(agent);
      return;
    }
    if (this.agents.size >= LIMITS.agentsPerAccount) throw capacity(`${LIMITS.agentsPerAccount} agents`);
    this.admit();
    this.agents.insert(agent.id, timeOf(agent.created_at) as number, { versions: [agent] });
  }

  addEnvironment(environment: Environment): void {
    if (this.environments.size >= LIMITS.environmentsPerAccount)
      throw capacity(`${LIMITS.environmentsPerAccount} environments`);
    this.admit();
    this.environments.insert(environment.id, timeOf(environment.created_at) as number, environment);
  }

  /** Starts (or stops) firing a deployment's schedule, according to its current state. */
  watch(record: DeploymentRecord): void {
    const { deployment } = record;
    if (deployment.schedule && deployment.archived_at === null) {
      this.scheduled.add(record);
      const next = deployment.schedule.upcoming_runs_at?.[0];
      if (next !== undefined) this.nextFireMs = Math.min(this.nextFireMs, timeOf(next) as number);
    } else this.scheduled.delete(record);
  }

  /** Runs this account may still record: its own room, and the store's. */
  get remainingRuns(): number {
    // At least 0: new accounts' example data may take the store past its limit (it is never refused).
    return Math.max(
      0,
      Math.min(LIMITS.runsPerAccount - this.runs.size, this.ledger.max - this.ledger.records),
    );
  }

  /** Why a run cannot be recorded (remainingRuns is 0): the account's limit, or the store's. */
  get noRoomForRuns(): string {
    return this.runs.size >= LIMITS.runsPerAccount
      ? atLimit(`${LIMITS.runsPerAccount} deployment runs`)
      : storeFull(this.ledger.max);
  }

  /** An environment deleted: its record no longer counts. */
  deleteEnvironment(id: string): void {
    if (!this.environments.delete(id)) return;
    this.ledger.records--;
    this.records--;
  }

  addRun(run: DeploymentRun): void {
    if (this.runs.size >= LIMITS.runsPerAccount) throw capacity(`${LIMITS.runsPerAccount} deployment runs`);
    this.admit();
    const createdMs = timeOf(run.created_at) as number;
    this.runs.insert(run.id, createdMs, run);
    let own = this.runsByDeployment.get(run.deployment_id);
    if (!own) {
      own = new OrderedIndex<DeploymentRun>();
      this.runsByDeployment.set(run.deployment_id, own);
    }
    own.insert(run.id, createdMs, run);
  }

  /**
   * Drops the keys that expired: oldest first, up to the first live one, or (`all`) every one, since after
   * the clock moved back later keys may expire sooner.
   */
  dropExpiredKeys(nowMs: number, all = false): void {
    for (const [key, answer] of this.idempotency) {
      if (answer.expiresMs <= nowMs) this.forget(key, answer);
      else if (!all) break;
    }
  }

  /** The replayable answer for an idempotency key, dropping expired keys on the way. */
  storedAnswer(key: string, nowMs: number): StoredAnswer | undefined {
    this.dropExpiredKeys(nowMs);
    const answer = this.idempotency.get(key);
    return answer && answer.expiresMs > nowMs ? answer : undefined;
  }

  /** A new key past the limit is refused, never evicting a live one. */
  checkRoomForKey(nowMs: number): void {
    if (this.idempotency.size < LIMITS.idempotencyKeysPerAccount) return;
    this.dropExpiredKeys(nowMs, true); // at the limit, every key is looked at
    if (this.idempotency.size >= LIMITS.idempotencyKeysPerAccount)
      throw capacity(`${LIMITS.idempotencyKeysPerAccount} idempotency keys of the last 24 h`);
  }

  /** Keeps an answer under its key, counted against the store's limit with the key until it expires. */
  storeAnswer(key: string, answer: StoredAnswer): void {
    const old = this.idempotency.get(key);
    if (old) this.forget(key, old);
    this.idempotency.set(key, answer);
    this.storedBytes += key.length + answer.body.length;
  }

  private forget(key: string, answer: StoredAnswer): void {
    this.idempotency.delete(key);
    this.storedBytes -= key.length + answer.body.length;
  }
}

/** What an account at one of the simulator's limits is told, with the way out. */
export const atLimit = (what: string, per = "account") =>
  `This mock account already holds ${what}, the simulator's limit per ${per}. Reset it (POST /_mock/reset or reset() from startMock), or use another bearer token.`;

/** What a write past LIMITS.recordsInAllAccounts is told. */
const storeFull = (max: number) =>
  `This mock already keeps as many records as it may in all accounts: ${max} (deployments, runs, agent versions and environments together), the simulator's limit. Reset accounts (POST /_mock/reset or reset() from startMock), or restart the mock.`;

function capacity(what: string, per?: string): ApiError {
  return new LimitError(409, "conflict_error", atLimit(what, per));
}

export type Fixture = "examples" | "empty";

/**
 * The contract's example deployments and runs (one of each id, in its first state), the agents (every
 * version the examples show, not archived) and environments (as first shown: the auto-paused example's
 * is archived) they reference, and the model list.
 */
export function exampleRecords(
  contract: Contract,
): Omit<Required<Records>, "environment_sessions"> & { models: Model[] } {
  const examples = (contract.document.components as { examples: Record<string, { value?: unknown }> })
    .examples;
  const deployments = new Map<string, Deployment>();
  const runs = new Map<string, DeploymentRun>();
  const agents = new Map<string, Agent>();
  const environments = new Map<string, Environment>();
  const models = new Map<string, Model>();
  const take = (value: unknown) => {
    if (typeof value !== "object" || value === null) return;
    const item = value as {
      type?: string;
      id?: string;
      data?: unknown[];
      version?: number;
      archived_at?: unknown;
    };
    if (Array.isArray(item.data)) item.data.forEach(take);
    else if (item.type === "agent" && item.id && item.archived_at === null) {
      const key = `${item.id} ${item.version}`;
      if (!agents.has(key)) agents.set(key, item as unknown as Agent);
    } else if (item.type === "environment" && item.id) {
      if (!environments.has(item.id)) environments.set(item.id, item as unknown as Environment);
    } else if (item.type === "model" && item.id && !models.has(item.id))
      models.set(item.id, item as unknown as Model);
    else if (item.type === "deployment" && item.id && !deployments.has(item.id))
      deployments.set(item.id, item as unknown as Deployment);
    else if (item.type === "deployment_run" && item.id && !runs.has(item.id))
      runs.set(item.id, item as unknown as DeploymentRun);
  };
  // The list examples first: the seed page's deployment is retrievable exactly as the seed shows it.
  // A deployment that appears in several states (paused, archived …) is seeded in its first one.
  const names = Object.keys(examples).sort(
    (a, b) => Number(!a.includes("List")) - Number(!b.includes("List")),
  );
  for (const name of names) take(examples[name]?.value);
  // Versions in order, so that each agent's history is 1, 2, … as it was built.
  const history = [...agents.values()].sort((a, b) => a.id.localeCompare(b.id) || a.version - b.version);
  return {
    deployments: [...deployments.values()],
    runs: [...runs.values()],
    agents: history,
    environments: [...environments.values()],
    deleted_environment_ids: [],
    models: [...models.values()],
  };
}

export class Store {
  private readonly accounts = new Map<string, Account>();
  private readonly ledger: RecordLedger;

  constructor(
    private readonly seed: () => Records,
    private readonly nowMs: () => number,
    readonly defaultFixture: Fixture,
    /** Makes ids repeatable: each account draws from its own sequence, derived from the seed and token. */
    private readonly idSeed?: number,
    private readonly maxStoredBytes: number = LIMITS.storedBytes,
    maxRecords: number = LIMITS.recordsInAllAccounts,
  ) {
    this.ledger = { records: 0, max: maxRecords };
  }

  /**
   * Refuses, before anything is stored, a write whose `bytes` would take the store past its limit
   * (`replacing`: an account the write replaces, whose data then no longer counts).
   */
  checkRoom(bytes: number, replacing?: Account): void {
    // Summed when asked (1,000 accounts at most). Near the limit, every account's expired keys are dropped
    // first: an answer kept under a key counts until the key expires, not until its account next uses one.
    const storedAll = () => {
      let sum = 0;
      for (const account of this.accounts.values()) if (account !== replacing) sum += account.storedBytes;
      return sum;
    };
    if (storedAll() + bytes <= this.maxStoredBytes) return;
    for (const account of this.accounts.values()) account.dropExpiredKeys(this.nowMs(), true);
    const stored = storedAll();
    if (stored + bytes <= this.maxStoredBytes) return;
    const mib = (n: number) => `${Math.ceil(n / 2 ** 20)} MiB`;
    throw new LimitError(
      409,
      "conflict_error",
      `This mock keeps ${mib(stored)} of request data in all accounts; ${mib(bytes)} more would pass the simulator's limit of ${mib(this.maxStoredBytes)}. Reset accounts (POST /_mock/reset or reset() from startMock), or restart the mock.`,
    );
  }

  /** Counts `bytes` of request data kept for `account` (one in use). */
  keep(account: Account, bytes: number): void {
    account.storedBytes += bytes;
  }

  /** Records the store may still hold, in all accounts (at least 0). */
  get recordRoom(): number {
    return Math.max(0, this.ledger.max - this.ledger.records);
  }

  /** Puts `account` in use for `token`, in place of the one it had (whose data is no longer kept). */
  private use(token: string, account: Account): void {
    const old = this.accounts.get(token);
    if (old && old !== account) this.discard(old);
    this.accounts.set(token, account);
  }

  /** An account no longer kept (replaced, or refused while filled): its records no longer count. */
  private discard(account: Account): void {
    this.ledger.records -= account.records;
    account.records = 0;
  }

  /** Fills a new account with the fixture; a refusal drops what it counted, as the account is dropped. */
  private filled(account: Account, records: Records): void {
    try {
      this.fill(account, records);
    } catch (error) {
      this.discard(account);
      throw error;
    }
  }

  /** The account of a token, created with the default fixture on first use. */
  account(token: string): Account {
    let account = this.accounts.get(token);
    if (!account) account = this.reset(token, this.defaultFixture);
    return account;
  }

  all(): Iterable<Account> {
    return this.accounts.values();
  }

  reset(token: string, fixture: Fixture = this.defaultFixture): Account {
    const account = this.create(token, fixture);
    this.use(token, account);
    return account;
  }

  /** A new account for `token`, not yet in use (its records are checked as they are added). */
  private create(token: string, fixture: Fixture): Account {
    if (!this.accounts.has(token) && this.accounts.size >= LIMITS.accounts) {
      // 429, which every operation documents (any request may be a new token's first, reads included).
      throw new ApiError(
        429,
        "rate_limit_error",
        `The simulator already holds ${LIMITS.accounts} accounts (one per bearer token). Reuse tokens, or restart the mock.`,
      );
    }
    const drawn = { request: 0, schedule: 0 };
    const account = new Account(
      this.ledger,
      this.idSeed === undefined
        ? undefined
        : (sequence) =>
            createHash("sha256")
              // The request sequence keeps the form it always had: the same seed gives the same ids as before.
              .update(
                `${this.idSeed}\0${token}\0${sequence === "request" ? "" : "schedule\0"}${drawn[sequence]++}`,
              )
              .digest()
              .subarray(0, 16),
    );
    if (fixture === "examples") {
      account.seeding = true;
      this.filled(account, structuredClone(this.seed()));
      account.seeding = false;
    }
    return account;
  }

  /**
   * Replaces an account's records (POST /_mock/state); the records were validated by the caller. All or
   * nothing: a record refused here (given twice, over a limit) leaves the account as it was.
   */
  load(token: string, records: Records, bytes: number, settle?: (account: Account) => void): Account {
    this.checkRoom(bytes, this.accounts.get(token));
    // The records of the account this one replaces make room for its own (counted again on a refusal).
    const old = this.accounts.get(token);
    const replaced = old?.records ?? 0;
    this.ledger.records -= replaced;
    const account = this.create(token, "empty");
    try {
      this.fill(account, records);
      account.storedBytes = bytes;
      // The caller's last word before the account replaces the old one (firing what came due): a refusal
      // there leaves the old account too.
      settle?.(account);
    } catch (error) {
      this.discard(account);
      this.ledger.records += replaced;
      throw error;
    }
    if (old) old.records = 0; // no longer counted
    this.use(token, account);
    return account;
  }

  resetAll(): void {
    this.accounts.clear();
    this.ledger.records = 0;
  }

  private fill(
    account: Account,
    {
      deployments,
      runs,
      agents = [],
      environments = [],
      deleted_environment_ids = [],
      environment_sessions,
    }: Records,
  ): void {
    const now = this.nowMs();
    agents.forEach((agent, index) => {
      const known = account.agents.get(agent.id)?.versions.length ?? 0;
      // A version given again is a record given twice (409); one skipped or out of order is an invalid
      // history (400, naming it).
      if (agent.version <= known)
        throw conflict(`Agent ${agent.id} version ${agent.version} is given twice.`);
      if (agent.version !== known + 1)
        throw invalid(
          `Agent ${agent.id}: give its versions in order, 1 to N, each once (version ${agent.version} after ${known}).`,
          `agents[${index}].version`,
        );
      account.addAgentVersion(agent);
    });
    // Environments too come newest first, as lists and GET /_mock/state give them: inserted oldest first.
    for (const environment of [...environments].reverse()) {
      if (account.environments.has(environment.id))
        throw conflict(`Environment ${environment.id} is given twice.`);
      account.addEnvironment(environment);
    }
    deleted_environment_ids.forEach((id, index) => {
      if (account.environments.has(id))
        throw invalid(
          `Environment ${id} is both in "environments" and in "deleted_environment_ids": keep it in one.`,
          `deleted_environment_ids[${index}]`,
        );
      account.deletedEnvironments.add(id);
    });
    // Every reference resolves within the state, as the API's own records always do (agents and
    // deployments are archived, never deleted; a deleted environment is in deleted_environment_ids).
    const hasAgent = ({ id, version }: { id: string; version: number }) =>
      (account.agents.get(id)?.versions.length ?? 0) >= version;
    const missingAgent = (id: string, version: number, param: string) =>
      invalid(
        `Agent ${id} version ${version} is not in the state's "agents": add it there, or name one that is.`,
        param,
      );
    // A coordinator's roster names agent versions of the state (its own too, for a `self` entry); its own
    // rules are checked with the agent's (checkStoredAgent).
    agents.forEach((agent, index) => {
      agent.multiagent?.agents.forEach((entry, at) => {
        if (entry.type === "agent" && !hasAgent(entry))
          throw missingAgent(entry.id, entry.version, `agents[${index}].multiagent.agents[${at}]`);
      });
    });
    // Deployments and runs come in list order, newest first (as GET /_mock/state gives them): inserted
    // oldest first, records with the same created_at keep that order.
    for (let index = deployments.length - 1; index >= 0; index--) {
      const deployment = deployments[index] as Deployment;
      if (account.deployments.has(deployment.id))
        throw conflict(`Deployment ${deployment.id} is given twice.`);
      if (!hasAgent(deployment.agent))
        throw missingAgent(deployment.agent.id, deployment.agent.version, `deployments[${index}].agent`);
      const environmentId = deployment.environment_id;
      if (!account.environments.has(environmentId) && !account.deletedEnvironments.has(environmentId))
        throw invalid(
          `Environment ${environmentId} is neither in the state's "environments" nor in its "deleted_environment_ids".`,
          `deployments[${index}].environment_id`,
        );
      // It fires from now on, or from its creation if the clock is before that: never before it existed.
      const from = Math.max(now, timeOf(deployment.created_at) as number);
      // A loaded schedule without its upcoming times gets them, as a create would: they are what the
      // clock watches, so without them it would never fire.
      const schedule = deployment.schedule;
      if (schedule && schedule.upcoming_runs_at === undefined && deployment.archived_at === null)
        schedule.upcoming_runs_at = upcoming(schedule, from).map(rfc3339);
      // A first upcoming time later than the schedule's next fire: it fires from then on, the times
      // before it are skipped (not fired late once the clock passes it).
      const first = timeOf(schedule?.upcoming_runs_at?.[0]);
      account.addDeployment({
        deployment,
        firedThroughMs: first === undefined ? from : Math.max(from, first - 1),
      });
    }
    for (let index = runs.length - 1; index >= 0; index--) {
      const run = runs[index] as DeploymentRun;
      if (account.runs.has(run.id)) throw conflict(`Deployment run ${run.id} is given twice.`);
      const environmentId = account.deployments.get(run.deployment_id)?.deployment.environment_id;
      if (environmentId === undefined)
        throw invalid(
          `Deployment ${run.deployment_id} is not in the state's "deployments": a run's deployment is never deleted.`,
          `runs[${index}].deployment_id`,
        );
      if (!hasAgent(run.agent)) throw missingAgent(run.agent.id, run.agent.version, `runs[${index}].agent`);
      account.addRun(run);
      // A loaded run's session is counted in its deployment's environment: the run does not name one.
      if (!environment_sessions && run.session_id !== null) account.countSession(environmentId);
    }
    for (const id of Object.keys(environment_sessions ?? {}))
      if (!account.environments.has(id))
        throw invalid(
          `Environment ${id} is not in the state's "environments": only an environment can have sessions.`,
          `environment_sessions.${id}`,
        );
    for (const [id, count] of Object.entries(environment_sessions ?? {}))
      account.sessionsByEnvironment.set(id, count);
  }
}

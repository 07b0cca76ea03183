// The stateful simulator as an in-process request handler: check the request (requests.ts: route,
// token — one account per bearer token —, parameters, body), replay idempotent writes, run the
// resource's handler, and (strict mode) check the answer against the contract's response schema. Also
// the /_mock/* control endpoints.
import { createHash } from "node:crypto";
import { CLOCK_RANGE_MS, Clock, isRfc3339Time, rfc3339 } from "./clock.js";
import { type Contract, describe, loadContract, type OperationSpec } from "./contract.js";
import {
  ApiError,
  apiErrorOf,
  errorEnvelope,
  errorHeaders,
  invalid,
  LimitError,
  MethodNotAllowedError,
} from "./errors.js";
import { timeOf } from "./pagination.js";
import {
  type CheckedRequest,
  checkRequest,
  headerOf,
  jsonOf,
  requestIdOf,
  type SimRequest,
  type SimResponse,
  targetOf,
  tokenOf,
} from "./requests.js";
import { checkStoredAgent } from "./resources/agents.js";
import { resources } from "./resources/index.js";
import type { ClockPlan, OperationHandler, Resource } from "./routes.js";
import { checkSchedule, checkUpcoming, withinBudget } from "./schedule.js";
import {
  type Agent,
  type Deployment,
  type DeploymentRun,
  type Environment,
  exampleRecords,
  type Fixture,
  IDEMPOTENCY_TTL_MS,
  LIMITS,
  Store,
} from "./store.js";

/** The fields of POST /_mock/state: the records, and what GET /_mock/state adds beside them. */
const STATE_FIELDS = new Set([
  "deployments",
  "runs",
  "agents",
  "environments",
  "deleted_environment_ids",
  "environment_sessions",
  "now",
  "idempotency_keys",
]);

export interface SimulatorOptions {
  /** What a new account starts with: the contract's examples (default) or nothing. */
  fixture?: Fixture | undefined;
  /** Check every answer against the contract's response schema; a drift answers 500. Default false. */
  strict?: boolean | undefined;
  /**
   * Makes generated ids repeatable: the same seed, token and sequence of requests give the same ids, at
   * any time (scheduled runs draw from a sequence of their own: real time decides how many fire).
   */
  seed?: number | undefined;
  /** Extra resources (tests, or resources not yet in the default list). */
  resources?: Resource[];
  /** Request data kept in all accounts; default LIMITS.storedBytes (tests lower it). */
  maxStoredBytes?: number | undefined;
  /** Records in all accounts; default LIMITS.recordsInAllAccounts (tests lower it). */
  maxRecords?: number | undefined;
}

export interface AccountState {
  now: string;
  deployments: Deployment[];
  runs: DeploymentRun[];
  /** Every version of every agent, oldest version first. */
  agents?: Agent[];
  environments?: Environment[];
  /** Environments deleted from the account (a deployment still naming one fails its next run). */
  deleted_environment_ids?: string[];
  /** Sessions made in each environment (they keep it from being deleted). */
  environment_sessions?: Record<string, number>;
  idempotency_keys: number;
}

/**
 * What `state()` and GET /_mock/state give: every field is there. `AccountState`, also what may be
 * loaded, keeps the records a load may leave out optional.
 */
export interface AccountSnapshot extends AccountState {
  agents: Agent[];
  environments: Environment[];
  deleted_environment_ids: string[];
  environment_sessions: Record<string, number>;
}

const CONTROL_PREFIX = "/_mock/";

export class Simulator {
  readonly clock = new Clock();
  readonly contract: Contract;
  readonly store: Store;
  readonly strict: boolean;
  private readonly handlers = new Map<string, OperationHandler>();
  private readonly resources: Resource[];
  /**
   * Items of list answers already serialized, reused by later reads while nothing has changed: a list
   * page was mostly JSON.stringify. Emptied by anything that may change a stored record (`changed()`).
   */
  private readonly serialized = new Map<object, string>();

  constructor(options: SimulatorOptions = {}) {
    this.contract = loadContract();
    this.strict = options.strict ?? false;
    this.resources = [...resources, ...(options.resources ?? [])];
    for (const resource of this.resources) {
      for (const [operationId, handler] of Object.entries(resource.handlers)) {
        if (!this.contract.operations.some((operation) => operation.operationId === operationId)) {
          throw new Error(
            `Simulator resource handles "${operationId}", which is not an operation of the contract.`,
          );
        }
        this.handlers.set(operationId, handler);
      }
    }
    let examples: ReturnType<typeof exampleRecords> | undefined;
    this.store = new Store(
      () => (examples ??= exampleRecords(this.contract)),
      () => this.clock.now(),
      options.fixture ?? "examples",
      options.seed,
      options.maxStoredBytes,
      options.maxRecords,
    );
  }

  // ---- control, shared by startMock() and the /_mock/* endpoints ----

  /** Empties (fixture "empty") or re-seeds an account; without a token, forgets every account. */
  reset(token?: string, fixture?: Fixture): void {
    if (token !== undefined && (typeof token !== "string" || !token))
      throw invalid("The token must be a non-empty string, or none to forget every account.", "token");
    if (fixture !== undefined && fixture !== "examples" && fixture !== "empty")
      throw invalid('fixture must be "examples" or "empty".', "fixture");
    if (token === undefined && fixture !== undefined)
      throw invalid(
        "A fixture applies to one account: pass its token (reset() alone forgets every account).",
        "fixture",
      );
    this.changed();
    if (token === undefined) this.store.resetAll();
    else this.store.reset(token, fixture);
  }

  /** Moves the clock (forward fires due schedules) and returns the new time. */
  advanceTime(ms: number): string {
    if (!Number.isFinite(ms))
      throw invalid("advance_ms must be a finite number of milliseconds.", "advance_ms");
    return this.moveClockTo(this.clock.now() + ms, "advance_ms");
  }

  setTime(at: Date | string | number): string {
    const ms =
      at instanceof Date ? at.getTime() : typeof at === "number" ? at : Math.floor(timeOf(at) as number);
    // A string is RFC 3339 and a real time, as POST /_mock/clock takes it (Date.parse reads 02-30 as 03-02);
    // a leap second (…:60) is the next minute's :00, as the list filters read it.
    if (!Number.isFinite(ms) || (typeof at === "string" && !isRfc3339Time(at)))
      throw invalid(`now must be an RFC 3339 date-time, got ${JSON.stringify(at)}.`, "now");
    return this.moveClockTo(ms, "now");
  }

  private moveClockTo(ms: number, param: "advance_ms" | "now"): string {
    if (ms < CLOCK_RANGE_MS.min || ms > CLOCK_RANGE_MS.max) {
      throw invalid(
        `The clock must stay between ${rfc3339(CLOCK_RANGE_MS.min)} and ${rfc3339(CLOCK_RANGE_MS.max)}; this move would take it to ${Math.abs(ms) <= 8.64e15 ? new Date(ms).toISOString() : `${ms} ms from 1970`}.`,
        param,
      );
    }
    this.changed();
    // Everything the move does is worked out before anything changes; it is refused whole when it would
    // fire more runs than one move may, or take more cron computation than one request may.
    const from = this.clock.now();
    const plans: ClockPlan[] = [];
    const work = () => {
      let total = 0;
      // The store's room is shared: what one account's fires take, the next account's cannot.
      let storeRoom = this.store.recordRoom;
      for (const account of this.store.all()) {
        if (ms < from) {
          for (const resource of this.resources) {
            const plan = resource.planClockBack?.(account, ms);
            if (plan) plans.push(plan);
          }
          continue;
        }
        // Each plan counts the runs it records, and at most one past its limit, so a huge move is refused
        // at once. Past the room (the account's, and what is left of the store's), a fire pauses its
        // deployment instead (deployments.ts): it costs nothing.
        const room = Math.min(account.remainingRuns, storeRoom);
        let created = 0;
        for (const resource of this.resources) {
          const plan = resource.planTime?.(
            account,
            ms,
            LIMITS.runsPerClockMove - total - created,
            room - created,
          );
          if (!plan) continue;
          created += plan.runs;
          plans.push(plan);
        }
        total += created;
        storeRoom -= created;
        if (total > LIMITS.runsPerClockMove) {
          throw invalid(
            `Moving the clock to ${rfc3339(ms)} would fire more than ${LIMITS.runsPerClockMove} scheduled runs in all accounts, the simulator's limit for one move. Move it in smaller steps, pause deployments, or reset accounts.`,
            param,
          );
        }
      }
    };
    withinBudget(LIMITS.scheduleComputationMs, work, () =>
      invalid(
        `Moving the clock to ${rfc3339(ms)} would take more than ${LIMITS.scheduleComputationMs} ms of cron computation, the simulator's limit for one request (sparse schedules such as "0 0 29 2 *" over centuries, or thousands of distinct schedules). ${ms < from ? "A move back plans every schedule again, however short: reset accounts that hold thousands of distinct schedules." : "Move it in smaller steps (fewer fires each), or reset accounts."}`,
        param,
      ),
    );
    this.clock.set(ms);
    for (const plan of plans) plan.apply();
    return rfc3339(this.clock.now());
  }

  private tick(account: ReturnType<Store["account"]>, nowMs: number): void {
    // Schedules act (and change records) only once the account's next fire time has come.
    if (nowMs >= account.nextFireMs) this.changed();
    for (const resource of this.resources) resource.planTime?.(account, nowMs).apply();
  }

  state(token: string): AccountSnapshot {
    const account = this.store.account(token);
    this.tick(account, this.clock.now());
    account.dropExpiredKeys(this.clock.now(), true); // the count is of the keys still kept
    return {
      now: rfc3339(this.clock.now()),
      deployments: [...account.deployments.values()].map((record) => record.deployment),
      runs: [...account.runs.values()],
      agents: [...account.agents.values()].reverse().flatMap((record) => record.versions),
      environments: [...account.environments.values()],
      deleted_environment_ids: [...account.deletedEnvironments],
      environment_sessions: Object.fromEntries(account.sessionsByEnvironment),
      idempotency_keys: account.idempotency.size,
    };
  }

  /**
   * Replaces an account with the given records, each validated against the contract. `bytes`: the size
   * of the request that carried them, for the store's limit (measured here when not given).
   */
  loadState(token: string, state: unknown, bytes?: number): void {
    this.changed();
    const given = (state ?? {}) as Partial<AccountState>;
    if (typeof state !== "object" || state === null || Array.isArray(state)) {
      throw invalid('The state must be an object { "deployments": [...], "runs": [...] }.');
    }
    // What GET /_mock/state answers can be posted back: its `now` and `idempotency_keys` count are not
    // loaded. Anything else is a mistake (a typo would otherwise load an empty account).
    const unknown = Object.keys(state).find((key) => !STATE_FIELDS.has(key));
    if (unknown !== undefined) {
      throw invalid(
        `Unknown field: ${unknown}. POST /_mock/state takes {"deployments", "runs", "agents", "environments", "deleted_environment_ids", "environment_sessions"} (the "now" and "idempotency_keys" that GET gives are not loaded).`,
        unknown,
      );
    }
    // A field left out is an empty list; null is a mistake to name, not an empty account to load.
    const nulled = Object.keys(state).find(
      (key) =>
        (state as Record<string, unknown>)[key] === null && key !== "now" && key !== "idempotency_keys",
    );
    if (nulled !== undefined)
      throw invalid(
        `${nulled} is null: give ${nulled === "environment_sessions" ? "an object" : "an array"}, or leave the field out for none.`,
        nulled,
      );
    const deployments = given.deployments ?? [];
    const runs = given.runs ?? [];
    if (!Array.isArray(deployments))
      throw invalid("deployments must be an array of Deployment objects.", "deployments");
    if (!Array.isArray(runs)) throw invalid("runs must be an array of DeploymentRun objects.", "runs");
    const agents = given.agents ?? [];
    const environments = given.environments ?? [];
    const deleted = given.deleted_environment_ids ?? [];
    if (!Array.isArray(deleted))
      throw invalid(
        "deleted_environment_ids must be an array of environment ids.",
        "deleted_environment_ids",
      );
    if (!Array.isArray(agents)) throw invalid("agents must be an array of Agent objects.", "agents");
    if (!Array.isArray(environments))
      throw invalid("environments must be an array of Environment objects.", "environments");
    this.check(deployments, "#/components/schemas/Deployment", "deployments");
    this.check(runs, "#/components/schemas/DeploymentRun", "runs");
    this.check(agents, "#/components/schemas/Agent", "agents");
    this.check(environments, "#/components/schemas/Environment", "environments");
    this.check(deleted, "#/components/schemas/EnvironmentId", "deleted_environment_ids");
    const sessions = given.environment_sessions;
    if (sessions !== undefined) {
      if (typeof sessions !== "object" || sessions === null || Array.isArray(sessions))
        throw invalid(
          "environment_sessions must be an object of environment ids to counts.",
          "environment_sessions",
        );
      this.check(Object.keys(sessions), "#/components/schemas/EnvironmentId", "environment_sessions");
      for (const [id, count] of Object.entries(sessions))
        if (!Number.isSafeInteger(count) || count < 0)
          throw invalid(
            `environment_sessions.${id} must be a count (a whole number, 0 or more).`,
            `environment_sessions.${id}`,
          );
    }
    // What create checks beyond the schema holds for a loaded agent too (a model's efforts, tools that
    // name their MCP servers and built-in tools, a roster's own rules), each refusal naming the agent.
    agents.forEach((agent: Agent, index) => {
      try {
        checkStoredAgent(agent);
      } catch (error) {
        if (!(error instanceof ApiError)) throw error;
        throw invalid(error.message, `agents[${index}]${error.param ? `.${error.param}` : ""}`);
      }
    });
    // The contract's schema cannot tell a valid cron expression or time zone: check them as create does.
    // Checking them and planning those given without upcoming times, or with past ones, is cron work:
    // bounded.
    const load = () => {
      const now = this.clock.now();
      deployments.forEach((deployment: Deployment, index) => {
        const schedule = deployment.schedule;
        if (!schedule) return;
        try {
          checkSchedule(schedule);
        } catch (error) {
          if (!(error instanceof ApiError)) throw error;
          throw invalid(error.message, `deployments[${index}].${error.param}`);
        }
        checkUpcoming(deployment, now, `deployments[${index}].schedule.upcoming_runs_at`);
      });
      const size = bytes ?? Buffer.byteLength(JSON.stringify(state));
      this.store.load(
        token,
        structuredClone({
          deployments,
          runs,
          agents,
          environments,
          deleted_environment_ids: deleted,
          environment_sessions: sessions,
        }),
        size,
        // Loaded schedules whose times are past are planned now, within the budget, not by the next read.
        (account) => this.tick(account, this.clock.now()),
      );
    };
    withinBudget(LIMITS.scheduleComputationMs, load, () =>
      invalid(
        `The state's cron schedules would take more than ${LIMITS.scheduleComputationMs} ms to check and plan, the simulator's limit for one request: load fewer distinct schedules at a time, or give each its upcoming_runs_at (GET /_mock/state does).`,
        "deployments",
      ),
    );
  }

  private check(items: unknown[], pointer: string, field: string): void {
    const validate = this.contract.validator(pointer);
    items.forEach((item, index) => {
      if (!validate(item)) {
        const { message, param } = describe(validate.errors ?? [], `${field}[${index}]`);
        throw invalid(message, param);
      }
    });
  }

  // ---- requests ----

  /** Handles one request in process; the front layer (envelope-proxy.ts) serves it over HTTP. */
  handle(request: SimRequest): SimResponse {
    const requestId = requestIdOf(request);
    // Known once the request is checked: a refusal of the operation is held to its documented answers too.
    let operation: OperationSpec | undefined;
    try {
      const { path, search } = targetOf(request.url);
      if (path.startsWith(CONTROL_PREFIX))
        return this.control(request, path, search, tokenOf(request.headers), requestId);
      const checked = checkRequest(this.contract, request, path, search);
      operation = checked.operation;
      // Only reads leave every record as it was.
      const read = checked.operation.method === "GET";
      if (!read) this.changed();
      const answer = this.operate(checked, request, requestId);
      return this.respond(checked.operation, answer.status, answer.body, requestId, answer.replayed, read);
    } catch (error) {
      return this.fail(error, requestId, operation);
    }
  }

  /** Acts on a checked request: replays an idempotent write, or runs the operation's handler. */
  private operate(
    { operation, path: pathParams, query, body, token }: CheckedRequest,
    request: SimRequest,
    requestId: string,
  ): { status: number; body: unknown; replayed?: boolean } {
    const handler = this.handlers.get(operation.operationId);
    if (!handler)
      throw new ApiError(
        501 as number,
        "api_error",
        `The simulator does not implement ${operation.operationId} yet.`,
      );

    const account = this.store.account(token);
    const nowMs = this.clock.now();
    this.tick(account, nowMs);
    // Writes only: a read needs no key (conventions §6), and one sent with it is answered afresh.
    const key = operation.method === "GET" ? undefined : headerOf(request.headers, "idempotency-key");
    const bytes = request.body === undefined ? 0 : Buffer.byteLength(request.body);
    const fingerprint =
      key === undefined
        ? ""
        : digest(`${operation.operationId} ${JSON.stringify(pathParams)} ${canonicalJson(body ?? {})}`);
    if (key !== undefined) {
      const stored = account.storedAnswer(key, nowMs);
      if (stored) {
        if (stored.fingerprint !== fingerprint)
          throw new ApiError(409, "conflict_error", "Idempotency key reused with a different request body.");
        return { status: stored.status, body: JSON.parse(stored.body), replayed: true };
      }
      // Refused before acting: a key that cannot be kept could not replay what the write did.
      account.checkRoomForKey(nowMs);
    }
    // What a write keeps counts against the store's limit (a replay keeps nothing): its body, with what
    // its handler keeps beyond it (`keep`), and for a keyed write its key and answer (about its body
    // again). A keyed write keeps its answer even without a body (a pause answers the whole deployment):
    // refused once the store is full, so it passes the limit by one answer at most. Counted once done.
    const pending = key === undefined ? bytes : 2 * bytes + key.length + 1;
    if (pending > 0) this.store.checkRoom(pending);
    let extra = 0;
    const keep = (more: number) => {
      this.store.checkRoom(pending + extra + more);
      extra += more;
    };
    let status: number;
    let answerBody: unknown;
    try {
      const answer = handler({
        account,
        nowMs,
        path: pathParams,
        query,
        body,
        headers: request.headers,
        keep,
      });
      status = answer.status ?? 200;
      answerBody = answer.body;
    } catch (error) {
      // A write refused for the state it met (404, 409) is an answer too: replaying the key gives the same
      // refusal. An invalid request (400) did nothing, and is kept no more than the contract's checks' 400s.
      if (
        !(error instanceof ApiError) ||
        error instanceof LimitError ||
        key === undefined ||
        error.status >= 500 ||
        error.status === 400
      )
        throw error;
      const stored = JSON.stringify(errorEnvelope(error, requestId));
      account.storeAnswer(key, {
        fingerprint,
        status: error.status,
        body: stored,
        expiresMs: nowMs + IDEMPOTENCY_TTL_MS,
      });
      throw error;
    }
    if (key !== undefined) {
      const stored = JSON.stringify(answerBody);
      account.storeAnswer(key, { fingerprint, status, body: stored, expiresMs: nowMs + IDEMPOTENCY_TTL_MS });
    }
    if (bytes + extra > 0) this.store.keep(account, bytes + extra);
    return { status, body: answerBody };
  }

  private respond(
    operation: OperationSpec | undefined,
    status: number,
    body: unknown,
    requestId: string,
    replayed = false,
    read = false,
  ): SimResponse {
    if (this.strict && operation) {
      const drift = this.drift(operation, status, body);
      if (drift) return drift(requestId);
    }
    const headers: Record<string, string> = { "content-type": "application/json", "x-request-id": requestId };
    if (replayed) headers["idempotent-replayed"] = "true";
    return { status, headers, body: read ? this.serializeRead(body) : JSON.stringify(body) };
  }

  /** Something may have changed a stored record: forget every serialization kept for reuse. */
  private changed(): void {
    if (this.serialized.size > 0) this.serialized.clear();
  }

  /**
   * JSON.stringify(body), byte for byte, with the items of a list's `data` taken from `serialized`
   * (and kept there) while no record has changed.
   */
  private serializeRead(body: unknown): string {
    if (typeof body !== "object" || body === null || !Array.isArray((body as { data?: unknown }).data))
      return JSON.stringify(body);
    let json = "";
    for (const [key, value] of Object.entries(body)) {
      if (value === undefined) continue;
      json += `${json === "" ? "{" : ","}${JSON.stringify(key)}:`;
      if (key !== "data") {
        json += JSON.stringify(value);
        continue;
      }
      json += "[";
      (value as unknown[]).forEach((item, index) => {
        if (index > 0) json += ",";
        if (typeof item !== "object" || item === null) {
          json += JSON.stringify(item) ?? "null";
          return;
        }
        let text = this.serialized.get(item);
        if (text === undefined) {
          text = JSON.stringify(item);
          // Bounded, like the state: long read-only walks over many accounts start it afresh.
          if (this.serialized.size >= MAX_SERIALIZED) this.serialized.clear();
          this.serialized.set(item, text);
        }
        json += text;
      });
      json += "]";
    }
    return json === "" ? "{}" : `${json}}`;
  }

  /** In strict mode: a 500 naming the schema the answer broke, instead of the answer. */
  private drift(
    operation: OperationSpec,
    status: number,
    body: unknown,
  ): ((requestId: string) => SimResponse) | undefined {
    const documented = operation.responses.get(status);
    const problem = !documented
      ? `status ${status} is not a documented response of ${operation.operationId}`
      : documented.validate(body)
        ? undefined
        : (documented.validate.errors ?? [])
            .slice(0, 3)
            .map(
              (error) =>
                `${error.instancePath || "/"} ${error.message} (schema ${documented.pointer}${error.schemaPath.replace(/^#/, "")})`,
            )
            .join("; ");
    if (!problem) return undefined;
    return (requestId) => ({
      status: 500,
      headers: { "content-type": "application/json", "x-request-id": requestId },
      body: JSON.stringify({
        type: "error",
        request_id: requestId,
        error: {
          type: "api_error",
          message: `Simulator drift (strict mode): the ${status} answer of ${operation.operationId} does not match the contract: ${problem}`,
        },
      }),
    });
  }

  private fail(error: unknown, requestId: string, operation?: OperationSpec): SimResponse {
    const apiError = apiErrorOf(error);
    const answer = this.respond(operation, apiError.status, errorEnvelope(apiError, requestId), requestId);
    Object.assign(answer.headers, errorHeaders(apiError));
    return answer;
  }

  // ---- /_mock/* ----

  private control(
    request: SimRequest,
    path: string,
    search: URLSearchParams,
    token: string | undefined,
    requestId: string,
  ): SimResponse {
    this.changed();
    const method = request.method.toUpperCase();
    const name = path.slice(CONTROL_PREFIX.length);
    const ok = (body: unknown) => ({
      status: 200,
      headers: { "content-type": "application/json", "x-request-id": requestId },
      body: JSON.stringify(body),
    });
    const readBody = (): Record<string, unknown> => {
      const parsed = jsonOf(request);
      if (parsed === undefined) return {};
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed))
        throw invalid("The body must be a JSON object.");
      return parsed as Record<string, unknown>;
    };
    const needToken = (): string => {
      if (token === undefined)
        throw new ApiError(
          401,
          "authentication_error",
          `${method} /_mock/${name} acts on the account of the request's bearer token: send Authorization: Bearer <token>.`,
        );
      return token;
    };
    const allowed: Record<string, string[]> = {
      reset: ["POST"],
      clock: ["GET", "POST"],
      state: ["GET", "POST"],
    };
    const methods = allowed[name];
    if (!methods)
      throw new ApiError(
        404,
        "not_found_error",
        `Not found: ${path}. The control endpoints are POST /_mock/reset, POST /_mock/clock and GET/POST /_mock/state.`,
      );
    // A browser page calling these (with a token, JSON) first sends a CORS preflight: allowed, as Prism
    // allows it on the API's paths.
    const preflight = request.headers["access-control-request-method"];
    if (method === "OPTIONS" && typeof preflight === "string" && preflight !== "") {
      const origin = request.headers.origin;
      const asked = request.headers["access-control-request-headers"];
      return {
        status: 204,
        headers: {
          "access-control-allow-origin": typeof origin === "string" ? origin : "*",
          "access-control-allow-methods": methods.join(", "),
          "access-control-allow-headers": typeof asked === "string" ? asked : "authorization, content-type",
          vary: "origin",
          "x-request-id": requestId,
        },
        body: "",
      };
    }
    if (!methods.includes(method))
      throw new MethodNotAllowedError(
        `Method not allowed: ${method} ${path} (use ${methods.join(" or ")}).`,
        methods,
      );
    // Options go in the JSON body: one in the query would otherwise be dropped unseen (a reset to the
    // examples asked as ?fixture=empty).
    const [key] = search.keys();
    if (key !== undefined)
      throw invalid(
        method === "GET"
          ? `GET /_mock/${name} takes no query parameters (${key}).`
          : `${method} /_mock/${name} takes its options in the JSON body, not in the query: send {"${key}": …}.`,
        key,
      );
    if (method === "GET" && jsonOf(request) !== undefined)
      throw invalid(`GET /_mock/${name} takes no request body.`);

    if (name === "reset") {
      // The account first, as the API checks authentication before the body.
      const token = needToken();
      const body = readBody();
      const unknown = Object.keys(body).find((key) => key !== "fixture");
      if (unknown)
        throw invalid(
          `Unknown field: ${unknown}. /_mock/reset takes {} or {"fixture": "empty" | "examples"}.`,
          unknown,
        );
      // Absent means the examples; null is not a fixture name.
      const fixture = body.fixture === undefined ? "examples" : body.fixture;
      if (fixture !== "examples" && fixture !== "empty")
        throw invalid('fixture must be "examples" or "empty".', "fixture");
      this.reset(token, fixture);
      return ok({ reset: true, fixture });
    }
    if (name === "clock") {
      if (method === "GET") return ok({ now: rfc3339(this.clock.now()) });
      const body = readBody();
      const unknown = Object.keys(body).find((key) => key !== "advance_ms" && key !== "now");
      if (unknown)
        throw invalid(
          `Unknown field: ${unknown}. /_mock/clock takes {"advance_ms": N} or {"now": "<RFC 3339>"}.`,
          unknown,
        );
      if ((body.advance_ms === undefined) === (body.now === undefined)) {
        throw invalid(
          'Give exactly one of {"advance_ms": N} and {"now": "<RFC 3339>"}.',
          body.now === undefined ? "advance_ms" : "now",
        );
      }
      if (body.advance_ms !== undefined) {
        if (typeof body.advance_ms !== "number")
          throw invalid("advance_ms must be a number of milliseconds.", "advance_ms");
        return ok({ now: this.advanceTime(body.advance_ms) });
      }
      // A number would be read as epoch ms by setTime(), which checks a string as RFC 3339.
      if (typeof body.now !== "string")
        throw invalid("now must be an RFC 3339 date-time, e.g. 2026-06-15T01:00:00Z.", "now");
      return ok({ now: this.setTime(body.now) });
    }
    if (method === "GET") return ok(this.state(needToken()));
    this.loadState(needToken(), readBody(), request.body === undefined ? 0 : Buffer.byteLength(request.body));
    return ok(this.state(needToken()));
  }
}

/** Serialized list items kept for reuse, at most (≈ 1 KB each). */
const MAX_SERIALIZED = 50_000;

/** JSON with every object's keys sorted: a body sent again with its keys in another order is the same body. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  const object = value as Record<string, unknown>;
  const fields = Object.keys(object)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`);
  return `{${fields.join(",")}}`;
}

function digest(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

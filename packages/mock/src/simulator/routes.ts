// The extension point: a resource is a file exporting a `Resource` (handlers keyed by the contract's
// operationId, plus optional reactions to the clock). Routing, validation, idempotency and response
// checks come from the contract and apply to every resource without further code.
import type { Account } from "./store.js";

export interface RequestContext {
  account: Account;
  /** The simulator's clock at the start of the request, in ms. */
  nowMs: number;
  /** Path parameters by the contract's names (`deployment_id`, `run_id`). */
  path: Record<string, string>;
  /** Query parameters, already validated and converted to their schema's type. */
  query: Record<string, string | number | boolean>;
  /** The parsed, validated body (undefined when none was sent). */
  body: unknown;
  /** The request headers (lower-case names), for the few rules that depend on one (`x-qoder-beta`). */
  headers?: Record<string, string | string[] | undefined>;
  /**
   * Counts what a write keeps beyond its request body against the store's limit (an agent version
   * repeats its agent's fields): past the limit, the limit's 409. Call it after validating, before storing.
   */
  keep(bytes: number): void;
}

export interface Answer {
  status?: number;
  body: unknown;
}

export type OperationHandler = (context: RequestContext) => Answer;

/** What a clock move will do to one account's records of one resource. */
export interface ClockPlan {
  /** The runs it records. */
  runs: number;
  apply(): void;
}

export interface Resource {
  /** Handlers keyed by operationId; an operation of the contract without a handler answers 501. */
  handlers: Record<string, OperationHandler>;
  /**
   * What the clock's move on to `nowMs` (explicitly or with real time) does to an account: worked out
   * first, before every request and before a move (which is refused whole when its plans fire too many
   * runs or take too long), then applied. It may change records only once `account.nextFireMs` is due:
   * reads in between reuse serialized records (Simulator `changed()`). `limit`: the runs it may plan; one
   * more is planned when more would fire, so the move can be refused.
   */
  planTime?(account: Account, nowMs: number, limit?: number, room?: number): ClockPlan;
  /** The same when the clock was moved back to `nowMs`: what was planned from later is planned again. */
  planClockBack?(account: Account, nowMs: number): ClockPlan;
}

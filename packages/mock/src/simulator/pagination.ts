// The list envelope of every list operation: limit, after_id / before_id / page (mutually exclusive,
// checked with the request), first_id, last_id, has_more and next_page (= last_id while more follow).
import { invalid } from "./errors.js";
import { OrderedIndex } from "./ordered-index.js";

export interface ListQuery {
  limit?: number;
  after_id?: string;
  before_id?: string;
  page?: string;
}

export interface Bounds {
  fromMs?: number | undefined;
  toMs?: number | undefined;
}

/** The index of a list with no records yet (a deployment's runs before its first). */
const NO_RECORDS = new OrderedIndex<never>();

export function listPage<T extends { id: string }, R = T>(
  index: OrderedIndex<R> | undefined,
  query: Record<string, unknown>,
  select: (record: R) => T,
  filter?: (record: R) => boolean,
  bounds: Bounds = {},
): {
  data: T[];
  first_id: string | null;
  last_id: string | null;
  has_more: boolean;
  next_page: string | null;
} {
  const limit = (query.limit as number | undefined) ?? 20;
  const afterId = (query.page ?? query.after_id) as string | undefined;
  const beforeId = query.before_id as string | undefined;
  // Asked of the index even when the page is sure to be empty (no records yet, bounds that cross): a
  // cursor naming no record of this list is a 400 whatever the page would hold.
  const page = (index ?? NO_RECORDS).page({
    limit,
    afterId,
    beforeId,
    fromMs: bounds.fromMs,
    toMs: bounds.toMs,
    filter,
  });
  if (!page) {
    const param = ["page", "after_id", "before_id"].find((name) => query[name] !== undefined) as string;
    throw invalid(
      param === "page"
        ? "The page cursor is invalid or expired: pass the next_page of a previous answer of this list."
        : `${param} does not name a record of this list: pass an id from a previous page (${param === "after_id" ? "last_id" : "first_id"}).`,
      param,
    );
  }
  const data = page.items.map(select);
  const first = data[0]?.id ?? null;
  const last = data[data.length - 1]?.id ?? null;
  return {
    data,
    first_id: first,
    last_id: last,
    has_more: page.hasMore,
    // The seed: "the same as last_id while has_more is true, else null", whichever way the page was asked
    // for (a before_id page's has_more is about newer records; its next_page still leads to older ones).
    next_page: page.hasMore ? last : null,
  };
}

/**
 * An RFC 3339 time in ms (already format-checked by the contract's validator), with the digits past the
 * millisecond kept as a fraction: Date.parse drops them, and a run created at 17.13334 s is after 17.133 s.
 * Records are ordered and filtered by this same value.
 */
export function timeOf(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  // A leap second (…:60, which RFC 3339 and the contract's format allow) is the second after …:59, as
  // POSIX time counts it; Date.parse gives NaN for it, and a NaN bound would match nothing or everything.
  if (value[17] === "6") return (timeOf(`${value.slice(0, 17)}59${value.slice(19)}`) as number) + 1000;
  // A time the simulator wrote ("…T15:22:41Z" or "….123Z") has no digits past the millisecond.
  if (value.length <= 24) return Date.parse(value);
  const beyondMs = /\.\d{3}(\d+)/.exec(value)?.[1];
  return Date.parse(value) + (beyondMs ? Number(`0.${beyondMs}`) : 0);
}

/** The next time after `ms` that timeOf can tell apart from it, for an exclusive bound as an inclusive one. */
export const justAfter = (ms: number) => ms + Math.max(Math.abs(ms) * Number.EPSILON, Number.MIN_VALUE);
export const justBefore = (ms: number) => ms - Math.max(Math.abs(ms) * Number.EPSILON, Number.MIN_VALUE);

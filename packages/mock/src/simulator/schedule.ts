// Cron fire times, computed with cron-parser over the wall clock of the schedule's IANA time zone.
import { createRequire } from "node:module";
import { type CronExpression, CronExpressionParser } from "cron-parser";
import { IANAZone } from "luxon";
import { CLOCK_RANGE_MS, rfc3339 } from "./clock.js";
import { invalid } from "./errors.js";
import { timeOf } from "./pagination.js";

export interface ScheduleInput {
  type: "cron";
  expression: string;
  timezone: string;
}

const UPCOMING = 5;

/**
 * Cron work has no bound of its own: cron-parser steps over every day a sparse expression skips
 * (`0 0 29 2 *` costs ≈ 3 ms a fire, a daily one ≈ 0.08 ms). A request that may compute many schedules
 * (a clock move, a state load) does it within a budget, before it changes anything, and is refused past it.
 */
class BudgetExceeded extends Error {}
let budgetEnd = Number.POSITIVE_INFINITY;

/**
 * CPU time the process has used, in ms: the budget counts work done, so a machine busy with other
 * processes does not turn an allowed request into a refused one (≈ 1 µs a call, per cron step).
 */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Runs `work`; cron computation in it past `ms` of CPU time throws `refusal()` instead. */
export function withinBudget<T>(ms: number, work: () => T, refusal: () => Error): T {
  const outer = budgetEnd;
  budgetEnd = Math.min(outer, cpuMs() + ms);
  try {
    return work();
  } catch (error) {
    throw error instanceof BudgetExceeded ? refusal() : error;
  } finally {
    budgetEnd = outer;
  }
}

function spend(): void {
  if (budgetEnd !== Number.POSITIVE_INFINITY && cpuMs() > budgetEnd) throw new BudgetExceeded();
}

/**
 * Throws a 400 naming `field` when `zone` is not a name of the IANA zone database, as it spells it (the
 * API checks names against it, as the official SDKs' Go and Python zone loaders do): ICU also takes
 * names tzdb never had ("PST", "BST" as Dhaka, "SystemV/AST4") and any case ("utc").
 */
export function checkTimeZone(zone: string, field: string): void {
  const spelled = ianaNames().get(zone.toLowerCase());
  if (spelled === zone && isTimeZone(zone)) return;
  throw invalid(
    spelled && spelled !== zone
      ? `${field} "${zone}" is not an IANA time zone: names are case-sensitive; use "${spelled}".`
      : `${field} "${zone}" is not an IANA time zone (e.g. "Asia/Shanghai", "UTC").`,
    field,
  );
}

/** Throws a 400 naming the field when the expression or time zone is not valid. */
export function checkSchedule(schedule: ScheduleInput): void {
  checkTimeZone(schedule.timezone, "schedule.timezone");
  const fields = schedule.expression.trim().split(/\s+/);
  // The contract allows exactly five POSIX fields: no seconds, no `L W # ?`, no `@daily` shortcuts (nor
  // extensions such as Jenkins' `H`). Each field is numbers, `*`, `,`, `-` and `/`; month and day of the
  // week may use their English names.
  const odd = fields.findIndex((field, index) => !FIELD[index]?.test(field));
  const problem =
    fields.length !== 5
      ? `has ${fields.length} fields; a cron expression has exactly 5 (minute hour day-of-month month day-of-week)`
      : odd >= 0
        ? `its ${FIELD_NAMES[odd]} field "${fields[odd]}" is not POSIX cron (numbers, *, ",", "-" and "/"${odd >= 3 ? ", or names such as MON or JAN" : ""}; no L, W, #, ?, H or @ shortcuts)`
        : parseError(schedule);
  if (problem) {
    throw invalid(
      `schedule.expression "${schedule.expression}" is not a valid cron expression: ${problem}.`,
      "schedule.expression",
    );
  }
}

const FIELD_NAMES = ["minute", "hour", "day-of-month", "month", "day-of-week"];
/** A field: a list of `*` or a value or a range of values, each with an optional `/step`. */
const cronField = (value: string) => {
  const item = `(?:\\*|${value}(?:-${value})?)(?:/\\d+)?`;
  return new RegExp(`^${item}(?:,${item})*$`, "i");
};
const NUMERIC = cronField("\\d+");
const FIELD = [
  NUMERIC,
  NUMERIC,
  NUMERIC,
  cronField("(?:\\d+|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)"),
  cronField("(?:\\d+|SUN|MON|TUE|WED|THU|FRI|SAT)"),
];

const PARSER_FIELDS = ["minute", "hour", "dayOfMonth", "month", "dayOfWeek"] as const;

/**
 * An expression as cron-parser is given it, and the weekdays it cannot express. Cron (Vixie cron, cronie)
 * reads a day field whose first character is `*` (`*`, a step of `*`, a list starting with `*`) as
 * unrestricted when it combines the two day fields: when both are restricted and either starts with `*`,
 * a day must match both. cron-parser ORs any two restricted day fields (and ANDs when one is `*`, as cron
 * does), so then it is given the day of the month with `*` for the day of the week, and the weekdays are
 * checked on each candidate day (`weekdays`).
 */
interface ForParser {
  expression: string;
  weekdays?: ReadonlySet<number>;
}
/** By expression (bounded). */
const forParserCache = new Map<string, ForParser>();

/**
 * The values a field covers. Cron reads a list as a set, but cron-parser refuses one whose items overlap
 * ("0,7" is Sunday twice, "0-3,2"): each item is read by cron-parser alone (7 as 0, Sunday). Within
 * cron-parser's own length limit, and the cron budget, as cron-parser's own parse is.
 */
function valuesOf(fields: string[], index: number): Set<number> {
  const values = new Set<number>();
  for (const item of (fields[index] as string).split(",")) {
    spend();
    const alone = fields.map((_other, at) => (at === index ? item : "*")).join(" ");
    const { fields: parsed } = CronExpressionParser.parse(alone, { strict: false });
    for (const value of parsed[PARSER_FIELDS[index] as (typeof PARSER_FIELDS)[number]].values)
      values.add(index === 4 && value === 7 ? 0 : (value as number));
  }
  return values;
}

function forParser(expression: string): ForParser {
  let result = forParserCache.get(expression);
  if (result === undefined) {
    if (expression.length > 1024)
      throw new Error("Invalid cron expression, too long, expected at most 1024 characters");
    const fields = expression.trim().split(/\s+/);
    const [dayOfMonth = "*", dayOfWeek = "*"] = [fields[2], fields[4]];
    const both =
      dayOfMonth !== "*" && dayOfWeek !== "*" && (dayOfMonth.startsWith("*") || dayOfWeek.startsWith("*"));
    const weekdays = both ? valuesOf(fields, 4) : undefined;
    const given = fields.map((field, index) => {
      if (both && index === 4) return "*";
      if (!field.includes(",")) return field;
      return [...valuesOf(fields, index)].sort((a, b) => a - b).join(",");
    });
    result = { expression: given.join(" "), ...(weekdays && { weekdays }) };
    if (forParserCache.size >= 1_000) forParserCache.clear();
    forParserCache.set(expression, result);
  }
  return result;
}

/**
 * cron-parser's reading of an expression over clock readings taken as UTC, by expression (bounded): a parse
 * costs ≈ 0.05 ms, and the check of a schedule is followed by its fire times. Reset before each use.
 */
const readingsByExpression = new Map<string, CronExpression>();

function readingsOf(expression: string): CronExpression {
  let readings = readingsByExpression.get(expression);
  if (readings === undefined) {
    readings = CronExpressionParser.parse(expression, { tz: "UTC", strict: false });
    if (readingsByExpression.size >= 1_000) readingsByExpression.clear();
    readingsByExpression.set(expression, readings);
  }
  return readings;
}

/** What cron-parser says of an expression in a zone, by both (bounded): a parse costs ≈ 0.05 ms. */
const parseErrors = new Map<string, string | undefined>();

function parseError(schedule: ScheduleInput): string | undefined {
  const key = `${schedule.timezone} ${schedule.expression}`;
  if (parseErrors.has(key)) return parseErrors.get(key);
  spend();
  let problem: string | undefined;
  try {
    // Parsed as fireTimes() reads it (over the zone's clock readings as UTC), and kept for it: which
    // fields are valid does not depend on the zone, checked on its own.
    readingsOf(forParser(schedule.expression).expression);
  } catch (error) {
    if (error instanceof BudgetExceeded) throw error; // a verdict on the request, not on the expression
    problem = (error as Error).message;
    // Well-formed, but a day of the month no month it names has (`0 0 31 2 *`): say so.
    if (problem === "Invalid explicit day of month definition")
      problem = "it never fires: none of its months has that day of the month";
  }
  if (parseErrors.size >= 1_000) parseErrors.clear();
  parseErrors.set(key, problem);
  return problem;
}

/** The zone database's names (zones and links) by their lower case, from the `tzdata` package (loaded once). */
let ianaZones: Map<string, string> | undefined;
function ianaNames(): Map<string, string> {
  ianaZones ??= new Map(
    Object.keys((createRequire(import.meta.url)("tzdata") as { zones: object }).zones).map((name) => [
      name.toLowerCase(),
      name,
    ]),
  );
  return ianaZones;
}

/** Zones found valid (bounded): building an Intl.DateTimeFormat to check one costs ≈ 0.1 ms. */
const validZones = new Set<string>();

function isTimeZone(zone: string): boolean {
  if (validZones.has(zone)) return true;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
  } catch {
    return false;
  }
  if (validZones.size < 1_000) validZones.add(zone);
  return true;
}

const DAY_MS = 86_400_000;

/** The zone's UTC offset at an instant, in ms (Luxon gives minutes, fractional for local mean time). */
function offsetMs(zone: string, atMs: number): number {
  return Math.round(IANAZone.create(zone).offset(atMs) * 60_000);
}

/**
 * Fire times strictly after `afterMs`, at most `count` of them, and none after `untilMs`. Matching is
 * literal wall-clock time in the zone, as the contract says: the expression runs over the zone's clock
 * readings (as if they were UTC), and each reading fires at every instant the zone's clocks show it, so
 * a reading skipped by a spring-forward never fires and one repeated by a fall-back fires twice.
 */
export function fireTimes(
  schedule: ScheduleInput,
  afterMs: number,
  count: number,
  untilMs = Number.POSITIVE_INFINITY,
): number[] {
  if (count <= 0) return [];
  const zone = schedule.timezone;
  // From the earliest reading an instant after `afterMs` can show: one hour or more earlier when the
  // clocks go back within the day.
  const fromReading = afterMs + Math.min(offsetMs(zone, afterMs), offsetMs(zone, afterMs + DAY_MS));
  const parsed = forParser(schedule.expression);
  const readings = readingsOf(parsed.expression);
  readings.reset(new Date(fromReading - 1));
  const times: number[] = []; // ascending
  for (;;) {
    spend();
    const reading = readings.next().getTime();
    // The offsets in force a day either side: any instant showing this reading has one of them.
    const before = offsetMs(zone, reading - DAY_MS);
    const after = offsetMs(zone, reading + DAY_MS);
    // No instant showing this reading or a later one is earlier than this.
    const earliest = reading - Math.max(before, after);
    if (earliest > untilMs || (times.length >= count && earliest > (times[count - 1] as number))) break;
    // A day of the wrong weekday: on to the next day at once, not reading by reading (every minute of it).
    if (parsed.weekdays && !parsed.weekdays.has(new Date(reading).getUTCDay())) {
      readings.reset(new Date((Math.floor(reading / DAY_MS) + 1) * DAY_MS - 1));
      continue;
    }
    // The same offset a day either side: no change in between (zones change at most once in two days).
    for (const at of before === after ? [reading - before] : [reading - before, reading - after]) {
      if (at > afterMs && at <= untilMs && (before === after || at + offsetMs(zone, at) === reading)) {
        // A fall-back's second pass comes after the first pass of later readings: kept in time order.
        let index = times.length;
        while (index > 0 && (times[index - 1] as number) > at) index--;
        times.splice(index, 0, at);
      }
    }
  }
  times.length = Math.min(times.length, count);
  return times;
}

/**
 * The schedule's next fire time after `afterMs` if it comes by `untilMs`, else undefined (the work of one
 * fire: nothing is computed past `untilMs`).
 */
export function nextFireTime(schedule: ScheduleInput, afterMs: number, untilMs: number): number | undefined {
  return fireTimes(schedule, afterMs, 1, untilMs)[0];
}

/**
 * Whether the schedule fires at `atMs`: the zone's clock reading then matches the expression (as
 * fireTimes() reads it). No cron steps: ≈ 20 µs, where finding a fire costs ≈ 0.1 ms or more.
 */
export function isFireTime(schedule: ScheduleInput, atMs: number): boolean {
  spend(); // cheap, but a state holds up to 250,000 upcoming times: within the load's budget too
  const readingMs = atMs + offsetMs(schedule.timezone, atMs);
  // Fires fall on whole minutes of the zone's clock (includesDate would not see a fraction of a second).
  if (readingMs % 60_000 !== 0) return false;
  const reading = new Date(readingMs);
  const parsed = forParser(schedule.expression);
  if (parsed.weekdays && !parsed.weekdays.has(reading.getUTCDay())) return false;
  return readingsOf(parsed.expression).includesDate(reading);
}

/**
 * Checks a loaded deployment's `upcoming_runs_at` (at `param`): they are what the clock watches, so a list
 * that does not follow the schedule would show wrong times, or never fire. An empty list must be one of a
 * schedule with no fire left; the times of a list still ahead of `nowMs` must be ascending fire times
 * after the deployment's creation (matched without cron steps, so a state of thousands of schedules loads
 * within the budget). That they are the next ones is not checked: a later first time fires from then on.
 * A list whose first time is past is planned again by the load.
 */
export function checkUpcoming(
  deployment: {
    schedule: (ScheduleInput & { upcoming_runs_at?: string[] | undefined }) | null;
    archived_at: string | null;
    created_at: string;
  },
  nowMs: number,
  param: string,
): void {
  const { schedule, archived_at: archivedAt, created_at: createdAt } = deployment;
  const times = schedule?.upcoming_runs_at;
  if (!schedule || times === undefined) return;
  const fix = "leave upcoming_runs_at out to have it computed from the clock, as create does";
  if (archivedAt !== null) {
    if (times.length > 0)
      throw invalid(
        `${param}: an archived deployment has no upcoming runs (archiving empties them); give [].`,
        param,
      );
    return;
  }
  const ms = times.map((time) => timeOf(time) as number);
  ms.forEach((time, at) => {
    if (at > 0 && time <= (ms[at - 1] as number))
      throw invalid(
        `${param} must be in ascending order (${param}[${at}] is not after the one before).`,
        `${param}[${at}]`,
      );
  });
  const createdMs = timeOf(createdAt) as number;
  const what = `"${schedule.expression}" in ${schedule.timezone}`;
  if (times.length === 0) {
    const next = nextFireTime(schedule, Math.max(nowMs, createdMs), CLOCK_RANGE_MS.max);
    if (next !== undefined)
      throw invalid(`${param} is empty, but ${what} fires (next at ${rfc3339(next)}): ${fix}.`, param);
    return;
  }
  if ((ms[0] as number) <= nowMs) return;
  times.forEach((time, at) => {
    if ((ms[at] as number) <= createdMs)
      throw invalid(
        `${param}[${at}] ${time} is not after the deployment's created_at (${createdAt}): ${fix}.`,
        `${param}[${at}]`,
      );
    if (!isFireTime(schedule, ms[at] as number))
      throw invalid(`${param}[${at}] ${time} is not a fire time of ${what}: ${fix}.`, `${param}[${at}]`);
  });
}

/**
 * The next five fire times, by expression, zone and second: fire times fall on whole seconds (whole
 * minutes of local time, whatever the zone's offset), so every moment of a second has the same next five.
 * Computing them takes cron-parser and Luxon ≈ 0.5–0.7 ms for a daily schedule, more for sparser ones; a suite
 * creating deployments with one schedule pays it once a second at most.
 */
const upcomingBySecond = new Map<string, readonly number[]>();

export function upcoming(schedule: ScheduleInput, afterMs: number): readonly number[] {
  const key = `${Math.floor(afterMs / 1_000)} ${schedule.timezone} ${schedule.expression}`;
  let times = upcomingBySecond.get(key);
  if (!times) {
    // None past the clock's end: year 10000 has no RFC 3339 form.
    times = fireTimes(schedule, afterMs, UPCOMING, CLOCK_RANGE_MS.max);
    if (upcomingBySecond.size >= 1_000) upcomingBySecond.clear();
    upcomingBySecond.set(key, times);
  }
  return times;
}

// Cron fire times, computed with cron-parser in the schedule's IANA time zone.
import { CronExpressionParser } from "cron-parser";
import { invalid } from "./errors.js";

export interface ScheduleInput {
  type: "cron";
  expression: string;
  timezone: string;
}

const UPCOMING = 5;

/** Throws a 400 naming the field when the expression or time zone is not valid. */
export function checkSchedule(schedule: ScheduleInput): void {
  if (!isTimeZone(schedule.timezone)) {
    throw invalid(
      `schedule.timezone "${schedule.timezone}" is not an IANA time zone (e.g. "Asia/Shanghai", "UTC").`,
      "schedule.timezone",
    );
  }
  const fields = schedule.expression.trim().split(/\s+/);
  // The contract allows exactly five POSIX fields: no seconds, no `L W # ?`, no `@daily` shortcuts.
  const problem =
    fields.length !== 5
      ? `has ${fields.length} fields; a cron expression has exactly 5 (minute hour day-of-month month day-of-week)`
      : /[LW#?@]/i.test(schedule.expression)
        ? "uses L, W, #, ? or @ shortcuts, which are not supported"
        : parseError(schedule);
  if (problem) {
    throw invalid(
      `schedule.expression "${schedule.expression}" is not a valid cron expression: ${problem}.`,
      "schedule.expression",
    );
  }
}

function parseError(schedule: ScheduleInput): string | undefined {
  try {
    CronExpressionParser.parse(schedule.expression, { tz: schedule.timezone, strict: false });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** Fire times strictly after `afterMs`, at most `count` of them, and none after `untilMs`. */
export function fireTimes(
  schedule: ScheduleInput,
  afterMs: number,
  count: number,
  untilMs = Number.POSITIVE_INFINITY,
): number[] {
  const expression = CronExpressionParser.parse(schedule.expression, {
    tz: schedule.timezone,
    currentDate: new Date(afterMs),
  });
  const times: number[] = [];
  while (times.length < count) {
    const next = expression.next().getTime();
    if (next > untilMs) break;
    if (next > afterMs) times.push(next);
  }
  return times;
}

export function upcoming(schedule: ScheduleInput, afterMs: number): number[] {
  return fireTimes(schedule, afterMs, UPCOMING);
}

// The simulator's clock: real time plus an offset that tests move with advanceTime / setTime.

/** The clock stays within RFC 3339's four-digit years, from the Unix epoch on. */
export const CLOCK_RANGE_MS = { min: 0, max: Date.parse("9999-12-31T23:59:59Z") } as const;

export class Clock {
  private offsetMs = 0;

  /** Real time moves it on, but never past the last second RFC 3339 can write. */
  now(): number {
    return Math.min(Date.now() + this.offsetMs, CLOCK_RANGE_MS.max);
  }

  /** Moves the clock by `ms` (may be negative) and returns the new time. */
  advance(ms: number): number {
    this.offsetMs += ms;
    return this.now();
  }

  /** Sets the clock to `at`; it keeps following real time from there. */
  set(at: number): number {
    this.offsetMs = at - Date.now();
    return this.now();
  }
}

let lastSecond = Number.NaN;
let lastText = "";

/** RFC 3339 in UTC with second precision, as in the API's deployment objects. */
export function rfc3339(ms: number): string {
  const second = Math.floor(ms / 1000);
  // Most calls in a row fall in the same second (a create stamps created_at and updated_at).
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace(".000Z", "Z");
    lastSecond = second;
  }
  return lastText;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i;

/** Days in a month (1–12) of the proleptic Gregorian calendar: Date.UTC reads years 0–99 as 1900–1999. */
function daysIn(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/**
 * Whether a text is an RFC 3339 date-time of a real day and time: Date.parse reads 2027-02-30 as March 2nd,
 * and ajv-formats' date-time also takes a space for the `T` and an offset without its colon (`+0100`).
 * The contract's `format: date-time` is checked with this one (contract.ts), as are the control endpoints.
 */
export function isRfc3339Time(text: string): boolean {
  if (!RFC3339.test(text)) return false;
  const [year, month, day, hour, minute, second] = text.slice(0, 19).split(/[-T:]/i).map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const offset = /([+-])(\d{2}):(\d{2})$/.exec(text);
  // A leap second is 23:59:60 UTC (as the contract's date-time format has it), whatever the offset.
  const offsetMinutes = offset
    ? (offset[1] === "-" ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]))
    : 0;
  const utcMinuteOfDay = (((hour * 60 + minute - offsetMinutes) % 1440) + 1440) % 1440;
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= (utcMinuteOfDay === 1439 ? 60 : 59) &&
    (!offset || (Number(offset[2]) <= 23 && Number(offset[3]) <= 59))
  );
}

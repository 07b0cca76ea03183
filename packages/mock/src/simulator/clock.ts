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

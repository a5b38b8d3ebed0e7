/**
 * ISO 8601 dates and instants as CareLoop reads them: a timestamp with `Z` or
 * an explicit offset (never local time), or a bare calendar date taken as
 * midnight UTC. Pure and import-free, so every rule of the domain can use it
 * without an import circle (business calendar, due dates, policies).
 */

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2})))?$/;

/** True for a real calendar date written YYYY-MM-DD (so 2026-02-30 and 2026-2-3 are not). */
export function isCalendarDate(value: string): boolean {
  const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * Milliseconds since the epoch for an ISO 8601 timestamp with offset (or a
 * calendar date, taken as midnight UTC). Throws `RangeError` naming `field`
 * for anything else, including impossible dates that `Date.parse` would roll
 * over (2026-02-30 → 2 March).
 */
export function parseIsoInstant(value: string, field: string): number {
  const match = typeof value === 'string' ? INSTANT.exec(value) : null;
  const valid =
    match !== null &&
    isCalendarDate(match[1]!) &&
    inRange(match[2], 23) &&
    inRange(match[3], 59) &&
    inRange(match[4], 59) &&
    inRange(match[5], 23) &&
    inRange(match[6], 59);
  const ms = valid ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new RangeError(`${field} must be an ISO 8601 timestamp with offset (e.g. 2026-11-01T09:30:00Z), got ${String(value)}`);
  }
  return ms;
}

/** `iso` plus `ms` (may be negative), as a UTC ISO timestamp. */
export function addMs(iso: string, ms: number): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms)) {
    throw new RangeError(`ms must be a finite number of milliseconds, got ${String(ms)}`);
  }
  return new Date(parseIsoInstant(iso, 'iso') + ms).toISOString();
}

/** A task is overdue once `now` is strictly after its due time: at the due instant it is still on time. */
export function isOverdue(dueAt: string, now: string): boolean {
  return parseIsoInstant(now, 'now') > parseIsoInstant(dueAt, 'dueAt');
}

function inRange(digits: string | undefined, max: number): boolean {
  return digits === undefined || Number(digits) <= max;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

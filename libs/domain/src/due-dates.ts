import type { ContactChannel } from './contact';
import type { ProgramPolicy } from './program-policy';
import type { RiskTier } from './risk-tier';

/**
 * Due dates the case workflow schedules from its policy (DESIGN.md §3).
 * Workflow code calls these with workflow time, so they never read the clock
 * and never depend on the machine's time zone: timestamps must be ISO 8601
 * with `Z` or an explicit offset (a time without offset would be read as
 * local time), and a bare calendar date counts as midnight UTC.
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

/**
 * When the next regular contact is due (seed 003 step 3, on the risk tier's
 * cadence, "daily to bimonthly", seed 001): the last contact plus the tier's
 * cadence, or — before the first contact — the cadence start (e.g. when
 * recovery support began) plus the cadence.
 */
export function nextContactDue(
  lastContactAt: string | null,
  cadenceStartAt: string,
  tier: RiskTier,
  policy: Pick<ProgramPolicy, 'contactCadenceMs'>,
): string {
  const cadence = policy.contactCadenceMs[tier];
  if (typeof cadence !== 'number' || !Number.isFinite(cadence) || cadence < 0) {
    throw new RangeError(`contactCadenceMs.${String(tier)} must be a non-negative number of milliseconds, got ${String(cadence)}`);
  }
  const base = lastContactAt === null ? parseIsoInstant(cadenceStartAt, 'cadenceStartAt') : parseIsoInstant(lastContactAt, 'lastContactAt');
  return new Date(base + cadence).toISOString();
}

/**
 * Wait before outreach attempt `attemptNumber` (1-based), counted from the
 * previous attempt (seed 002 §5.1.1: "subsequent attempts if the initial
 * attempt … is unsuccessful"). Attempt 1 goes out at once; attempt n ≥ 2 waits
 * `attemptSpacingMs[n-2]`, the last value repeating. An empty spacing list
 * means no wait.
 */
export function attemptDelayMs(attemptNumber: number, policy: Pick<ProgramPolicy, 'screening'>): number {
  checkAttemptNumber(attemptNumber);
  const spacing = policy.screening.attemptSpacingMs;
  if (attemptNumber === 1 || spacing.length === 0) return 0;
  return spacing[Math.min(attemptNumber - 2, spacing.length - 1)]!;
}

/** Channel of outreach attempt `attemptNumber` (1-based): `channels[n-1]`, the last value repeating. */
export function attemptChannel(attemptNumber: number, policy: Pick<ProgramPolicy, 'screening'>): ContactChannel {
  checkAttemptNumber(attemptNumber);
  const channels = policy.screening.channels;
  if (channels.length === 0) {
    throw new RangeError('screening.channels must name at least one channel');
  }
  return channels[Math.min(attemptNumber - 1, channels.length - 1)]!;
}

function checkAttemptNumber(attemptNumber: number): void {
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) {
    throw new RangeError(`attemptNumber must be a whole number of 1 or more, got ${String(attemptNumber)}`);
  }
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

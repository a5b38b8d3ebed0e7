import { isCalendarDate, parseIsoInstant } from './iso-time';

/**
 * The plan's working calendar: which days count as business days, in which
 * time zone. Pure (Intl only, no clock), so workflows use it too.
 *
 * The rule for "within N business days of X" (docs/integrations.md): the day
 * of X is day 0, whatever the hour; counting starts the next local day; a day
 * counts when it is neither a weekend day nor a holiday; the deadline is the
 * end of the Nth counted day, i.e. the local midnight that ends it, in
 * `timeZone`. "Within N days" (calendar days) is the same with every day
 * counted.
 */
export interface BusinessCalendar {
  /** IANA time zone of the plan (e.g. America/New_York): day boundaries are local midnights there. */
  readonly timeZone: string;
  /** Days that are never business days: 0 = Sunday … 6 = Saturday. */
  readonly weekendDays: readonly number[];
  /** Local calendar dates (YYYY-MM-DD) that are not business days. */
  readonly holidays: readonly string[];
}

export type DayCount = 'business' | 'calendar';

const DAY_MS = 86_400_000;
/** Ten years of days: a calendar with no business day at all fails instead of looping forever. */
const MAX_DAYS_SCANNED = 3_660;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True for a time zone name this runtime knows (IANA, e.g. Europe/Paris, or UTC). */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Local wall-clock fields of an instant in `timeZone`. */
function localFields(ms: number, timeZone: string): { y: number; m: number; d: number; h: number; min: number; s: number } {
  const parts = Object.fromEntries(formatter(timeZone).formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
  return { y: Number(parts.year), m: Number(parts.month), d: Number(parts.day), h: Number(parts.hour), min: Number(parts.minute), s: Number(parts.second) };
}

/** Offset of `timeZone` from UTC at the instant `ms` (local = UTC + offset). */
function offsetMs(ms: number, timeZone: string): number {
  const f = localFields(ms, timeZone);
  const seconds = Math.floor(ms / 1000) * 1000;
  return Date.UTC(f.y, f.m - 1, f.d, f.h, f.min, f.s) - seconds;
}

/** The local calendar date (YYYY-MM-DD) of an instant in `timeZone`. */
export function localDate(iso: string, timeZone: string): string {
  const f = localFields(parseIsoInstant(iso, 'instant'), timeZone);
  return `${f.y}-${pad(f.m)}-${pad(f.d)}`;
}

/**
 * The instant of a local wall-clock time in `timeZone` (e.g. a HL7 timestamp
 * sent without offset). Two passes settle the offset; a time that does not
 * exist (skipped by a DST change) lands after the gap.
 */
export function localToInstant(date: string, time: { h: number; min: number; s: number }, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, time.h, time.min, time.s);
  let instant = wall - offsetMs(wall, timeZone);
  instant = wall - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** `date` plus `days` calendar days (pure date arithmetic, no time zone). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: string): number {
  return new Date(`${date}T12:00:00Z`).getUTCDay();
}

export function isBusinessDay(date: string, calendar: BusinessCalendar): boolean {
  return !calendar.weekendDays.includes(weekday(date)) && !calendar.holidays.includes(date);
}

/** The Nth day after `date` that counts (business days, or every day). */
export function nthDayAfter(date: string, n: number, count: DayCount, calendar: BusinessCalendar): string {
  if (!Number.isInteger(n) || n < 0) {
    throw new RangeError(`day count must be a whole number of 0 or more, got ${String(n)}`);
  }
  let current = date;
  let counted = 0;
  for (let scanned = 0; counted < n; scanned++) {
    if (scanned > MAX_DAYS_SCANNED) {
      throw new RangeError('the calendar has no business days (every weekday is a weekend day or a holiday)');
    }
    current = addDays(current, 1);
    if (count === 'calendar' || isBusinessDay(current, calendar)) {
      counted++;
    }
  }
  return current;
}

/**
 * When something due "within `n` (business) days" of `fromIso` is due: the
 * end (next local midnight) of the Nth counted day after the local day of
 * `fromIso`, as a UTC ISO timestamp.
 */
export function deadlineAfter(fromIso: string, n: number, count: DayCount, calendar: BusinessCalendar): string {
  const lastDay = nthDayAfter(localDate(fromIso, calendar.timeZone), n, count, calendar);
  return localToInstant(addDays(lastDay, 1), { h: 0, min: 0, s: 0 }, calendar.timeZone);
}

/** Problems with a calendar as written in a policy file (field names relative to the calendar). */
export function checkCalendar(calendar: Partial<Record<keyof BusinessCalendar, unknown>>): { field: string; reason: string }[] {
  const problems: { field: string; reason: string }[] = [];
  if (calendar.timeZone !== undefined && (typeof calendar.timeZone !== 'string' || !isKnownTimeZone(calendar.timeZone))) {
    problems.push({ field: 'timeZone', reason: 'must be an IANA time zone name such as America/New_York' });
  }
  const weekend = calendar.weekendDays;
  if (weekend !== undefined && (!Array.isArray(weekend) || weekend.length > 6 || !weekend.every((d) => Number.isInteger(d) && d >= 0 && d <= 6))) {
    problems.push({ field: 'weekendDays', reason: 'must list at most 6 weekdays as numbers 0 (Sunday) to 6 (Saturday)' });
  }
  const holidays = calendar.holidays;
  if (holidays !== undefined && (!Array.isArray(holidays) || !holidays.every((d) => typeof d === 'string' && isCalendarDate(d)))) {
    problems.push({ field: 'holidays', reason: 'must list calendar dates written YYYY-MM-DD' });
  }
  return problems;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * Dates in fixtures, relative to the clock the test runs on.
 *
 * Suites that run against a real clock (the dev server's wall clock, or the
 * time-skipping server, which starts at the wall clock) must never carry a
 * literal calendar date: a deadline counted from it passes on some day and the
 * test fails by the calendar alone. `test/unit/hygiene/fixture-dates.spec.ts`
 * refuses such literals in those suites and checks that every sample file is
 * moved by `shiftSampleDates`.
 *
 * A date is "clock-relevant" when its year lies in [FIXTURE_YEAR_MIN,
 * FIXTURE_YEAR_MAX): birth dates before 2000 are not moved (nothing in
 * CareLoop counts from them), and neither is an impossible date such as
 * 2026-02-30, which a test writes on purpose as malformed input.
 */
export const FIXTURE_YEAR_MIN = 2000;
export const FIXTURE_YEAR_MAX = 2100;

const DAY_MS = 86_400_000;

/**
 * The clock reading the fixtures of one test file are made from, taken once
 * when the file loads: a sample loaded twice in one file is the same message
 * both times (idempotency tests resend it and expect a duplicate).
 */
export const FIXTURES_LOADED_AT = Date.now();
const MINUTE_MS = 60_000;

/** The calendar date (UTC) `days` from `now`, written YYYY-MM-DD: `dateFromToday(-30)` is thirty days ago. */
export function dateFromToday(days: number, now: number = Date.now()): string {
  return new Date(now + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant `ms` from `now` (negative: in the past), as ISO 8601 UTC. */
export function instantFromNow(ms: number, now: number = Date.now()): string {
  return new Date(now + ms).toISOString();
}

/** `date` (YYYY-MM-DD) plus `days`, as YYYY-MM-DD. */
export function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function validDate(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= FIXTURE_YEAR_MIN && y < FIXTURE_YEAR_MAX && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

/** Offset written `Z`, `±HH:MM` or `±HHMM`, in minutes; absent = UTC (a floating time is kept floating). */
function offsetMinutes(zone: string | undefined): number {
  if (!zone || zone === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** A date or date-time found in a text: where it is, the instant it means, and how to write another instant the same way. */
interface DateToken {
  readonly index: number;
  readonly length: number;
  /** UTC milliseconds (a date alone: its midnight UTC). */
  readonly at: number;
  readonly dateOnly: boolean;
  readonly write: (at: number) => string;
}

// ISO 8601 as JSON and FHIR write it: a date alone, or a date-time with minutes, seconds, fraction, and Z or ±hh:mm
const ISO = /(?<![\d])(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?(?![\d])/g;
// HL7 v2 DTM: YYYYMMDD[HHMM[SS[.S+]]][±ZZZZ]
const HL7 = /(?<![\d])(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(?:(\d{2})(\.\d+)?)?)?([+-]\d{4})?(?![\d])/g;

function tokens(text: string, style: 'iso' | 'hl7'): DateToken[] {
  const found: DateToken[] = [];
  for (const m of text.matchAll(style === 'iso' ? ISO : HL7)) {
    const [whole, y, mo, d, hh, mi, ss, frac, zone] = m;
    if (!validDate(Number(y), Number(mo), Number(d))) continue;
    const dateOnly = hh === undefined;
    const offset = offsetMinutes(zone);
    const localMs = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(hh ?? 0), Number(mi ?? 0), Number(ss ?? 0)) + (frac ? Math.round(Number(frac) * 1000) : 0);
    const write = (at: number): string => {
      const l = new Date(at + offset * MINUTE_MS);
      const date = style === 'iso' ? `${l.getUTCFullYear()}-${pad(l.getUTCMonth() + 1)}-${pad(l.getUTCDate())}` : `${l.getUTCFullYear()}${pad(l.getUTCMonth() + 1)}${pad(l.getUTCDate())}`;
      if (dateOnly) return date;
      const sep = style === 'iso' ? ':' : '';
      let time = `${pad(l.getUTCHours())}${sep}${pad(l.getUTCMinutes())}`;
      if (ss !== undefined) time += `${sep}${pad(l.getUTCSeconds())}`;
      if (frac !== undefined) time += `.${pad(l.getUTCMilliseconds(), 3).padEnd(frac.length - 1, '0').slice(0, frac.length - 1)}`;
      return `${date}${style === 'iso' ? 'T' : ''}${time}${zone ?? ''}`;
    };
    found.push({ index: m.index, length: whole.length, at: localMs - offset * MINUTE_MS, dateOnly, write });
  }
  return found;
}

/** The clock-relevant dates of a fixture text (JSON/FHIR: ISO 8601; HL7 v2: DTM), as written. */
export function clockRelevantDates(text: string, style: 'iso' | 'hl7'): string[] {
  return tokens(text, style).map((t) => text.slice(t.index, t.index + t.length));
}

/**
 * `text` with every clock-relevant date moved by one offset, so that its
 * latest date-time lies at `latestAt` (default: one hour before now — a
 * message just sent about something that just happened). Intervals inside the
 * sample are kept: an admission three days before the discharge stays three
 * days before it. Date-times move by whole minutes, dates alone by whole days;
 * each keeps its own notation and UTC offset.
 */
export function shiftSampleDates(text: string, style: 'iso' | 'hl7', latestAt: number = FIXTURES_LOADED_AT - 3_600_000): string {
  const found = tokens(text, style);
  if (found.length === 0) return text;
  const timed = found.filter((t) => !t.dateOnly);
  const latest = Math.max(...(timed.length > 0 ? timed : found).map((t) => t.at));
  const deltaMs = Math.round((latestAt - latest) / MINUTE_MS) * MINUTE_MS;
  const deltaDays = Math.round(deltaMs / DAY_MS);
  let out = '';
  let cursor = 0;
  for (const t of found) {
    out += text.slice(cursor, t.index) + t.write(t.at + (t.dateOnly ? deltaDays * DAY_MS : deltaMs));
    cursor = t.index + t.length;
  }
  return out + text.slice(cursor);
}

import { DAY_MS } from '../duration';
import type { ReportPeriod } from './measure.types';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DATE = /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** Problems are reported per field so the API's 400 can name it. */
export class ReportPeriodError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`${field}: ${reason}`);
    this.name = 'ReportPeriodError';
  }
}

function utcDay(field: string, value: string): number {
  const m = DATE.exec(value);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : NaN;
  if (!m || new Date(ms).getUTCDate() !== Number(m[3])) {
    throw new ReportPeriodError(field, 'must be a calendar date YYYY-MM-DD');
  }
  return ms;
}

/** The calendar month `YYYY-MM` (UTC): (first day 00:00, first day of the next month 00:00]. */
export function monthPeriod(month: string): ReportPeriod {
  const m = MONTH.exec(month);
  if (!m) {
    throw new ReportPeriodError('period', 'must be a month YYYY-MM');
  }
  const start = Date.UTC(Number(m[1]), Number(m[2]) - 1, 1);
  const end = Date.UTC(Number(m[1]), Number(m[2]), 1);
  return { start: new Date(start).toISOString(), end: new Date(end).toISOString() };
}

/** The days `from` through `to` inclusive (UTC calendar dates): (from 00:00, the day after `to` 00:00]. */
export function dayRangePeriod(from: string, to: string): ReportPeriod {
  const start = utcDay('from', from);
  const last = utcDay('to', to);
  if (last < start) {
    throw new ReportPeriodError('to', 'must not be before from');
  }
  if (last - start > 366 * DAY_MS) {
    throw new ReportPeriodError('to', 'a period is at most 367 days');
  }
  return { start: new Date(start).toISOString(), end: new Date(last + DAY_MS).toISOString() };
}

/** The single day `day` (YYYY-MM-DD): what a nightly snapshot stores. */
export function dayPeriod(day: string): ReportPeriod {
  return dayRangePeriod(day, day);
}

/** Whether `at` lies in the period's half-open interval (start, end]. */
export function inPeriod(at: string, period: ReportPeriod): boolean {
  const t = Date.parse(at);
  return t > Date.parse(period.start) && t <= Date.parse(period.end);
}

/** The UTC calendar days a period covers, in order (for snapshots and trends). */
export function periodDays(period: ReportPeriod): string[] {
  const out: string[] = [];
  for (let t = Date.parse(period.start); t < Date.parse(period.end); t += DAY_MS) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

import { MEASURE_GROUPS, SMALL_CELL_MAX, type MeasureDefinition, type MeasureGroup, type ReportPeriod } from '@careloop/domain';

/** What the Reports page asks for: a calendar month, or a range of days (UTC calendar dates). */
export type PeriodChoice = { readonly kind: 'month'; readonly month: string } | { readonly kind: 'days'; readonly from: string; readonly to: string };

/** The suppressed cell's words (the committee sees aggregates only: no cell of 1 to SMALL_CELL_MAX). */
export const SUPPRESSED_TEXT = `suppressed (fewer than ${SMALL_CELL_MAX + 1})`;

const pad = (n: number) => String(n).padStart(2, '0');

/** The last full calendar month (UTC) before `now`, as YYYY-MM: the page's default period. */
export function previousMonth(now: Date = new Date()): string {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** `YYYY-MM` moved by `months` (negative: back). */
export function addMonths(month: string, months: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + months, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
}

/** The last day (YYYY-MM-DD) of the month `YYYY-MM`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

/** The query parameters GET /reports/measures takes for a period choice. */
export function periodParams(choice: PeriodChoice): Record<string, string> {
  return choice.kind === 'month' ? { period: choice.month } : { from: choice.from, to: choice.to };
}

/** How many months the trend shows: a year, ending with the report period's last month. */
export const TREND_MONTHS = 12;

/**
 * The days GET /reports/trends covers for a period choice (granularity month): from the first day
 * of the month TREND_MONTHS - 1 before the period's last month, to the period's last day.
 */
export function trendRange(choice: PeriodChoice): { from: string; to: string } {
  const to = choice.kind === 'month' ? lastDayOf(choice.month) : choice.to;
  const from = `${addMonths(to.slice(0, 7), -(TREND_MONTHS - 1))}-01`;
  return { from, to };
}

/** The months (YYYY-MM) a trend range covers, oldest first. */
export function monthsOf(range: { from: string; to: string }): string[] {
  const out: string[] = [];
  for (let m = range.from.slice(0, 7); m <= range.to.slice(0, 7); m = addMonths(m, 1)) {
    out.push(m);
  }
  return out;
}

/** A report period (start, end] as the calendar days it covers: "1 Nov 2026 – 30 Nov 2026". */
export function periodText(period: ReportPeriod, format: (isoDate: string) => string): string {
  const first = period.start.slice(0, 10);
  const last = new Date(Date.parse(period.end) - 1).toISOString().slice(0, 10);
  return first === last ? format(first) : `${format(first)} – ${format(last)}`;
}

type Scored = Pick<MeasureDefinition, 'scoring' | 'target' | 'higherIsBetter'>;

const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** A measure's value as people read it: a share in percent, a ratio, or hours. */
export function valueText(m: Pick<MeasureDefinition, 'scoring'>, value: number | null): string {
  if (value === null) {
    return '—';
  }
  switch (m.scoring) {
    case 'proportion':
      return `${trim(value * 100, 1)}%`;
    case 'ratio':
      return trim(value, 1);
    case 'duration':
      return `${trim(value, 1)} h`;
  }
}

/** A numerator or denominator: a count, or (a duration's numerator) total hours to one decimal. */
export function amountText(n: number | null): string {
  return n === null ? '—' : trim(n, 1);
}

/** "target ≥ 90%", "cap ≤ 100", or "no target". */
export function targetText(m: Scored): string {
  if (m.target === null) {
    return 'no target';
  }
  return `target ${m.higherIsBetter ? '≥' : '≤'} ${valueText(m, m.target)}`;
}

/** The value on a chart's axis: proportions in percent (0–100), the rest as they are. */
export function chartValue(m: Pick<MeasureDefinition, 'scoring'>, value: number | null): number | null {
  if (value === null) {
    return null;
  }
  return m.scoring === 'proportion' ? Number((value * 100).toFixed(2)) : value;
}

/** Whether a value meets the target (the trend's points carry no meetsTarget); null without either. */
export function meets(m: Scored, value: number | null): boolean | null {
  if (m.target === null || value === null) {
    return null;
  }
  return m.higherIsBetter ? value >= m.target : value <= m.target;
}

/** "Meets target", "Below target" / "Above target", or null when there is nothing to compare. */
export function verdictText(m: Scored, meetsTarget: boolean | null): string | null {
  if (meetsTarget === null) {
    return null;
  }
  if (meetsTarget) {
    return 'Meets target';
  }
  return m.higherIsBetter ? 'Below target' : 'Above target';
}

/** Items grouped by MeasureGroup, in the groups' order; empty groups left out. */
export function byGroup<T extends { readonly group: MeasureGroup }>(items: readonly T[]): { group: MeasureGroup; items: T[] }[] {
  return MEASURE_GROUPS.map((group) => ({ group, items: items.filter((i) => i.group === group) })).filter((g) => g.items.length > 0);
}

/** A month `YYYY-MM` as "Nov 2026" (UTC, the user's locale). */
export function monthText(month: string): string {
  if (!/^\d{4}-\d{2}$/.test(month)) {
    return month;
  }
  return new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

import { MEASURES, type MeasureId } from './measure.definitions';
import { formatInstant, parseInstant } from './instant';
import type { MeasureOutcome, MeasureRow, MeasureStratum, MeasureValue, ReportPeriod } from './measure.types';

/** Where a row's subject belongs (case, discharge, review or complaint fields; null when none). */
export interface RowScope {
  readonly caseId: string | null;
  readonly memberId: string | null;
  readonly programCode: string | null;
  readonly teamId: string | null;
}

export interface RowInput {
  readonly subjectId: string;
  readonly scope: RowScope;
  readonly outcome: MeasureOutcome;
  readonly stratum?: string | null;
  /** Epoch ms (the sort key); null when the item has no due instant. */
  readonly dueMs: number | null;
  readonly doneMs?: number | null;
  readonly detail: string;
}

interface StratumTally {
  numerator: number;
  denominator: number;
  readonly hours: number[];
}

/** The (start, end] bounds of a period in epoch ms. */
export interface PeriodBounds {
  readonly period: ReportPeriod;
  readonly startMs: number;
  readonly endMs: number;
}

export function periodBounds(period: ReportPeriod): PeriodBounds {
  return { period, startMs: parseInstant(period.start), endMs: parseInstant(period.end) };
}

export function within(ms: number, bounds: PeriodBounds): boolean {
  return ms > bounds.startMs && ms <= bounds.endMs;
}

export function iso(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : formatInstant(ms);
}

/** 'met' when the subject is where the measure wants it: in the numerator of a higher-is-better measure, outside it otherwise. */
export function outcomeOf(measureId: MeasureId, inNumerator: boolean): MeasureOutcome {
  return inNumerator === MEASURES[measureId].higherIsBetter ? 'met' : 'not_met';
}

function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/**
 * One measure's running counts while the engine passes over the facts once. Strata come in two
 * kinds: a partition of the cohort (UR urgency, risk tier: each stratum has its own numerator and
 * denominator), or categories of one cohort (contacts on_time/late/missed: each stratum counts its
 * category over the whole denominator).
 */
export class MeasureTally {
  numerator = 0;
  denominator = 0;
  private readonly hours: number[] = [];
  private readonly strata = new Map<string, StratumTally>();
  private readonly rows: MeasureRow[] = [];
  /** Each row's due (epoch ms; -Infinity without one), the sort key, beside the rows. */
  private readonly rowDues: number[] = [];

  constructor(
    readonly measureId: MeasureId,
    private readonly strataAreCategories = false,
    /** False when the caller wants values only: rows are then not kept (nor formatted). */
    readonly keepsRows = true,
  ) {
    for (const code of MEASURES[measureId].strata) {
      this.strata.set(code, { numerator: 0, denominator: 0, hours: [] });
    }
  }

  /** One item of the cohort; `stratum` (when the measure has strata) is the partition it falls in. */
  count(inNumerator: boolean, stratum: string | null = null): void {
    this.denominator++;
    if (inNumerator) this.numerator++;
    const s = stratum === null ? undefined : this.strata.get(stratum);
    if (s) {
      s.denominator++;
      if (inNumerator) s.numerator++;
    }
  }

  /** One item of a cohort whose strata are categories (every item falls in exactly one). */
  categorize(inNumerator: boolean, category: string): void {
    this.denominator++;
    if (inNumerator) this.numerator++;
    const s = this.strata.get(category);
    if (s) s.numerator++;
  }

  /** One measured duration (hours) of a duration measure. */
  duration(hours: number, stratum: string | null = null): void {
    this.denominator++;
    this.numerator += hours;
    this.hours.push(hours);
    const s = stratum === null ? undefined : this.strata.get(stratum);
    if (s) {
      s.denominator++;
      s.numerator += hours;
      s.hours.push(hours);
    }
  }

  row(input: RowInput): void {
    if (!this.keepsRows) return;
    this.rowDues.push(input.dueMs ?? Number.NEGATIVE_INFINITY);
    this.rows.push({
      measureId: this.measureId,
      subjectId: input.subjectId,
      caseId: input.scope.caseId,
      memberId: input.scope.memberId,
      programCode: input.scope.programCode,
      teamId: input.scope.teamId,
      outcome: input.outcome,
      stratum: input.stratum ?? null,
      dueAt: iso(input.dueMs),
      doneAt: iso(input.doneMs),
      detail: input.detail,
    });
  }

  value(): MeasureValue {
    const def = MEASURES[this.measureId];
    const duration = def.scoring === 'duration';
    const value = ratio(this.numerator, this.denominator);
    const strata: MeasureStratum[] = [...this.strata.entries()].map(([code, s]) => {
      const denominator = this.strataAreCategories ? this.denominator : s.denominator;
      return { code, numerator: s.numerator, denominator, value: ratio(s.numerator, denominator), median: duration ? median(s.hours) : null };
    });
    return {
      measureId: this.measureId,
      numerator: this.numerator,
      denominator: this.denominator,
      value,
      median: duration ? median(this.hours) : null,
      strata,
      meetsTarget: value === null || def.target === null ? null : def.higherIsBetter ? value >= def.target : value <= def.target,
    };
  }

  /** Rows by due time (rows without one first), then subject id, then detail: the same input always gives the same order. */
  sortedRows(): MeasureRow[] {
    const { rows, rowDues } = this;
    const order = rows.map((_, i) => i);
    order.sort((a, b) => rowDues[a]! - rowDues[b]! || compare(rows[a]!.subjectId, rows[b]!.subjectId) || compare(rows[a]!.detail, rows[b]!.detail));
    return order.map((i) => rows[i]!);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A tally for each measure id, created on first use. */
export type Tallies = Readonly<Record<MeasureId, MeasureTally>>;

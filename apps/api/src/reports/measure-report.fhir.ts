import type { Bundle, Extension, MeasureReport, MeasureReportGroup, MeasureReportGroupPopulation, Quantity } from '@medplum/fhirtypes';
import type { MeasureReportView, MeasureValueView } from '@careloop/contracts';
import type { MeasureScoring } from '@careloop/domain';
import {
  CARELOOP_MEASURE,
  CARELOOP_MEASURE_STRATUM,
  EXT_DATA_ABSENT_REASON,
  MEASURE_IMPROVEMENT_NOTATION,
  MEASURE_POPULATION,
  UCUM,
} from '../fhir/fhir.systems';

/** A withheld count (small-cell suppression): no count, and why (data-absent-reason `masked`). */
const MASKED: Extension[] = [{ url: EXT_DATA_ABSENT_REASON, valueCode: 'masked' }];

function population(code: string, count: number | null): MeasureReportGroupPopulation {
  const coded = { code: { coding: [{ system: MEASURE_POPULATION, code }] } };
  return count === null ? { ...coded, extension: MASKED } : { ...coded, count };
}

/** A proportion or ratio counts a numerator in a denominator; a duration measures each of its population (hours). */
function populations(scoring: MeasureScoring, numerator: number | null, denominator: number | null, excluded?: number | null): MeasureReportGroupPopulation[] {
  const measured = scoring === 'duration' ? 'measure-population' : 'denominator';
  const exclusion = scoring === 'duration' ? 'measure-population-exclusion' : 'denominator-exclusion';
  const out: MeasureReportGroupPopulation[] = [];
  if (excluded !== undefined) {
    out.push(population('initial-population', denominator === null || excluded === null ? null : denominator + excluded));
  }
  out.push(population(measured, denominator));
  if (excluded !== undefined) out.push(population(exclusion, excluded));
  if (scoring !== 'duration') out.push(population('numerator', numerator));
  return out;
}

/** A proportion as a decimal share (no unit), a ratio as is, a duration in hours (UCUM `h`). */
function score(scoring: MeasureScoring, value: number | null): Quantity | undefined {
  if (value === null) return undefined;
  return scoring === 'duration' ? { value, unit: 'h', system: UCUM, code: 'h' } : { value };
}

function group(m: MeasureValueView, excluded: number | null): MeasureReportGroup {
  const measureScore = score(m.scoring, m.value);
  const g: MeasureReportGroup = {
    code: { text: m.title },
    population: populations(m.scoring, m.numerator, m.denominator, excluded),
    ...(measureScore ? { measureScore } : {}),
  };
  if (m.strata.length === 0) return g;
  return {
    ...g,
    stratifier: [
      {
        code: [{ coding: [{ system: CARELOOP_MEASURE_STRATUM, code: m.measureId }], text: `${m.measureId} strata` }],
        stratum: m.strata.map((s) => {
          const stratumScore = score(m.scoring, s.value);
          return {
            value: { coding: [{ system: CARELOOP_MEASURE_STRATUM, code: s.code }], text: s.code },
            population: populations(m.scoring, s.numerator, s.denominator),
            ...(stratumScore ? { measureScore: stratumScore } : {}),
          };
        }),
      },
    ],
  };
}

export interface MeasureReportContext {
  readonly period: MeasureReportView['period'];
  /** When the report was computed (MeasureReport.date). */
  readonly generatedAt: string;
}

/**
 * A FHIR R4 MeasureReport (summary) of one measure: the period, the initial population, denominator
 * (or measure population), exclusions and numerator as counts, and the score (a proportion or ratio
 * as a decimal, a duration as mean hours in UCUM `h`); strata as a stratifier. A withheld cell
 * (the committee's small cells) has no counts and no score: its populations carry
 * data-absent-reason `masked`. `excluded` is the count of excluded subjects (null: withheld).
 */
export function measureReportResource(m: MeasureValueView, excluded: number | null, ctx: MeasureReportContext): MeasureReport {
  return {
    resourceType: 'MeasureReport',
    status: 'complete',
    type: 'summary',
    measure: `${CARELOOP_MEASURE}/${m.measureId}`,
    date: ctx.generatedAt,
    period: { start: ctx.period.start, end: ctx.period.end },
    improvementNotation: { coding: [{ system: MEASURE_IMPROVEMENT_NOTATION, code: m.higherIsBetter ? 'increase' : 'decrease' }] },
    group: [group(m, m.suppressed ? null : excluded)],
  };
}

/** Every measure of a report as a collection Bundle of MeasureReports. */
export function measureReportBundle(report: MeasureReportView, excluded: Readonly<Partial<Record<string, number | null>>>, generatedAt: string): Bundle<MeasureReport> {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: generatedAt,
    entry: report.measures.map((m) => ({ resource: measureReportResource(m, excluded[m.measureId] ?? 0, { period: report.period, generatedAt }) })),
  };
}

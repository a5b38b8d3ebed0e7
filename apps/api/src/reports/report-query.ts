import { dayRangePeriod, monthPeriod, ReportPeriodError, type ReportPeriod } from '@careloop/domain';
import { fieldError } from '../common/api-error';

/** The period of a report query: `period=YYYY-MM`, or `from` and `to` (YYYY-MM-DD, inclusive); exactly one of the two. */
export interface PeriodQuery {
  readonly period?: string;
  readonly from?: string;
  readonly to?: string;
}

export interface ResolvedPeriod {
  readonly period: ReportPeriod;
  /** For file names: `2026-11` or `2026-11-01_2026-11-30`. */
  readonly label: string;
}

/** The report period asked for, or a 400 naming the field at fault (period, from or to). */
export function resolvePeriod(q: PeriodQuery): ResolvedPeriod {
  const range = q.from !== undefined || q.to !== undefined;
  if (q.period !== undefined && range) {
    throw fieldError('period', 'period (YYYY-MM) and from/to (YYYY-MM-DD) may not both be given');
  }
  try {
    if (q.period !== undefined) {
      return { period: monthPeriod(q.period), label: q.period };
    }
    if (!range) {
      throw fieldError('period', 'period (YYYY-MM) or from and to (YYYY-MM-DD) is required');
    }
    if (q.from === undefined) throw fieldError('from', 'from (YYYY-MM-DD) is required with to');
    if (q.to === undefined) throw fieldError('to', 'to (YYYY-MM-DD) is required with from');
    return { period: dayRangePeriod(q.from, q.to), label: `${q.from}_${q.to}` };
  } catch (err) {
    if (err instanceof ReportPeriodError) throw fieldError(err.field, `${err.field} ${err.reason}`);
    throw err;
  }
}

export const REPORT_FORMATS = ['json', 'csv', 'fhir'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const CSV_MEDIA = 'text/csv';
export const FHIR_MEDIA = 'application/fhir+json';

/**
 * The answer's format: `format` when given, else the Accept header's first of text/csv or
 * application/fhir+json (JSON otherwise). `allowed` lists what the route answers (400 naming format).
 */
export function resolveFormat(format: string | undefined, accept: string | undefined, allowed: readonly ReportFormat[]): ReportFormat {
  const asked = format ?? fromAccept(accept, allowed);
  if (!(allowed as readonly string[]).includes(asked)) {
    throw fieldError('format', `format must be one of ${allowed.join(', ')}`);
  }
  return asked as ReportFormat;
}

function fromAccept(accept: string | undefined, allowed: readonly ReportFormat[]): ReportFormat {
  const types = (accept ?? '').split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  for (const t of types) {
    if (t === CSV_MEDIA && allowed.includes('csv')) return 'csv';
    if (t === FHIR_MEDIA && allowed.includes('fhir')) return 'fhir';
    if (t === 'application/json' && allowed.includes('json')) return 'json';
  }
  return allowed[0]!;
}

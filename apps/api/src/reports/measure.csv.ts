import { stringify } from 'csv-stringify/sync';
import type { MeasureMembersView, MeasureReportView } from '@careloop/contracts';

/**
 * CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled) by
 * csv-stringify, with a header row. A text cell starting with =, +, -, @, tab or CR is prefixed with
 * a quote so a spreadsheet never runs it as a formula (OWASP CSV injection). Empty cell: null.
 */
function csv(header: readonly string[], rows: readonly (readonly (string | number | boolean | null)[])[]): string {
  const cells = rows.map((r) => r.map((c) => (c === null ? '' : typeof c === 'boolean' ? String(c) : c)));
  // quoted_match: csv-stringify quotes on its record delimiter (CRLF) only; RFC 4180 quotes a lone LF or CR too.
  return stringify([[...header], ...cells], { record_delimiter: 'windows', escape_formulas: true, quoted_match: /[\r\n]/ });
}

export const REPORT_CSV_HEADER = [
  'period_start', 'period_end', 'program_code', 'team_id', 'measure_id', 'stratum', 'title', 'group', 'scoring',
  'numerator', 'denominator', 'value', 'median', 'target', 'meets_target', 'suppressed',
] as const;

/** One row per measure, then one per stratum of it (stratum filled in). */
export function measureReportCsv(report: MeasureReportView): string {
  const scope = [report.period.start, report.period.end, report.filter.programCode, report.filter.teamId];
  const rows = report.measures.flatMap((m) => [
    [...scope, m.measureId, null, m.title, m.group, m.scoring, m.numerator, m.denominator, m.value, m.median, m.target, m.meetsTarget, m.suppressed],
    ...m.strata.map((s) => [...scope, m.measureId, s.code, m.title, m.group, m.scoring, s.numerator, s.denominator, s.value, s.median, m.target, null, s.suppressed]),
  ]);
  return csv(REPORT_CSV_HEADER, rows);
}

export const MEMBERS_CSV_HEADER = [
  'measure_id', 'subject_id', 'case_id', 'member_id', 'program_code', 'team_id', 'outcome', 'stratum', 'due_at', 'done_at', 'detail',
] as const;

/** The care-gap list: one row per subject of the measure. */
export function measureMembersCsv(view: MeasureMembersView): string {
  return csv(
    MEMBERS_CSV_HEADER,
    view.rows.map((r) => [r.measureId, r.subjectId, r.caseId, r.memberId, r.programCode, r.teamId, r.outcome, r.stratum, r.dueAt, r.doneAt, r.detail]),
  );
}

/** A file name of letters, digits, `_`, `-` and `.` only (safe in Content-Disposition without encoding). */
export function csvFileName(...parts: readonly string[]): string {
  return `${parts.join('_').replace(/[^A-Za-z0-9_.-]/g, '-')}.csv`;
}

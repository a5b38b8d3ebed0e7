import { parse } from 'csv-parse/sync';
import { MEASURES, MEASURE_IDS, type MeasureId, type MeasureValue } from '@careloop/domain';
import { toMeasureValueView, type MeasureMembersView, type MeasureReportView } from '@careloop/contracts';
import { validateFhir } from '../../../apps/api/src/fhir/fhir-validator';
import { csvFileName, MEMBERS_CSV_HEADER, measureMembersCsv, measureReportCsv, REPORT_CSV_HEADER } from '../../../apps/api/src/reports/measure.csv';
import { measureReportBundle, measureReportResource } from '../../../apps/api/src/reports/measure-report.fhir';
import { toTrendPointView } from '../../../apps/api/src/reports/measure-value.view';

const PERIOD = { start: '2026-11-01T00:00:00.000Z', end: '2026-12-01T00:00:00.000Z' };
const AT = '2026-12-02T08:00:00.000Z';

function value(measureId: MeasureId, numerator: number, denominator: number, extra: Partial<MeasureValue> = {}): MeasureValue {
  return { measureId, numerator, denominator, value: denominator === 0 ? null : numerator / denominator, median: null, strata: [], meetsTarget: null, ...extra };
}

const urDecidedLate = value('ur_decided_late', 3, 40, {
  meetsTarget: false,
  strata: [
    { code: 'standard', numerator: 1, denominator: 28, value: 1 / 28, median: null },
    { code: 'expedited', numerator: 2, denominator: 12, value: 2 / 12, median: null },
  ],
});
const urDecisionTime = value('ur_decision_time', 1200.5, 40, {
  value: 1200.5 / 40,
  median: 20.25,
  strata: [
    { code: 'standard', numerator: 1100, denominator: 28, value: 1100 / 28, median: 30 },
    { code: 'expedited', numerator: 100.5, denominator: 12, value: 100.5 / 12, median: 8 },
  ],
});

describe('small-cell suppression (the committee)', () => {
  it("gives the definition's fields, and for the committee nulls every withheld count, rate and target verdict, stratum by stratum", () => {
    const full = toMeasureValueView(urDecidedLate, { suppressSmallCells: false });
    const def = MEASURES.ur_decided_late;
    expect(full).toEqual({
      measureId: 'ur_decided_late', title: def.title, group: def.group, scoring: def.scoring, subject: def.subject, source: def.source, target: def.target, higherIsBetter: def.higherIsBetter,
      numerator: 3, denominator: 40, value: 3 / 40, median: null, meetsTarget: false, suppressed: false,
      strata: [
        { code: 'standard', numerator: 1, denominator: 28, value: 1 / 28, median: null, suppressed: false },
        { code: 'expedited', numerator: 2, denominator: 12, value: 2 / 12, median: null, suppressed: false },
      ],
    });
    const committee = toMeasureValueView(urDecidedLate, { suppressSmallCells: true });
    expect(committee).toMatchObject({ numerator: null, denominator: null, value: null, median: null, meetsTarget: null, suppressed: true });
    expect(committee.strata).toEqual([
      { code: 'standard', numerator: null, denominator: null, value: null, median: null, suppressed: true },
      { code: 'expedited', numerator: null, denominator: null, value: null, median: null, suppressed: true },
    ]);
    const large = toMeasureValueView(value('complaint_acknowledged_on_time', 30, 45, { meetsTarget: false }), { suppressSmallCells: true });
    expect(large).toMatchObject({ numerator: 30, denominator: 45, value: 30 / 45, meetsTarget: false, suppressed: false });
    expect(toMeasureValueView(value('complaint_acknowledged_on_time', 0, 0), { suppressSmallCells: true })).toMatchObject({ numerator: 0, denominator: 0, value: null, suppressed: false });
  });

  it('withholds small trend points for the committee only, by the rule of a report cell', () => {
    const point = { period: '2026-11-03', numerator: 2, denominator: 5, value: 0.4, suppressed: false };
    const withheld = { period: '2026-11-03', numerator: null, denominator: null, value: null, suppressed: true };
    expect(toTrendPointView(point, 'proportion', { suppressSmallCells: false })).toEqual(point);
    expect(toTrendPointView(point, 'proportion', { suppressSmallCells: true })).toEqual(withheld);
    expect(toTrendPointView({ ...point, denominator: 40, value: 2 / 40 }, 'proportion', { suppressSmallCells: true })).toEqual(withheld);
    // A duration's numerator is hours, a ratio's participants per care manager: only the denominator decides.
    expect(toTrendPointView({ ...point, numerator: 3, denominator: 12, value: 0.25 }, 'duration', { suppressSmallCells: true })).toEqual({ ...point, numerator: 3, denominator: 12, value: 0.25 });
    const zero = { period: '2026-11', numerator: 0, denominator: 0, value: null, suppressed: false };
    expect(toTrendPointView(zero, 'proportion', { suppressSmallCells: true })).toEqual(zero);
  });
});

describe('CSV (RFC 4180)', () => {
  const report: MeasureReportView = {
    period: PERIOD,
    filter: { programCode: 'CCM', teamId: null },
    measures: [toMeasureValueView(urDecidedLate, { suppressSmallCells: false }), toMeasureValueView(urDecidedLate, { suppressSmallCells: true })],
  };

  it('has a header row, one row per measure and per stratum, CRLF line ends, and parses back to the same cells', () => {
    const text = measureReportCsv(report);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')[0]).toBe(REPORT_CSV_HEADER.join(','));
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(6);
    expect(rows[0]).toEqual({
      period_start: PERIOD.start, period_end: PERIOD.end, program_code: 'CCM', team_id: '', measure_id: 'ur_decided_late', stratum: '',
      title: MEASURES.ur_decided_late.title, group: 'utilization_review', scoring: 'proportion', numerator: '3', denominator: '40', value: String(3 / 40), median: '',
      target: '0', meets_target: 'false', suppressed: 'false',
    });
    expect(rows.slice(1, 3).map((r) => [r.stratum, r.numerator, r.denominator])).toEqual([['standard', '1', '28'], ['expedited', '2', '12']]);
    // The committee's: counts empty, suppressed true.
    expect(rows.slice(3).map((r) => [r.stratum, r.numerator, r.denominator, r.value, r.suppressed])).toEqual([
      ['', '', '', '', 'true'], ['standard', '', '', '', 'true'], ['expedited', '', '', '', 'true'],
    ]);
  });

  it('quotes commas, quotes and line breaks (LF and CR alone too), and defuses formula-looking text', () => {
    const view: MeasureMembersView = {
      period: PERIOD,
      filter: { programCode: null, teamId: 'east' },
      measureId: 'screening_within_90_days',
      rows: [
        { measureId: 'screening_within_90_days', subjectId: 'case-1', caseId: 'case-1', memberId: 'mem-1', programCode: 'CCM', teamId: 'east', outcome: 'not_met', stratum: null, dueAt: PERIOD.end, doneAt: null, detail: '3 attempts: no_answer, "voicemail"\nthen\rletter' },
        { measureId: 'screening_within_90_days', subjectId: 'case-2', caseId: 'case-2', memberId: null, programCode: 'CCM', teamId: 'east', outcome: 'met', stratum: null, dueAt: PERIOD.end, doneAt: PERIOD.start, detail: '=HYPERLINK("x")' },
      ],
    };
    const text = measureMembersCsv(view);
    expect(text).toContain('"3 attempts: no_answer, ""voicemail""\nthen\rletter"');
    const rows = parse(text, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([...MEMBERS_CSV_HEADER]);
    expect(rows.map((r) => [r.subject_id, r.member_id, r.outcome, r.done_at, r.detail])).toEqual([
      ['case-1', 'mem-1', 'not_met', '', '3 attempts: no_answer, "voicemail"\nthen\rletter'],
      ['case-2', '', 'met', PERIOD.start, `'=HYPERLINK("x")`],
    ]);
  });

  it('names files with safe characters only', () => {
    expect(csvFileName('ur_decided_late', 'members', '2026-11', 'CCM', 'east')).toBe('ur_decided_late_members_2026-11_CCM_east.csv');
    expect(csvFileName('measures', 'a"b;c')).toBe('measures_a-b-c.csv');
  });
});

describe('FHIR R4 MeasureReport', () => {
  it('maps a proportion: canonical measure, period, initial population / denominator / exclusion / numerator counts, decimal score, strata; valid', () => {
    const m = toMeasureValueView(urDecidedLate, { suppressSmallCells: false });
    const r = measureReportResource(m, 2, { period: PERIOD, generatedAt: AT });
    expect(validateFhir(r)).toEqual([]);
    expect(r).toMatchObject({
      resourceType: 'MeasureReport', status: 'complete', type: 'summary', measure: 'https://careloop.example/fhir/Measure/ur_decided_late', date: AT, period: PERIOD,
      improvementNotation: { coding: [{ code: 'decrease' }] },
    });
    const g = r.group![0]!;
    expect(g.population!.map((p) => [p.code!.coding![0]!.system, p.code!.coding![0]!.code, p.count])).toEqual([
      ['http://terminology.hl7.org/CodeSystem/measure-population', 'initial-population', 42],
      ['http://terminology.hl7.org/CodeSystem/measure-population', 'denominator', 40],
      ['http://terminology.hl7.org/CodeSystem/measure-population', 'denominator-exclusion', 2],
      ['http://terminology.hl7.org/CodeSystem/measure-population', 'numerator', 3],
    ]);
    expect(g.measureScore).toEqual({ value: 3 / 40 });
    expect(g.stratifier![0]!.stratum!.map((s) => [s.value!.text, s.population!.map((p) => p.count), s.measureScore?.value])).toEqual([
      ['standard', [28, 1], 1 / 28],
      ['expedited', [12, 2], 2 / 12],
    ]);
  });

  it('maps a duration as a measure population with its mean hours in UCUM h', () => {
    const r = measureReportResource(toMeasureValueView(urDecisionTime, { suppressSmallCells: false }), 0, { period: PERIOD, generatedAt: AT });
    expect(validateFhir(r)).toEqual([]);
    const g = r.group![0]!;
    expect(g.population!.map((p) => [p.code!.coding![0]!.code, p.count])).toEqual([['initial-population', 40], ['measure-population', 40], ['measure-population-exclusion', 0]]);
    expect(g.measureScore).toEqual({ value: 1200.5 / 40, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' });
  });

  it("masks the committee's withheld counts (data-absent-reason) and gives no score; still valid", () => {
    const r = measureReportResource(toMeasureValueView(urDecidedLate, { suppressSmallCells: true }), null, { period: PERIOD, generatedAt: AT });
    expect(validateFhir(r)).toEqual([]);
    const g = r.group![0]!;
    expect(g.measureScore).toBeUndefined();
    for (const p of [...g.population!, ...g.stratifier![0]!.stratum!.flatMap((s) => s.population!)]) {
      expect(p.count).toBeUndefined();
      expect(p.extension).toEqual([{ url: 'http://hl7.org/fhir/StructureDefinition/data-absent-reason', valueCode: 'masked' }]);
    }
  });

  it('gives every measure of a report as a valid collection Bundle', () => {
    const report: MeasureReportView = {
      period: PERIOD,
      filter: { programCode: null, teamId: null },
      measures: MEASURE_IDS.map((id) => toMeasureValueView(value(id, 0, 0), { suppressSmallCells: false })),
    };
    const bundle = measureReportBundle(report, {}, AT);
    expect(validateFhir(bundle)).toEqual([]);
    expect(bundle.entry!.map((e) => e.resource!.measure)).toEqual(MEASURE_IDS.map((id) => `https://careloop.example/fhir/Measure/${id}`));
    // Nothing to measure: counts of 0, no score.
    expect(bundle.entry![0]!.resource!.group![0]!.measureScore).toBeUndefined();
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { MeasureReport, Bundle } from '@medplum/fhirtypes';
import type { MeasureMembersView, MeasureReportView, MeasureValueView } from '@careloop/contracts';
import { localDate, MEASURE_IDS, type MeasureId } from '@careloop/domain';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { bearer, USERS } from '../support/auth';
import { eventually } from '../support/eventually';
import { sample } from '../support/samples';
import { sampleJson } from '../support/integration-samples';
import { screeningAnswers } from '../support/case-fixtures';
import { addCalendarDays, dateFromToday, instantFromNow } from '../support/fixture-dates';
import { validateFhir } from '../../apps/api/src/fhir/fhir-validator';

type Json = Record<string, unknown>;
const TIME_ZONE = 'America/New_York';
const REVIEWER_1 = bearer({ sub: 'rev-1', role: 'supervisor', team: 'ur' });
const REVIEWER_2 = bearer({ sub: 'rev-2', role: 'supervisor', team: 'ur' });
const STAFF = bearer({ sub: 'staff-1', role: 'care_manager', team: 'north' });

/**
 * Issue 18, "Done when": a seeded scenario through the real stack (Temporal dev server, Postgres),
 * then GET /reports/measures for a period that holds every due instant of it, checked against
 * counts computed by hand; the same numbers as CSV and as FHIR MeasureReports (validated); the
 * committee's view with its small cells withheld and no care-gap list; a supervisor of another team
 * sees none of it.
 *
 * The plan's policy file makes the review and complaint windows seconds long (so one of each is
 * late while the suite runs, waited for, never timed) and gives the transition-of-care calendar a
 * holiday on the day after the discharge (computed from now: the default holiday list covers only
 * 2026–2027).
 */
describe('compliance reporting: the measures of a seeded scenario (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  const secret = `e2e-reports-${randomBytes(8).toString('hex')}`;
  // Discharged an hour ago; the next local day is a holiday of the plan's calendar (a holiday eve).
  const dischargedAt = instantFromNow(-3_600_000);
  const holiday = addCalendarDays(localDate(dischargedAt, TIME_ZONE), 1);
  // Every due instant of the scenario lies in (from 00:00, the day after to 00:00]: the late screening's
  // deadline 5 days ago, the on-time ones 50 and 80 days ahead, the discharge's 30-day tasks, the standard review's 7 days.
  const from = dateFromToday(-100);
  const to = dateFromToday(85);
  const period = `from=${from}&to=${to}`;
  const ids = { onTime10: '', onTime45: '', late95: '', discharge: '', standard: '', expedited: '', ackOnTime: '', ackLate: '' };

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'careloop-reports-'));
    const policyFile = join(dir, 'policies.json');
    // The same program entry for CCM and "*": the report without a programCode measures against "*".
    const program = { version: 'reports-1', overrides: { transitionOfCare: { calendar: { timeZone: TIME_ZONE, weekendDays: [0, 6], holidays: [holiday] } } } };
    writeFileSync(
      policyFile,
      JSON.stringify({
        programs: { '*': program, CCM: program },
        reviews: {
          version: 'reports-1',
          overrides: {
            utilizationReview: { decisionMs: { expedited: '4s' }, escalateBeforeMs: { expedited: '1s' } },
            complaints: { acknowledgeMs: '8s', resolveMs: '30s' },
          },
        },
      }),
    );
    stack = await startE2eStack('reports', { CASE_ID_SECRET: secret, CARELOOP_POLICY_FILE: policyFile });
    await stack.sql(`INSERT INTO teams (id, name, programs) VALUES ('north', 'North', '{CCM}'), ('south', 'South', '{CCM}') ON CONFLICT (id) DO NOTHING`);
    await stack.sql(`INSERT INTO staff (id, display_name, role, team, languages) VALUES
      ('cm-1', 'CM one', 'care_manager', 'north', '{en}'), ('sup-1', 'Sup one', 'supervisor', 'north', '{en}'), ('sup-9', 'Sup nine', 'supervisor', 'south', '{en}')
      ON CONFLICT (id) DO NOTHING`);
    const admin = stack.as(USERS.admin);

    // Enrollments in two months (35 days apart): 10 and 45 days ago are screened now, on time; 95 days ago is
    // past the 90-day deadline at the start, so the case closes at once, unable to reach, never screened.
    const start = async (memberRef: string, days: number) => {
      await stack.registerMember(memberRef);
      return (await admin.post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: dateFromToday(-days), teamId: 'north' }).expect(201)).body.id as string;
    };
    ids.onTime10 = await start('M-RPT-10', 10);
    ids.onTime45 = await start('M-RPT-45', 45);
    ids.late95 = await start('M-RPT-95', 95);
    for (const id of [ids.onTime10, ids.onTime45]) {
      await eventually(() => admin.get(`/cases/${id}`), (r) => r.body.attempts?.length === 1);
      await admin.post(`/cases/${id}/attempts/1/outcome`).send({ outcome: 'reached' }).expect(200);
      await admin.post(`/cases/${id}/screening`).send({ answers: screeningAnswers }).expect(200);
    }
    await eventually(() => admin.get(`/cases/${ids.late95}`), (r) => r.body.phase === 'closed');

    // A discharge on the holiday eve, of the member enrolled 10 days ago: the PCP is informed by CareLoop
    // (the sender names the PCP), the member contacted now; medication reconciliation and follow-up open.
    const event = { ...sampleJson<Json>('discharge.json'), eventId: 'rpt-evt-1', memberRef: 'M-RPT-10', dischargedAt };
    const discharge = await stack.asIntegration().post('/integrations/discharge-events').send(event).expect(201);
    ids.discharge = discharge.body.id;
    expect(discharge.body.caseId).toBe(ids.onTime10);
    await eventually(() => admin.get(`/discharges/${ids.discharge}`), (r) => r.body.tasks?.find((t: Json) => t.task === 'pcp_informed')?.status === 'done');
    await stack.as(USERS.cm1).post(`/discharges/${ids.discharge}/tasks/member_contact`).send({}).expect(200);

    // Utilization reviews: a standard one denied (with a reason) at once, appealed, approved on appeal;
    // an expedited one (4 s window) approved after its due.
    const provider = stack.as(USERS.provider9);
    ids.standard = (await provider.post('/utilization-reviews').send({ ...sample('ur-submit-standard'), memberRef: 'M-RPT-10' }).expect(201)).body.reviewId;
    await provider.post(`/utilization-reviews/${ids.standard}/decision`).set(REVIEWER_1).send(sample('ur-decision-denied')).expect(200);
    await provider.post(`/utilization-reviews/${ids.standard}/appeal`).send(sample('ur-appeal')).expect(200);
    await provider.post(`/utilization-reviews/${ids.standard}/decision`).set(REVIEWER_2).send(sample('ur-decision-approved')).expect(200);
    const expedited = await provider.post('/utilization-reviews').send({ ...sample('ur-submit-standard'), memberRef: 'M-RPT-45', urgency: 'expedited' }).expect(201);
    ids.expedited = expedited.body.reviewId;
    await eventually(async () => Date.now(), (now) => now > Date.parse(expedited.body.decisionDueAt) + 500, 20_000);
    await provider.post(`/utilization-reviews/${ids.expedited}/decision`).set(REVIEWER_1).send(sample('ur-decision-approved')).expect(200);

    // Complaints (8 s to acknowledge, 30 s to resolve): one acknowledged and resolved at once; one acknowledged after its window, never resolved.
    ids.ackOnTime = (await admin.post('/complaints').send({ ...sample('complaint-lodge'), caseId: ids.onTime10 }).expect(201)).body.complaintId;
    await admin.post(`/complaints/${ids.ackOnTime}/acknowledge`).set(STAFF).send({}).expect(200);
    await admin.post(`/complaints/${ids.ackOnTime}/resolve`).set(STAFF).send(sample('complaint-resolve')).expect(200);
    const late = await admin.post('/complaints').send({ ...sample('complaint-lodge'), caseId: ids.onTime45 }).expect(201);
    ids.ackLate = late.body.complaintId;
    await eventually(async () => Date.now(), (now) => now > Date.parse(late.body.acknowledgeBy) + 500, 30_000);
    await admin.post(`/complaints/${ids.ackLate}/acknowledge`).set(STAFF).send({}).expect(200);

    // Everything the report reads has reached Postgres (the projections are asynchronous).
    await eventually(
      () => stack.sql(`SELECT count(*)::int AS n FROM complaints WHERE id = ANY($1) AND view->>'acknowledgedAt' IS NOT NULL`, [[ids.ackOnTime, ids.ackLate]]),
      (r) => r[0]?.n === 2,
    );
    await eventually(() => stack.sql(`SELECT count(*)::int AS n FROM utilization_review_decisions WHERE review_id = ANY($1)`, [[ids.standard, ids.expedited]]), (r) => r[0]?.n === 3);
  }, 240_000);

  afterAll(async () => {
    await stack?.close();
  });

  /** The hand computation: numerator / denominator of each measure the scenario touches (all of north). */
  const EXPECTED: Partial<Record<MeasureId, readonly [number, number]>> = {
    // 3 enrollments with a deadline in the period (-95+90 = 5 days ago, -45+90 = 45 days ahead, -10+90 = 80 days ahead): two screened now, by their deadlines.
    screening_within_90_days: [2, 3],
    // The one not screened was never reached (closed at once, no attempt by the deadline).
    screening_never_reached: [1, 3],
    // One discharge, every task due in the period: member contact done now (before 2 business days, past the holiday), PCP informed at once.
    toc_contact_2_business_days: [1, 1],
    toc_pcp_informed: [1, 1],
    // Follow-up visit and medication reconciliation not done (due in 7 and 30 days, inside the period): not met.
    toc_follow_up_7_days: [0, 1],
    toc_follow_up_30_days: [0, 1],
    toc_medication_reconciliation_30_days: [0, 1],
    // Initial decisions in the period: standard denied, expedited approved.
    ur_approved: [1, 2],
    ur_denied: [1, 2],
    // The one appeal (standard) approved.
    ur_approved_after_appeal: [1, 1],
    // Due instants in the period: standard's (7 days ahead, decided at once), expedited's (4 s after receipt, decided after it).
    ur_decided_late: [1, 2],
    // The one denial (standard, initial) gives its reason; the approvals deny nothing.
    ur_denial_with_reason: [1, 1],
    // Two acknowledgement windows (8 s) in the period: one acknowledged at once, one after it.
    complaint_acknowledged_on_time: [1, 2],
    // Two resolution windows (30 s): one resolved at once, the other never.
    complaint_resolved_on_time: [1, 2],
  };
  /** The strata of the review measures: [standard, expedited] as numerator / denominator. */
  const EXPECTED_STRATA: Partial<Record<MeasureId, Record<string, readonly [number, number]>>> = {
    ur_approved: { standard: [0, 1], expedited: [1, 1] },
    ur_denied: { standard: [1, 1], expedited: [0, 1] },
    ur_decided_late: { standard: [0, 1], expedited: [1, 1] },
    ur_approved_after_appeal: { standard: [1, 1], expedited: [0, 0] },
  };

  const counts = (view: MeasureReportView) =>
    Object.fromEntries(view.measures.filter((m) => m.measureId in EXPECTED).map((m) => [m.measureId, [m.numerator, m.denominator]])) as Record<string, [number, number]>;
  const canonical = (o: object) => JSON.stringify(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
  const byId = (view: MeasureReportView) => new Map(view.measures.map((m) => [m.measureId, m] as const));

  it('GET /reports/measures: every measure with its definition, and exactly the hand-computed counts', async () => {
    const res = await eventually(
      () => stack.as(USERS.admin).get(`/reports/measures?${period}`),
      (r) => r.status === 200 && canonical(counts(r.body)) === canonical(EXPECTED),
    );
    expect(res.status).toBe(200);
    const view = res.body as MeasureReportView;
    expect(view.period).toEqual({ start: `${from}T00:00:00.000Z`, end: `${addCalendarDays(to, 1)}T00:00:00.000Z` });
    expect(view.filter).toEqual({ programCode: null, teamId: null });
    expect(view.measures.map((m) => m.measureId)).toEqual([...MEASURE_IDS]);
    expect(counts(view)).toEqual(EXPECTED);
    const m = byId(view);
    for (const [id, strata] of Object.entries(EXPECTED_STRATA)) {
      expect({ id, strata: Object.fromEntries(m.get(id as MeasureId)!.strata.map((s) => [s.code, [s.numerator, s.denominator]])) }).toEqual({ id, strata });
    }
    expect(m.get('screening_within_90_days')).toMatchObject({ value: 2 / 3, target: 0.9, meetsTarget: false, suppressed: false, scoring: 'proportion', group: 'screening' });
    expect(m.get('ur_decided_late')).toMatchObject({ value: 0.5, target: 0, meetsTarget: false });
    // Two initial decisions timed: the standard in seconds, the expedited after its 4 s window.
    expect(m.get('ur_decision_time')).toMatchObject({ denominator: 2, scoring: 'duration' });
    expect(m.get('ur_decision_time')!.median).toBeGreaterThan(0);

    // The report holds the plan's calendar: the member contact's due in the report is the workflow's (past the holiday).
    const discharge = (await stack.as(USERS.admin).get(`/discharges/${ids.discharge}`).expect(200)).body;
    const contactDue = discharge.tasks.find((t: Json) => t.task === 'member_contact').dueAt as string;
    expect(localDate(contactDue, TIME_ZONE)).not.toBe(holiday);
    const rows = (await stack.as(USERS.admin).get(`/reports/measures/toc_contact_2_business_days/members?${period}`).expect(200)).body as MeasureMembersView;
    expect(rows.rows).toEqual([expect.objectContaining({ subjectId: ids.discharge, caseId: ids.onTime10, outcome: 'met', dueAt: new Date(contactDue).toISOString() })]);

    // The supervisor of the scenario's team sees the same counts, as their team's report.
    const north = (await stack.as(USERS.sup1).get(`/reports/measures?${period}`).expect(200)).body as MeasureReportView;
    expect(north.filter).toEqual({ programCode: null, teamId: 'north' });
    expect(counts(north)).toEqual(EXPECTED);
  });

  it('the care-gap list: the rows of a measure, by outcome; as CSV parsed back the same', async () => {
    const admin = stack.as(USERS.admin);
    const notMet = (await admin.get(`/reports/measures/screening_within_90_days/members?${period}&outcome=not_met`).expect(200)).body as MeasureMembersView;
    expect(notMet.rows).toEqual([
      expect.objectContaining({ measureId: 'screening_within_90_days', subjectId: ids.late95, caseId: ids.late95, teamId: 'north', programCode: 'CCM', outcome: 'not_met', doneAt: null, detail: 'not screened' }),
    ]);
    const all = (await admin.get(`/reports/measures/screening_within_90_days/members?${period}`).expect(200)).body as MeasureMembersView;
    expect(all.rows.map((r) => r.subjectId).sort()).toEqual([ids.onTime10, ids.onTime45, ids.late95].sort());
    // No PHI: ids, codes and times only.
    expect(JSON.stringify(all)).not.toMatch(/M-RPT|did not return calls|low back pain/);

    const csv = await admin.get(`/reports/measures/screening_within_90_days/members?${period}&format=csv`).expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="screening_within_90_days_members_${from}_${to}.csv"`);
    const parsed = parse(csv.text, { columns: true }) as Record<string, string>[];
    expect(parsed.map((r) => ({ subjectId: r.subject_id, outcome: r.outcome, dueAt: r.due_at, doneAt: r.done_at || null, detail: r.detail }))).toEqual(
      all.rows.map((r) => ({ subjectId: r.subjectId, outcome: r.outcome, dueAt: r.dueAt, doneAt: r.doneAt, detail: r.detail })),
    );
    // Accept: text/csv gives the same file.
    expect((await admin.get(`/reports/measures/screening_within_90_days/members?${period}`).set('accept', 'text/csv').expect(200)).text).toBe(csv.text);
  });

  it('the report as CSV: one row per measure and stratum, the same numbers', async () => {
    const admin = stack.as(USERS.admin);
    const view = (await admin.get(`/reports/measures?${period}`).expect(200)).body as MeasureReportView;
    const csv = await admin.get(`/reports/measures?${period}&format=csv`).expect(200);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="measures_${from}_${to}.csv"`);
    const rows = parse(csv.text, { columns: true }) as Record<string, string>[];
    const totals = rows.filter((r) => r.stratum === '');
    expect(totals.map((r) => r.measure_id)).toEqual([...MEASURE_IDS]);
    const cell = (n: number | null) => (n === null ? '' : String(n));
    expect(totals.map((r) => [r.measure_id, r.numerator, r.denominator, r.value, r.suppressed])).toEqual(
      view.measures.map((m) => [m.measureId, cell(m.numerator), cell(m.denominator), cell(m.value), 'false']),
    );
    expect(rows.filter((r) => r.measure_id === 'ur_decided_late' && r.stratum !== '').map((r) => [r.stratum, r.numerator, r.denominator])).toEqual([
      ['standard', '0', '1'],
      ['expedited', '1', '1'],
    ]);
  });

  it('FHIR: a valid MeasureReport per measure with the same counts, and a valid Bundle of all', async () => {
    const admin = stack.as(USERS.admin);
    const res = await admin.get(`/reports/measures/ur_decided_late/fhir?${period}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/fhir\+json/);
    const report = res.body as MeasureReport;
    expect(validateFhir(report)).toEqual([]);
    expect(report).toMatchObject({
      resourceType: 'MeasureReport', status: 'complete', type: 'summary', measure: 'https://careloop.example/fhir/Measure/ur_decided_late',
      period: { start: `${from}T00:00:00.000Z`, end: `${addCalendarDays(to, 1)}T00:00:00.000Z` },
    });
    const populations = (r: MeasureReport) => Object.fromEntries(r.group![0]!.population!.map((p) => [p.code!.coding![0]!.code, p.count]));
    expect(populations(report)).toEqual({ 'initial-population': 2, denominator: 2, 'denominator-exclusion': 0, numerator: 1 });
    expect(report.group![0]!.measureScore).toEqual({ value: 0.5 });

    const bundle = (await admin.get(`/reports/measures?${period}&format=fhir`).expect(200)).body as Bundle<MeasureReport>;
    expect(validateFhir(bundle)).toEqual([]);
    expect(bundle.entry).toHaveLength(MEASURE_IDS.length);
    for (const [id, [numerator, denominator]] of Object.entries(EXPECTED)) {
      const entry = bundle.entry!.find((e) => e.resource!.measure === `https://careloop.example/fhir/Measure/${id}`)!.resource!;
      expect({ id, ...populations(entry) }).toMatchObject({ id, numerator, denominator });
    }
  });

  it("the committee: the same report with every small cell withheld (all counts here are under 11), in JSON, CSV and FHIR; no care-gap list", async () => {
    const committee = stack.as(USERS.committee);
    const view = (await committee.get(`/reports/measures?${period}`).expect(200)).body as MeasureReportView;
    const withheld = (m: MeasureValueView) => ({ id: m.measureId, numerator: m.numerator, denominator: m.denominator, value: m.value, meetsTarget: m.meetsTarget, suppressed: m.suppressed });
    for (const id of Object.keys(EXPECTED)) {
      expect(withheld(byId(view).get(id as MeasureId)!)).toEqual({ id, numerator: null, denominator: null, value: null, meetsTarget: null, suppressed: true });
    }
    expect(byId(view).get('ur_decided_late')!.strata.every((s) => s.suppressed && s.numerator === null)).toBe(true);
    const csv = parse((await committee.get(`/reports/measures?${period}&format=csv`).expect(200)).text, { columns: true }) as Record<string, string>[];
    expect(csv.filter((r) => r.measure_id in EXPECTED && r.stratum === '').map((r) => [r.measure_id, r.numerator, r.denominator, r.suppressed])).toEqual(
      MEASURE_IDS.filter((id) => id in EXPECTED).map((id) => [id, '', '', 'true']),
    );
    const fhir = (await committee.get(`/reports/measures/screening_within_90_days/fhir?${period}`).expect(200)).body as MeasureReport;
    expect(validateFhir(fhir)).toEqual([]);
    expect(fhir.group![0]!.population!.every((p) => p.count === undefined && p.extension?.[0]?.valueCode === 'masked')).toBe(true);
    expect(fhir.group![0]!.measureScore).toBeUndefined();
    for (const path of ['/reports/measures/screening_within_90_days/members', '/reports/measures/ur_decided_late/members']) {
      expect((await committee.get(`${path}?${period}`).expect(403)).body.code).toBe('forbidden');
    }
  });

  it('a supervisor of another team sees none of it, and may not ask for the team', async () => {
    const south = stack.as(USERS.supSouth);
    const view = (await south.get(`/reports/measures?${period}`).expect(200)).body as MeasureReportView;
    expect(view.filter.teamId).toBe('south');
    expect(view.measures.filter((m) => m.measureId in EXPECTED).map((m) => [m.measureId, m.numerator, m.denominator])).toEqual(
      MEASURE_IDS.filter((id) => id in EXPECTED).map((id) => [id, 0, 0]),
    );
    expect((await south.get(`/reports/measures/screening_within_90_days/members?${period}`).expect(200)).body.rows).toEqual([]);
    for (const path of ['/reports/measures', '/reports/measures/screening_within_90_days/members', '/reports/measures/ur_denied/fhir']) {
      const refused = await south.get(`${path}?${period}&teamId=north`).expect(403);
      expect(refused.body.code).toBe('forbidden');
    }
    // The admin may ask for any team: north's is the whole scenario, south's empty.
    expect(counts((await stack.as(USERS.admin).get(`/reports/measures?${period}&teamId=north&programCode=CCM`).expect(200)).body)).toEqual(EXPECTED);
  });

  it('trends read the snapshots; a day without any has no point', async () => {
    const res = await stack.as(USERS.admin).get(`/reports/trends?measureId=ur_decided_late&from=${from}&to=${to}&granularity=month`).expect(200);
    expect(res.body).toEqual({ measureId: 'ur_decided_late', filter: { programCode: null, teamId: null }, granularity: 'month', target: 0, points: [] });
  });

  it.each([
    ['', 'period'],
    ['period=last-month', 'period'],
    [`period=${dateFromToday(0).slice(0, 7)}&from=${from}&to=${to}`, 'period'],
    [`from=${from}`, 'to'],
    [`from=${to}&to=${from}`, 'to'],
    [`${period}&programCode=ccm`, 'programCode'],
    [`${period}&teamId=North!`, 'teamId'],
    [`${period}&format=xml`, 'format'],
    [`${period}&colour=red`, 'colour'],
  ])('GET /reports/measures?%s: 400 naming %s', async (query, field) => {
    const res = await stack.as(USERS.admin).get(`/reports/measures?${query}`).expect(400);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it.each([
    [`/reports/measures/screening_within_90_days/members?${period}&outcome=late`, 'outcome'],
    [`/reports/measures/screening_within_90_days/members?${period}&format=fhir`, 'format'],
    [`/reports/trends?measureId=nope&from=${from}&to=${to}`, 'measureId'],
    [`/reports/trends?measureId=ur_denied&from=${from}&to=${to}&granularity=week`, 'granularity'],
    [`/reports/trends?measureId=ur_denied&from=${from}`, 'to'],
  ])('GET %s: 400 naming %s', async (path, field) => {
    const res = await stack.as(USERS.admin).get(path).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('an unknown measure id is 404 naming it', async () => {
    for (const path of ['/reports/measures/no_such_measure/members', '/reports/measures/no_such_measure/fhir']) {
      const res = await stack.as(USERS.admin).get(`${path}?${period}`).expect(404);
      expect(res.body).toMatchObject({ code: 'not_found', detail: expect.stringContaining('no_such_measure') });
    }
  });
});

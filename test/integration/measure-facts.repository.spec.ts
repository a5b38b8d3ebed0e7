import type { DataSource } from 'typeorm';
import { MeasureFactsRepository, runMigrations } from '@careloop/persistence';
import { dayRangePeriod, type ReportPeriod } from '@careloop/domain';
import { freshDatabase } from '../support/integration-database';
import { addCalendarDays, dateFromToday } from '../support/fixture-dates';

/**
 * What a report reads from Postgres (issue 18): rows inserted directly, read back through
 * MeasureFactsRepository.read for a period. Nothing after the period's end is read, data that is
 * PHI stays in the database, and the program/team filter is applied in SQL.
 */
describe('MeasureFactsRepository (real Postgres)', () => {
  let ds: DataSource;
  let facts: MeasureFactsRepository;

  // A 30-day period ending 20 days ago; everything is placed relative to it.
  const first = dateFromToday(-50);
  const last = dateFromToday(-21);
  const period: ReportPeriod = dayRangePeriod(first, last);
  const day = (offset: number, time = '10:00:00.000') => `${addCalendarDays(first, offset)}T${time}Z`;
  const afterEnd = `${addCalendarDays(last, 1)}T00:00:00.001Z`;

  async function insertCase(c: { id: string; program: string; team: string | null; phase?: string; openedAt: string; phaseChangedAt?: string; memberId?: string }): Promise<void> {
    await ds.query(
      `INSERT INTO cases (id, run_id, member_ref, program_code, enrollment_date, policy_version, phase, opened_at, phase_changed_at, team_id, member_id)
       VALUES ($1, 'run-1', 'MRN-SECRET', $2, $3::date, 'v1', $4, $5, $6, $7, $8)`,
      [c.id, c.program, c.openedAt.slice(0, 10), c.phase ?? 'outreach', c.openedAt, c.phaseChangedAt ?? c.openedAt, c.team, c.memberId ?? null],
    );
  }

  async function insertEvent(caseId: string, seq: number, at: string, data: Record<string, unknown>, episodeId = 'run-1'): Promise<void> {
    await ds.query(`INSERT INTO case_events (case_id, episode_id, seq, at, kind, actor_id, summary, data) VALUES ($1, $2, $3, $4, $5, 'cm-1', 'event', $6)`, [
      caseId,
      episodeId,
      seq,
      at,
      data.kind,
      JSON.stringify(data),
    ]);
  }

  beforeAll(async () => {
    ds = await freshDatabase('measurefacts');
    await runMigrations(ds);
    facts = new MeasureFactsRepository(ds);

    // case-a: CCM, team-1, a timeline crossing the period's end, with PHI in its data.
    await insertCase({ id: 'case-a', program: 'CCM', team: 'team-1', openedAt: day(-10), memberId: 'mbr-a' });
    await insertEvent('case-a', 1, day(-10), { kind: 'case_opened', runId: 'run-1', memberRef: 'MRN-SECRET', programCode: 'CCM', enrollmentDate: day(-10).slice(0, 10), policyVersion: 'v1' });
    await insertEvent('case-a', 2, day(-9), { kind: 'attempt_started', number: 1, channel: 'phone', dueAt: day(-8) });
    await insertEvent('case-a', 3, day(-9), { kind: 'attempt_recorded', number: 1, outcome: 'reached', note: 'talked about her diabetes', contactPoint: '+1 555 0100' });
    await insertEvent('case-a', 4, day(-9), { kind: 'note_added', noteKind: 'note', text: 'free text note' });
    await insertEvent('case-a', 5, day(-9), {
      kind: 'screening_submitted',
      answers: { selfRatedHealth: 'poor', hospitalizedLast12Months: true, chronicConditionCount: 3 },
      initialRisk: { tier: 'high', score: 9, reasons: ['hospitalized'] },
    });
    await insertEvent('case-a', 6, day(2), { kind: 'assessment_submitted', answers: { secret: 'answers' }, risk: { tier: 'medium', score: 5, reasons: ['x'] } });
    await insertEvent('case-a', 7, day(3), {
      kind: 'plan_consented',
      version: 1,
      consent: { consentGiven: true, consentedBy: 'member', memberInvolved: true, familyOrGuardianInvolved: false },
      representative: { id: 'rep-1', relationship: 'spouse' },
    });
    await insertEvent('case-a', 8, day(3), { kind: 'paused', reason: 'in hospital for surgery' });
    // Same instant as seq 8: ordered by seq.
    await insertEvent('case-a', 9, day(3), { kind: 'resumed' });
    await insertEvent('case-a', 10, period.end, { kind: 'task_opened', key: 'contact:1', taskKind: 'contact', dueAt: day(40) });
    await insertEvent('case-a', 11, afterEnd, { kind: 'task_closed', key: 'contact:1', resolution: 'done' });

    // case-b: HF, team-2, closed 100 days before the period started: still within the 120-day horizon.
    await insertCase({ id: 'case-b', program: 'HF', team: 'team-2', phase: 'closed', openedAt: day(-200), phaseChangedAt: day(-100) });
    await insertEvent('case-b', 1, day(-200), { kind: 'case_opened', runId: 'run-1', memberRef: 'MRN-B', programCode: 'HF', enrollmentDate: day(-200).slice(0, 10), policyVersion: 'v1' });
    await insertEvent('case-b', 2, day(-100), { kind: 'case_closed', reason: 'declined', detail: 'said she is moving to her daughter' });

    // case-c: closed 121 days before the period: nothing of it can count any more.
    await insertCase({ id: 'case-c', program: 'CCM', team: 'team-1', phase: 'closed', openedAt: day(-300), phaseChangedAt: day(-121) });
    await insertEvent('case-c', 1, day(-300), { kind: 'case_opened', runId: 'run-1', memberRef: 'MRN-C', programCode: 'CCM', enrollmentDate: day(-300).slice(0, 10), policyVersion: 'v1' });

    // case-d: opened after the period's end.
    await insertCase({ id: 'case-d', program: 'CCM', team: 'team-1', openedAt: afterEnd });
    await insertEvent('case-d', 1, afterEnd, { kind: 'case_opened', runId: 'run-1', memberRef: 'MRN-D', programCode: 'CCM', enrollmentDate: afterEnd.slice(0, 10), policyVersion: 'v1' });

    // Discharges: d-1 of case-a with tasks done (one backdated, one done after the end, one reported after the end); d-old beyond the horizon.
    const discharge = (id: string, caseId: string, program: string, at: string, cancelledAt: string | null = null) =>
      ds.query(
        `INSERT INTO discharge_events (discharge_id, source, source_event_id, format, member_ref, program_code, case_id, discharged_at, cancelled_at, payload_hash)
         VALUES ($1, 'hosp', $1, 'fhir', 'MRN-SECRET', $2, $3, $4, $5, repeat('0', 64))`,
        [id, program, caseId, at, cancelledAt],
      );
    await discharge('d-1', 'case-a', 'CCM', day(5), afterEnd);
    await discharge('d-old', 'case-a', 'CCM', day(-125));
    await discharge('d-nocase', 'case-unknown', 'HF', day(6));
    const report = (seq: number, at: string, task: string, occurredAt: string) =>
      insertEvent('case-a', seq, at, { kind: 'external_event_recorded', key: `d-1:${task}:done`, source: 'discharge', eventKind: 'transition_task_done', occurredAt, reference: 'd-1' });
    await report(20, day(8), 'member_contact', day(6)); // backdated: done on day 6, recorded on day 8
    await report(21, day(9), 'pcp_informed', day(9));
    await report(22, afterEnd, 'follow_up_visit', day(10)); // reported after the end: not known at the end
    await insertEvent('case-a', 23, day(9), {
      kind: 'external_event_recorded',
      key: 'd-1:medication_reconciliation:missed',
      source: 'discharge',
      eventKind: 'transition_task_missed',
      occurredAt: day(9),
      reference: 'd-1',
    });

    // Reviews: r-1 (case-a) decided in the period, appealed after its end; r-old decided long before; r-nocase without a case.
    const review = (id: string, caseId: string | null, receivedAt: string, dueAt: string | null, status: string) =>
      ds.query(
        `INSERT INTO utilization_reviews (id, version, provider_id, member_ref, case_id, urgency, status, service_code, received_at, decision_due_at, request, view)
         VALUES ($1, 1, 'prov-1', 'MRN-SECRET', $2, 'expedited', $3, 'S1', $4, $5, '{"justification":"secret"}', '{}')`,
        [id, caseId, status, receivedAt, dueAt],
      );
    const decision = (reviewId: string, level: string, kind: string, decidedAt: string, dueAt: string, reason: string | null) =>
      ds.query(
        `INSERT INTO utilization_review_decisions (review_id, level, kind, reason, reviewer_id, decided_at, due_at, on_time) VALUES ($1, $2, $3, $4, 'rev-1', $5, $6, $5::timestamptz <= $6::timestamptz)`,
        [reviewId, level, kind, reason, decidedAt, dueAt],
      );
    await review('r-1', 'case-a', day(1), day(4), 'decided');
    await decision('r-1', 'initial', 'denied', day(2), day(4), 'not medically necessary');
    await decision('r-1', 'appeal', 'approved', afterEnd, day(45), null);
    await review('r-old', 'case-b', day(-90), day(-83), 'decided');
    await decision('r-old', 'initial', 'approved', day(-85), day(-83), null);
    await review('r-nocase', null, day(7), day(14), 'in_review');
    await review('r-late', 'case-a', afterEnd, day(45), 'received');
    // r-appealed: decided only after the end, then appealed: the row's due is now the appeal's, the initial due stays the fact.
    await review('r-appealed', 'case-a', day(20), day(70), 'appealed');
    await decision('r-appealed', 'initial', 'denied', afterEnd, day(25), 'not covered');

    // Complaints: k-1 acknowledged in the period, resolved after its end; k-old settled long ago.
    const complaint = (id: string, caseId: string | null, receivedAt: string, ackBy: string, resolveBy: string, view: Record<string, unknown>) =>
      ds.query(
        `INSERT INTO complaints (id, version, complainant_kind, complainant_id, channel, subject, case_id, status, received_at, acknowledge_by, resolve_by, summary, view)
         VALUES ($1, 1, 'member', 'mbr-a', 'phone', 'service', $2, 'acknowledged', $3, $4, $5, 'the member says her nurse was rude', $6)`,
        [id, caseId, receivedAt, ackBy, resolveBy, JSON.stringify(view)],
      );
    await complaint('k-1', 'case-a', day(10), day(15), day(40), { acknowledgedAt: day(11), resolvedAt: afterEnd });
    await complaint('k-old', 'case-a', day(-100), day(-95), day(-70), { acknowledgedAt: day(-99), resolvedAt: day(-80) });
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('reads every case that can matter for the period, with its timeline cut at the period end', async () => {
    const input = await facts.read(period, {});
    expect(input.period).toEqual(period);
    expect(input.cases.map((c) => c.caseId)).toEqual(['case-a', 'case-b']);
    const a = input.cases[0]!;
    expect(a).toMatchObject({ memberId: 'mbr-a', programCode: 'CCM', teamId: 'team-1' });
    // Only the kinds the engine reads (no note, no external report), ordered by at then seq, none after the end.
    expect(a.events.map((e) => [e.seq, e.kind])).toEqual([
      [1, 'case_opened'],
      [2, 'attempt_started'],
      [3, 'attempt_recorded'],
      [5, 'screening_submitted'],
      [6, 'assessment_submitted'],
      [7, 'plan_consented'],
      [8, 'paused'],
      [9, 'resumed'],
      [10, 'task_opened'],
    ]);
    expect(a.events[0]).toEqual({
      episodeId: 'run-1',
      seq: 1,
      at: day(-10),
      kind: 'case_opened',
      data: { kind: 'case_opened', runId: 'run-1', programCode: 'CCM', enrollmentDate: day(-10).slice(0, 10), policyVersion: 'v1' },
    });
    expect(a.events[8]!.at).toBe(period.end);
    expect(a.events[8]!.data).toEqual({ kind: 'task_opened', key: 'contact:1', taskKind: 'contact', dueAt: day(40) });
  });

  it("projects PHI away in SQL: a risk tier instead of the answers, consent flags and a representative's relationship only, no free text", async () => {
    const a = (await facts.read(period, {})).cases[0]!;
    const data = (seq: number) => a.events.find((e) => e.seq === seq)!.data;
    expect(data(3)).toEqual({ kind: 'attempt_recorded', number: 1, outcome: 'reached' });
    expect(data(5)).toEqual({ kind: 'screening_submitted', initialRisk: { tier: 'high' } });
    expect(data(6)).toEqual({ kind: 'assessment_submitted', risk: { tier: 'medium' }, reassessment: false });
    expect(data(7)).toEqual({
      kind: 'plan_consented',
      version: 1,
      consent: { consentGiven: true, consentedBy: 'member', memberInvolved: true, familyOrGuardianInvolved: false },
      representative: { relationship: 'spouse' },
    });
    expect(data(8)).toEqual({ kind: 'paused' });
    const closed = (await facts.read(period, {})).cases[1]!.events.find((e) => e.kind === 'case_closed')!;
    expect(closed.data).toEqual({ kind: 'case_closed', reason: 'declined' });
    const everything = JSON.stringify(await facts.read(period, {}));
    for (const secret of ['MRN-SECRET', 'diabetes', '555', 'surgery', 'daughter', 'rep-1', 'answers', 'rude', 'justification']) {
      expect(everything).not.toContain(secret);
    }
  });

  it('reads discharges of the horizon with the recorded completion times known at the period end', async () => {
    const { discharges } = await facts.read(period, {});
    expect(discharges).toEqual([
      {
        dischargeId: 'd-1',
        caseId: 'case-a',
        memberId: 'mbr-a',
        programCode: 'CCM',
        teamId: 'team-1',
        dischargedAt: day(5),
        // Cancelled after the end: not cancelled as of the end.
        cancelledAt: null,
        tasks: {
          member_contact: { doneAt: day(6) },
          medication_reconciliation: { doneAt: null },
          follow_up_visit: { doneAt: null },
          pcp_informed: { doneAt: day(9) },
        },
      },
      {
        dischargeId: 'd-nocase',
        caseId: 'case-unknown',
        memberId: null,
        programCode: 'HF',
        teamId: null,
        dischargedAt: day(6),
        cancelledAt: null,
        tasks: { member_contact: { doneAt: null }, medication_reconciliation: { doneAt: null }, follow_up_visit: { doneAt: null }, pcp_informed: { doneAt: null } },
      },
    ]);
    // A later period knows the follow-up visit and the cancellation.
    const later = await facts.read(dayRangePeriod(first, addCalendarDays(last, 1)), {});
    expect(later.discharges.find((d) => d.dischargeId === 'd-1')).toMatchObject({ cancelledAt: afterEnd, tasks: { follow_up_visit: { doneAt: day(10) } } });
  });

  it('reads reviews with a due or decision instant in reach, and only the decisions made by the end', async () => {
    const { reviews } = await facts.read(period, {});
    expect(reviews).toEqual([
      {
        reviewId: 'r-1',
        caseId: 'case-a',
        memberId: 'mbr-a',
        programCode: 'CCM',
        teamId: 'team-1',
        urgency: 'expedited',
        receivedAt: day(1),
        decisionDueAt: day(4),
        status: 'decided',
        decisions: [{ level: 'initial', kind: 'denied', reason: 'not medically necessary', decidedAt: day(2), dueAt: day(4), onTime: true }],
      },
      {
        reviewId: 'r-nocase',
        caseId: null,
        memberId: null,
        programCode: null,
        teamId: null,
        urgency: 'expedited',
        receivedAt: day(7),
        decisionDueAt: day(14),
        status: 'in_review',
        decisions: [],
      },
      {
        reviewId: 'r-appealed',
        caseId: 'case-a',
        memberId: 'mbr-a',
        programCode: 'CCM',
        teamId: 'team-1',
        urgency: 'expedited',
        receivedAt: day(20),
        decisionDueAt: day(25),
        status: 'appealed',
        decisions: [],
      },
    ]);
  });

  it('reads complaints falling due in reach, with what was done after the end read as not done', async () => {
    const { complaints } = await facts.read(period, {});
    expect(complaints).toEqual([
      {
        complaintId: 'k-1',
        caseId: 'case-a',
        memberId: 'mbr-a',
        programCode: 'CCM',
        teamId: 'team-1',
        receivedAt: day(10),
        acknowledgeBy: day(15),
        acknowledgedAt: day(11),
        resolveBy: day(40),
        resolvedAt: null,
      },
    ]);
  });

  it('applies the program and team filter in SQL (items without a case match no filter)', async () => {
    const hf = await facts.read(period, { programCode: 'HF' });
    expect(hf.cases.map((c) => c.caseId)).toEqual(['case-b']);
    expect(hf.discharges.map((d) => d.dischargeId)).toEqual(['d-nocase']);
    expect(hf.reviews).toEqual([]);
    expect(hf.complaints).toEqual([]);

    const team1 = await facts.read(period, { teamId: 'team-1' });
    expect(team1.cases.map((c) => c.caseId)).toEqual(['case-a']);
    expect(team1.discharges.map((d) => d.dischargeId)).toEqual(['d-1']);
    expect(team1.reviews.map((r) => r.reviewId)).toEqual(['r-1', 'r-appealed']);
    expect(team1.complaints.map((c) => c.complaintId)).toEqual(['k-1']);

    const none = await facts.read(period, { programCode: 'CCM', teamId: 'team-2' });
    expect(none).toEqual({ period, cases: [], discharges: [], reviews: [], complaints: [] });
  });

  it('keeps a case re-enrolled after the end: its earlier episode counts in the period', async () => {
    await insertCase({ id: 'case-e', program: 'CCM', team: 'team-1', openedAt: afterEnd });
    await insertEvent('case-e', 1, day(-5), { kind: 'case_opened', runId: 'run-0', memberRef: 'MRN-E', programCode: 'CCM', enrollmentDate: day(-5).slice(0, 10), policyVersion: 'v1' }, 'run-0');
    await insertEvent('case-e', 2, day(12), { kind: 'case_closed', reason: 'declined', detail: null }, 'run-0');
    await insertEvent('case-e', 1, afterEnd, { kind: 'case_opened', runId: 'run-1', memberRef: 'MRN-E', programCode: 'CCM', enrollmentDate: afterEnd.slice(0, 10), policyVersion: 'v1' });
    const input = await facts.read(period, { teamId: 'team-1' });
    const e = input.cases.find((c) => c.caseId === 'case-e')!;
    expect(e.events.map((x) => [x.episodeId, x.seq, x.kind])).toEqual([
      ['run-0', 1, 'case_opened'],
      ['run-0', 2, 'case_closed'],
    ]);
  });
});

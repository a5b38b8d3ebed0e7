import { Client } from '@temporalio/client';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { bearer, USERS } from '../support/auth';
import { assessmentAnswers, carePlan, memberConsent, screeningAnswers } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { captureSdkLogs } from '../support/sdk-logs';
import { JsonLogger, JsonSdkLogger } from '@careloop/observability';

/**
 * A care team drives one case through HTTP, against the real Temporal dev
 * server and Postgres, on a seconds-scale policy: enrollment → outreach
 * (one unanswered attempt times out) → reached → screening → assessment →
 * plan → consent → recovery support → closure. Repeated requests with the
 * same Idempotency-Key apply once.
 */
describe('case lifecycle through the API (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  // Every log line of the run, API, worker and Temporal SDK, as the production JSON loggers write them.
  const logLines: string[] = [];
  let stopCapture = () => {};

  beforeAll(async () => {
    const sdk = new JsonSdkLogger((line) => logLines.push(line), 'DEBUG');
    stopCapture = captureSdkLogs((entry) => sdk.log(entry.level, entry.message, entry.meta));
    stack = await startE2eStack('lifecycle', {}, { logger: new JsonLogger((line) => logLines.push(line), 'verbose') });
  });

  afterAll(async () => {
    stopCapture();
    await stack?.close();
  });

  const api = () => stack.as(USERS.cm1);


  it('runs from enrollment to closure, rejecting out-of-phase actions with 409 and bad bodies with 400', async () => {
    const today = new Date().toISOString().slice(0, 10);
    await stack.registerMember('M-E2E-LIFE');
    const created = await api()
      .post('/cases')
      .send({
        memberRef: 'M-E2E-LIFE',
        programCode: 'CCM',
        enrollmentDate: today,
        policyOverrides: { screening: { attemptResponseWindowMs: '2s', attemptSpacingMs: ['1s'] } },
      })
      .expect(201);
    const id: string = created.body.id;
    expect(created.body.policyVersion).toBe('CCM@default+custom');
    const cm = bearer({ sub: 'cm-7', role: 'care_manager', team: 'north' });

    // Nobody records attempt 1: it times out after 2 s, and attempt 2 starts 1 s later.
    const second = await eventually(
      () => api().get(`/cases/${id}`).expect(200),
      (r) => r.body.attempts.length === 2,
    );
    expect(second.body.attempts[0]).toMatchObject({ number: 1, outcome: 'timed_out' });
    expect(second.body.openTasks).toEqual([expect.objectContaining({ key: 'attempt-2', kind: 'outreach_attempt' })]);

    // Out of phase: 409 with the workflow's reason. Bad body: 400 naming the field.
    const early = await api().post(`/cases/${id}/assessment`).set(cm).send({ answers: assessmentAnswers('high') }).expect(409);
    expect(early.body).toMatchObject({ code: 'case_action_rejected', detail: expect.stringContaining('phase screening') });
    const badOutcome = await api().post(`/cases/${id}/attempts/2/outcome`).set(cm).send({ outcome: 'maybe' }).expect(400);
    expect(badOutcome.body.errors).toEqual([expect.objectContaining({ field: 'outcome' })]);

    await api().post(`/cases/${id}/attempts/2/outcome`).set(cm).send({ outcome: 'reached', note: 'spoke to member' }).expect(200);
    const screened = await api().post(`/cases/${id}/screening`).set(cm).send({ answers: screeningAnswers }).expect(200);
    expect(screened.body).toMatchObject({ phase: 'assessment', initialRisk: { tier: expect.any(String) } });

    const assessed = await api().post(`/cases/${id}/assessment`).set(cm).send({ answers: assessmentAnswers('high') }).expect(200);
    expect(assessed.body).toMatchObject({ phase: 'care_planning', risk: { tier: 'high' } });

    const badPlan = { ...carePlan(today), goals: [{ id: 'g1', problemIds: ['p9'], description: 'x', targetDate: today }] };
    const rejectedPlan = await api().post(`/cases/${id}/plan`).set(cm).send({ plan: badPlan }).expect(400);
    expect(rejectedPlan.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['plan.goals[0].problemIds[0]']));

    const proposed = await api().post(`/cases/${id}/plan`).set(cm).send({ plan: carePlan(today) }).expect(200);
    expect(proposed.body.planVersion).toBe(1);
    const consented = await api().post(`/cases/${id}/plan/1/consent`).set(cm).send({ consent: memberConsent }).expect(200);
    expect(consented.body).toMatchObject({ phase: 'recovery_support', step: 'member_discussion' });

    const early2 = await api().post(`/cases/${id}/contacts`).set(cm).send({ channel: 'phone', outcome: 'completed' }).expect(409);
    expect(early2.body.detail).toMatch(/must first agree/);
    const agreed = await api().post(`/cases/${id}/member-discussion`).set(cm).send({ outcome: 'agrees' }).expect(200);
    expect(agreed.body.step).toBe('support_and_assistance');
    await api().post(`/cases/${id}/contacts`).set(cm).send({ channel: 'phone', outcome: 'completed', summary: 'weekly check-in' }).expect(200);
    const supported = await api().get(`/cases/${id}`).expect(200);
    expect(supported.body.openTasks.map((t: { key: string }) => t.key).sort()).toEqual(['contact-2', 'plan-review-1', 'reassessment-1']);
    const steps: [string, object, string][] = [
      ['interventions', { kind: 'referral', description: 'cardiology referral' }, 'intervention'],
      ['provider-reports', { providerId: 'prov-9', summary: 'echo results', discussedWithMember: true }, 'reporting'],
      ['progress-events', { kind: 'symptom_increase', detail: 'more breathless' }, 'monitoring'],
      ['progress-events', { kind: 'behind_expected_course', detail: 'slower than expected' }, 'additional_information'],
      ['supplemental-info', { summary: 'labs attached' }, 'adjustments'],
    ];
    for (const [path, body, step] of steps) {
      const res = await api().post(`/cases/${id}/${path}`).set(cm).send(body).expect(200);
      expect(res.body.step).toBe(step);
    }
    await api().post(`/cases/${id}/progress-events`).set(cm).send({ kind: 'worse', detail: 'x' }).expect(400);
    // A goal's progress: met or behind, on a goal of the plan; the committee's updates count it.
    const goal = await api().post(`/cases/${id}/goals/g1/progress`).set(cm).send({ status: 'behind', note: 'readmitted once' }).expect(200);
    expect(goal.body).toMatchObject({ phase: 'recovery_support', step: 'adjustments' });
    const noGoal = await api().post(`/cases/${id}/goals/g7/progress`).set(cm).send({ status: 'met' }).expect(409);
    expect(noGoal.body).toMatchObject({ code: 'case_action_rejected', detail: 'care plan version 1 has no goal g7; its goals: g1' });
    const badGoal = await api().post(`/cases/${id}/goals/g%201/progress`).set(cm).send({ status: 'met' }).expect(400);
    expect(JSON.stringify(badGoal.body)).toContain('goalId');
    const badStatus = await api().post(`/cases/${id}/goals/g1/progress`).set(cm).send({ status: 'done' }).expect(400);
    expect(JSON.stringify(badStatus.body)).toContain('status');
    // Periodic reviews: the plan review schedules the next one; a reassessment re-stratifies and is stored as one.
    const badReview = await api().post(`/cases/${id}/plan-review`).set(cm).send({ outcome: 'maybe' }).expect(400);
    expect(JSON.stringify(badReview.body)).toContain('outcome');
    expect((await api().post(`/cases/${id}/plan-review`).set(cm).send({ outcome: 'continue', summary: 'on track' }).expect(200)).body.phase).toBe('recovery_support');
    const reassessed = await api().post(`/cases/${id}/assessment`).set(cm).send({ answers: assessmentAnswers('high') }).expect(200);
    expect(reassessed.body).toMatchObject({ phase: 'recovery_support', risk: { tier: 'high' } });
    const reviewed = await api().get(`/cases/${id}`).expect(200);
    expect(reviewed.body.openTasks.map((t: { key: string }) => t.key)).toEqual(expect.arrayContaining(['plan-review-2', 'reassessment-2']));
    const noSuchCm = await api().post(`/cases/${id}/reassign`).set(cm).send({ careManagerId: 'cm-nobody', reason: 'cover' }).expect(409);
    expect(noSuchCm.body.detail).toBe('cm-nobody is not an active care manager');
    await api().post(`/cases/${id}/pcp`).set(cm).send({ pcpId: 'pcp-44' }).expect(200);
    expect((await api().get(`/cases/${id}`).expect(200)).body.pcpId).toBe('pcp-44');

    await api().post(`/cases/${id}/notes`).set(cm).send({ kind: 'call_record', text: 'Spoke with Zebulon Quixote (DOB 1950-04-02) about his inhaler.' }).expect(200);
    // A body that echoes PHI into a refused field must not reach the logs either.
    await api().post('/cases').send({ memberRef: 'M-E2E-LIFE Zebulon Quixote', programCode: 'CCM', enrollmentDate: today }).expect(400);
    await api().post(`/cases/${id}/close`).set(cm).send({ reason: 'goals_met' }).expect(200);
    const closed = await eventually(
      () => api().get(`/cases/${id}`).expect(200),
      (r) => r.body.workflowStatus === 'COMPLETED' && r.body.record?.phase === 'closed',
    );
    expect(closed.body).toMatchObject({ phase: 'closed', closureReason: 'goals_met', record: { closureReason: 'goals_met', activePlanVersion: 1, riskTier: 'high' } });
    const afterClose = await api().post(`/cases/${id}/notes`).set(cm).send({ kind: 'note', text: 'late' }).expect(409);
    expect(afterClose.body.code).toBe('case_closed');

    // The server holds only ciphertext: inputs, update arguments and results are encrypted payloads
    // (read here without the codec), and the member's reference appears nowhere in the history.
    const raw = await new Client({ connection: stack.temporal.connection }).workflow.getHandle(id).fetchHistory();
    const started = raw.events![0]!.workflowExecutionStartedEventAttributes!.input!.payloads![0]!;
    expect(Buffer.from(started.metadata!.encoding!).toString()).toBe('binary/encrypted');
    const everything = JSON.stringify(raw, (_k, v: unknown) => (v instanceof Uint8Array ? Buffer.from(v).toString('latin1') : v));
    expect(everything).not.toContain('M-E2E-LIFE');
    expect(everything).not.toContain('heart failure');

    // No PHI in any log line of the whole run (member reference, names, dates of birth, clinical text).
    expect(logLines.length).toBeGreaterThan(50);
    expect(logLines.every((line) => JSON.parse(line).level !== undefined)).toBe(true);
    for (const phi of ['M-E2E-LIFE', 'Zebulon', 'Quixote', '1950-04-02', 'heart failure', 'more breathless', 'spoke to member', 'weekly check-in', 'readmitted once']) {
      expect({ phi, lines: logLines.filter((line) => line.includes(phi)) }).toEqual({ phi, lines: [] });
    }

    // Every action of the run is in the audit log: who, role, which route, which case, the outcome.
    const audited = await eventually(
      () => stack.sql(`SELECT DISTINCT route FROM audit_log WHERE case_id = $1 AND actor_id = 'cm-7' AND actor_role = 'care_manager' AND outcome = 'allowed'`, [id]),
      (r) => r.length >= 16,
    );
    expect(audited.map((r) => r.route).sort()).toEqual(
      [
        '/cases/:id/assessment', '/cases/:id/attempts/:number/outcome', '/cases/:id/close', '/cases/:id/contacts', '/cases/:id/goals/:goalId/progress',
        '/cases/:id/interventions', '/cases/:id/member-discussion', '/cases/:id/notes', '/cases/:id/pcp', '/cases/:id/plan', '/cases/:id/plan-review', '/cases/:id/plan/:version/consent',
        '/cases/:id/progress-events', '/cases/:id/provider-reports', '/cases/:id/screening', '/cases/:id/supplemental-info',
      ].sort(),
    );
    const refusals = await stack.sql(`SELECT route, outcome, status FROM audit_log WHERE case_id = $1 AND outcome <> 'allowed' ORDER BY id`, [id]);
    expect(refusals).toEqual(expect.arrayContaining([expect.objectContaining({ route: '/cases/:id/assessment', outcome: 'rejected', status: 409 })]));

    // Everything is documented in Postgres, once.
    const attempts = await stack.sql('SELECT number, outcome FROM contact_attempts WHERE case_id = $1 ORDER BY number', [id]);
    expect(attempts).toEqual([
      { number: 1, outcome: 'timed_out' },
      { number: 2, outcome: 'reached' },
    ]);
    expect(await stack.sql('SELECT kind FROM assessments WHERE case_id = $1 ORDER BY seq', [id])).toEqual([
      { kind: 'screening' },
      { kind: 'assessment' },
      { kind: 'reassessment' },
    ]);
    expect(await stack.sql(`SELECT task_key, status FROM case_tasks WHERE case_id = $1 AND kind IN ('plan_review', 'reassessment') ORDER BY task_key`, [id])).toEqual([
      { task_key: 'plan-review-1', status: 'done' },
      { task_key: 'plan-review-2', status: 'cancelled' },
      { task_key: 'reassessment-1', status: 'done' },
      { task_key: 'reassessment-2', status: 'cancelled' },
    ]);
    expect(await stack.sql('SELECT version, consented_at IS NOT NULL AS consented FROM care_plan_versions WHERE case_id = $1', [id])).toEqual([
      { version: 1, consented: true },
    ]);
    const timeline = await api().get(`/cases/${id}/timeline?limit=200`).expect(200);
    const kinds = timeline.body.items.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['case_opened', 'attempt_recorded', 'screening_submitted', 'assessment_submitted', 'plan_proposed', 'plan_consented', 'member_discussed', 'contact_recorded', 'plan_reviewed', 'case_closed']),
    );
    expect(timeline.body.items.find((e: { kind: string }) => e.kind === 'plan_consented').actorId).toBe('cm-7');
  });

  it('applies a repeated request with the same Idempotency-Key once', async () => {
    await stack.registerMember('M-E2E-IDEM');
    const created = await api().post('/cases').send({ memberRef: 'M-E2E-IDEM', programCode: 'CCM', enrollmentDate: new Date().toISOString().slice(0, 10) }).expect(201);
    const id: string = created.body.id;
    const note = { kind: 'call_record', text: 'Called the member about the appointment.' };
    const first = await api().post(`/cases/${id}/notes`).set('idempotency-key', 'note-123').send(note).expect(200);
    const again = await api().post(`/cases/${id}/notes`).set('idempotency-key', 'note-123').send(note).expect(200);
    expect(again.body).toEqual(first.body);
    const other = await api().post(`/cases/${id}/notes`).set('idempotency-key', 'note-124').send(note).expect(200);
    expect(other.body.eventSeq).toBeGreaterThan(first.body.eventSeq);

    const rows = await eventually(
      () => stack.sql('SELECT count(*)::int AS n FROM case_notes WHERE case_id = $1', [id]),
      (r) => Number(r[0]!.n) >= 2,
    );
    expect(rows[0]!.n).toBe(2);
    await api().post(`/cases/${id}/notes`).set('idempotency-key', 'bad key!').send(note).expect(400);
    await api().post(`/cases/${id}/close`).send({ reason: 'transferred' }).expect(200);
  });
});

import type { DataSource } from 'typeorm';
import { CaseEventRepository, DischargeEventRepository, ReviewRepository, runMigrations, WorkItemRepository } from '@careloop/persistence';
import { caseWorkItemId, escalationWorkItemId, type CaseEvent, type CaseEventData, type ComplaintRecord } from '@careloop/contracts';
import { freshDatabase } from '../support/integration-database';
import { instantFromNow } from '../support/fixture-dates';

/**
 * The work_items projection against real Postgres (docs/worklists.md): hand-built case event
 * sequences through CaseEventRepository, the review repository's complaint writes, and the
 * conditional claim under concurrency.
 */
describe('work_items projection (real Postgres)', () => {
  let ds: DataSource;
  let events: CaseEventRepository;
  let items: WorkItemRepository;
  let reviews: ReviewRepository;

  beforeAll(async () => {
    ds = await freshDatabase('workitems');
    await runMigrations(ds);
    events = new CaseEventRepository(ds);
    items = new WorkItemRepository(ds);
    reviews = new ReviewRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  /** A case's events numbered from 1, an hour apart from two days ago. */
  function sequence(...data: CaseEventData[]): CaseEvent[] {
    return data.map((d, n) => ({ seq: n + 1, at: instantFromNow(-2 * 86_400_000 + n * 3_600_000), actorId: 'system:careloop', summary: d.kind, data: d }));
  }
  const opened = (teamId: string): CaseEventData => ({
    kind: 'case_opened',
    runId: 'run-1',
    memberRef: 'M-1',
    programCode: 'CCM',
    enrollmentDate: instantFromNow(-2 * 86_400_000).slice(0, 10),
    policyVersion: 'v1',
    teamId,
    memberId: 'mbr-000000000001',
  });
  const row = async (id: string) =>
    (
      await ds.query(
        `SELECT status, priority, owner_staff_id AS "owner", owner_team_id AS "team", owner_role AS "role", risk_tier AS "risk", reminded_at IS NOT NULL AS reminded,
                missed_at IS NOT NULL AS missed, claimed_at IS NOT NULL AS claimed, due_at AS "dueAt", program_code AS "program", member_id AS "memberId", kind
         FROM work_items WHERE id = $1`,
        [id],
      )
    )[0] as Record<string, unknown> | undefined;

  it('projects a case task from open to done, with reminders, the risk tier, a reassignment, and replays changing nothing', async () => {
    const caseId = 'case-ccm-aaaaaaaaaaaaaaaaaaaaaaa1';
    const due = instantFromNow(3 * 86_400_000);
    const later = instantFromNow(5 * 86_400_000);
    const batch = sequence(
      opened('north'),
      { kind: 'care_manager_assigned', careManagerId: 'cm-1', languageMatch: true },
      { kind: 'task_opened', key: 'assessment', taskKind: 'assessment', dueAt: due },
    );
    await events.append(caseId, 'run-1', batch);
    const id = caseWorkItemId(caseId, 'run-1', 'assessment');
    expect(await row(id)).toMatchObject({ status: 'open', priority: 'normal', owner: 'cm-1', team: 'north', role: 'care_manager', program: 'CCM', memberId: 'mbr-000000000001', kind: 'assessment' });

    const more = sequence(
      ...batch.map((e) => e.data),
      { kind: 'task_reminded', key: 'assessment', clock: 'C4', dueAt: due },
      { kind: 'task_rescheduled', key: 'assessment', from: due, dueAt: later, reason: null },
      { kind: 'assessment_submitted', answers: {} as never, risk: { tier: 'high', score: 9, reasons: [] } },
      { kind: 'care_manager_reassigned', from: 'cm-1', to: 'cm-2', reason: 'leave' },
    );
    await events.append(caseId, 'run-1', more);
    expect(await row(id)).toMatchObject({ status: 'open', priority: 'high', owner: 'cm-2', risk: 'high', reminded: true });
    expect((await row(id))!.dueAt).toEqual(new Date(later));

    // A replay of the whole history (the activity retried after committing) changes nothing.
    const before = await ds.query('SELECT * FROM work_items WHERE case_id = $1 ORDER BY id', [caseId]);
    expect(await events.append(caseId, 'run-1', more)).toBe(0);
    expect(await ds.query('SELECT * FROM work_items WHERE case_id = $1 ORDER BY id', [caseId])).toEqual(before);

    await events.append(caseId, 'run-1', sequence(...more.map((e) => e.data), { kind: 'task_closed', key: 'assessment', resolution: 'done' }));
    expect(await row(id)).toMatchObject({ status: 'done' });
    expect(await items.list({ holders: ['cm-2'] }, {}, null, 50)).toEqual([]);
  });

  it('puts an unassigned case\'s task in the team queue and a stop-participation review in the supervisors\' queue; suspends and resumes', async () => {
    const caseId = 'case-ccm-aaaaaaaaaaaaaaaaaaaaaaa2';
    const due = instantFromNow(86_400_000);
    await events.append(
      caseId,
      'run-1',
      sequence(
        opened('north'),
        { kind: 'task_opened', key: 'contact-1', taskKind: 'contact', dueAt: due },
        { kind: 'task_opened', key: 'stop-participation-r1', taskKind: 'stop_participation_review', dueAt: due },
        { kind: 'task_suspended', key: 'contact-1', remainingMs: 1000 },
      ),
    );
    expect(await row(caseWorkItemId(caseId, 'run-1', 'contact-1'))).toMatchObject({ owner: null, team: 'north', role: 'care_manager', status: 'suspended' });
    expect(await row(caseWorkItemId(caseId, 'run-1', 'stop-participation-r1'))).toMatchObject({ owner: null, team: 'north', role: 'supervisor', priority: 'urgent' });
    const queue = await items.list({ queue: { teamId: 'north', role: 'supervisor', withOrgQueue: false } }, {}, null, 50);
    expect(queue.map((i) => i.id)).toContain(caseWorkItemId(caseId, 'run-1', 'stop-participation-r1'));
  });

  it('marks a missed task urgent and raises one escalation in the supervisors\' queue, settled when the task closes', async () => {
    const caseId = 'case-ccm-aaaaaaaaaaaaaaaaaaaaaaa3';
    const due = instantFromNow(-3_600_000);
    const history = sequence(
      opened('north'),
      { kind: 'care_manager_assigned', careManagerId: 'cm-1', languageMatch: true },
      { kind: 'task_opened', key: 'contact-1', taskKind: 'contact', dueAt: due },
      { kind: 'task_missed', key: 'contact-1', clock: 'C8', taskKind: 'contact', dueAt: due },
    );
    await events.append(caseId, 'run-1', history);
    await events.append(caseId, 'run-1', history);
    expect(await row(caseWorkItemId(caseId, 'run-1', 'contact-1'))).toMatchObject({ status: 'open', priority: 'urgent', missed: true, owner: 'cm-1' });
    const esc = escalationWorkItemId(caseId, 'run-1', 'contact-1');
    expect(await row(esc)).toMatchObject({ kind: 'escalation', status: 'open', priority: 'urgent', owner: null, team: 'north', role: 'supervisor' });
    expect((await row(esc))!.dueAt).toEqual(new Date(due));
    expect((await ds.query('SELECT count(*)::int AS n FROM work_items WHERE case_id = $1', [caseId]))[0].n).toBe(2);
    const [listed] = await items.list({ holders: ['cm-1'] }, { overdue: true }, null, 50);
    expect(listed).toMatchObject({ id: caseWorkItemId(caseId, 'run-1', 'contact-1'), overdue: true });

    await events.append(caseId, 'run-1', sequence(...history.map((e) => e.data), { kind: 'task_closed', key: 'contact-1', resolution: 'done' }));
    expect(await row(esc)).toMatchObject({ status: 'done' });
  });

  it('moves to the new care manager only what the previous one held or the queue had, not what a teammate claimed', async () => {
    const caseId = 'case-ccm-aaaaaaaaaaaaaaaaaaaaaaa4';
    const due = instantFromNow(86_400_000);
    const start = sequence(
      opened('north'),
      { kind: 'task_opened', key: 'contact-1', taskKind: 'contact', dueAt: due },
      { kind: 'task_opened', key: 'plan-review-1', taskKind: 'plan_review', dueAt: due },
    );
    await events.append(caseId, 'run-1', start);
    const claimed = caseWorkItemId(caseId, 'run-1', 'plan-review-1');
    expect(await items.claim(claimed, 'cm-7', 'care_manager', 'north')).toMatchObject({ ownerStaffId: 'cm-7' });
    await events.append(caseId, 'run-1', sequence(...start.map((e) => e.data), { kind: 'care_manager_assigned', careManagerId: 'cm-1', languageMatch: false }));
    expect(await row(caseWorkItemId(caseId, 'run-1', 'contact-1'))).toMatchObject({ owner: 'cm-1', claimed: false });
    expect(await row(claimed)).toMatchObject({ owner: 'cm-7', claimed: true });

    await events.append(caseId, 'run-1', sequence(...start.map((e) => e.data), { kind: 'care_manager_assigned', careManagerId: 'cm-1', languageMatch: false }, { kind: 'case_closed', reason: 'goals_met' as never, detail: null }));
    expect(await row(caseWorkItemId(caseId, 'run-1', 'contact-1'))).toMatchObject({ status: 'cancelled' });
    expect(await row(claimed)).toMatchObject({ status: 'cancelled' });
  });

  it('lets exactly one of two concurrent claims win; the loser finds it held', async () => {
    const caseId = 'case-ccm-aaaaaaaaaaaaaaaaaaaaaaa5';
    await events.append(caseId, 'run-1', sequence(opened('north'), { kind: 'task_opened', key: 'contact-1', taskKind: 'contact', dueAt: instantFromNow(86_400_000) }));
    const id = caseWorkItemId(caseId, 'run-1', 'contact-1');
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([items.claim(id, 'cm-a', 'care_manager', 'north'), items.claim(id, 'cm-b', 'care_manager', 'north')]);
      const winners = results.filter((r) => r !== null);
      expect(winners).toHaveLength(1);
      expect((await items.find(id))!.ownerStaffId).toBe(winners[0]!.ownerStaffId);
      expect(await items.release(id, winners[0]!.ownerStaffId!)).toMatchObject({ ownerStaffId: null });
    }
    // Another team's care manager, or the supervisors' role, never matches the care-manager queue of north.
    expect(await items.claim(id, 'cm-s', 'care_manager', 'south')).toBeNull();
    expect(await items.claim(id, 'sup-1', 'supervisor', 'north')).toBeNull();
  });

  it('projects a complaint: acknowledgement, then resolution, in the supervisors\' queue; an older version changes nothing', async () => {
    const receivedAt = instantFromNow(-86_400_000);
    const view = {
      complaintId: 'complaint-000000000000000000000001',
      channel: 'phone',
      complainantKind: 'member',
      complainantId: 'M-1',
      subject: 'service',
      caseId: null,
      status: 'received',
      policyVersion: 'v1',
      receivedAt,
      acknowledgeBy: instantFromNow(86_400_000),
      acknowledgedAt: null,
      acknowledgedBy: null,
      resolveBy: instantFromNow(20 * 86_400_000),
      resolvedAt: null,
      outcome: null,
      escalatedAt: { acknowledgement: null, resolution: null },
    } as unknown as ComplaintRecord['view'];
    const record = (version: number, v: Partial<ComplaintRecord['view']>): ComplaintRecord => ({ version, summary: 'text', resolution: null, view: { ...view, ...v } });
    await reviews.saveComplaint(view.complaintId, record(1, {}));
    const ack = `complaint:${view.complaintId}:acknowledgement`;
    const res = `complaint:${view.complaintId}:resolution`;
    expect(await row(ack)).toMatchObject({ kind: 'complaint_acknowledgement', status: 'open', role: 'supervisor', team: null });
    await reviews.saveComplaint(view.complaintId, record(2, { status: 'acknowledged', acknowledgedAt: receivedAt }));
    expect(await row(ack)).toMatchObject({ status: 'done' });
    expect(await row(res)).toMatchObject({ kind: 'complaint_resolution', status: 'open' });
    await reviews.saveComplaint(view.complaintId, record(1, {}));
    expect(await row(ack)).toMatchObject({ status: 'done' });
    await reviews.saveComplaint(view.complaintId, record(3, { status: 'resolved', resolvedAt: receivedAt }));
    expect(await row(res)).toMatchObject({ status: 'done' });
  });

  it('opens transition-of-care items with the discharge intake, places them on the case\'s team, closes one on its done report and cancels the rest with the discharge', async () => {
    const discharges = new DischargeEventRepository(ds);
    const caseId = 'case-ccm-aaaaaaaaaaaaaaaaaaaaaaa7';
    const dischargeId = 'discharge-000000000000000000000007';
    const dischargedAt = instantFromNow(-3_600_000);
    const event = { format: 'json', source: 'GENHOSP-ADT', sourceEventId: 'evt-7', memberRef: 'M-7', programCode: 'CCM', dischargedAt, facility: { id: 'GENHOSP', name: null }, disposition: 'home', pcpId: null } as const;
    const tasks = ['member_contact', 'medication_reconciliation', 'follow_up_visit', 'pcp_informed'].map((task, n) => ({ task, dueAt: instantFromNow((n + 1) * 86_400_000) }));
    const intakeKey = { clientId: 'integration:test-feed', source: 'GENHOSP-ADT', sourceEventId: 'evt-7' };
    await discharges.record(intakeKey, dischargeId, caseId, event, 'V7', 'e'.repeat(64), tasks);
    await discharges.record(intakeKey, dischargeId, caseId, event, 'V7', 'e'.repeat(64), tasks);
    const toc = (task: string) => row(`discharge:${dischargeId}:${task}`);
    expect((await ds.query(`SELECT count(*)::int AS n FROM work_items WHERE source = 'discharge' AND source_id = $1`, [dischargeId]))[0].n).toBe(4);
    // The case did not exist yet: the organisation-wide queue, until its case_opened places them.
    expect(await toc('member_contact')).toMatchObject({ kind: 'transition_of_care', status: 'open', owner: null, team: null, role: 'care_manager' });
    const history = sequence(
      opened('north'),
      { kind: 'care_manager_assigned', careManagerId: 'cm-1', languageMatch: true },
      { kind: 'external_event_recorded', key: `${dischargeId}:member_contact:done`, source: 'discharge-planning', eventKind: 'transition_task_done', occurredAt: dischargedAt, reference: dischargeId },
      { kind: 'external_event_recorded', key: `${dischargeId}:follow_up_visit:escalated`, source: 'discharge-planning', eventKind: 'transition_task_escalated', occurredAt: dischargedAt, reference: dischargeId },
    );
    await events.append(caseId, 'run-1', history);
    expect(await toc('member_contact')).toMatchObject({ status: 'done' });
    expect(await toc('medication_reconciliation')).toMatchObject({ status: 'open', owner: 'cm-1', team: 'north', program: 'CCM' });
    expect(await toc('follow_up_visit')).toMatchObject({ status: 'open', owner: null, team: 'north', role: 'supervisor' });

    await discharges.recordAmendment({
      amendmentId: 'amend-7',
      key: { ...intakeKey, sourceEventId: 'evt-7-cancel' },
      kind: 'cancel',
      messageType: 'ADT^A13',
      dischargeId,
      changes: {},
      occurredAt: null,
      payloadHash: 'f'.repeat(64),
    });
    expect(await toc('medication_reconciliation')).toMatchObject({ status: 'cancelled' });
    expect(await toc('member_contact')).toMatchObject({ status: 'done' });
  });

  it('reads a person\'s list through the partial index, overdue first and then by due time, paged by keyset', async () => {
    const caseId = 'case-ccm-aaaaaaaaaaaaaaaaaaaaaaa6';
    const dues = [5, -2, 1, -1, 3].map((d) => instantFromNow(d * 86_400_000));
    await events.append(
      caseId,
      'run-1',
      sequence(
        opened('east'),
        { kind: 'care_manager_assigned', careManagerId: 'cm-east', languageMatch: true },
        ...dues.map((dueAt, n): CaseEventData => ({ kind: 'task_opened', key: `contact-${n + 1}`, taskKind: 'contact', dueAt })),
      ),
    );
    const first = await items.list({ holders: ['cm-east'] }, {}, null, 3);
    const last = first.at(-1)!;
    const rest = await items.list({ holders: ['cm-east'] }, {}, { rank: last.overdue ? 0 : 1, dueAt: last.dueAt.toISOString(), id: last.id }, 3);
    expect([...first, ...rest].map((i) => i.dueAt.toISOString())).toEqual([...dues].sort());
    expect([...first, ...rest].map((i) => i.overdue)).toEqual([true, true, false, false, false]);
    expect(await items.counts({ holders: ['cm-east'] }, {}, instantFromNow(2 * 86_400_000))).toEqual({ overdue: 2, dueToday: 1, open: 5 });
  });
});

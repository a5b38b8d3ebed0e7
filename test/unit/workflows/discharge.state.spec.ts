import { DAY_MS, DEFAULT_TRANSITION_OF_CARE_POLICY } from '@careloop/domain';
import { DischargeState } from '../../../workflows/discharge.state';
import { dischargeEvent, dischargeInput } from '../../support/discharge-workflow-harness';

/** Discharge planning's rules without a server: the sender's cancellation (ADT^A13) and update (ADT^A08). */
describe('DischargeState: cancellation and update by the sender', () => {
  // Midday in the policy calendar's zone (America/New_York): deadlines count local days, so a discharge
  // an hour before `now` must fall on the same local day whatever the time of day the suite runs.
  const now = Math.floor(Date.now() / DAY_MS) * DAY_MS + 17 * 3_600_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  const open = (patch: Parameters<typeof dischargeEvent>[1] = {}) => {
    const state = new DischargeState('discharge-test', dischargeInput(dischargeEvent(iso(now - 3_600_000), patch), 'case-ccm-1', DEFAULT_TRANSITION_OF_CARE_POLICY), iso(now));
    state.takeDischargeReport();
    state.caseEnsured(true);
    return state;
  };
  const reports = (state: DischargeState) => state.outgoing.flatMap((o) => (o.kind === 'report' ? [o.event] : []));

  it('cancels open and missed tasks once, keeps done ones, queues one case report and finishes', () => {
    const state = open();
    state.markDone('member_contact', 'cm-1', iso(now), iso(now));
    state.runDue(iso(now + 3 * DAY_MS)); // pcp_informed (2 calendar days) missed
    expect(state.taskStatus('pcp_informed')).toBe('missed');
    const view = state.cancel({ key: 'a-1', messageType: 'ADT^A13' }, iso(now + 3 * DAY_MS));
    expect(view.tasks.map((t) => t.status)).toEqual(['done', 'cancelled', 'cancelled', 'cancelled']);
    expect(state.finished).toBe(true);
    expect(state.nextWakeAt).toBeNull(); // no reminder, deadline or escalation left
    expect(state.result().status).toBe('cancelled');
    const again = state.cancel({ key: 'a-2', messageType: 'ADT^A13' }, iso(now + 4 * DAY_MS));
    expect(again).toEqual(view);
    expect(reports(state).filter((r) => r.kind === 'discharge_cancelled')).toEqual([
      expect.objectContaining({ key: 'discharge-test:cancelled', source: 'discharge-planning', reference: 'discharge-test' }),
    ]);
    expect(() => state.checkComplete({ actorId: 'cm-1', task: 'follow_up_visit' }, iso(now + 4 * DAY_MS))).toThrow(/cancelled with the discharge/);
    expect(() => state.checkUpdate({ key: 'u-1', messageType: 'ADT^A08', changes: { disposition: '01' } })).toThrow(/was cancelled/);
    expect(state.pcpNotice()).toBeNull();
  });

  it('an update re-plans only open tasks, keeps a sent reminder, queues the newly named PCP once, and reports the changed fields without values', () => {
    const state = open({ pcpId: null });
    state.markDone('member_contact', 'cm-1', iso(now), iso(now));
    const reminderAt = state.view().tasks.find((t) => t.task === 'follow_up_visit')!.remindAt!;
    state.runDue(reminderAt); // follow-up reminded; pcp_informed (due after 2 days) missed and escalated
    const before = state.view();
    const task = (v: typeof before, name: string) => v.tasks.find((t) => t.task === name)!;
    expect([task(before, 'follow_up_visit').remindedAt, task(before, 'pcp_informed').status]).toEqual([reminderAt, 'escalated']);

    const corrected = iso(now + DAY_MS);
    const view = state.updateDetails({ key: 'u-1', messageType: 'ADT^A08', changes: { dischargedAt: corrected, disposition: '06', pcpId: 'PCP-901' } }, reminderAt);
    expect(view.dischargedAt).toBe(corrected);
    expect(task(view, 'member_contact')).toEqual(task(before, 'member_contact')); // done: kept
    expect(task(view, 'pcp_informed')).toEqual(task(before, 'pcp_informed')); // escalated: kept
    for (const name of ['follow_up_visit', 'medication_reconciliation']) {
      expect(Date.parse(task(view, name).dueAt) - Date.parse(task(before, name).dueAt)).toBeGreaterThanOrEqual(DAY_MS - 3_600_000); // one day later (DST aside)
    }
    expect(task(view, 'follow_up_visit')).toMatchObject({ remindAt: reminderAt, remindedAt: reminderAt }); // a sent reminder stays sent
    expect(state.takePendingPcpNotice()).toMatchObject({ key: 'discharge-test:pcp_informed:notice:u-1', params: { pcpId: 'PCP-901', dischargedAt: corrected } });
    expect(state.takePendingPcpNotice()).toBeNull();
    const [report] = reports(state).filter((r) => r.kind === 'discharge_updated');
    expect(report!.summary).toBe('discharge details updated by the sender (ADT^A08): discharge time, disposition, PCP; deadlines of open tasks re-planned');
    expect(report!.summary).not.toMatch(/PCP-901|06/);
    // The same key again, or values equal to the current ones, change nothing.
    expect(state.updateDetails({ key: 'u-1', messageType: 'ADT^A08', changes: { disposition: '01' } }, reminderAt)).toEqual(view);
    expect(state.updateDetails({ key: 'u-2', messageType: 'ADT^A08', changes: { disposition: '06' } }, reminderAt).amendments).toHaveLength(1);
  });

  it('reports a task done with the completion time the care team recorded, a backdated one included', () => {
    const state = open();
    const backdated = iso(now - 1_800_000);
    state.complete({ actorId: 'cm-1', task: 'member_contact', completedAt: backdated }, iso(now));
    state.complete({ actorId: 'cm-1', task: 'follow_up_visit' }, iso(now + 60_000));
    expect(reports(state).filter((r) => r.kind === 'transition_task_done').map((r) => [r.key, r.occurredAt])).toEqual([
      ['discharge-test:member_contact:done', backdated],
      ['discharge-test:follow_up_visit:done', iso(now + 60_000)],
    ]);
  });

  it('a run started before the done-at-completion-time patch reports the time the completion was entered', () => {
    const state = open();
    state.reportsCompletionTime = false;
    state.complete({ actorId: 'cm-1', task: 'member_contact', completedAt: iso(now - 1_800_000) }, iso(now));
    expect(reports(state).filter((r) => r.kind === 'transition_task_done').map((r) => r.occurredAt)).toEqual([iso(now)]);
  });

  it('validates the inputs', () => {
    const state = open();
    expect(() => state.checkUpdate({ key: 'u', messageType: 'ADT^A08', changes: {} })).toThrow(/at least one of/);
    expect(() => state.checkUpdate({ key: 'u', messageType: 'ADT^A08', changes: { dischargedAt: 'yesterday' } })).toThrow(/ISO 8601/);
    expect(() => state.checkCancel({ key: 'k', messageType: 'cancel please' })).toThrow(/messageType/);
  });
});

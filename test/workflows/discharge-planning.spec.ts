import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { addDays, DAY_MS, localDate, localToInstant, weekday } from '@careloop/domain';
import {
  cancelDischargeUpdate,
  caseDetailQuery,
  completeTransitionTaskUpdate,
  DISCHARGE_RULE_VIOLATION,
  dischargeStatusQuery,
  updateDischargeDetailsUpdate,
  type NotificationRequest,
} from '@careloop/contracts';
import { TemporalCaseSignaller } from '@careloop/activities';
import { type ApplicationFailure } from '@temporalio/common';
import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { maybeRecordHistory } from '../support/replay-histories';
import { dischargeEvent, dischargeInput, dischargeMocks, dischargeWorkflowHarness } from '../support/discharge-workflow-harness';

const NY = 'America/New_York';
const CASE_ID = 'case-ccm-0123456789abcdef01234567';
const midnight = { h: 0, min: 0, s: 0 };

/** Transition of care after a discharge (DESIGN §4) on the time-skipping server: every deadline, reminder and escalation. */
describe('discharge planning workflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, status, skip, settled } = dischargeWorkflowHarness(() => env, 'discharge');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  /** Moves the server's clock to the next Friday, `hour`:00 in New York; returns that Friday's date. */
  async function nextFridayAt(hour: number): Promise<string> {
    const now = await env.currentTimeMs();
    let day = addDays(localDate(new Date(now).toISOString(), NY), 1);
    while (weekday(day) !== 5) day = addDays(day, 1);
    await env.sleep(Date.parse(localToInstant(day, { h: hour, min: 0, s: 0 }, NY)) - now);
    return day;
  }

  const sentFor = (sent: NotificationRequest[], task: string) => sent.filter((n) => n.params.task === task).map((n) => `${n.template}→${n.audience}`);

  async function expectRefused(update: Promise<unknown>, reason: RegExp): Promise<void> {
    const err = await update.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(WorkflowUpdateFailedError);
    const cause = (err as WorkflowUpdateFailedError).cause as ApplicationFailure;
    expect(cause.type).toBe(DISCHARGE_RULE_VIOLATION);
    expect(cause.message).toMatch(reason);
  }

  it('contact is due at the end of the 2nd business day across a weekend and a holiday; reminded a day before, missed at the deadline, escalated a day later', async () => {
    const friday = await nextFridayAt(15);
    const monday = addDays(friday, 3);
    const mocks = dischargeMocks();
    await run(mocks, async ({ start }) => {
      const event = dischargeEvent(localToInstant(friday, { h: 14, min: 30, s: 0 }, NY));
      const handle = await start(dischargeInput(event, CASE_ID, { calendar: { timeZone: NY, weekendDays: [0, 6], holidays: [monday] }, reminderLeadMs: DAY_MS, escalateAfterMs: DAY_MS }));
      const view = await status(handle);
      const contact = view.tasks.find((t) => t.task === 'member_contact')!;
      // Saturday and Sunday are the weekend, Monday a holiday: Tuesday is business day 1, Wednesday day 2,
      // so contact is due when Wednesday ends (Thursday 00:00 in New York).
      expect(weekday(addDays(friday, 6))).toBe(4);
      expect(contact).toMatchObject({
        status: 'open',
        dueAt: localToInstant(addDays(friday, 6), midnight, NY),
        remindAt: localToInstant(addDays(friday, 5), midnight, NY),
        escalateAt: localToInstant(addDays(friday, 7), midnight, NY),
      });
      expect(view).toMatchObject({ status: 'in_progress', caseStarted: true, caseId: CASE_ID, dischargedAt: event.dischargedAt });
      expect(mocks.ensured).toHaveLength(1);
      expect(mocks.ensured[0]!.report).toMatchObject({ kind: 'discharge_reported', source: 'discharge-planning', reference: view.dischargeId });

      // Until a minute before the reminder: nothing about contact.
      const now = await env.currentTimeMs();
      await skip(handle, Date.parse(contact.remindAt!) - now - 60_000);
      expect(sentFor(mocks.sent, 'member_contact')).toEqual([]);
      await skip(handle, '2 minutes');
      expect(sentFor(mocks.sent, 'member_contact')).toEqual(['transition_task_reminder→care_team']);
      expect(mocks.sent.find((n) => n.params.task === 'member_contact')).toMatchObject({
        key: `${view.dischargeId}:member_contact:reminder`,
        caseId: CASE_ID,
        params: { dischargeId: view.dischargeId, task: 'member_contact', dueAt: contact.dueAt },
      });

      await skip(handle, '1 day');
      expect((await status(handle)).tasks.find((t) => t.task === 'member_contact')).toMatchObject({ status: 'missed', missedAt: expect.any(String) });
      expect(sentFor(mocks.sent, 'member_contact')).toEqual(['transition_task_reminder→care_team', 'transition_task_missed→care_team']);

      await skip(handle, '1 day');
      expect((await status(handle)).tasks.find((t) => t.task === 'member_contact')).toMatchObject({ status: 'escalated', escalatedAt: expect.any(String) });
      expect(sentFor(mocks.sent, 'member_contact')).toEqual(['transition_task_reminder→care_team', 'transition_task_missed→care_team', 'transition_task_escalated→supervisor']);
      await maybeRecordHistory('discharge-contact-reminded-missed-escalated', handle);
    });
  });

  it('follow-up visit is due 7 calendar days after the discharge day; tasks done in time are never reminded, a late one is marked late', async () => {
    const mocks = dischargeMocks();
    await run(mocks, async ({ start }) => {
      const now = await env.currentTimeMs();
      const dischargedAt = new Date(now - 3_600_000).toISOString();
      const handle = await start(dischargeInput(dischargeEvent(dischargedAt), CASE_ID, { calendar: { timeZone: NY, weekendDays: [0, 6], holidays: [] } }));
      const followUp = (await status(handle)).tasks.find((t) => t.task === 'follow_up_visit')!;
      expect(followUp.dueAt).toBe(localToInstant(addDays(localDate(dischargedAt, NY), 8), midnight, NY));

      const done = await handle.executeUpdate(completeTransitionTaskUpdate, { args: [{ actorId: 'cm-1', task: 'member_contact' }] });
      expect(done).toMatchObject({ task: 'member_contact', status: 'done', completedBy: 'cm-1', late: false });
      await expectRefused(handle.executeUpdate(completeTransitionTaskUpdate, { args: [{ actorId: 'cm-1', task: 'member_contact' }] }), /already done/);
      await expectRefused(handle.executeUpdate(completeTransitionTaskUpdate, { args: [{ actorId: 'cm-1', task: 'home_visit' as never }] }), /unknown task home_visit/);
      await expectRefused(
        handle.executeUpdate(completeTransitionTaskUpdate, { args: [{ actorId: 'cm-1', task: 'follow_up_visit', completedAt: new Date(Date.parse(dischargedAt) - 86_400_000).toISOString() }] }),
        /between the discharge and now/,
      );

      // Past the follow-up deadline (and its escalation): missed, escalated; contact was done, so nothing about it went out.
      await skip(handle, Date.parse(followUp.escalateAt) - (await env.currentTimeMs()) + 60_000);
      expect(sentFor(mocks.sent, 'member_contact')).toEqual([]);
      expect(sentFor(mocks.sent, 'follow_up_visit')).toEqual(['transition_task_reminder→care_team', 'transition_task_missed→care_team', 'transition_task_escalated→supervisor']);
      const late = await handle.executeUpdate(completeTransitionTaskUpdate, { args: [{ actorId: 'cm-2', task: 'follow_up_visit' }] });
      expect(late).toMatchObject({ status: 'done', late: true, completedBy: 'cm-2' });
    });
  });

  it('informs a PCP named by the sender itself, and ends once every task is done or escalated', async () => {
    const mocks = dischargeMocks(async () => ({ started: false }));
    await run(mocks, async ({ start }) => {
      const dischargedAt = new Date((await env.currentTimeMs()) - 3_600_000).toISOString();
      const handle = await start(dischargeInput(dischargeEvent(dischargedAt, { pcpId: 'PCP-778' }), CASE_ID));
      const view = await status(handle);
      expect(view.caseStarted).toBe(false);
      expect(view.tasks.find((t) => t.task === 'pcp_informed')).toMatchObject({ status: 'done', completedBy: 'system:careloop', late: false });
      expect(mocks.sent.filter((n) => n.audience === 'provider')).toEqual([
        expect.objectContaining({ key: `${view.dischargeId}:pcp_informed:notice`, template: 'pcp_discharge_notice', params: expect.objectContaining({ pcpId: 'PCP-778' }) }),
      ]);
      for (const task of ['member_contact', 'follow_up_visit'] as const) {
        await handle.executeUpdate(completeTransitionTaskUpdate, { args: [{ actorId: 'cm-1', task }] });
      }
      await skip(handle, '32 days'); // medication reconciliation: missed after 30 days, escalated a day later
      const result = await handle.result();
      expect(result.tasks).toEqual([
        { task: 'member_contact', status: 'done', late: false },
        { task: 'medication_reconciliation', status: 'escalated', late: false },
        { task: 'follow_up_visit', status: 'done', late: false },
        { task: 'pcp_informed', status: 'done', late: false },
      ]);
      await maybeRecordHistory('discharge-pcp-notice-to-completion', handle);
    });
  });

  it("puts the discharge and each outcome on the member's case: starts the case for the first discharge, signals it for the next", async () => {
    let signaller: TemporalCaseSignaller | undefined;
    const mocks = dischargeMocks((input) => signaller!.signalWithStart(input.caseId, input.caseStart, input.report));
    await run(mocks, async ({ start, taskQueue }) => {
      signaller = new TemporalCaseSignaller(env.client, taskQueue);
      const dischargedAt = new Date((await env.currentTimeMs()) - 3_600_000).toISOString();
      const first = await start(dischargeInput(dischargeEvent(dischargedAt, { sourceEventId: 'evt-a' }), CASE_ID));
      expect((await status(first)).caseStarted).toBe(true);
      await first.executeUpdate(completeTransitionTaskUpdate, { args: [{ actorId: 'cm-1', task: 'member_contact' }] });
      const second = await start(dischargeInput(dischargeEvent(dischargedAt, { sourceEventId: 'evt-b' }), CASE_ID));
      expect((await status(second)).caseStarted).toBe(false);
      await settled(first);

      const caseHandle = env.client.workflow.getHandle(CASE_ID);
      const summaries = await eventuallyTimeline(caseHandle, 4);
      expect(summaries[0]).toBe('case opened (discharge)');
      const ids = [(await status(first)).dischargeId, (await status(second)).dischargeId];
      expect(summaries).toEqual(
        expect.arrayContaining([
          `discharge-planning: discharge reported (json); transition of care ${ids[0]} started`,
          `discharge-planning: discharge reported (json); transition of care ${ids[1]} started`,
          'discharge-planning: contact with the member done by cm-1',
        ]),
      );
      // No PHI on the case timeline: neither the member reference nor the facility.
      expect(JSON.stringify(summaries)).not.toMatch(/M-TEST-1|General Hospital/);
      await maybeRecordHistory('case-opened-by-discharge', caseHandle);
      await caseHandle.terminate('test finished');
    });
  });

  it('a cancellation (ADT^A13) cancels open and missed tasks with their timers, keeps done ones, tells the case and completes cancelled', async () => {
    let signaller: TemporalCaseSignaller | undefined;
    const mocks = dischargeMocks((input) => signaller!.signalWithStart(input.caseId, input.caseStart, input.report));
    await run(mocks, async ({ start, taskQueue }) => {
      signaller = new TemporalCaseSignaller(env.client, taskQueue);
      const dischargedAt = new Date((await env.currentTimeMs()) - 3_600_000).toISOString();
      const handle = await start(dischargeInput(dischargeEvent(dischargedAt, { sourceEventId: 'evt-cancel' }), CASE_ID, { calendar: { timeZone: NY, weekendDays: [], holidays: [] } }));
      await handle.executeUpdate(completeTransitionTaskUpdate, { args: [{ actorId: 'cm-1', task: 'member_contact' }] });
      // Past the PCP deadline, before its escalation: pcp_informed is missed.
      const pcp = (await status(handle)).tasks.find((t) => t.task === 'pcp_informed')!;
      await skip(handle, Date.parse(pcp.dueAt) - (await env.currentTimeMs()) + 60_000);
      expect((await status(handle)).tasks.find((t) => t.task === 'pcp_informed')!.status).toBe('missed');

      const view = await handle.executeUpdate(cancelDischargeUpdate, { args: [{ key: 'amendment-a13-1', messageType: 'ADT^A13' }] });
      expect(view.status).toBe('cancelled');
      expect(view.cancelledAt).toEqual(expect.any(String));
      expect(view.tasks.map((t) => [t.task, t.status])).toEqual([
        ['member_contact', 'done'],
        ['medication_reconciliation', 'cancelled'],
        ['follow_up_visit', 'cancelled'],
        ['pcp_informed', 'cancelled'],
      ]);
      expect(view.amendments).toEqual([{ kind: 'cancel', messageType: 'ADT^A13', appliedAt: view.cancelledAt, changed: [] }]);
      expect(await handle.result()).toEqual({
        status: 'cancelled',
        tasks: [
          { task: 'member_contact', status: 'done', late: false },
          { task: 'medication_reconciliation', status: 'cancelled', late: false },
          { task: 'follow_up_visit', status: 'cancelled', late: false },
          { task: 'pcp_informed', status: 'cancelled', late: false },
        ],
      });

      // No reminder, deadline or escalation of a cancelled task ever goes out (the timers went with the workflow).
      const sentAtCancel = mocks.sent.length;
      await env.sleep('32 days');
      expect(mocks.sent).toHaveLength(sentAtCancel);
      expect(sentFor(mocks.sent, 'pcp_informed')).toEqual(['transition_task_reminder→care_team', 'transition_task_missed→care_team']);
      // A closed discharge still answers its state.
      expect((await handle.query(dischargeStatusQuery)).status).toBe('cancelled');

      const caseHandle = env.client.workflow.getHandle(CASE_ID);
      const summaries = await eventuallyTimeline(caseHandle, 5);
      expect(summaries).toEqual(
        expect.arrayContaining([
          'discharge-planning: contact with the member done by cm-1',
          `discharge-planning: PCP informed of the discharge missed (due ${pcp.dueAt})`,
          'discharge-planning: discharge cancelled by the sender (ADT^A13); tasks cancelled: medication reconciliation, follow-up visit, PCP informed of the discharge',
        ]),
      );
      await maybeRecordHistory('discharge-cancelled-by-sender', handle);
      await caseHandle.terminate('test finished');
    });
  });

  it('an update (ADT^A08): a corrected discharge time re-plans the open tasks only, a newly named PCP is informed, a repeat changes nothing; none once cancelled', async () => {
    const mocks = dischargeMocks();
    await run(mocks, async ({ start }) => {
      const now = await env.currentTimeMs();
      const sentAt = new Date(now - 26 * 3_600_000).toISOString();
      const correctedAt = new Date(now - 3_600_000).toISOString();
      const handle = await start(dischargeInput(dischargeEvent(sentAt, { sourceEventId: 'evt-update' }), CASE_ID, { calendar: { timeZone: NY, weekendDays: [0, 6], holidays: [] } }));
      await handle.executeUpdate(completeTransitionTaskUpdate, { args: [{ actorId: 'cm-1', task: 'member_contact' }] });
      const before = await status(handle);
      expect(mocks.sent.filter((n) => n.audience === 'provider')).toEqual([]);

      const changes = { dischargedAt: correctedAt, disposition: '06', pcpId: 'PCP-901' };
      const view = await handle.executeUpdate(updateDischargeDetailsUpdate, { args: [{ key: 'amendment-a08-1', messageType: 'ADT^A08', changes }] });
      expect(view.dischargedAt).toBe(correctedAt);
      expect(view.amendments).toEqual([{ kind: 'update', messageType: 'ADT^A08', appliedAt: expect.any(String), changed: ['dischargedAt', 'disposition', 'pcpId'] }]);
      const task = (v: typeof view, name: string) => v.tasks.find((t) => t.task === name)!;
      // Open tasks count from the corrected discharge; the done one keeps its times.
      expect(task(view, 'follow_up_visit').dueAt).toBe(localToInstant(addDays(localDate(correctedAt, NY), 8), midnight, NY));
      expect(task(view, 'follow_up_visit').dueAt).not.toBe(task(before, 'follow_up_visit').dueAt);
      expect(task(view, 'member_contact')).toEqual(task(before, 'member_contact'));

      // The workflow informs the newly named PCP itself (its own outbox key), and records it done.
      const informed = await status(handle, (v) => task(v, 'pcp_informed').status === 'done');
      expect(task(informed, 'pcp_informed')).toMatchObject({ completedBy: 'system:careloop', late: false });
      expect(mocks.sent.filter((n) => n.audience === 'provider')).toEqual([
        expect.objectContaining({ key: `${view.dischargeId}:pcp_informed:notice:amendment-a08-1`, template: 'pcp_discharge_notice', params: expect.objectContaining({ pcpId: 'PCP-901', dischargedAt: correctedAt }) }),
      ]);

      // The same message again changes nothing.
      const again = await handle.executeUpdate(updateDischargeDetailsUpdate, { args: [{ key: 'amendment-a08-1', messageType: 'ADT^A08', changes: { dischargedAt: sentAt } }] });
      expect(again.dischargedAt).toBe(correctedAt);
      expect(again.amendments).toHaveLength(1);

      await handle.executeUpdate(cancelDischargeUpdate, { args: [{ key: 'amendment-a13-2', messageType: 'ADT^A13' }] });
      expect((await handle.result()).status).toBe('cancelled');
      // Closed: an update finds no running discharge (the API answers `ignored`).
      await expect(handle.executeUpdate(updateDischargeDetailsUpdate, { args: [{ key: 'amendment-a08-2', messageType: 'ADT^A08', changes: { disposition: '01' } }] })).rejects.toThrow(
        WorkflowNotFoundError,
      );
      await maybeRecordHistory('discharge-updated-then-cancelled-by-sender', handle);
    });
  });

  it('refuses an update without changes and a cancellation without its key, changing nothing', async () => {
    const mocks = dischargeMocks();
    await run(mocks, async ({ start }) => {
      const dischargedAt = new Date((await env.currentTimeMs()) - 3_600_000).toISOString();
      const handle = await start(dischargeInput(dischargeEvent(dischargedAt, { sourceEventId: 'evt-refusals' }), CASE_ID));
      await status(handle);
      await expectRefused(handle.executeUpdate(updateDischargeDetailsUpdate, { args: [{ key: 'k', messageType: 'ADT^A08', changes: {} }] }), /at least one of dischargedAt/);
      await expectRefused(handle.executeUpdate(cancelDischargeUpdate, { args: [{ key: '', messageType: 'ADT^A13' }] }), /key and messageType/);
      expect((await status(handle)).status).toBe('in_progress');
    });
  });

  /** The case timeline's summaries once it holds at least `count` external events and its outbox is written. */
  async function eventuallyTimeline(handle: WorkflowHandle, count: number): Promise<string[]> {
    for (let i = 0; i < 200; i++) {
      const view = await handle.query(caseDetailQuery);
      const external = view.recentTimeline.filter((e) => e.kind === 'external_event_recorded');
      if (external.length >= count - 1 && view.outboxBacklog === 0) {
        return view.recentTimeline.filter((e) => e.kind === 'external_event_recorded' || e.kind === 'case_opened').map((e) => e.summary);
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('the case timeline did not fill');
  }
});

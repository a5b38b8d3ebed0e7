import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { temporal } from '@temporalio/proto';
import {
  caseDetailQuery,
  closeCaseUpdate,
  memberDiscussionUpdate,
  proposePlanUpdate,
  recordConsentUpdate,
  recordContactUpdate,
  reviewPlanUpdate,
  submitAssessmentUpdate,
} from '@careloop/contracts';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness } from '../support/case-workflow-harness';
import { assessmentAnswers, carePlan, caseInput, memberConsent } from '../support/case-fixtures';
import { writeHistoryReport } from '../support/history-report';

const EventType = temporal.api.enums.v1.EventType;
type HistoryEvent = temporal.api.history.v1.IHistoryEvent;
const MONTHS = 36;

/**
 * Three calendar years of a case in recovery support on the time-skipping
 * server: a contact every 30 days, a plan review every quarter, a yearly
 * reassessment, the committee timer every 28 days, and a history limit low
 * enough that the case continues as new several times, sometimes while its
 * outbox is writing.
 */
describe('three years of a care case (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until, skip, intoRecoverySupport } = caseWorkflowHarness(() => env, 'three-years');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('continues as new several times, keeps every run short, and loses and repeats nothing', async () => {
    const { runs, stores } = await run(async ({ start, stores }) => {
      const today = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      const handle = await start({ ...caseInput(today), historyEventLimit: 250 });
      const act = { actorId: 'cm-1' };
      await intoRecoverySupport(handle, today);
      await handle.executeUpdate(memberDiscussionUpdate, { args: [{ ...act, outcome: 'agrees' }] });

      for (let month = 1; month <= MONTHS; month++) {
        await skip(handle, '30 days');
        await handle.executeUpdate(recordContactUpdate, { args: [{ ...act, channel: 'phone', outcome: 'completed', summary: `month ${month}` }] });
        if (month % 3 === 0) {
          await handle.executeUpdate(reviewPlanUpdate, { args: [{ ...act, outcome: 'continue' }] });
        }
        if (month % 12 === 0) {
          // The yearly reassessment finds the member at high risk from the second year on.
          await handle.executeUpdate(submitAssessmentUpdate, { args: [{ ...act, answers: assessmentAnswers('high') }] });
        }
        if (month === 18) {
          // A revised plan half-way: version 2 must survive the later runs.
          const now = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
          await handle.executeUpdate(proposePlanUpdate, { args: [{ ...act, plan: carePlan(now, 120) }] });
          await handle.executeUpdate(recordConsentUpdate, { args: [{ ...act, planVersion: 2, consent: memberConsent }] });
        }
      }

      const view = await until(handle, (v) => v.outboxBacklog === 0);
      expect(view).toMatchObject({ phase: 'recovery_support', riskTier: 'high', careManagerId: 'cm-1', activePlanVersion: 2, latestPlanVersion: 2 });
      expect(view.openTasks.filter((t) => t.kind === 'contact').map((t) => t.key)).toEqual([`contact-${MONTHS + 1}`]);
      expect(view.attempts).toHaveLength(1);
      expect((await handle.query(caseDetailQuery)).openTasks.map((t) => t.kind).sort()).toEqual(['contact', 'plan_review', 'reassessment']);

      await handle.executeUpdate(closeCaseUpdate, { args: [{ ...act, reason: 'goals_met' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'goals_met' });
      return { runs: await runChain(handle.workflowId, handle.firstExecutionRunId), stores };
    });

    writeHistoryReport(runs, MONTHS);
    const count = (events: HistoryEvent[], ...types: temporal.api.enums.v1.EventType[]) => events.filter((e) => types.includes(e.eventType!)).length;
    expect(runs.length).toBeGreaterThanOrEqual(3);
    expect(runs.slice(0, -1).every((r) => r.events.at(-1)!.eventType === EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW)).toBe(true);
    expect(runs.at(-1)!.events.at(-1)!.eventType).toBe(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED);
    for (const { runId, events } of runs) {
      expect({ runId, short: events.length < 2_000 }).toEqual({ runId, short: true });
      // No run closes with an activity scheduled and not finished.
      const scheduled = count(events, EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
      const finished = count(
        events,
        EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
        EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED,
        EventType.EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
        EventType.EVENT_TYPE_ACTIVITY_TASK_CANCELED,
      );
      expect({ runId, scheduled }).toEqual({ runId, scheduled: finished });
    }
    // Three years of workflow time passed across the runs.
    const first = Number(runs[0]!.events[0]!.eventTime!.seconds);
    const last = Number(runs.at(-1)!.events.at(-1)!.eventTime!.seconds);
    expect(last - first).toBeGreaterThanOrEqual(MONTHS * 30 * 86_400);

    // Every contact, review and reassessment stored once; every event once and in order; every notification once.
    const ofKind = (kind: string) => stores.events.filter((e) => e.data.kind === kind);
    expect(ofKind('contact_recorded').map((e) => (e.data as { number: number }).number)).toEqual(Array.from({ length: MONTHS }, (_, i) => i + 1));
    expect(ofKind('plan_reviewed')).toHaveLength(MONTHS / 3);
    expect(ofKind('assessment_submitted').filter((e) => (e.data as { reassessment?: boolean }).reassessment)).toHaveLength(MONTHS / 12);
    expect(stores.events.map((e) => e.seq)).toEqual(stores.events.map((_, i) => i + 1));
    const keys = stores.delivered.map((n) => n.key);
    expect(new Set(keys).size).toBe(keys.length);
    const committee = ofKind('committee_update_sent');
    expect(committee.length).toBeGreaterThanOrEqual(Math.floor((MONTHS * 30) / 28));
    expect(stores.delivered.filter((n) => n.audience === 'committee')).toHaveLength(committee.length);
  }, 180_000);

  /** The runs of one case, from the first through each ContinuedAsNew event. */
  async function runChain(workflowId: string, firstRunId: string): Promise<{ runId: string; events: HistoryEvent[] }[]> {
    const runs: { runId: string; events: HistoryEvent[] }[] = [];
    for (let runId: string | undefined = firstRunId; runId; ) {
      const { events } = await env.client.workflow.getHandle(workflowId, runId).fetchHistory();
      runs.push({ runId, events: events! });
      runId = events!.at(-1)?.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? undefined;
    }
    return runs;
  }
});

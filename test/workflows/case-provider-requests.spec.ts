import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  SA_NEXT_DUE_AT,
  SA_NEXT_DUE_KIND,
  careManagerChangeRequestUpdate,
  decideStopParticipationUpdate,
  progressEventUpdate,
  providerViewQuery,
  stopParticipationRequestUpdate,
  changePcpUpdate,
  closeCaseUpdate,
} from '@careloop/contracts';
import { DAY_MS } from '@careloop/domain';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness, expectRefused } from '../support/case-workflow-harness';
import { maybeRecordHistory } from '../support/replay-histories';
import { caseInput } from '../support/case-fixtures';

const provider = { actorId: 'prov-9', providerId: 'prov-9' };

/** Provider rights (seed 000) on the case workflow: notices, who manages the case, and a stop request decided by a supervisor. */
describe('provider requests on a case (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until, intoRecoverySupport } = caseWorkflowHarness(() => env, 'provider');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('tells the PCP of the consented plan and of symptom increases; a rejected stop request keeps the case open, an approved one closes it (provider_request)', async () => {
    await run(async ({ start, stores }) => {
      const today = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      const handle = await start(caseInput(today));
      await handle.executeUpdate(changePcpUpdate, { args: [{ actorId: 'cm-1', pcpId: 'prov-9' }] });
      await intoRecoverySupport(handle, today);
      await handle.executeUpdate(progressEventUpdate, { args: [{ actorId: 'cm-1', kind: 'symptom_increase', detail: 'more breathless' }] });
      await until(handle, (v) => v.outboxBacklog === 0);
      const toProvider = stores.delivered.filter((n) => n.audience === 'provider').map((n) => [n.template, n.params.providerId]);
      expect(toProvider).toEqual([
        ['pcp_care_plan_handover', undefined],
        ['care_plan_summary_available', 'prov-9'],
        ['symptom_increase', 'prov-9'],
      ]);

      const view = await handle.query(providerViewQuery);
      expect(view).toMatchObject({ careManagerId: null, pointOfContact: 'care-team:CCM', pcpId: 'prov-9', activePlanVersion: 1, providerRequests: [] });
      expect(JSON.stringify(view)).not.toContain('M-TEST-1');

      const change = await handle.executeUpdate(careManagerChangeRequestUpdate, { args: [{ ...provider, reason: 'language' }] });
      expect(change.requestId).toBe('pr-1');
      const stop = await handle.executeUpdate(stopParticipationRequestUpdate, { args: [{ ...provider, reason: 'own coordinator' }] });
      expect(stop.requestId).toBe('pr-2');
      await expectRefused(handle.executeUpdate(stopParticipationRequestUpdate, { args: [{ ...provider, reason: 'again' }] }), /already has request pr-2 pending/);
      const pending = await until(handle, (v) => v.outboxBacklog === 0);
      const task = pending.openTasks.find((t) => t.kind === 'stop_participation_review')!;
      expect(Date.parse(task.dueAt) - Date.parse(task.openedAt)).toBe(5 * DAY_MS);
      expect(stores.delivered.filter((n) => n.audience === 'supervisor').map((n) => n.template)).toEqual(['care_manager_change_requested', 'stop_participation_review_due']);
      // Due in 5 days, before the member discussion (30 days) and the reviews: it is what supervisors see as due next.
      const attrs = (await handle.describe()).typedSearchAttributes;
      expect(attrs.get(SA_NEXT_DUE_KIND)).toBe('stop_participation_review');
      expect(attrs.get(SA_NEXT_DUE_AT)?.toISOString()).toBe(task.dueAt);

      const sup = { actorId: 'sup-1' };
      // A direct close cannot claim provider_request: the validator refuses it and names the flow (the API refuses it first, with 400).
      await expectRefused(
        handle.executeUpdate(closeCaseUpdate, { args: [{ ...sup, reason: 'provider_request', detail: 'provider asked by phone' }] }),
        /only through an approved stop-participation request/,
      );
      expect((await handle.query(providerViewQuery)).phase).toBe('recovery_support');
      await expectRefused(handle.executeUpdate(decideStopParticipationUpdate, { args: [{ ...sup, requestId: 'pr-1', decision: 'approve', reason: 'x' }] }), /no stop-participation request pr-1/);
      await handle.executeUpdate(decideStopParticipationUpdate, { args: [{ ...sup, requestId: 'pr-2', decision: 'reject', reason: 'member wishes to stay' }] });
      const open = await until(handle, (v) => v.outboxBacklog === 0);
      expect(open.phase).toBe('recovery_support');
      expect(open.openTasks.some((t) => t.kind === 'stop_participation_review')).toBe(false);
      await expectRefused(handle.executeUpdate(decideStopParticipationUpdate, { args: [{ ...sup, requestId: 'pr-2', decision: 'approve', reason: 'changed mind' }] }), /already rejected/);

      const again = await handle.executeUpdate(stopParticipationRequestUpdate, { args: [{ ...provider, reason: 'member moved to our coordinator' }] });
      await handle.executeUpdate(decideStopParticipationUpdate, { args: [{ ...sup, requestId: again.requestId, decision: 'approve', reason: 'agreed with member' }] });
      expect(await handle.result()).toEqual({ phase: 'closed', closureReason: 'provider_request' });
      expect(stores.delivered.filter((n) => n.template === 'stop_participation_decided').map((n) => n.params.decision)).toEqual(['rejected', 'approved']);
      expect(stores.events.filter((e) => e.data.kind === 'provider_request_decided').map((e) => e.actorId)).toEqual(['sup-1', 'sup-1']);
      await maybeRecordHistory('provider-stop-participation', handle);
    });
  });
});

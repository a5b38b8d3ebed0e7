import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  caseDetailQuery,
  closeCaseUpdate,
  contactPreferenceSignal,
  proposePlanUpdate,
  recordAttemptUpdate,
  recordConsentUpdate,
  submitAssessmentUpdate,
  submitScreeningUpdate,
  type CaseWorkflowInput,
} from '@careloop/contracts';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { caseWorkflowHarness, isoDateDaysBefore } from '../support/case-workflow-harness';
import { maybeRecordHistory } from '../support/replay-histories';
import { assessmentAnswers, carePlan, caseInput, screeningAnswers } from '../support/case-fixtures';

/**
 * Outreach follows the member's preferred method (patch
 * `outreach-preferred-contact-method`): the case input's `contact`, then
 * contactPreferenceChanged signals; a wrong number on the preferred channel
 * falls back to the policy's channels (default phone, phone, letter).
 * Cases started before the patch replay on the policy's channels: every
 * history saved before it (e.g. screening-unable-to-reach) is replayed by test/replay.
 */
describe('outreach on the member’s preferred method (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, until, skip } = caseWorkflowHarness(() => env, 'preferred-contact');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  const withContact = (input: CaseWorkflowInput, method: 'sms' | 'phone' | 'email', points: string[]): CaseWorkflowInput => ({ ...input, contact: { method, points } });

  it('tries sms first, falls back to the policy after a wrong number, records contact points and the consenting representative', async () => {
    await run(async ({ start, stores }) => {
      const now = await env.currentTimeMs();
      const today = new Date(now).toISOString().slice(0, 10);
      const handle = await start(withContact(caseInput(isoDateDaysBefore(now, 0)), 'sms', ['phone:mobile', 'sms:mobile', 'representative:rep_guardian1']));
      expect((await until(handle, (v) => v.attempts.length === 1)).attempts[0]!.channel).toBe('sms');
      await handle.executeUpdate(recordAttemptUpdate, { args: [{ attemptNumber: 1, outcome: 'wrong_number', contactPoint: 'sms:mobile', actorId: 'cm-1' }] });

      await skip(handle, '7 days');
      const second = await until(handle, (v) => v.attempts.length === 2);
      expect(second.attempts.map((a) => [a.channel, a.contactPoint])).toEqual([
        ['sms', 'sms:mobile'],
        ['phone', null],
      ]);
      await handle.executeUpdate(recordAttemptUpdate, { args: [{ attemptNumber: 2, outcome: 'reached', contactPoint: 'representative:rep_guardian1', actorId: 'cm-1' }] });

      await until(handle, (v) => v.outboxBacklog === 0);
      const recorded = stores.events.flatMap((e) => (e.data.kind === 'attempt_recorded' ? [e] : []));
      expect(recorded.map((e) => [e.data, e.summary])).toEqual([
        [expect.objectContaining({ number: 1, outcome: 'wrong_number', contactPoint: 'sms:mobile' }), 'outreach attempt 1: wrong_number via sms:mobile'],
        [expect.objectContaining({ number: 2, outcome: 'reached', contactPoint: 'representative:rep_guardian1' }), 'outreach attempt 2: reached via representative:rep_guardian1'],
      ]);

      // A guardian consents: the workflow records who (registry id and relationship) on the consent event.
      await handle.executeUpdate(submitScreeningUpdate, { args: [{ answers: screeningAnswers, actorId: 'cm-1' }] });
      const low = assessmentAnswers('low');
      await handle.executeUpdate(submitAssessmentUpdate, { args: [{ answers: { ...low, caregiver: { ...low.caregiver, legalGuardian: true } }, actorId: 'cm-1' }] });
      await handle.executeUpdate(proposePlanUpdate, { args: [{ plan: carePlan(today), actorId: 'cm-1' }] });
      const consent = { consentGiven: true, consentedBy: 'representative', representativeId: 'rep_guardian1', memberInvolved: true, familyOrGuardianInvolved: true } as const;
      const consented = await handle.executeUpdate(recordConsentUpdate, {
        args: [{ planVersion: 1, consent, representative: { id: 'rep_guardian1', relationship: 'guardian' }, actorId: 'cm-1' }],
      });
      expect(consented.phase).toBe('recovery_support');
      await until(handle, (v) => v.outboxBacklog === 0);
      const consentEvent = stores.events.find((e) => e.data.kind === 'plan_consented')!;
      expect(consentEvent.data).toEqual({ kind: 'plan_consented', version: 1, consent, representative: { id: 'rep_guardian1', relationship: 'guardian' } });
      expect(consentEvent.summary).toBe('care plan version 1 active (consent by representative)');

      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'goals_met', actorId: 'cm-1' }] });
      await handle.result();
      await maybeRecordHistory('outreach-preferred-sms-wrong-number', handle);
    });
  });

  it('follows a preference changed mid-outreach on the next attempt, and ignores a method outreach cannot use', async () => {
    await run(async ({ start, stores }) => {
      const now = await env.currentTimeMs();
      const handle = await start(withContact(caseInput(isoDateDaysBefore(now, 0)), 'email', ['email', 'phone:home']));
      // Outreach never emails: the policy's first channel.
      expect((await until(handle, (v) => v.attempts.length === 1)).attempts[0]!.channel).toBe('phone');

      await handle.signal(contactPreferenceSignal, { method: 'sms', points: ['phone:mobile', 'sms:mobile'] });
      await handle.executeUpdate(recordAttemptUpdate, { args: [{ attemptNumber: 1, outcome: 'no_answer', contactPoint: 'phone:home', actorId: 'cm-1' }] });
      await skip(handle, '7 days');
      const view = await until(handle, (v) => v.attempts.length === 2);
      // The open attempt kept its channel; the next one follows the new preference.
      expect(view.attempts.map((a) => a.channel)).toEqual(['phone', 'sms']);
      expect(stores.events.filter((e) => e.data.kind === 'contact_preference_changed').map((e) => [e.data, e.summary])).toEqual([
        [{ kind: 'contact_preference_changed', method: 'sms', points: ['phone:mobile', 'sms:mobile'] }, 'contact preference changed (sms)'],
      ]);
      // A repeat of the same preference changes nothing.
      await handle.signal(contactPreferenceSignal, { method: 'sms', points: ['phone:mobile', 'sms:mobile'] });
      await until(handle, (v) => v.outboxBacklog === 0);
      expect((await handle.query(caseDetailQuery)).recentTimeline.filter((t) => t.kind === 'contact_preference_changed')).toHaveLength(1);

      await handle.executeUpdate(closeCaseUpdate, { args: [{ reason: 'transferred', actorId: 'sup-1' }] });
      await handle.result();
      await maybeRecordHistory('outreach-preference-changed', handle);
    });
  });
});

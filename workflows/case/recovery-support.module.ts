import { addMs, MEMBER_DISCUSSION_MOVES } from '@careloop/domain';
import {
  memberDiscussionUpdate,
  progressEventUpdate,
  providerReportUpdate,
  recordContactUpdate,
  recordInterventionUpdate,
  type CaseActionResult,
  type MemberDiscussionInput,
  type ProgressEventInput,
  type ProviderReportInput,
  type RecordContactInput,
  type RecordInterventionInput,
} from '@careloop/contracts';
import { CaseRuleViolation } from '../shared/case-rule-violation';
import { nowIso } from '../shared/workflow-time';
import type { CaseKernel } from './kernel/case.kernel';
import type { CaseActionRegistrar } from './kernel/case-actions';
import type { LifecycleClock } from './kernel/lifecycle-clock';
import { sendCommitteeUpdate } from './committee.module';
import { remindDueReviews, reviewReminderAt } from './periodic-reviews.module';
import { escalateSupplementalInfo, requestSupplementalInfo, supplementalEscalationAt } from './supplemental-info.module';

/**
 * Recovery support, the nine steps of seed 003 (moves: RECOVERY_STEP_MOVES):
 * the member's discussion of the plan, regular contacts on the risk tier's
 * cadence, interventions, provider reports, monitoring; supplemental
 * information, periodic reviews and the committee have modules of their own.
 */
export function registerRecoverySupport(k: CaseKernel, on: CaseActionRegistrar): void {
  on(memberDiscussionUpdate, (i, now) => memberDiscussion(k, i, now), () => checkMemberDiscussion(k));
  on(recordContactUpdate, (i, now) => recordContact(k, i, now), () => checkRecordContact(k));
  on(recordInterventionUpdate, (i, now) => recordIntervention(k, i, now), () => checkRecoveryAction(k));
  on(providerReportUpdate, (i, now) => providerReport(k, i, now), () => checkRecoveryAction(k));
  on(progressEventUpdate, (i, now) => progressEvent(k, i, now), () => checkRecoveryAction(k));
}

/**
 * One pass of recovery support: the care team's actions arrive as updates;
 * on its own the workflow keeps the committee informed at least every policy
 * interval, escalates unanswered supplemental-information requests and
 * reminds the care team of due reviews, paused or not.
 */
export async function recoverySupportPhase(k: CaseKernel, clock: LifecycleClock): Promise<void> {
  const wakeAt = nextScheduledAt(k);
  const changed = await clock.waitFor(() => k.phase !== 'recovery_support' || nextScheduledAt(k) !== wakeAt, wakeAt);
  if (!changed && clock.mayAct) {
    runScheduled(k, nowIso());
  }
}

/** The earliest time the workflow must act on its own: committee update, supplemental-info escalation, review reminder. */
export function nextScheduledAt(k: CaseKernel): string {
  // Since the task-clocks patch the review reminders are clocks C10/C11 (task-clocks.module), not this loop's.
  const reviewAt = k.behaviour.taskClocks ? null : reviewReminderAt(k);
  const times = [k.rec.committeeDueAt!, supplementalEscalationAt(k), reviewAt].filter((t): t is string => t !== null);
  return times.reduce((min, t) => (t < min ? t : min));
}

/** Does whatever has come due by `now` (called when the `nextScheduledAt` timer fires). */
export function runScheduled(k: CaseKernel, now: string): void {
  const escalationAt = supplementalEscalationAt(k);
  if (escalationAt !== null && now >= escalationAt) {
    escalateSupplementalInfo(k, now);
  }
  if (!k.behaviour.taskClocks) {
    remindDueReviews(k, now);
  }
  if (now >= k.rec.committeeDueAt!) {
    sendCommitteeUpdate(k, now, 'scheduled');
  }
}

export function checkMemberDiscussion(k: CaseKernel): void {
  k.requireOpen();
  k.requirePhase('recovery_support', 'record the member discussion');
  if (!k.task('member-discussion')) {
    throw new CaseRuleViolation('there is no plan awaiting discussion with the member; revise the plan first');
  }
}

/** Step 2: agreement moves on to regular support; concerns send the plan back for re-evaluation (step 1). */
export function memberDiscussion(k: CaseKernel, input: MemberDiscussionInput, now: string): CaseActionResult {
  checkMemberDiscussion(k);
  k.progress(now);
  const seq = k.emit(now, input.actorId, `member discussion: ${input.outcome}`, {
    kind: 'member_discussed',
    outcome: input.outcome,
    summary: input.summary ?? null,
  });
  k.closeTask('member-discussion', 'done', now);
  k.enterStep(MEMBER_DISCUSSION_MOVES[input.outcome], now, input.actorId);
  if (input.outcome === 'agrees') {
    if (!k.taskOfKind('contact')) {
      scheduleContact(k, now);
    }
  } else {
    k.openTask('care-plan', 'care_plan', addMs(now, k.policy.carePlanDueMs), now);
  }
  return k.result(seq);
}

export function checkRecordContact(k: CaseKernel): void {
  k.requireOpen();
  k.requirePhase('recovery_support', 'record a regular contact');
  if (!k.taskOfKind('contact')) {
    throw new CaseRuleViolation('no regular contact is scheduled yet; the member must first agree to the plan');
  }
}

/** Step 3: a contact on the tier's cadence (seed 001: daily to bimonthly); the next one is scheduled from it. */
export function recordContact(k: CaseKernel, input: RecordContactInput, now: string): CaseActionResult {
  checkRecordContact(k);
  const task = k.taskOfKind('contact')!;
  const r = k.rec;
  const number = r.contactsMade + 1;
  r.contactsMade = number;
  k.progress(now);
  if (input.outcome === 'completed') {
    r.lastContactAt = now;
    r.sinceCommittee.contacts++;
  } else {
    r.sinceCommittee.missed++;
  }
  const seq = k.emit(now, input.actorId, `contact ${number}: ${input.outcome} (${input.channel})`, {
    kind: 'contact_recorded',
    number,
    channel: input.channel,
    outcome: input.outcome,
    summary: input.summary ?? null,
  });
  k.closeTask(task.key, 'done', now);
  k.enterStep('contact_recorded', now, input.actorId);
  scheduleContact(k, now);
  return k.result(seq);
}

/** The next regular contact, one cadence of the risk tier after the last completed one. */
function scheduleContact(k: CaseKernel, now: string): void {
  const cadence = k.policy.contactCadenceMs[k.rec.riskTier ?? 'low'];
  k.openTask(`contact-${k.rec.contactsMade + 1}`, 'contact', addMs(k.rec.lastContactAt ?? now, cadence), now);
}

export function checkRecoveryAction(k: CaseKernel): void {
  k.requireOpen();
  k.requirePhase('recovery_support', 'record this');
}

/** Step 4. */
export function recordIntervention(k: CaseKernel, input: RecordInterventionInput, now: string): CaseActionResult {
  checkRecoveryAction(k);
  k.progress(now);
  const seq = k.emit(now, input.actorId, `intervention: ${input.kind}`, {
    kind: 'intervention_recorded',
    interventionKind: input.kind,
    description: input.description,
  });
  k.enterStep('intervention_recorded', now, input.actorId);
  return k.result(seq);
}

/** Step 5: forwarded to the treating physician; new information in the file also goes to the committee (step 9). */
export function providerReport(k: CaseKernel, input: ProviderReportInput, now: string): CaseActionResult {
  checkRecoveryAction(k);
  k.progress(now);
  const seq = k.emit(now, input.actorId, `provider report from ${input.providerId}`, {
    kind: 'provider_report_received',
    providerId: input.providerId,
    summary: input.summary,
    discussedWithMember: input.discussedWithMember,
  });
  k.enterStep('provider_report', now, input.actorId);
  k.notify(now, { key: k.episodeKey('report', seq), audience: 'provider', template: 'provider_report_forwarded', params: { reportSeq: seq } });
  sendCommitteeUpdate(k, now, 'new_information');
  return k.result(seq);
}

/** Step 6 (and 8 when progress is behind the expected course). */
export function progressEvent(k: CaseKernel, input: ProgressEventInput, now: string): CaseActionResult {
  checkRecoveryAction(k);
  k.progress(now);
  const seq = k.emit(now, input.actorId, `monitoring: ${input.kind}`, { kind: 'progress_recorded', progressKind: input.kind, detail: input.detail });
  k.enterStep('progress_recorded', now, input.actorId);
  if (input.kind === 'symptom_increase' || input.kind === 'adherence_variation') {
    // Seed 000: providers have the right to be notified of both.
    if (input.kind === 'symptom_increase') {
      k.rec.sinceCommittee.symptomIncreases++;
    } else {
      k.rec.sinceCommittee.adherenceVariations++;
    }
    k.notify(now, {
      key: k.episodeKey(input.kind, seq),
      audience: 'provider',
      template: input.kind,
      // Which provider: the member's PCP (recorded since the provider-notices patch).
      params: k.behaviour.providerNotices ? { eventSeq: seq, providerId: k.rec.pcpId } : { eventSeq: seq },
    });
  }
  if (input.kind === 'behind_expected_course' && k.rec.supplementalInfo === null) {
    requestSupplementalInfo(k, now, input.actorId);
  }
  return k.result(seq);
}

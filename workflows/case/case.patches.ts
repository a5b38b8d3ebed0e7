import { patched } from '@temporalio/workflow';
import type { CaseStartReason, CaseWorkflowInput } from '@careloop/contracts';

/**
 * Every behaviour added to the case workflow after cases were already
 * running, by its `patched()` marker id. A history recorded before a patch
 * has no marker and replays the old behaviour. Never rename or reuse an id;
 * a patch is removed only once no open case (and no saved history) predates it.
 */
export const CASE_PATCH_IDS = {
  periodicReviews: 'periodic-reviews',
  providerNotices: 'provider-plan-notices',
  startReason: 'case-start-reason',
  pauseSuspendsClocks: 'pause-suspends-care-team-clocks',
  updateAnswersCarried: 'update-answers-carried-across-continue-as-new',
  memberDiscussionStep: 'member-discussion-step',
  syncOnChange: 'search-attributes-on-every-change',
  outboxHandOver: 'outbox-hand-over-before-continue-as-new',
  preferredContactMethod: 'outreach-preferred-contact-method',
  taskClocks: 'task-clocks-remind-miss-escalate',
  clockTimersKept: 'task-clocks-timers-kept',
} as const;

/** What a run of the case workflow does, decided once at its start. */
export interface CaseBehaviour {
  /** Recovery support keeps one open plan review and one reassessment on the policy cadence. */
  readonly periodicReviews: boolean;
  /** Providers get plan-summary notices, and symptom/adherence notices name the provider. */
  readonly providerNotices: boolean;
  /** A pause suspends the care team's clocks (TASK_CLOCKS_ON_PAUSE) and resume re-arms them with their remaining time. */
  readonly pauseSuspendsClocks: boolean;
  /** Accepted updates' answers are kept by update id and carried across continue-as-new, so a repeat in a later run is answered, not applied. */
  readonly updateAnswersCarried: boolean;
  /** Step 2 is a state: a plan awaiting the member's discussion puts the case in `member_discussion`. */
  readonly memberDiscussionStep: boolean;
  /** Outreach attempts use the member's preferred method (case input `contact`, contactPreferenceChanged), falling back to the policy's channels. */
  readonly preferredContactMethod: boolean;
  /** Every due time is a clock (CASE_CLOCKS): a reminder ahead of it, and at it the work not done is missed and escalated. */
  readonly taskClocks: boolean;
  /**
   * The clocks' loop never cancels a timer (a wake no longer needed fires and finds nothing due). A
   * cancel of a timer that fired while the task was with the worker fails that workflow task; the
   * time-skipping test server never recovers from it (temporalio/sdk-java#3088), and a phase's timer
   * and a clock's timer share due times (an attempt's window ends when its clock is missed).
   */
  readonly clockTimersKept: boolean;
}

export const CURRENT_BEHAVIOUR: CaseBehaviour = {
  periodicReviews: true,
  providerNotices: true,
  pauseSuspendsClocks: true,
  updateAnswersCarried: true,
  memberDiscussionStep: true,
  preferredContactMethod: true,
  taskClocks: true,
  clockTimersKept: true,
};

/**
 * Reads the patches a run decides at its start. Order matters for replay:
 * these calls are made in the order they were added, the start reason only
 * for cases started for a non-default reason (so every older history replays
 * untouched).
 */
export function readCaseBehaviour(input: CaseWorkflowInput): { behaviour: CaseBehaviour; startReason: CaseStartReason | undefined } {
  const periodicReviews = patched(CASE_PATCH_IDS.periodicReviews);
  const providerNotices = patched(CASE_PATCH_IDS.providerNotices);
  const startReason =
    !input.carried && input.startReason && input.startReason !== 'enrollment' && patched(CASE_PATCH_IDS.startReason) ? input.startReason : undefined;
  const pauseSuspendsClocks = patched(CASE_PATCH_IDS.pauseSuspendsClocks);
  const updateAnswersCarried = patched(CASE_PATCH_IDS.updateAnswersCarried);
  const memberDiscussionStep = patched(CASE_PATCH_IDS.memberDiscussionStep);
  const preferredContactMethod = patched(CASE_PATCH_IDS.preferredContactMethod);
  const taskClocks = patched(CASE_PATCH_IDS.taskClocks);
  const clockTimersKept = taskClocks && patched(CASE_PATCH_IDS.clockTimersKept);
  return {
    behaviour: { periodicReviews, providerNotices, pauseSuspendsClocks, updateAnswersCarried, memberDiscussionStep, preferredContactMethod, taskClocks, clockTimersKept },
    startReason,
  };
}

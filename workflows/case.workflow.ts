import { condition, continueAsNew, patched, workflowInfo, allHandlersFinished } from '@temporalio/workflow';
import type { CasePhase } from '@careloop/domain';
import type { CaseWorkflowInput, CaseWorkflowResult } from '@careloop/contracts';
import { CaseState, type CaseBehaviour } from './case.state';
import { registerCaseHandlers } from './case.handlers';
import { CaseOutbox } from './case-outbox';
import { assignment } from './case-activities';
import { CaseSearchAttributes } from './case-search-attributes';
import { workflowNow } from './workflow-time';

const DEFAULT_HISTORY_EVENT_LIMIT = 1_500;
const PERIODIC_REVIEWS_PATCH = 'periodic-reviews';
const OUTBOX_HAND_OVER_PATCH = 'outbox-hand-over-before-continue-as-new';
const SYNC_ON_CHANGE_PATCH = 'search-attributes-on-every-change';
const PROVIDER_NOTICES_PATCH = 'provider-plan-notices';
const START_REASON_PATCH = 'case-start-reason';
const PAUSE_SUSPENDS_CLOCKS_PATCH = 'pause-suspends-care-team-clocks';
const UPDATE_ANSWERS_CARRIED_PATCH = 'update-answers-carried-across-continue-as-new';

/**
 * One care case of one member in one program, from enrollment to closure.
 * Each pass of the loop performs the next step of the current phase and
 * waits for whatever moves it on (a care-team action, a due time, closure).
 * Long cases continue as new with their state, so every run's history stays
 * short.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseWorkflowResult> {
  const { workflowId, runId } = workflowInfo();
  // Histories recorded before periodic reviews existed replay without them (no marker in their history).
  const periodicReviews = patched(PERIODIC_REVIEWS_PATCH);
  // Histories recorded before providers got plan-summary notices (and the provider id on symptom notices) replay without them.
  const providerNotices = patched(PROVIDER_NOTICES_PATCH);
  // Only cases started for a non-default reason consult the patch, so every older history replays untouched.
  const startReason = !input.carried && input.startReason && input.startReason !== 'enrollment' && patched(START_REASON_PATCH) ? input.startReason : undefined;
  // Histories recorded before a pause suspended the care team's clocks replay with those clocks running;
  // those recorded before update answers were kept replay applying every update they received.
  const behaviour: CaseBehaviour = {
    pauseSuspendsClocks: patched(PAUSE_SUSPENDS_CLOCKS_PATCH),
    updateAnswersCarried: patched(UPDATE_ANSWERS_CARRIED_PATCH),
  };
  const state = input.carried
    ? CaseState.resume(input, input.carried, periodicReviews, providerNotices, behaviour)
    : CaseState.open(workflowId, input, runId, nowIso(), periodicReviews, providerNotices, startReason, behaviour);
  state.ensurePeriodicReviews(nowIso());
  registerCaseHandlers(state);
  const outbox = new CaseOutbox(state);
  const attributes = new CaseSearchAttributes(input.programCode);
  if (patched(SYNC_ON_CHANGE_PATCH)) {
    // Visibility follows every accepted action at once, not only the lifecycle loop's next pass.
    attributes.follow(state);
  }
  const historyLimit = input.historyEventLimit ?? DEFAULT_HISTORY_EVENT_LIMIT;
  const continueAsNewDue = () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyLimit;

  while (!state.isClosed && !continueAsNewDue()) {
    attributes.sync(state);
    if (state.assignmentDue) {
      state.applyAssignment(await assignment.assignCareManager(state.assignmentRequest(nowIso())), nowIso());
      continue;
    }
    await PHASE_STEPS[state.phase](state, continueAsNewDue);
  }
  attributes.sync(state);

  if (state.isClosed) {
    // A closed case takes no more actions, so the outbox empties for good.
    await outbox.drain();
    return state.workflowResult();
  }
  // Not drained: under a steady stream of actions the outbox might never be empty. Its pending events
  // travel in the snapshot; the pump only finishes the activity it has in flight (a batch it stops in
  // the middle of is repeated by the next run and skipped by the (case, episode, seq) key), so no run
  // closes with an activity outstanding. Reassignment awaits an activity, so let handlers finish too.
  // Patched: a run that already closed with an activity in flight replays as it ran.
  if (patched(OUTBOX_HAND_OVER_PATCH)) {
    await outbox.handOver();
  }
  await condition(allHandlersFinished);
  return continueAsNew<typeof caseWorkflow>({ ...input, carried: state.snapshot() });
}

type PhaseStep = (state: CaseState, interrupt: () => boolean) => Promise<unknown>;

/** What each phase does next. `enrolled` and `closed` never run: a case opens into screening and the loop ends at closure. */
const PHASE_STEPS: Record<CasePhase, PhaseStep> = {
  enrolled: async () => {
    throw new Error('a case never waits in enrolled');
  },
  screening: screeningStep,
  assessment: (s, interrupt) => waitFor(s, interrupt, () => s.phase !== 'assessment'),
  care_planning: (s, interrupt) => waitFor(s, interrupt, () => s.phase !== 'care_planning'),
  recovery_support: recoverySupportStep,
  closed: async () => undefined,
};

/**
 * Screening with outreach retries (seed 002 §5.1.1): start an attempt,
 * wait for the care team's outcome within the attempt's window, space the
 * next attempt, until reached, declined, attempts used or the deadline
 * (from the enrollment date) passed.
 */
async function screeningStep(s: CaseState, interrupt: () => boolean): Promise<void> {
  if (s.isParked || s.screeningReached) {
    await waitFor(s, interrupt, () => s.phase !== 'screening');
    return;
  }
  const open = s.openAttempt;
  if (open) {
    const recorded = await waitFor(s, interrupt, () => open.outcome !== null, open.dueAt);
    if (!recorded && open.outcome === null && !s.isClosed && !interrupt()) {
      s.timeOutAttempt(open.number, nowIso());
    }
    return;
  }
  const now = nowIso();
  if (s.outreachExhausted(now)) {
    s.unableToReach(now);
    return;
  }
  if (s.isPaused) {
    // No new outreach while paused; the regulatory deadline keeps running.
    await waitFor(s, interrupt, () => !s.isPaused, s.screeningDueAt);
    return;
  }
  const startAt = s.nextAttemptAt() < s.screeningDueAt ? s.nextAttemptAt() : s.screeningDueAt;
  if (now < startAt) {
    await waitFor(s, interrupt, () => s.isPaused, startAt);
    return;
  }
  s.startAttempt(now);
}

/**
 * Recovery support (seed 003): contacts, discussions, reviews and plan
 * revisions arrive as care-team actions; on its own the workflow keeps the
 * committee informed at least every policy interval (four weeks by default),
 * escalates unanswered supplemental-information requests and reminds the
 * care team of due reviews, paused or not.
 */
async function recoverySupportStep(s: CaseState, interrupt: () => boolean): Promise<void> {
  const wakeAt = s.nextScheduledAt;
  const changed = await waitFor(s, interrupt, () => s.phase !== 'recovery_support' || s.nextScheduledAt !== wakeAt, wakeAt);
  if (!changed && !s.isClosed && !interrupt()) {
    s.runScheduled(nowIso());
  }
}

/**
 * Waits until `done()`, closure, a continue-as-new point, or `until` (ISO).
 * Returns whether it ended by a condition rather than by the time limit.
 */
async function waitFor(s: CaseState, interrupt: () => boolean, done: () => boolean, until?: string): Promise<boolean> {
  const wake = () => done() || s.isClosed || interrupt();
  if (until === undefined) {
    await condition(wake);
    return true;
  }
  const ms = s.msUntil(until, nowIso());
  return ms > 0 ? condition(wake, ms) : wake();
}

function nowIso(): string {
  return workflowNow().toISOString();
}

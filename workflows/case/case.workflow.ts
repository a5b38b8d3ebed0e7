import { allHandlersFinished, condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import type { CasePhase } from '@careloop/domain';
import type { CaseWorkflowInput, CaseWorkflowResult } from '@careloop/contracts';
import { CaseOutbox } from './case-outbox';
import { nowIso } from '../shared/workflow-time';
import { CASE_PATCH_IDS, readCaseBehaviour } from './case.patches';
import { CaseKernel } from './kernel/case.kernel';
import { LifecycleClock, type PhaseRun } from './kernel/lifecycle-clock';
import { registerCaseHandlers } from './case.handlers';
import { CaseSearchAttributes } from './case-search-attributes';
import { screeningPhase } from './screening.module';
import { assignCareManager, assignmentDue } from './care-team.module';
import { ensurePeriodicReviews } from './periodic-reviews.module';
import { recoverySupportPhase } from './recovery-support.module';
import { runTaskClocks } from './task-clocks.module';

const DEFAULT_HISTORY_EVENT_LIMIT = 1_500;

/**
 * One care case of one member in one program, from enrollment to closure
 * (seed 003, DESIGN §3): screening with outreach retries, the assessment,
 * the care plan and the member's consent, recovery support's nine steps with
 * periodic reviews and the committee clock, then closure. The care team's
 * actions arrive as updates (each lifecycle module declares its own); the
 * phases below are what the workflow waits for and does on time by itself.
 * Long cases continue as new with their state, so every run's history stays short.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseWorkflowResult> {
  const { workflowId, runId } = workflowInfo();
  const { behaviour, startReason } = readCaseBehaviour(input);
  const k = input.carried ? CaseKernel.resume(input, input.carried, behaviour) : CaseKernel.open(workflowId, input, runId, nowIso(), behaviour, startReason);
  ensurePeriodicReviews(k, nowIso());
  registerCaseHandlers(k);
  const outbox = new CaseOutbox(k);
  const attributes = new CaseSearchAttributes(input.programCode);
  if (patched(CASE_PATCH_IDS.syncOnChange)) {
    // Visibility follows every accepted action at once, not only the lifecycle loop's next pass.
    attributes.follow(k);
  }
  const historyLimit = input.historyEventLimit ?? DEFAULT_HISTORY_EVENT_LIMIT;
  const clock = new LifecycleClock(k, () => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength >= historyLimit);
  const running = () => !k.isClosed && !clock.interrupted();
  // The clocks run beside the phases (every due time reminds, then misses and escalates); the loop ends with the run.
  const clocks = k.behaviour.taskClocks ? runTaskClocks(k, clock) : Promise.resolve();

  /** Runs a phase pass after pass while the case is in it; a named care manager is found first whenever one is due. */
  const phase = async (name: CasePhase, run: PhaseRun): Promise<void> => {
    while (k.phase === name && running()) {
      attributes.sync(k);
      if (assignmentDue(k)) {
        await assignCareManager(k);
        continue;
      }
      await run(k, clock);
    }
  };

  while (running()) {
    await phase('screening', screeningPhase);
    // Assessment and care planning are the care team's work (updates); their due dates are tasks.
    await phase('assessment', awaitCareTeam('assessment'));
    await phase('care_planning', awaitCareTeam('care_planning'));
    await phase('recovery_support', recoverySupportPhase);
  }
  await clocks;
  attributes.sync(k);

  if (k.isClosed) {
    // A closed case takes no more actions, so the outbox empties for good.
    await outbox.drain();
    return k.workflowResult();
  }
  // Not drained: under a steady stream of actions the outbox might never be empty. Its pending events
  // travel in the snapshot; the pump only finishes the activity it has in flight (a batch it stops in
  // the middle of is repeated by the next run and skipped by the (case, episode, seq) key), so no run
  // closes with an activity outstanding. Reassignment awaits an activity, so let handlers finish too.
  // Patched: a run that already closed with an activity in flight replays as it ran.
  if (patched(CASE_PATCH_IDS.outboxHandOver)) {
    await outbox.handOver();
  }
  await condition(allHandlersFinished);
  return continueAsNew<typeof caseWorkflow>({ ...input, carried: k.snapshot() });
}

/** A phase the care team moves on by its actions: wait until the case has left it. */
function awaitCareTeam(name: CasePhase): PhaseRun {
  return (k, clock) => clock.waitFor(() => k.phase !== name);
}

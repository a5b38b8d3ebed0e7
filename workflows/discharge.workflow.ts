import { allHandlersFinished, condition, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  cancelDischargeUpdate,
  completeTransitionTaskUpdate,
  dischargeStatusQuery,
  SYSTEM_ACTOR,
  updateDischargeDetailsUpdate,
  type DischargeWorkflowInput,
  type DischargeWorkflowResult,
  type NotificationRequest,
} from '@careloop/contracts';
import { DischargeState } from './discharge.state';
import { DISCHARGE_PATCH_IDS } from './discharge.patches';
import { caseLink, transitionNotifications } from './discharge-activities';
import { dischargeEffects } from './discharge-effects';
import { deliveryGivenUp } from './shared/effect-pump';
import { msUntil, nowIso } from './shared/workflow-time';

/**
 * Discharge planning: one workflow per discharge event (its id is a keyed
 * hash of the sender and the event id, so a repeated event finds this run).
 * 1. Ensures the member has an open case and that the discharge is on its
 *    timeline (one signal-with-start, from an activity).
 * 2. Informs the PCP itself when the sender named one.
 * 3. Drives the transition-of-care tasks to their deadlines: a reminder before,
 *    `missed` at the deadline, escalation to the supervisor after; each outcome
 *    goes to the case timeline with a stable key.
 * It ends when every task is done or escalated, or when the sender cancels
 * the discharge (ADT^A13: open tasks cancelled). A sender's correction
 * (ADT^A08) re-plans open deadlines and informs a newly named PCP. History
 * stays small (four tasks, a handful of timers), so it never continues as new.
 *
 * Replay: the cancel and update handlers only add commands when one of them
 * is called (a new message in history); runs without them issue exactly the
 * commands they did before. Behaviour changes are gated in discharge.patches.ts.
 */
export async function dischargePlanningWorkflow(input: DischargeWorkflowInput): Promise<DischargeWorkflowResult> {
  const state = new DischargeState(workflowInfo().workflowId, input, nowIso());
  state.reportsCompletionTime = patched(DISCHARGE_PATCH_IDS.doneAtCompletionTime);
  const effects = dischargeEffects(state);
  setHandler(dischargeStatusQuery, () => state.view());
  setHandler(completeTransitionTaskUpdate, (i) => state.complete(i, nowIso()), { validator: (i) => state.checkComplete(i, nowIso()) });
  setHandler(cancelDischargeUpdate, (i) => state.cancel(i, nowIso()), { validator: (i) => state.checkCancel(i) });
  setHandler(updateDischargeDetailsUpdate, (i) => state.updateDetails(i, nowIso()), { validator: (i) => state.checkUpdate(i) });

  const { started } = await caseLink.ensureCaseWithDischarge({ caseId: input.caseId, caseStart: input.caseStart, report: state.takeDischargeReport() });
  state.caseEnsured(started);
  await informPcp(state, state.pcpNotice());

  for (;;) {
    await effects.flush();
    const pcpNotice = state.takePendingPcpNotice();
    if (pcpNotice) {
      await informPcp(state, pcpNotice);
      continue;
    }
    if (state.finished) {
      break;
    }
    const seen = state.changes;
    const wakeAt = state.nextWakeAt;
    const ms = wakeAt === null ? undefined : msUntil(wakeAt);
    const wake = () => state.changes !== seen || state.outgoing.length > 0;
    const changed = ms === undefined ? (await condition(wake), true) : ms > 0 && (await condition(wake, ms));
    if (!changed) {
      state.runDue(nowIso());
    }
  }
  await condition(allHandlersFinished);
  await effects.flush();
  return state.result();
}

/** With a PCP id from the sender, the workflow informs the PCP itself; without one (or if delivery fails) the care team does. */
async function informPcp(state: DischargeState, notice: NotificationRequest | null): Promise<void> {
  if (!notice) {
    return;
  }
  try {
    await transitionNotifications.sendTransitionNotification(notice);
  } catch (err) {
    deliveryGivenUp(err, notice, 'PCP discharge notice not delivered; the task stays with the care team');
    return;
  }
  // The care team may have recorded it meanwhile, or the sender cancelled the discharge.
  if (state.pcpStillOwed) {
    state.markDone('pcp_informed', SYSTEM_ACTOR, nowIso(), nowIso());
  }
}

import { currentUpdateInfo, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  addNoteUpdate,
  caseDetailQuery,
  careManagerChangeRequestUpdate,
  decideStopParticipationUpdate,
  providerViewQuery,
  stopParticipationRequestUpdate,
  changePcpUpdate,
  closeCaseUpdate,
  externalEventSignal,
  activityRetryingSignal,
  memberDiscussionUpdate,
  pauseUpdate,
  progressEventUpdate,
  providerReportUpdate,
  proposePlanUpdate,
  recordAttemptUpdate,
  recordConsentUpdate,
  recordContactUpdate,
  recordInterventionUpdate,
  reassignUpdate,
  resumeUpdate,
  extendDueDateUpdate,
  nudgeTaskUpdate,
  redeliverUpdate,
  reviewPlanUpdate,
  submitAssessmentUpdate,
  submitScreeningUpdate,
  supplementalInfoUpdate,
} from '@careloop/contracts';
import type { CaseState } from './case.state';
import { workflowNow } from './workflow-time';
import { assignment } from './case-activities';

const now = (): string => workflowNow().toISOString();

/**
 * Wires the workflow's messages to the state class. Every update has a
 * validator, so a refused action never touches history, and is applied once
 * per update id (the API's Idempotency-Key), even across continue-as-new.
 * Handlers are synchronous (side effects go through the outbox) except reassignment,
 * which re-checks the case after its activity returns.
 */
export function registerCaseHandlers(state: CaseState): void {
  setHandler(caseDetailQuery, () => state.view());
  setHandler(externalEventSignal, (e) => state.recordExternalEvent(e, now()));
  setHandler(activityRetryingSignal, (r) => state.noteActivityRetrying(r));
  setHandler(providerViewQuery, () => state.providerView());

  /**
   * An update applied once per update id, also across continue-as-new: a
   * repeat skips the validator's checks (it was valid when first applied) and
   * gets the first answer (CaseState.answerOnce).
   */
  const action = <I, R>(update: UpdateDefinition<R, [I]>, apply: (input: I) => R | Promise<R>, check: (input: I) => void): void => {
    setHandler(update, (i) => state.answerOnce(currentUpdateInfo()?.id, () => apply(i)), {
      validator: (i) => {
        if (!state.answered(currentUpdateInfo()?.id)) {
          check(i);
        }
      },
    });
  };

  action(stopParticipationRequestUpdate, (i) => state.requestStopParticipation(i, now()), (i) => state.checkProviderRequest('stop_participation', i));
  action(careManagerChangeRequestUpdate, (i) => state.requestCareManagerChange(i, now()), (i) => state.checkProviderRequest('care_manager_change', i));
  action(decideStopParticipationUpdate, (i) => state.decideStopParticipation(i, now()), (i) => state.checkDecideStopParticipation(i));

  action(recordAttemptUpdate, (i) => state.recordAttempt(i, now()), (i) => state.checkRecordAttempt(i));
  action(submitScreeningUpdate, (i) => state.submitScreening(i, now()), (i) => state.checkSubmitScreening(i));
  action(submitAssessmentUpdate, (i) => state.submitAssessment(i, now()), (i) => state.checkSubmitAssessment(i));
  action(proposePlanUpdate, (i) => state.proposePlan(i, now()), (i) => state.checkProposePlan(i, now().slice(0, 10)));
  action(recordConsentUpdate, (i) => state.recordConsent(i, now()), (i) => state.checkRecordConsent(i));
  action(pauseUpdate, (i) => state.pause(i, now()), () => state.checkPause());
  action(resumeUpdate, (i) => state.resume(i, now()), () => state.checkResume());
  action(addNoteUpdate, (i) => state.addNote(i, now()), (i) => state.checkAddNote(i));
  action(memberDiscussionUpdate, (i) => state.memberDiscussion(i, now()), (i) => state.checkMemberDiscussion(i));
  action(recordContactUpdate, (i) => state.recordContact(i, now()), (i) => state.checkRecordContact(i));
  action(recordInterventionUpdate, (i) => state.recordIntervention(i, now()), () => state.checkRecoveryAction());
  action(providerReportUpdate, (i) => state.providerReport(i, now()), () => state.checkRecoveryAction());
  action(progressEventUpdate, (i) => state.progressEvent(i, now()), () => state.checkRecoveryAction());
  action(supplementalInfoUpdate, (i) => state.supplementalInfoReceived(i, now()), () => state.checkSupplementalInfo());
  action(reviewPlanUpdate, (i) => state.reviewPlan(i, now()), (i) => state.checkReviewPlan(i));
  action(extendDueDateUpdate, (i) => state.extendDueDate(i, now()), (i) => state.checkExtendDueDate(i));
  action(nudgeTaskUpdate, (i) => state.nudgeTask(i, now()), (i) => state.checkNudge(i));
  action(redeliverUpdate, (i) => state.redeliver(i, now()), (i) => state.checkRedeliver(i));
  action(changePcpUpdate, (i) => state.changePcp(i, now()), (i) => state.checkChangePcp(i));
  // The one asynchronous handler: the new care manager's capacity is checked (and taken) in Postgres.
  action(
    reassignUpdate,
    async (i) => state.applyReassignment(i, await assignment.reassignCareManager(state.reassignmentRequest(i, now())), now()),
    (i) => state.checkReassign(i),
  );
  action(closeCaseUpdate, (i) => state.closeByRequest(i, now()), (i) => state.checkClose(i));
}

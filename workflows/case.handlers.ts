import { setHandler } from '@temporalio/workflow';
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
 * validator, so a refused action never touches history. Handlers are
 * synchronous (side effects go through the outbox) except reassignment,
 * which re-checks the case after its activity returns.
 */
export function registerCaseHandlers(state: CaseState): void {
  setHandler(caseDetailQuery, () => state.view());
  setHandler(externalEventSignal, (e) => state.recordExternalEvent(e, now()));
  setHandler(activityRetryingSignal, (r) => state.noteActivityRetrying(r));
  setHandler(providerViewQuery, () => state.providerView());
  setHandler(stopParticipationRequestUpdate, (i) => state.requestStopParticipation(i, now()), {
    validator: (i) => state.checkProviderRequest('stop_participation', i),
  });
  setHandler(careManagerChangeRequestUpdate, (i) => state.requestCareManagerChange(i, now()), {
    validator: (i) => state.checkProviderRequest('care_manager_change', i),
  });
  setHandler(decideStopParticipationUpdate, (i) => state.decideStopParticipation(i, now()), { validator: (i) => state.checkDecideStopParticipation(i) });

  setHandler(recordAttemptUpdate, (i) => state.recordAttempt(i, now()), { validator: (i) => state.checkRecordAttempt(i) });
  setHandler(submitScreeningUpdate, (i) => state.submitScreening(i, now()), { validator: (i) => state.checkSubmitScreening(i) });
  setHandler(submitAssessmentUpdate, (i) => state.submitAssessment(i, now()), { validator: (i) => state.checkSubmitAssessment(i) });
  setHandler(proposePlanUpdate, (i) => state.proposePlan(i, now()), {
    validator: (i) => state.checkProposePlan(i, now().slice(0, 10)),
  });
  setHandler(recordConsentUpdate, (i) => state.recordConsent(i, now()), { validator: (i) => state.checkRecordConsent(i) });
  setHandler(pauseUpdate, (i) => state.pause(i, now()), { validator: (_i) => state.checkPause() });
  setHandler(resumeUpdate, (i) => state.resume(i, now()), { validator: (_i) => state.checkResume() });
  setHandler(addNoteUpdate, (i) => state.addNote(i, now()), { validator: (i) => state.checkAddNote(i) });
  setHandler(memberDiscussionUpdate, (i) => state.memberDiscussion(i, now()), { validator: (i) => state.checkMemberDiscussion(i) });
  setHandler(recordContactUpdate, (i) => state.recordContact(i, now()), { validator: (i) => state.checkRecordContact(i) });
  setHandler(recordInterventionUpdate, (i) => state.recordIntervention(i, now()), { validator: (_i) => state.checkRecoveryAction() });
  setHandler(providerReportUpdate, (i) => state.providerReport(i, now()), { validator: (_i) => state.checkRecoveryAction() });
  setHandler(progressEventUpdate, (i) => state.progressEvent(i, now()), { validator: (_i) => state.checkRecoveryAction() });
  setHandler(supplementalInfoUpdate, (i) => state.supplementalInfoReceived(i, now()), { validator: (_i) => state.checkSupplementalInfo() });
  setHandler(reviewPlanUpdate, (i) => state.reviewPlan(i, now()), { validator: (i) => state.checkReviewPlan(i) });
  setHandler(extendDueDateUpdate, (i) => state.extendDueDate(i, now()), { validator: (i) => state.checkExtendDueDate(i) });
  setHandler(nudgeTaskUpdate, (i) => state.nudgeTask(i, now()), { validator: (i) => state.checkNudge(i) });
  setHandler(redeliverUpdate, (i) => state.redeliver(i, now()), { validator: (i) => state.checkRedeliver(i) });
  setHandler(changePcpUpdate, (i) => state.changePcp(i, now()), { validator: (i) => state.checkChangePcp(i) });
  // The one asynchronous handler: the new care manager's capacity is checked (and taken) in Postgres.
  setHandler(
    reassignUpdate,
    async (i) => state.applyReassignment(i, await assignment.reassignCareManager(state.reassignmentRequest(i, now())), now()),
    { validator: (i) => state.checkReassign(i) },
  );
  setHandler(closeCaseUpdate, (i) => state.closeByRequest(i, now()), { validator: (i) => state.checkClose(i) });
}

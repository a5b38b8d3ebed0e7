import { setHandler } from '@temporalio/workflow';
import { activityRetryingSignal, caseDetailQuery, contactPreferenceSignal, externalEventSignal, providerViewQuery } from '@careloop/contracts';
import { nowIso } from '../shared/workflow-time';
import type { CaseKernel } from './kernel/case.kernel';
import { caseActions } from './kernel/case-actions';
import { changeContactPreference, registerScreening } from './screening.module';
import { registerAssessment } from './assessment.module';
import { registerCarePlan } from './care-plan.module';
import { registerRecoverySupport } from './recovery-support.module';
import { registerSupplementalInfo } from './supplemental-info.module';
import { registerPeriodicReviews } from './periodic-reviews.module';
import { registerCareTeam } from './care-team.module';
import { registerProviderRights } from './provider-rights.module';
import { registerSupervision } from './supervision.module';
import { recordExternalEvent, registerCaseStatus, registerClosure } from './case-status.module';
import { caseView, providerView } from './views.module';

/**
 * Wires the workflow's messages (defined once in libs/contracts) to the
 * lifecycle modules: each module declares its own actions. Handlers are
 * synchronous (side effects go through the outbox) except reassignment,
 * which re-checks the case after its activity returns.
 */
export function registerCaseHandlers(k: CaseKernel): void {
  setHandler(caseDetailQuery, () => caseView(k));
  setHandler(providerViewQuery, () => providerView(k));
  setHandler(externalEventSignal, (e) => recordExternalEvent(k, e, nowIso()));
  setHandler(contactPreferenceSignal, (p) => changeContactPreference(k, p, nowIso()));
  setHandler(activityRetryingSignal, (r) => {
    k.retrying = r;
  });

  // Registration order is the order in which updates buffered before the first activation of a run are
  // applied: keep the order of the updates that existed (a new update no recorded history holds may go anywhere).
  const on = caseActions(k);
  registerProviderRights(k, on);
  registerScreening(k, on);
  registerAssessment(k, on);
  registerCarePlan(k, on);
  registerCaseStatus(k, on);
  registerRecoverySupport(k, on);
  registerSupplementalInfo(k, on);
  registerPeriodicReviews(k, on);
  registerSupervision(k, on);
  registerCareTeam(k, on);
  registerClosure(k, on);
}

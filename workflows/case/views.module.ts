import { addMs } from '@careloop/domain';
import { ACTIVITY_RETRYING_FLAG, type CaseDetailView, type CaseTask, type ProviderCaseView } from '@careloop/contracts';
import type { CaseKernel } from './kernel/case.kernel';
import { pointOfContact } from './care-team.module';

/** The open task due first: what a supervisor's "overdue" view sorts on and names. A task suspended by a pause is not due. */
export function nextDueTask(k: CaseKernel): CaseTask | null {
  return k.rec.tasks.reduce<CaseTask | null>((min, t) => (t.suspendedAt !== undefined ? min : min === null || t.dueAt < min.dueAt ? t : min), null);
}

export function flags(k: CaseKernel): string[] {
  return [
    ...(k.isPaused ? ['paused'] : []),
    ...(k.rec.parked ? ['unable_to_reach'] : []),
    ...(k.rec.unassigned ? ['unassigned'] : []),
    ...(k.retrying ? [ACTIVITY_RETRYING_FLAG] : []),
  ];
}

/** What visibility shows of the case (search attributes): codes, ids and times only, never PHI. */
export function searchable(k: CaseKernel) {
  const r = k.rec;
  const next = nextDueTask(k);
  return {
    nextDueKind: next?.kind ?? null,
    // The no-progress clock is the care team's: suspended while paused (pause and resume count as progress, so it restarts in full).
    stalledAt: k.isClosed || (k.isPaused && k.behaviour.pauseSuspendsClocks) ? null : addMs(r.lastProgressAt, k.policy.noProgressAlertMs),
    phase: r.phase,
    step: r.step,
    riskTier: r.riskTier,
    careManagerId: r.careManagerId,
    nextDueAt: next?.dueAt ?? null,
    lastProgressAt: r.lastProgressAt,
    flags: flags(k),
  };
}

/** The care team's view of the live case (`caseDetailQuery`). */
export function caseView(k: CaseKernel): CaseDetailView {
  const r = k.rec;
  return {
    caseId: r.caseId,
    programCode: k.programCode,
    phase: r.phase,
    status: r.status,
    step: r.step,
    policyVersion: k.policy.version,
    screeningDueAt: k.screeningDueAt,
    nextDueAt: nextDueTask(k)?.dueAt ?? null,
    openTasks: r.tasks.map((t) => ({ key: t.key, kind: t.kind, dueAt: t.dueAt, openedAt: t.openedAt, suspendedAt: t.suspendedAt ?? null, remindedAt: t.remindedAt ?? null, missedAt: t.missedAt ?? null })),
    attempts: r.attempts.map((a) => ({
      number: a.number,
      channel: a.channel,
      startedAt: a.startedAt,
      outcome: a.outcome,
      recordedAt: a.recordedAt,
      contactPoint: a.contactPoint ?? null,
    })),
    riskTier: r.riskTier,
    riskReasons: r.risk?.reasons ?? r.initialRisk?.reasons ?? [],
    careManagerId: r.careManagerId,
    pointOfContact: pointOfContact(k),
    pcpId: r.pcpId,
    activePlanVersion: r.activePlanVersion,
    latestPlanVersion: r.latestPlan?.version ?? null,
    closureReason: r.closureReason,
    lastProgressAt: r.lastProgressAt,
    recentTimeline: r.timeline,
    outboxBacklog: k.outboxBacklog,
  };
}

/** What a treating provider sees: who manages the case and their requests; no member details, no assessment. */
export function providerView(k: CaseKernel): ProviderCaseView {
  const r = k.rec;
  return {
    caseId: k.caseId,
    programCode: k.programCode,
    phase: r.phase,
    status: r.status,
    careManagerId: r.careManagerId,
    pointOfContact: pointOfContact(k),
    pcpId: r.pcpId,
    activePlanVersion: r.activePlanVersion,
    providerRequests: r.providerRequests.map((p) => ({ ...p })),
  };
}

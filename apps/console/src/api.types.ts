import type { CasePhase, RecoveryStep, RiskTier, StuckKind } from '@careloop/domain';
import type { AttemptView, CaseDetailView, CaseTaskView, Role, TimelineEntryView } from '@careloop/contracts';

/** The API's answers as the console reads them (see /openapi.json). */

export type { Role };
export type { StuckCaseRow, StuckReason } from '@careloop/domain';

export interface Me {
  readonly sub: string;
  readonly role: Role;
  readonly team: string | null;
}

/** The case's live state as the workflow answers it (`GET /cases/:id`), plus the stored record. Types only: nothing of contracts is bundled. */
export type CaseTask = CaseTaskView;
export type Attempt = AttemptView;
export type TimelineEntry = TimelineEntryView;

export interface CaseView extends Omit<CaseDetailView, 'caseId'> {
  readonly id: string;
  readonly workflowStatus: string;
  readonly record: { readonly memberRef: string; readonly enrollmentDate: string; readonly openedAt: string } | null;
}

export interface CaseSummary {
  readonly id: string;
  readonly memberRef: string;
  readonly programCode: string;
  readonly phase: CasePhase;
  readonly step: RecoveryStep | null;
  readonly status: string;
  readonly riskTier: RiskTier | null;
  readonly careManagerId: string | null;
  readonly nextDueAt: string | null;
  readonly overdue: boolean;
  readonly openedAt: string;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

export interface PlanProblem { id: string; description: string; domain: string }
export interface PlanGoal { id: string; problemIds: string[]; description: string; targetDate: string }
export interface PlanIntervention { id: string; goalIds: string[]; description: string; owner: string }
export interface PlanReferral { id: string; specialty: string; reason: string }
export interface CarePlan {
  problems: PlanProblem[];
  goals: PlanGoal[];
  interventions: PlanIntervention[];
  referrals: PlanReferral[];
}

export interface CaseRecords {
  readonly planVersions: readonly {
    readonly version: number;
    readonly plan: CarePlan;
    readonly proposedBy: string;
    readonly proposedAt: string;
    readonly consent: Record<string, unknown> | null;
    readonly consentedAt: string | null;
  }[];
  readonly notes: readonly { readonly seq: number; readonly kind: string; readonly text: string; readonly authorId: string; readonly writtenAt: string }[];
  readonly providerReports: readonly { readonly seq: number; readonly at: string; readonly providerId: string; readonly summary: string; readonly discussedWithMember: boolean; readonly recordedBy: string }[];
  readonly notifications: readonly {
    readonly key: string;
    readonly audience: string;
    readonly channel: string;
    readonly template: string;
    readonly status: string;
    readonly attempts: number;
    readonly createdAt: string;
    readonly deliveredAt: string | null;
  }[];
}

export interface StuckSummary {
  readonly counts: Record<StuckKind, number>;
  readonly kinds: Record<StuckKind, { readonly meaning: string; readonly remedy: string }>;
}

export interface Caseload {
  readonly careManagerId: string;
  readonly cap: number;
  readonly open: number;
  readonly available: number;
  readonly overCap: boolean;
  readonly byRiskTier: Record<'high' | 'medium' | 'low' | 'none', number>;
}

export interface Diagnosis {
  readonly caseId: string;
  readonly workflow: { readonly status: string; readonly runId: string; readonly historyLength: number; readonly reportedProblems: readonly string[]; readonly flags: readonly string[] };
  readonly pendingActivities: readonly {
    readonly activityId: string;
    readonly activityType: string | null;
    readonly attempt: number;
    readonly maximumAttempts: number;
    readonly lastFailure: string | null;
    readonly nextAttemptScheduleTime: string | null;
  }[];
  readonly failedNotifications: readonly { readonly key: string; readonly template: string; readonly audience: string; readonly attempts: number; readonly lastError: string | null; readonly since: string | null }[];
  readonly source: 'workflow' | 'postgres';
  readonly openTasks: readonly CaseTask[];
  readonly lastEvents: readonly TimelineEntry[];
  readonly supervisorActions: readonly { readonly action: string; readonly actorId: string; readonly reason: string; readonly outcome: string; readonly at: string }[];
}

/** Every care-team action answers with where the case now stands. */
export interface ActionResult {
  readonly phase: CasePhase;
  readonly status: string;
  readonly step: RecoveryStep | null;
  readonly eventSeq: number;
}

import type { CasePhase } from './case-phase';
import type { RecoveryStep } from './recovery-step';
import type { RiskTier } from './risk-tier';
import type { GoalStatus } from './care-plan';

/**
 * What the workflow knows about a case when a committee update is due,
 * PHI included. `deidentifyCommitteeUpdate` turns it into what the committee
 * may see (seed 003 step 9: "confidential information is not shared").
 */
export interface CommitteeCaseFacts {
  readonly caseId: string;
  readonly programCode: string;
  readonly phase: CasePhase;
  readonly step: RecoveryStep | null;
  readonly riskTier: RiskTier | null;
  readonly memberRef: string;
  readonly enrollmentDate: string;
  readonly openedAt: string;
  readonly goals: readonly { readonly description: string; readonly targetDate: string; readonly status: GoalStatus }[];
  readonly contactsSinceLastUpdate: number;
  readonly missedContactsSinceLastUpdate: number;
  readonly symptomIncreasesSinceLastUpdate: number;
  readonly adherenceVariationsSinceLastUpdate: number;
  readonly supplementalInfoOutstanding: boolean;
  readonly planVersion: number | null;
  readonly notes: readonly string[];
  readonly trigger: 'scheduled' | 'new_information';
}

/** The de-identified update: codes, counts and coarse time only. */
export interface CommitteeUpdate {
  readonly caseId: string;
  readonly programCode: string;
  readonly phase: CasePhase;
  readonly step: RecoveryStep | null;
  readonly riskTier: RiskTier | null;
  /** Whole months since the case opened (no dates). */
  readonly monthsInProgram: number;
  readonly goals: { readonly total: number; readonly met: number; readonly behind: number };
  readonly contacts: { readonly completed: number; readonly missed: number };
  readonly symptomIncreases: number;
  readonly adherenceVariations: number;
  readonly supplementalInfoOutstanding: boolean;
  readonly planVersion: number | null;
  readonly trigger: 'scheduled' | 'new_information';
}

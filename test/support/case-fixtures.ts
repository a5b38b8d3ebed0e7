import { resolveProgramPolicy, type PolicyOverrides } from '@careloop/domain';
import type { CaseWorkflowInput } from '@careloop/contracts';

/** Seed-default policy for program CCM, with optional per-case overrides. */
export function policy(overrides?: PolicyOverrides) {
  return resolveProgramPolicy('CCM', undefined, overrides);
}

export function caseInput(enrollmentDate: string, overrides?: PolicyOverrides, memberRef = 'M-TEST-1'): CaseWorkflowInput {
  return { memberRef, programCode: 'CCM', enrollmentDate, policy: policy(overrides) };
}

export { assessmentAnswers, carePlan, memberConsent, screeningAnswers } from '../../scripts/load/case-actions.fixtures';

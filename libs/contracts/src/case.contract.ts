import type { SearchAttributePair } from '@temporalio/common';
import { SA_PHASE, SA_PROGRAM } from './search-attributes';
import type { CaseContactPreference, ClosureReason, ProgramPolicy } from '@careloop/domain';
import type { CaseSnapshot } from './case.snapshot';
import type { CaseStartReason } from './case.vocabulary';

/** Workflow type name, shared by the API (starts it) and the worker (registers it). */
export const CASE_WORKFLOW_TYPE = 'caseWorkflow';

/** Input of the case workflow; carries PHI (member reference), so it travels only inside encrypted payloads. */
export interface CaseWorkflowInput {
  readonly memberRef: string;
  readonly programCode: string;
  /** Calendar date YYYY-MM-DD; the screening deadline runs from here. */
  readonly enrollmentDate: string;
  /** The resolved program policy; the case keeps it for life. */
  readonly policy: ProgramPolicy;
  /** Set only by continue-as-new: the state the previous run handed over. */
  readonly carried?: CaseSnapshot;
  /**
   * Why the case was started: `enrollment` (the default: POST /cases, enrollment events) or
   * `discharge` (a discharge event found no open case). Shown on the case's opening event.
   */
  readonly startReason?: CaseStartReason;
  /**
   * The owning care team (teams.id), resolved by the API at the start; absent on cases started before teams
   * (their histories replay unchanged) and when no team applies. Recorded on the opening event; the read model
   * keeps it as cases.team_id, which assignment and visibility read. Carried by continue-as-new with the input.
   */
  readonly teamId?: string;
  /**
   * The member's contact preference from the registry at the start (PHI-free: method and which contact
   * points exist). Absent on older cases; outreach then follows the policy.
   */
  readonly contact?: CaseContactPreference;
  /**
   * The registry member (members.id, `mbr_…`) the API resolved the case's member from (issue 16); absent on cases
   * started before the registry (their histories replay unchanged). Recorded on the opening event; the read model
   * keeps it as cases.member_id. Not PHI (an opaque registry key), but still not put in search attributes.
   */
  readonly memberId?: string;
  /** Continue as new once history reaches this many events (default 1,500; tests set it low). */
  readonly historyEventLimit?: number;
}


export interface CaseWorkflowResult {
  readonly phase: 'closed';
  readonly closureReason: ClosureReason;
}

/** Search attributes a case carries from its start (before its first workflow task sets the rest). */
export function caseStartSearchAttributes(programCode: string): SearchAttributePair[] {
  return [
    { key: SA_PHASE, value: 'enrolled' },
    { key: SA_PROGRAM, value: programCode },
  ];
}

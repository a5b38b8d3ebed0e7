import type { CaseloadCounts } from '@careloop/persistence';

export interface ProgramCaseload {
  readonly programCode: string;
  /** Open cases of this program. */
  readonly open: number;
  /** The cap that decides whether this care manager may take another case of this program. */
  readonly cap: number;
  /** How many more cases of this program they may take: the cap counts every open case, of any program. */
  readonly available: number;
}

export interface CaseloadView {
  readonly careManagerId: string;
  /** Their own cap; else the strictest cap of the programs they hold cases in; else the default program policy's. */
  readonly cap: number;
  readonly capSource: 'care_manager' | 'program';
  readonly open: number;
  readonly byRiskTier: CaseloadCounts['byRiskTier'];
  readonly byProgram: readonly ProgramCaseload[];
}

/**
 * One care manager's caseload against the cap, as assignment applies it
 * (seed 001; CareManagerAssignmentRepository): a case of program P may go to
 * someone whose open cases (all programs) are below their own cap, else below
 * P's policy cap. `programCap` resolves a program's configured cap
 * (CARELOOP_POLICY_FILE, else the seed default).
 */
export function caseloadView(row: CaseloadCounts, programCap: (programCode?: string) => number): CaseloadView {
  const capFor = (programCode: string) => row.ownCap ?? programCap(programCode);
  const byProgram = Object.entries(row.byProgram)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([programCode, open]) => ({ programCode, open, cap: capFor(programCode), available: Math.max(capFor(programCode) - row.open, 0) }));
  const cap = row.ownCap ?? (byProgram.length ? Math.min(...byProgram.map((p) => p.cap)) : programCap());
  return {
    careManagerId: row.careManagerId,
    cap,
    capSource: row.ownCap === null ? 'program' : 'care_manager',
    open: row.open,
    byRiskTier: row.byRiskTier,
    byProgram,
  };
}

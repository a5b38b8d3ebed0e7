import { canTransition, screeningDeadline, type CasePhase, type ClosureReason } from '@careloop/domain';
import type { CaseStateView, CaseWorkflowInput, CaseWorkflowResult } from '@careloop/contracts';
import type { RecordCaseOpenedInput, RecordPhaseChangeInput } from '@careloop/activities';

/**
 * The case's state inside the workflow. Handlers and the main function
 * delegate here so the rules stay in one place and the workflow function
 * reads like the lifecycle. Pure and deterministic: time is passed in.
 */
export class CaseState {
  private phase: CasePhase = 'enrolled';
  private closureReason: ClosureReason | null = null;
  readonly screeningDueAt: Date;

  constructor(
    readonly caseId: string,
    private readonly input: CaseWorkflowInput,
  ) {
    this.screeningDueAt = screeningDeadline(input.enrollmentDate, input.policy.screeningDeadlineMs);
  }

  get currentPhase(): CasePhase {
    return this.phase;
  }

  get isClosed(): boolean {
    return this.phase === 'closed';
  }

  /** Milliseconds left until the screening deadline; 0 if it already passed (late enrollment feed). */
  msUntilScreeningDeadline(nowMs: number): number {
    return Math.max(0, this.screeningDueAt.getTime() - nowMs);
  }

  moveTo(next: CasePhase, runId: string, at: Date): RecordPhaseChangeInput {
    if (!canTransition(this.phase, next)) {
      throw new Error(`illegal phase transition ${this.phase} -> ${next}`);
    }
    this.phase = next;
    return { caseId: this.caseId, runId, phase: next, closureReason: this.closureReason, at: at.toISOString() };
  }

  close(reason: ClosureReason, runId: string, at: Date): RecordPhaseChangeInput {
    this.closureReason = reason;
    return this.moveTo('closed', runId, at);
  }

  openedRecord(runId: string, at: Date): RecordCaseOpenedInput {
    return {
      caseId: this.caseId,
      runId,
      memberRef: this.input.memberRef,
      programCode: this.input.programCode,
      enrollmentDate: this.input.enrollmentDate,
      policyVersion: this.input.policy.version,
      phase: this.phase,
      openedAt: at.toISOString(),
    };
  }

  view(): CaseStateView {
    return {
      caseId: this.caseId,
      programCode: this.input.programCode,
      phase: this.phase,
      policyVersion: this.input.policy.version,
      screeningDueAt: this.screeningDueAt.toISOString(),
      closureReason: this.closureReason,
    };
  }

  result(): CaseWorkflowResult {
    if (this.phase !== 'closed' || this.closureReason === null) {
      throw new Error('case workflow ended without closing the case');
    }
    return { phase: 'closed', closureReason: this.closureReason };
  }
}

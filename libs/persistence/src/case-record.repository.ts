import type { DataSource } from 'typeorm';
import { CaseEntity } from './entities/case.entity';

/** Plain shape of a stored case, free of TypeORM types (the API maps it to JSON). */
export interface StoredCase {
  readonly id: string;
  readonly runId: string;
  readonly memberRef: string;
  readonly programCode: string;
  readonly enrollmentDate: string;
  readonly policyVersion: string;
  readonly phase: string;
  readonly closureReason: string | null;
  readonly openedAt: Date;
  readonly phaseChangedAt: Date;
}

interface OpenedInput {
  caseId: string;
  runId: string;
  memberRef: string;
  programCode: string;
  enrollmentDate: string;
  policyVersion: string;
  phase: string;
  openedAt: Date;
}

interface PhaseChangeInput {
  caseId: string;
  runId: string;
  phase: string;
  closureReason: string | null;
  at: Date;
}

/**
 * Idempotent writes of the case read model (implements the activities'
 * CaseRecordStore port structurally, so persistence does not import upward).
 */
export class CaseRecordRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Insert the case row. A retry of the same run changes nothing; a new run
   * under the same workflow id (member re-enrolled after the previous case
   * closed) replaces the row.
   */
  async upsertOpened(r: OpenedInput): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO cases (id, run_id, member_ref, program_code, enrollment_date, policy_version, phase, closure_reason, opened_at, phase_changed_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $8)
       ON CONFLICT (id) DO UPDATE SET
         run_id = EXCLUDED.run_id, member_ref = EXCLUDED.member_ref, program_code = EXCLUDED.program_code,
         enrollment_date = EXCLUDED.enrollment_date, policy_version = EXCLUDED.policy_version,
         phase = EXCLUDED.phase, closure_reason = NULL, opened_at = EXCLUDED.opened_at,
         phase_changed_at = EXCLUDED.phase_changed_at, updated_at = now()
       WHERE cases.run_id <> EXCLUDED.run_id`,
      [r.caseId, r.runId, r.memberRef, r.programCode, r.enrollmentDate, r.policyVersion, r.phase, r.openedAt],
    );
  }

  /** Only the run that owns the row may move it, and a replayed older change never overwrites a newer one. */
  async applyPhaseChange(c: PhaseChangeInput): Promise<void> {
    await this.dataSource.query(
      `UPDATE cases SET phase = $3, closure_reason = $4, phase_changed_at = $5, updated_at = now()
       WHERE id = $1 AND run_id = $2 AND phase_changed_at <= $5`,
      [c.caseId, c.runId, c.phase, c.closureReason, c.at],
    );
  }

  async findById(id: string): Promise<StoredCase | null> {
    const row = await this.dataSource.getRepository(CaseEntity).findOneBy({ id });
    return row === null ? null : toStoredCase(row);
  }
}

function toStoredCase(e: CaseEntity): StoredCase {
  return {
    id: e.id,
    runId: e.runId,
    memberRef: e.memberRef,
    programCode: e.programCode,
    enrollmentDate: e.enrollmentDate,
    policyVersion: e.policyVersion,
    phase: e.phase,
    closureReason: e.closureReason,
    openedAt: e.openedAt,
    phaseChangedAt: e.phaseChangedAt,
  };
}

import type { DataSource } from 'typeorm';
import { CaseEntity } from './entities/case.entity';

/** Plain shape of a stored case, free of TypeORM types (the API maps it to JSON). */
export interface StoredCase {
  readonly id: string;
  readonly episodeId: string;
  readonly memberRef: string;
  readonly programCode: string;
  readonly enrollmentDate: string;
  readonly policyVersion: string;
  readonly phase: string;
  readonly status: string;
  readonly riskTier: string | null;
  readonly careManagerId: string | null;
  readonly activePlanVersion: number | null;
  readonly closureReason: string | null;
  readonly openedAt: Date;
  readonly phaseChangedAt: Date;
}

/** Reads of the case read model for the API. */
export class CaseReadRepository {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<StoredCase | null> {
    const e = await this.dataSource.getRepository(CaseEntity).findOneBy({ id });
    if (e === null) {
      return null;
    }
    return {
      id: e.id,
      episodeId: e.runId,
      memberRef: e.memberRef,
      programCode: e.programCode,
      enrollmentDate: e.enrollmentDate,
      policyVersion: e.policyVersion,
      phase: e.phase,
      status: e.status,
      riskTier: e.riskTier,
      careManagerId: e.careManagerId,
      activePlanVersion: e.activePlanVersion,
      closureReason: e.closureReason,
      openedAt: e.openedAt,
      phaseChangedAt: e.phaseChangedAt,
    };
  }
}

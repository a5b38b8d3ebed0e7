import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_PHASES, CLOSURE_REASONS, type CasePhase, type ClosureReason } from '@careloop/domain';

export class CaseRecordView {
  @ApiProperty({ example: 'M-000123' }) memberRef!: string;
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty({ format: 'date' }) enrollmentDate!: string;
  @ApiProperty({ enum: CASE_PHASES }) phase!: string;
  @ApiPropertyOptional({ enum: CLOSURE_REASONS, nullable: true }) closureReason!: string | null;
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ format: 'date-time' }) phaseChangedAt!: string;
}

export class CaseView {
  @ApiProperty({ description: 'Case id (the workflow id; contains no PHI).', example: 'case-ccm-3f2a9c0d1e4b5a6978c0d1e2' })
  id!: string;

  @ApiProperty({ enum: CASE_PHASES, description: "Current phase, read from the case workflow's state." })
  phase!: CasePhase;

  @ApiProperty({ enum: ['RUNNING', 'COMPLETED', 'FAILED', 'CANCELLED', 'TERMINATED', 'CONTINUED_AS_NEW', 'TIMED_OUT', 'UNKNOWN'] })
  workflowStatus!: string;

  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ format: 'date-time', description: 'Initial screening due (enrollment date + policy window).' })
  screeningDueAt!: string;
  @ApiPropertyOptional({ enum: CLOSURE_REASONS, nullable: true }) closureReason!: ClosureReason | null;

  @ApiPropertyOptional({
    type: CaseRecordView,
    nullable: true,
    description: 'The stored read-model row; null for a moment after the case starts, until the workflow has written it.',
  })
  record!: CaseRecordView | null;
}

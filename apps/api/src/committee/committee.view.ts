import { ApiProperty } from '@nestjs/swagger';
import type { CommitteeCount, CommitteeUpdateRow } from '@careloop/persistence';

export class CommitteeCountView implements CommitteeCount {
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty({ example: 'recovery_support' }) phase!: string;
  @ApiProperty({ type: String, nullable: true }) riskTier!: string | null;
  @ApiProperty() open!: number;
}

export class CommitteeSummaryView {
  @ApiProperty({ type: [CommitteeCountView] }) items!: CommitteeCountView[];
}

export class CommitteeUpdateView implements CommitteeUpdateRow {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The PHI-free case id.' }) caseId!: string;
  @ApiProperty({ example: 'committee_update' }) template!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'De-identified: risk tier, step, months in the program.' }) params!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class CommitteeUpdatesView {
  @ApiProperty({ type: [CommitteeUpdateView] }) items!: CommitteeUpdateView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page.' }) nextCursor!: string | null;
}

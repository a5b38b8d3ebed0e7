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
  @ApiProperty({ example: 'cmt-3f9c2a71b04e8d65.2', description: "The case's committee code and the update's number within the case." }) id!: string;
  @ApiProperty({ example: 'cmt-3f9c2a71b04e8d65', description: 'A random code per case, kept in Postgres: never the case id, never derived from the member.' }) caseCode!: string;
  @ApiProperty({ example: 'committee_case_update' }) template!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'De-identified: risk tier, step, months in the program.' }) params!: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class CommitteeUpdatesView {
  @ApiProperty({ type: [CommitteeUpdateView] }) items!: CommitteeUpdateView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page.' }) nextCursor!: string | null;
}

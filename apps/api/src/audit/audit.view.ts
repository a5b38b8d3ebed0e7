import { ApiProperty } from '@nestjs/swagger';
import type { StoredAuditRecord } from '@careloop/persistence';
import { AUDIT_ACTIONS, AUDIT_OUTCOMES } from './audit.query';

export class AuditRecordView implements StoredAuditRecord {
  @ApiProperty({ description: 'Ascending id; the last one of a page is the next cursor.' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'cm-1' }) actorId!: string;
  @ApiProperty({ type: String, nullable: true }) actorRole!: string | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action!: string;
  @ApiProperty({ example: 'GET' }) method!: string;
  @ApiProperty({ example: '/cases/:id' }) route!: string;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The registry member read or written (opaque id, never PHI).' }) memberId!: string | null;
  @ApiProperty({ enum: AUDIT_OUTCOMES }) outcome!: StoredAuditRecord['outcome'];
  @ApiProperty({ type: 'integer', example: 200 }) status!: number;
  @ApiProperty({ type: String, nullable: true }) sourceIp!: string | null;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty() requestId!: string;
}

export class AuditPageView {
  @ApiProperty({ type: [AuditRecordView] }) items!: AuditRecordView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page.' }) nextCursor!: string | null;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  WORK_ITEM_KINDS,
  WORK_ITEM_PRIORITIES,
  WORK_ITEM_SOURCES,
  WORK_ITEM_STATUSES,
  type WorkItemKind,
  type WorkItemOwner,
  type WorkItemPriority,
  type WorkItemSource,
  type WorkItemStatus,
  type WorkItemView,
  type WorklistPage,
} from '@careloop/contracts';
import { RISK_TIERS } from '@careloop/domain';
import type { StoredWorkItem } from '@careloop/persistence';
import { COMPLETE_ROUTES } from './work-item.routes';

export class WorkItemOwnerView {
  @ApiProperty({ enum: ['person', 'team'] }) kind!: 'person' | 'team';
  @ApiPropertyOptional({ description: 'kind person: who holds it.' }) staffId?: string;
  @ApiProperty({ type: String, nullable: true, description: "The team whose queue it belongs to (null: the organisation-wide queue)." }) teamId!: string | null;
  @ApiPropertyOptional({ enum: ['care_manager', 'supervisor'], description: 'kind team: whose queue.' }) role?: 'care_manager' | 'supervisor';
}

export class WorkItemCompleteView {
  @ApiProperty({ enum: ['POST'] }) method!: 'POST';
  @ApiProperty({ example: '/cases/case-ccm-0123456789abcdef01234567/contacts' }) path!: string;
}

export class WorkItemViewDto implements WorkItemView {
  @ApiProperty({ example: 'case:case-ccm-0123456789abcdef01234567:run-1:contact-2' }) id!: string;
  @ApiProperty({ enum: WORK_ITEM_SOURCES }) source!: WorkItemSource;
  @ApiProperty({ enum: WORK_ITEM_KINDS }) kind!: WorkItemKind;
  @ApiProperty({ example: 'contact-2' }) taskKey!: string;
  @ApiProperty({ enum: WORK_ITEM_STATUSES }) status!: WorkItemStatus;
  @ApiProperty({ enum: WORK_ITEM_PRIORITIES }) priority!: WorkItemPriority;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) remindedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) missedAt!: string | null;
  @ApiProperty({ description: 'Open and past its due time (a suspended item is never overdue).' }) overdue!: boolean;
  @ApiProperty({ type: WorkItemOwnerView }) owner!: WorkItemOwner;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) claimedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) memberId!: string | null;
  @ApiProperty() sourceId!: string;
  @ApiProperty({ type: String, nullable: true }) programCode!: string | null;
  @ApiProperty({ type: String, enum: RISK_TIERS, nullable: true }) riskTier!: 'high' | 'medium' | 'low' | null;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: WorkItemCompleteView, nullable: true, description: "The owning workflow's route that does the work; null for an escalation." })
  complete!: WorkItemView['complete'];
}

export class WorklistCountsView {
  @ApiProperty({ type: 'integer' }) overdue!: number;
  @ApiProperty({ type: 'integer', description: 'Due from now to the end of the day (UTC), not overdue.' }) dueToday!: number;
  @ApiProperty({ type: 'integer', description: 'Every open item of the list (suspended ones included).' }) open!: number;
}

export class WorklistPageView implements WorklistPage {
  @ApiProperty({ type: [WorkItemViewDto] }) items!: WorkItemViewDto[];
  @ApiPropertyOptional({ description: 'Opaque; absent on the last page.' }) nextCursor?: string;
  @ApiProperty({ type: WorklistCountsView }) counts!: WorklistCountsView;
}

const iso = (d: Date | null): string | null => d?.toISOString() ?? null;

export function toWorkItemView(i: StoredWorkItem): WorkItemView {
  const owner: WorkItemOwner =
    i.ownerStaffId !== null ? { kind: 'person', staffId: i.ownerStaffId, teamId: i.ownerTeamId } : { kind: 'team', teamId: i.ownerTeamId, role: i.ownerRole };
  return {
    id: i.id,
    source: i.source as WorkItemSource,
    kind: i.kind as WorkItemKind,
    taskKey: i.taskKey,
    status: i.status as WorkItemStatus,
    priority: i.priority as WorkItemPriority,
    dueAt: i.dueAt.toISOString(),
    remindedAt: iso(i.remindedAt),
    missedAt: iso(i.missedAt),
    overdue: i.overdue,
    owner,
    claimedAt: iso(i.claimedAt),
    caseId: i.caseId,
    memberId: i.memberId,
    sourceId: i.sourceId,
    programCode: i.programCode,
    riskTier: i.riskTier,
    openedAt: i.openedAt.toISOString(),
    closedAt: iso(i.closedAt),
    complete: i.status === 'open' || i.status === 'suspended' ? COMPLETE_ROUTES[i.kind as WorkItemKind](i) : null,
  };
}

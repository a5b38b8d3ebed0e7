import { ApiProperty } from '@nestjs/swagger';
import { TRANSITION_TASKS, type TransitionTask } from '@careloop/domain';
import { DISCHARGE_STATUSES, TASK_STATUSES, type DischargeListItem, type DischargeListTask, type DischargeStatus, type ListPage, type TransitionTaskStatus } from '@careloop/contracts';

class DischargeListTaskView implements DischargeListTask {
  @ApiProperty({ enum: TRANSITION_TASKS }) task!: TransitionTask;
  @ApiProperty({ enum: TASK_STATUSES, description: 'As the discharge workflow reported it to the case timeline.' }) status!: TransitionTaskStatus;
  @ApiProperty({ description: "Deadline, from the discharge time and the program's transition-of-care policy." }) dueAt!: string;
  @ApiProperty({ description: 'When a missed task goes to the supervisor.' }) escalateAt!: string;
  @ApiProperty({ description: 'Missed or escalated, and not done.' }) overdue!: boolean;
}

class DischargeListItemView implements DischargeListItem {
  @ApiProperty({ example: 'discharge-0123456789abcdef01234567' }) dischargeId!: string;
  @ApiProperty() caseId!: string;
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty({ enum: ['json', 'fhir-encounter', 'fhir-bundle', 'hl7v2-adt-a03'] }) format!: DischargeListItem['format'];
  @ApiProperty() dischargedAt!: string;
  @ApiProperty({ enum: DISCHARGE_STATUSES }) status!: DischargeStatus;
  @ApiProperty({ type: String, nullable: true }) teamId!: string | null;
  @ApiProperty({ type: String, nullable: true }) careManagerId!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelledAt!: string | null;
  @ApiProperty({ description: 'A task is past its deadline and not done.' }) overdue!: boolean;
  @ApiProperty({ type: [DischargeListTaskView] }) tasks!: DischargeListTaskView[];
}

export class DischargePageView implements ListPage<DischargeListItem> {
  @ApiProperty({ type: [DischargeListItemView] }) items!: DischargeListItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page.' }) nextCursor!: string | null;
}

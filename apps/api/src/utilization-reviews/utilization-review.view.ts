import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { UR_DECISION_KINDS, UR_REQUIRED_ITEMS, UR_URGENCIES, type UrDecisionKind, type UrRequiredItem, type UrUrgency } from '@careloop/domain';
import { UR_STATUSES, type DecisionClock, type UrActionResult, type UrStatus } from '@careloop/contracts';

/** A decision as recorded: `reason` for denied and partially_approved; the approved part for partially_approved. */
class UrDecisionDetailView {
  @ApiProperty({ enum: UR_DECISION_KINDS }) kind!: UrDecisionKind;
  @ApiPropertyOptional() reason?: string;
  @ApiPropertyOptional() approvedQuantity?: number;
  @ApiPropertyOptional() approvedDescription?: string;
}

class UrDecisionRecordView {
  @ApiProperty({ enum: ['initial', 'appeal'] }) level!: 'initial' | 'appeal';
  @ApiProperty({ type: UrDecisionDetailView }) decision!: UrDecisionDetailView;
  @ApiProperty() reviewerId!: string;
  @ApiProperty({ format: 'date-time' }) decidedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty() onTime!: boolean;
}

class UrPendView {
  @ApiProperty({ enum: UR_REQUIRED_ITEMS, isArray: true }) missing!: UrRequiredItem[];
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
}

class UrEscalationsView {
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) near!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) missed!: string | null;
}

/** `GET /utilization-reviews/:id` (UtilizationReviewView in libs/contracts): no member reference, no justification. */
export class UtilizationReviewViewDto {
  @ApiProperty({ example: 'ur-0123456789abcdef01234567' }) reviewId!: string;
  @ApiProperty({ example: 'prov-9' }) providerId!: string;
  @ApiProperty({ type: String, nullable: true }) caseId!: string | null;
  @ApiProperty({ enum: UR_URGENCIES }) urgency!: UrUrgency;
  @ApiProperty({ example: '97110' }) serviceCode!: string;
  @ApiProperty() quantity!: number;
  @ApiProperty({ enum: UR_STATUSES }) status!: UrStatus;
  @ApiProperty() policyVersion!: string;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ type: UrPendView, nullable: true, description: 'Open request for missing information, if pended.' }) pend!: UrPendView | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'Null while pended (the clock is stopped) or decided.' }) decisionDueAt!: string | null;
  @ApiProperty() clockStopped!: boolean;
  @ApiProperty({ description: 'Time left on the decision clock (ms) when queried.' }) remainingMs!: number;
  @ApiProperty({ type: UrEscalationsView }) escalatedAt!: UrEscalationsView;
  @ApiProperty({ type: [UrDecisionRecordView] }) decisions!: UrDecisionRecordView[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) appealableUntil!: string | null;
  @ApiProperty() documentCount!: number;
}

export class UrActionResultView implements UrActionResult {
  @ApiProperty({ enum: UR_STATUSES }) status!: UrStatus;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decisionDueAt!: string | null;
}

class DecisionClockView implements DecisionClock {
  @ApiProperty({ type: String, nullable: true, description: 'The decision deadline while the clock runs; null while pended.' }) dueAt!: string | null;
  @ApiProperty({ description: 'The window the deadline counts (policy): standard 7 days, expedited 72 hours; an appeal its appeal window.', example: 604800000 })
  windowMs!: number;
  @ApiProperty({ description: 'Not running: pended (stopped), decided or closed.' }) stopped!: boolean;
  @ApiProperty({ description: 'Time left now (or when it stopped), in ms; negative: overdue by that much.' }) remainingMs!: number;
  @ApiProperty() overdue!: boolean;
}

class UtilizationReviewListItemView extends UtilizationReviewViewDto {
  @ApiProperty({ type: DecisionClockView }) clock!: DecisionClockView;
}

export class UtilizationReviewPageView {
  @ApiProperty({ type: [UtilizationReviewListItemView] }) items!: UtilizationReviewListItemView[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as ?cursor= for the next page; null on the last page.' }) nextCursor!: string | null;
}

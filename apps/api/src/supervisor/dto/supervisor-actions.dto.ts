import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsISO8601, IsOptional, IsString, Length, Matches } from 'class-validator';
import { DIRECT_CLOSURE_REASONS, type DirectClosureReason } from '@careloop/domain';
import type { ExtendDueDateInput, NudgeTaskInput, ReassignInput, RedeliverInput } from '@careloop/contracts';
import { IsDirectClosureReason } from '../../cases/dto/closure-reason.validator';
import type { ContractBody } from '../../common/contract-body';

const STAFF_ID = /^[A-Za-z0-9_.:@-]{1,64}$/;
const TASK_KEY = /^[a-z0-9-]{1,64}$/;

/** Every supervisor action says why; the reason is stored with the action (and must hold no PHI). */
class Reasoned {
  @ApiProperty({ example: 'care manager on leave', maxLength: 500 }) @IsString() @Length(3, 500) reason!: string;
}

export class SupervisorReassignDto extends Reasoned implements ContractBody<Omit<ReassignInput, 'actorId'>, SupervisorReassignDto> {
  @ApiProperty({ example: 'cm-2' }) @Matches(STAFF_ID, { message: 'careManagerId must be a staff id' }) careManagerId!: string;
  @ApiPropertyOptional({ description: 'Assign even above the caseload cap; the reason must say why.' })
  @IsOptional()
  @IsBoolean()
  overrideCap?: boolean;
}

export class ExtendDueDateDto extends Reasoned implements ContractBody<Omit<ExtendDueDateInput, 'actorId'>, ExtendDueDateDto> {
  @ApiProperty({ example: 'contact-3', description: 'Key of an open task (see the diagnosis or the case).' })
  @Matches(TASK_KEY, { message: 'taskKey must be the key of an open task, such as contact-3' })
  taskKey!: string;
  @ApiProperty({ example: '2026-12-01T09:00:00Z', description: 'The new due time, ISO 8601 with offset; later than the current one.' })
  @IsISO8601({ strict: true }, { message: 'dueAt must be an ISO 8601 date-time' })
  dueAt!: string;
}

export class NudgeDto extends Reasoned implements ContractBody<Omit<NudgeTaskInput, 'actorId'>, NudgeDto> {
  @ApiProperty({ example: 'contact-3' }) @Matches(TASK_KEY, { message: 'taskKey must be the key of an open task, such as contact-3' }) taskKey!: string;
}

/** Retry now: the notifications to deliver again are read from the outbox, not sent. */
export class RetryDto extends Reasoned implements ContractBody<Omit<RedeliverInput, 'actorId' | 'notifications'>, RetryDto> {}

/**
 * Not `implements`: the supervisor's body names the closure `closureReason` and the why `reason`, which become
 * CloseCaseInput's `reason` and `detail` (SupervisorActionsService.close), so the names cannot match.
 */
export class CloseBySupervisorDto extends Reasoned {
  @ApiProperty({ enum: DIRECT_CLOSURE_REASONS, description: 'provider_request is not accepted here: approve the stop-participation request instead.' })
  @IsDirectClosureReason()
  closureReason!: DirectClosureReason;
}

import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length, Matches } from 'class-validator';
import type { DecideStopParticipationInput, ProviderRequestInput } from '@careloop/contracts';
import type { ContractBody } from '../../common/contract-body';

export class ProviderRequestDto implements ContractBody<Omit<ProviderRequestInput, 'actorId'>, ProviderRequestDto> {
  @ApiProperty({ example: 'prov-9', description: 'The treating provider making the request.' })
  @Matches(/^[A-Za-z0-9_.:@-]{1,64}$/, { message: 'providerId must be 1-64 letters, digits or "_.:@-"' })
  providerId!: string;
  @ApiProperty({ maxLength: 1000, example: 'patient prefers to manage with our practice nurse', description: 'Why; shown to supervisors (no clinical detail).' })
  @IsString()
  @Length(3, 1000)
  reason!: string;
}

export class StopParticipationDecisionDto implements ContractBody<Omit<DecideStopParticipationInput, 'actorId' | 'requestId'>, StopParticipationDecisionDto> {
  @ApiProperty({ enum: ['approve', 'reject'], description: 'approve closes the case (closure reason provider_request); reject keeps it open.' })
  @IsIn(['approve', 'reject'])
  decision!: 'approve' | 'reject';
  @ApiProperty({ maxLength: 500, example: 'provider and member agree' }) @IsString() @Length(3, 500) reason!: string;
}

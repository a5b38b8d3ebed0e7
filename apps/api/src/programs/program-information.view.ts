import { ApiProperty } from '@nestjs/swagger';
import type { ProgramInformation } from '@careloop/domain';

/** What a provider is told about a program (seed 000). */
export class ProgramInformationView implements ProgramInformation {
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty() name!: string;
  @ApiProperty() scopeOfServices!: string;
  @ApiProperty({ type: [String] }) processes!: string[];
  @ApiProperty({ type: [String] }) guidelines!: string[];
  @ApiProperty() staff!: string;
  @ApiProperty() contractualRelationships!: string;
  @ApiProperty() changeOfCareManager!: string;
  @ApiProperty() stopParticipation!: string;
  @ApiProperty() complaints!: string;
  @ApiProperty() privacy!: string;
}

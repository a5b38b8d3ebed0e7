import { ApiProperty } from '@nestjs/swagger';
import type { ProviderEndpoint, ProviderEntry } from '@careloop/contracts';
import { PROVIDER_ROLES, type ProviderRole } from '@careloop/domain';
import { ProviderEndpointDto } from './provider.dto';

export class ProviderEntryView implements ProviderEntry {
  @ApiProperty({ example: 'prv-1234567893' }) id!: string;
  @ApiProperty({ example: '1234567893' }) npi!: string;
  @ApiProperty({ example: 'Dr. Ada Rivera' }) name!: string;
  @ApiProperty({ enum: PROVIDER_ROLES }) role!: ProviderRole;
  @ApiProperty({ type: String, nullable: true }) organization!: string | null;
  @ApiProperty({ type: ProviderEndpointDto }) endpoint!: ProviderEndpoint;
  @ApiProperty() active!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ProviderListView {
  @ApiProperty({ type: ProviderEntryView, isArray: true }) providers!: ProviderEntryView[];
}

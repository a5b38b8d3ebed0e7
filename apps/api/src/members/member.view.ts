import { ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { DUPLICATE_REASONS, DUPLICATE_RESOLUTIONS, type DuplicateReason, type DuplicateResolution } from '@careloop/domain';
import type { AuthorisedRepresentative, MemberDuplicateFlag, MemberSummary, MemberVersionView, MemberView } from '@careloop/contracts';
import type { MemberCaseRow } from '@careloop/persistence';
import { MemberInputDto, MemberNameDto, RepresentativeDto } from './dto/member-input.dto';

/** The OpenAPI shapes of the member routes' answers (the types are libs/contracts'). */
class RepresentativeViewDoc extends OmitType(RepresentativeDto, ['id'] as const) {
  @ApiProperty({ example: 'rep_0123456789abcdefghjkmnpqrs' }) id!: string;
}

export class MemberViewDoc extends OmitType(MemberInputDto, ['representatives'] as const) implements Omit<MemberView, 'representatives'> {
  @ApiProperty({ example: 'mbr_0123456789abcdefghjkmnpqrs' }) id!: string;
  @ApiProperty({ type: 'integer', example: 1, description: 'Also the ETag; send it back as If-Match to replace.' }) version!: number;
  @ApiProperty({ type: [RepresentativeViewDoc] }) representatives!: AuthorisedRepresentative[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [String], description: 'Open duplicate flags naming this member.' }) openDuplicateFlags!: string[];
}

export class MemberVersionViewDoc implements Omit<MemberVersionView, 'record'> {
  @ApiProperty({ type: 'integer' }) version!: number;
  @ApiProperty({ format: 'date-time' }) changedAt!: string;
  @ApiProperty() changedBy!: string;
  @ApiProperty({ type: MemberInputDto }) record!: MemberVersionView['record'];
}

export class MemberSummaryDoc implements MemberSummary {
  @ApiProperty() id!: string;
  @ApiProperty({ type: MemberNameDto }) name!: MemberNameDto;
  @ApiProperty({ format: 'date' }) birthDate!: string;
  @ApiProperty({ type: String, nullable: true }) planMemberId!: string | null;
  @ApiProperty() preferredLanguage!: string;
}

export class MemberDuplicateFlagDoc implements MemberDuplicateFlag {
  @ApiProperty({ example: 'dup_0123456789abcdefghjkmnpqrs' }) id!: string;
  @ApiProperty({ type: [String], minItems: 2, maxItems: 2 }) memberIds!: [string, string];
  @ApiProperty({ enum: DUPLICATE_REASONS }) reason!: DuplicateReason;
  @ApiProperty({ format: 'date-time' }) flaggedAt!: string;
  @ApiProperty() flaggedBy!: string;
  @ApiProperty({ enum: DUPLICATE_RESOLUTIONS, nullable: true }) resolution!: DuplicateResolution | null;
  @ApiProperty({ type: String, nullable: true }) resolvedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt!: string | null;
}

export class MemberCaseView implements MemberCaseRow {
  @ApiProperty({ example: 'case-ccm-0123456789abcdef01234567' }) id!: string;
  @ApiProperty({ example: 'CCM' }) programCode!: string;
  @ApiProperty() phase!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ format: 'date-time' }) openedAt!: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) careManagerId!: string | null;
}

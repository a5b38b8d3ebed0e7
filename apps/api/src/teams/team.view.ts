import { ApiProperty } from '@nestjs/swagger';
import { STAFF_ROLES, US_REGION_CODES, type StaffRole} from '@careloop/domain';
import type { StaffView, TeamList, TeamMemberView, TeamRecord, TeamView } from '@careloop/contracts';

export class TeamRecordView implements TeamRecord {
  @ApiProperty({ example: 'east' }) id!: string;
  @ApiProperty({ example: 'East' }) name!: string;
  @ApiProperty({ type: [String], example: ['CCM'] }) programs!: string[];
  @ApiProperty({ type: [String], enum: US_REGION_CODES, example: ['NY'] }) regions!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: 'integer', description: 'Active staff on the team.' }) activeMembers!: number;
}

export class TeamMemberViewDto implements TeamMemberView {
  @ApiProperty({ example: 'cm-east-1' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ type: [String], example: ['en'] }) languages!: string[];
  @ApiProperty({ type: 'integer', nullable: true, description: "null: the program policy's cap applies." }) caseloadCap!: number | null;
  @ApiProperty({ type: 'integer', description: 'Open assignments held now.' }) openCaseload!: number;
}

export class TeamViewDto extends TeamRecordView implements TeamView {
  @ApiProperty({ type: [TeamMemberViewDto], description: 'Active members, by id.' }) members!: TeamMemberViewDto[];
}

export class TeamListView implements TeamList {
  @ApiProperty({ type: [TeamRecordView] }) items!: TeamRecordView[];
}

export class StaffViewDto implements StaffView {
  @ApiProperty({ example: 'cm-east-1' }) id!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty({ enum: STAFF_ROLES }) role!: StaffRole;
  @ApiProperty({ type: String, nullable: true, description: 'null only for a person the roster file put in no team.' }) teamId!: string | null;
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty({ type: 'integer', nullable: true }) caseloadCap!: number | null;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: 'integer' }) openCaseload!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Notice email (a link to the inbox only).' }) email!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'E.164 number for SMS notices.' }) phone!: string | null;
}

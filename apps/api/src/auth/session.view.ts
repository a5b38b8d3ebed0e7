import { ApiProperty } from '@nestjs/swagger';
import { ROLES, type CurrentUserView, type Role } from '@careloop/contracts';

/** `GET /auth/me`: whom the token or session belongs to. */
export class SessionView implements CurrentUserView {
  @ApiProperty({ example: 'cm-1' }) sub!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ type: String, nullable: true, example: 'north' }) team!: string | null;
}

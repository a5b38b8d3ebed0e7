import { Body, Controller, HttpCode, HttpStatus, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { Request, Response } from 'express';
import type { Role } from '@careloop/contracts';
import { StaffRosterRepository } from '@careloop/persistence';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { Public } from './access.decorator';
import { mintLocalToken } from './local-token';
import { SUBJECT_PATTERN } from './principal';
import { setSessionCookie } from './session.controller';

/** People sign in to the console; integrations use API keys. */
const PERSON_ROLES = ['care_manager', 'supervisor', 'provider', 'committee', 'admin'] as const satisfies readonly Role[];
const TEAM_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;

export class DevLoginDto {
  @ApiProperty({ example: 'cm-1', description: 'The staff or provider id to act as.' })
  @Matches(SUBJECT_PATTERN, { message: 'sub must be 1-128 letters, digits or "_.:@|-"' })
  sub!: string;

  @ApiProperty({ enum: PERSON_ROLES })
  @IsIn(PERSON_ROLES, { message: `role must be one of ${PERSON_ROLES.join(', ')}` })
  role!: (typeof PERSON_ROLES)[number];

  @ApiPropertyOptional({ example: 'north', description: 'Care managers and supervisors: their team (default: from the staff roster).' })
  @IsOptional()
  @Matches(TEAM_PATTERN, { message: 'team must be 1-64 letters, digits or "_.-"' })
  team?: string;
}

export class DevLoginView {
  @ApiProperty() sub!: string;
  @ApiProperty({ enum: PERSON_ROLES }) role!: string;
  @ApiPropertyOptional({ type: String, nullable: true }) team!: string | null;
}

/**
 * Local sign-in for the console (docs/console.md): mints a token with the
 * local signing secret, exactly as `npm run token` does, and starts the
 * browser session with it. Mounted only when the API runs on the local
 * secret outside production (`AuthConfig.devLogin`); otherwise the route
 * does not exist (404) and people sign in through the identity provider.
 */
@ApiTags('auth')
@Controller('auth')
export class DevLoginController {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly staff: StaffRosterRepository,
  ) {}

  @Post('dev-login')
  @Public()
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Local runs only: sign in as any demo user (sets the session cookie). Absent with AUTH_JWKS_URL or NODE_ENV=production.' })
  @ApiOkResponse({ type: DevLoginView })
  async login(@Body() dto: DevLoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<DevLoginView> {
    const staffRole = dto.role === 'care_manager' || dto.role === 'supervisor';
    const team = staffRole ? (dto.team ?? (await this.staff.teamOf(dto.sub))) : null;
    const { jwtSecret, issuer, audience } = this.config.auth;
    const token = await mintLocalToken({ sub: dto.sub, role: dto.role, ...(team ? { team } : {}) }, jwtSecret, issuer, audience);
    setSessionCookie(req, res, token);
    return { sub: dto.sub, role: dto.role, team };
  }
}

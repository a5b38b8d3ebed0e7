import { Controller, Delete, Get, HttpCode, HttpStatus, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { SessionView } from './session.view';
import type { Request, Response } from 'express';
import { Access, CurrentPrincipal } from './access.decorator';
import { SESSION_COOKIE } from './credentials';
import type { Principal } from './principal';
import { fieldError } from '../common/api-error';

/** Eight hours: one shift. The token's own expiry still applies inside the cookie. */
const SESSION_MAX_AGE_MS = 8 * 3600 * 1000;

/** Puts the token in the session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it). */
export function setSessionCookie(req: Request, res: Response, token: string): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: SESSION_MAX_AGE_MS });
}

/**
 * Browser sessions: the console and the Temporal UI's codec calls cannot
 * attach a bearer header, so a signed-in user trades the token for an
 * HttpOnly, SameSite=Strict cookie holding the same token (verified on
 * every request like the header). SameSite=Strict is the CSRF defence:
 * no other site's page can make the browser send it.
 */
@ApiTags('auth')
@ApiBearerAuth()
@Controller('auth')
export class SessionController {
  @Get('me')
  @Access('session')
  @ApiOperation({ summary: 'Who the token or session belongs to: subject, role and team' })
  @ApiOkResponse({ type: SessionView })
  me(@CurrentPrincipal() principal: Principal): SessionView {
    return { sub: principal.sub, role: principal.role, team: principal.team };
  }

  @Post('session')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('session')
  @ApiOperation({ summary: 'Start a browser session from the bearer token (sets an HttpOnly cookie)' })
  @ApiNoContentResponse({ description: 'The session cookie is set.' })
  start(@Req() req: Request, @Res({ passthrough: true }) res: Response): void {
    const token = req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1];
    if (!token) {
      throw fieldError('Authorization', 'a session starts from a bearer token in the Authorization header');
    }
    setSessionCookie(req, res, token);
  }

  @Delete('session')
  @HttpCode(HttpStatus.NO_CONTENT)
  @Access('session')
  @ApiOperation({ summary: 'End the browser session (clears the cookie)' })
  @ApiNoContentResponse({ description: 'The session cookie is cleared.' })
  end(@Res({ passthrough: true }) res: Response): void {
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', path: '/' });
  }
}

import { Global, Module } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { AccessScope } from './access-scope.service';
import { SessionController } from './session.controller';
import { AccessRepository } from '@careloop/persistence';
import { StaffTeamCache } from './staff-team.cache';
import { TokenVerifier } from './token-verifier';

/**
 * Who is calling and what they may see: the token verifier (used by the access
 * guard, which AppModule registers with the throttler in their fixed order),
 * the access scope lists use, the staff-team cache (one per process, so the admin API's
 * staff writes can forget an entry the guard remembers), and the console's session. Global: every
 * feature's routes are guarded, and lists filter by scope.
 */
@Global()
@Module({
  controllers: [SessionController],
  providers: [
    { provide: TokenVerifier, inject: [API_CONFIG], useFactory: (config: ApiConfig) => new TokenVerifier(config.auth) },
    { provide: StaffTeamCache, inject: [AccessRepository], useFactory: (access: AccessRepository) => new StaffTeamCache(access) },
    AccessScope,
  ],
  exports: [TokenVerifier, StaffTeamCache, AccessScope],
})
export class AuthModule {}

import { Global, Module } from '@nestjs/common';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { AccessScope } from './access-scope.service';
import { SessionController } from './session.controller';
import { TokenVerifier } from './token-verifier';

/**
 * Who is calling and what they may see: the token verifier (used by the access
 * guard, which AppModule registers with the throttler in their fixed order),
 * the access scope lists use, and the console's session. Global: every
 * feature's routes are guarded, and lists filter by scope.
 */
@Global()
@Module({
  controllers: [SessionController],
  providers: [{ provide: TokenVerifier, inject: [API_CONFIG], useFactory: (config: ApiConfig) => new TokenVerifier(config.auth) }, AccessScope],
  exports: [TokenVerifier, AccessScope],
})
export class AuthModule {}

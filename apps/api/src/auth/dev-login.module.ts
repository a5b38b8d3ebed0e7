import { Module } from '@nestjs/common';
import { DevLoginController } from './dev-login.controller';

/** Local sign-in for the console: AppModule imports it only on the local signing secret outside production. */
@Module({ controllers: [DevLoginController] })
export class DevLoginModule {}

import { Global, Module } from '@nestjs/common';
import { ProviderDirectory } from './provider-directory.service';
import { ProviderSeedLoader } from './provider-seed.loader';
import { ProvidersController } from './providers.controller';
import { ProvidersService } from './providers.service';

/** The provider directory: its routes, the seed file, and the cached lookup the access guard and the case routes use (global). */
@Global()
@Module({ controllers: [ProvidersController], providers: [ProviderDirectory, ProvidersService, ProviderSeedLoader], exports: [ProviderDirectory] })
export class ProvidersModule {}

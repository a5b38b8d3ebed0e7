import { DynamicModule, Global, Module } from '@nestjs/common';
import { PersistenceModule } from '@careloop/persistence';
import { TemporalClientModule } from '@careloop/temporal';
import { API_CONFIG, type ApiConfig } from './api.config';
import { TemporalGateway } from './temporal/temporal.gateway';

/**
 * What every feature module stands on, available to all of them without an
 * import: the configuration, Postgres (the repositories), and Temporal (the
 * client, and the gateway every service starts, acts on and reads workflows
 * through).
 */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: ApiConfig): DynamicModule {
    const persistence = PersistenceModule.forRoot(config.databaseUrl);
    const temporal = TemporalClientModule.forRoot(config.temporal);
    return {
      module: CoreModule,
      imports: [persistence, temporal],
      providers: [{ provide: API_CONFIG, useValue: config }, TemporalGateway],
      exports: [persistence, temporal, API_CONFIG, TemporalGateway],
    };
  }
}

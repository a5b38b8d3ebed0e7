import { DynamicModule, Module } from '@nestjs/common';
import { PersistenceModule } from '@careloop/persistence';
import { TemporalWorkerService } from './temporal-worker.service';
import { WORKER_CONFIG } from './worker.tokens';
import type { WorkerConfig } from './worker.config';

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PersistenceModule.forRoot(config.databaseUrl)],
      providers: [{ provide: WORKER_CONFIG, useValue: config }, TemporalWorkerService],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { PersistenceModule } from '@careloop/persistence';
import { TemporalWorkerService } from './temporal-worker.service';
import { StaffRosterLoader } from './staff-roster.loader';
import { WORKER_CONFIG } from './worker.tokens';
import type { WorkerConfig } from './worker.config';

@Module({})
export class WorkerModule {
  static forRoot(config: WorkerConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [PersistenceModule.forRoot(config.databaseUrl)],
      // The roster loads before the worker polls (providers bootstrap in order).
      providers: [{ provide: WORKER_CONFIG, useValue: config }, StaffRosterLoader, TemporalWorkerService],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source.options';
import { CaseRecordRepository } from './case-record.repository';

/** Nest wiring for the persistence library: one DataSource, the repositories built on it. */
@Module({})
export class PersistenceModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [TypeOrmModule.forRoot({ ...buildDataSourceOptions(databaseUrl), retryAttempts: 3, retryDelay: 1000 })],
      providers: [
        {
          provide: CaseRecordRepository,
          inject: [getDataSourceToken()],
          useFactory: (ds: DataSource) => new CaseRecordRepository(ds),
        },
      ],
      exports: [CaseRecordRepository, TypeOrmModule],
    };
  }
}

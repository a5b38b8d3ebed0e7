import type { DataSourceOptions } from 'typeorm';
import { CaseEntity } from './entities/case.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [CaseEntity];

/**
 * The one place the TypeORM connection is described. `synchronize` is never
 * on: the schema changes only through committed migrations.
 */
export function buildDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: ['error', 'migration'],
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}

import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions } from '@careloop/persistence';
import { ensureDatabase } from '../../scripts/embedded-postgres';

/**
 * A new, empty database of its own on the test Postgres (TEST_DATABASE_ADMIN_URL, set by the e2e global
 * setup), connected with the app's DataSource options. Migrations are not run: the caller runs them
 * (`runMigrations`) and may check what ran. `name` tells the databases of the suites apart.
 */
export async function freshDatabase(name: string): Promise<DataSource> {
  const admin = process.env.TEST_DATABASE_ADMIN_URL!;
  const database = `careloop_it_${name}_${randomBytes(4).toString('hex')}`;
  await ensureDatabase(admin, database);
  const url = new URL(admin);
  url.pathname = `/${database}`;
  return new DataSource(buildDataSourceOptions(url.toString())).initialize();
}

import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { AccessRepository, buildDataSourceOptions, databaseEnvSchema } from '@careloop/persistence';
import { sha256Hex } from '../apps/api/src/auth/credentials';

/**
 * `npm run integration-key -- --client hospital-a [--name "Hospital A ADT feed"]`:
 * creates the integration client (or replaces its key: rotation) in the
 * database at DATABASE_URL and prints the new API key once. Only its
 * SHA-256 is stored, so a lost key is replaced, never recovered.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { client: { type: 'string' }, name: { type: 'string' } } });
  if (!values.client || !/^[a-z0-9-]{2,64}$/.test(values.client)) {
    process.stderr.write('usage: npm run integration-key -- --client <id: 2-64 of a-z, 0-9, -> [--name <display name>]\n');
    process.exit(2);
  }
  const env = databaseEnvSchema.safeParse(process.env);
  if (!env.success) {
    process.stderr.write('DATABASE_URL must point at the CareLoop database (npm start prints it)\n');
    process.exit(2);
  }
  const key = `clk_${values.client}_${randomBytes(32).toString('base64url')}`;
  const dataSource = await new DataSource(buildDataSourceOptions(env.data.DATABASE_URL)).initialize();
  try {
    await new AccessRepository(dataSource).saveIntegrationKey(values.client, values.name ?? values.client, sha256Hex(key));
  } finally {
    await dataSource.destroy();
  }
  process.stdout.write(`${key}\n`);
}

void main();

import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { buildDataSourceOptions, databaseEnvSchema, memberCryptoEnvSchema, memberCryptoFrom, MemberRepository } from '@careloop/persistence';

/**
 * `npm run members:reencrypt` (DATABASE_URL, CARELOOP_PAYLOAD_KEYS with the
 * new key first, CARELOOP_MEMBER_INDEX_KEY): rewrites every member record and
 * member version still under an older key with the active key, in batches
 * (each batch one transaction, rows of concurrent requests skipped and picked
 * up by the next pass), then prints how many rows each key protects. Safe to
 * run again and while the API serves. Prints counts and key ids only, never a record.
 */
const envSchema = databaseEnvSchema.extend(memberCryptoEnvSchema.shape).extend({ CARELOOP_PAYLOAD_KEYS: z.string().optional() });

async function main(): Promise<void> {
  const env = envSchema.safeParse(process.env);
  if (!env.success) {
    process.stderr.write(`${env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n')}\n`);
    process.exit(2);
  }
  const { cipher, index } = memberCryptoFrom(env.data);
  const dataSource = await new DataSource(buildDataSourceOptions(env.data.DATABASE_URL)).initialize();
  try {
    const repo = new MemberRepository(dataSource, cipher, index);
    let total = 0;
    for (let n = await repo.reencryptBatch(); n > 0; n = await repo.reencryptBatch()) total += n;
    process.stdout.write(`re-encrypted ${total} rows under key ${cipher.activeKeyId}\n`);
    for (const usage of await repo.keyUsage()) process.stdout.write(`  key ${usage.keyId}: ${usage.rows} rows\n`);
  } finally {
    await dataSource.destroy();
  }
}

void main();

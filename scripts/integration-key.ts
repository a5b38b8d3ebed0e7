import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { HL7_MEMBER_ID_PLACES, HL7_QUALIFIER_PATTERN, type Hl7MemberIdPlace } from '@careloop/domain';
import { AccessRepository, buildDataSourceOptions, databaseEnvSchema } from '@careloop/persistence';
import { sha256Hex } from '../apps/api/src/auth/credentials';

/**
 * `npm run integration-key -- --client hospital-a [--name "Hospital A ADT feed"]
 *   [--hl7-member-id pid3-type|pid3-authority|in1-insured-id [--hl7-member-id-qualifier <code>]]`:
 * creates the integration client (or replaces its key: rotation) in the
 * database at DATABASE_URL and prints the new API key once. Only its
 * SHA-256 is stored, so a lost key is replaced, never recovered.
 * `--hl7-member-id` says where the client's HL7 messages carry the plan member id
 * (docs/integrations.md "Member matching"); without it a rotation keeps the setting.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { client: { type: 'string' }, name: { type: 'string' }, 'hl7-member-id': { type: 'string' }, 'hl7-member-id-qualifier': { type: 'string' } },
  });
  const place = values['hl7-member-id'];
  const qualifier = values['hl7-member-id-qualifier'] ?? null;
  if (place !== undefined && !(HL7_MEMBER_ID_PLACES as readonly string[]).includes(place)) {
    process.stderr.write(`--hl7-member-id must be one of ${HL7_MEMBER_ID_PLACES.join(', ')}\n`);
    process.exit(2);
  }
  if ((qualifier !== null && !HL7_QUALIFIER_PATTERN.test(qualifier)) || (place === 'pid3-authority' && qualifier === null)) {
    process.stderr.write('--hl7-member-id-qualifier must be 1-64 letters, digits or ".-_:" (required for pid3-authority: the assigning authority)\n');
    process.exit(2);
  }
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
    const access = new AccessRepository(dataSource);
    await access.saveIntegrationKey(values.client, values.name ?? values.client, sha256Hex(key));
    if (place !== undefined) await access.saveHl7MemberIdRule(values.client, { place: place as Hl7MemberIdPlace, qualifier });
  } finally {
    await dataSource.destroy();
  }
  process.stdout.write(`${key}\n`);
}

void main();

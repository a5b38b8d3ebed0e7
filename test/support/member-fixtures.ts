import { DataSource } from 'typeorm';
import type { MemberInput } from '@careloop/contracts';
import { memberCryptoFrom } from '@careloop/persistence';
import type { ApiConfig } from '../../apps/api/src/api.config';
import { MemberRegistry } from '../../apps/api/src/members/member-registry.service';
import { syntheticMember } from '../../scripts/load/synthetic-member.fixtures';
import { dateFromToday } from './fixture-dates';

/**
 * A valid member body (POST /members, PUT /members/:id). The birth date is
 * fixed before 2000 (nothing counts from it); the eligibility span starts
 * relative to the test clock; `planId` must be unique per test database.
 */
export function memberBody(planId: string, overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    identifiers: [{ kind: 'plan', value: planId }],
    name: { given: ['Ana', 'María'], family: 'Núñez-Olvera' },
    birthDate: '1956-03-14',
    sex: 'female',
    address: { lines: ['12 Quarry Lane'], city: 'Springfield', state: 'IL', postalCode: '62704' },
    phones: [{ use: 'mobile', number: '+1 312 555 0188', smsOk: true }],
    portal: false,
    contactPreferences: { method: 'phone', windows: [{ days: ['mon', 'wed'], from: '09:00', to: '12:00' }], timeZone: 'America/Chicago' },
    preferredLanguage: 'es',
    interpreterNeeded: true,
    representatives: [],
    eligibility: [{ coverage: 'medicaid', start: dateFromToday(-400), end: null }],
    enrollments: [],
    ...overrides,
  };
}

/** The synthetic member (one definition, in scripts/load: the load driver and the benchmarks register it too). */
export { syntheticMember };

/**
 * Registers members straight into a stack's database (for stacks whose API runs
 * in another process, e.g. the faults suite) with the development member keys,
 * as API and worker use them there. Idempotent per plan id (createOrMatch).
 * Returns the member ids in order.
 */
export async function registerMembersIn(databaseUrl: string, planIds: readonly string[]): Promise<string[]> {
  const ds = await new DataSource({ type: 'postgres', url: databaseUrl }).initialize();
  try {
    const registry = new MemberRegistry(ds, { memberCrypto: memberCryptoFrom({}) } as unknown as ApiConfig);
    const ids: string[] = [];
    for (const planId of planIds) ids.push((await registry.createOrMatch(syntheticMember(planId), 'test-fixture')).member.id);
    return ids;
  } finally {
    await ds.destroy();
  }
}
import { DataSource } from 'typeorm';
import type { MemberInput } from '@careloop/contracts';
import { memberCryptoFrom } from '@careloop/persistence';
import type { ApiConfig } from '../../apps/api/src/api.config';
import { MemberRegistry } from '../../apps/api/src/members/member-registry.service';
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

/**
 * A synthetic registry member (no real person) whose plan member id is `planId`:
 * a case started for `memberRef: planId` stands on it (POST /cases refuses an
 * unregistered member, issue 16). Names differ per plan id, so fixtures do not
 * raise same-name duplicate flags unless a test asks for one.
 */
export function syntheticMember(planId: string, overrides: Partial<MemberInput> = {}): MemberInput {
  return {
    identifiers: [{ kind: 'plan', value: planId }],
    name: { given: ['Fixture'], family: `Member-${planId.replace(/[^A-Za-z0-9]/g, '').slice(-24) || 'X'}` },
    birthDate: '1960-01-01',
    sex: 'unknown',
    phones: [{ use: 'home', number: '+15555550100' }],
    portal: false,
    contactPreferences: { method: 'phone', windows: [], timeZone: 'America/New_York' },
    preferredLanguage: 'en',
    interpreterNeeded: false,
    representatives: [],
    eligibility: [],
    enrollments: [],
    ...overrides,
  };
}

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
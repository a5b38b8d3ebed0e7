import { dateFromToday } from './fixture-dates';
import type { MemberInput } from '@careloop/contracts';

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

import type { MemberInput } from '@careloop/contracts';

/**
 * A valid member body (POST /members, PUT /members/:id). Dates are fixed and
 * in the past (a birth date never depends on today); `planId` must be unique
 * per test database.
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
    eligibility: [{ coverage: 'medicaid', start: '2024-01-01', end: null }],
    enrollments: [],
    ...overrides,
  };
}

import { normaliseForIndex, representativeMayConsent, validateMemberRecord, type MemberRecordForValidation } from '@careloop/domain';

const TODAY = '2026-11-10';

const VALID: MemberRecordForValidation = {
  identifiers: [
    { kind: 'plan', value: 'M-1001' },
    { kind: 'medicaid', value: 'TX123', system: 'urn:oid:2.16.840.1' },
  ],
  name: { given: ['Ana', 'María'], family: 'Núñez' },
  birthDate: '1961-04-30',
  sex: 'female',
  phones: [{ use: 'mobile', number: '+1 (512) 555-0100' }],
  email: 'ana@example.org',
  contactPreferences: { method: 'phone', windows: [{ days: ['mon', 'wed'], from: '09:00', to: '12:30' }], timeZone: 'America/Chicago' },
  preferredLanguage: 'es-MX',
  representatives: [{ name: 'Luis Núñez', relationship: 'spouse', authorities: ['consent_care_plan'], validFrom: '2026-01-01', validUntil: null }],
  eligibility: [{ coverage: 'medicaid', start: '2026-01-01', end: '2026-12-31' }],
  enrollments: [{ programCode: 'CCM', start: '2026-02-01', end: null }],
};

function withPatch(patch: Record<string, unknown>): MemberRecordForValidation {
  return { ...structuredClone(VALID), ...patch } as MemberRecordForValidation;
}

const fields = (r: MemberRecordForValidation) => validateMemberRecord(r, TODAY).map((i) => i.field);

describe('validateMemberRecord', () => {
  it('accepts a valid record', () => {
    expect(validateMemberRecord(VALID, TODAY)).toEqual([]);
  });

  it('requires exactly one plan identifier', () => {
    expect(fields(withPatch({ identifiers: [{ kind: 'medicaid', value: 'X' }] }))).toEqual(['identifiers']);
    expect(fields(withPatch({ identifiers: [{ kind: 'plan', value: 'A' }, { kind: 'plan', value: 'B' }] }))).toEqual(['identifiers']);
    expect(fields(withPatch({ identifiers: [{ kind: 'plan', value: ' ' }, { kind: 'ssn', value: '1' }] }))).toEqual(['identifiers[0].value', 'identifiers[1].kind']);
  });

  it('refuses an impossible or future birth date, but accepts today', () => {
    expect(fields(withPatch({ birthDate: '1961-02-30' }))).toEqual(['birthDate']);
    expect(fields(withPatch({ birthDate: '2026-11-11' }))).toEqual(['birthDate']);
    expect(fields(withPatch({ birthDate: TODAY }))).toEqual([]);
  });

  it('checks phones, email and language tags', () => {
    expect(fields(withPatch({ phones: [{ use: 'pager', number: '555-0100' }] }))).toEqual(['phones[0].use', 'phones[0].number']);
    expect(fields(withPatch({ email: 'not-an-email' }))).toEqual(['email']);
    expect(fields(withPatch({ preferredLanguage: 'spanish language' }))).toEqual(['preferredLanguage']);
    expect(fields(withPatch({ preferredLanguage: 'en' }))).toEqual([]);
  });

  it('checks contact windows and the time zone', () => {
    const prefs = { method: 'phone', timeZone: 'Mars/Olympus', windows: [{ days: [], from: '12:00', to: '09:00' }, { days: ['fri'], from: '9:00', to: '24:00' }] };
    expect(fields(withPatch({ contactPreferences: prefs }))).toEqual([
      'contactPreferences.timeZone',
      'contactPreferences.windows[0].days',
      'contactPreferences.windows[0].to',
      'contactPreferences.windows[1].from',
      'contactPreferences.windows[1].to',
    ]);
  });

  it('refuses a preferred method the member cannot be reached by', () => {
    const noEmail = withPatch({ contactPreferences: { ...VALID.contactPreferences, method: 'email' } });
    delete (noEmail as { email?: string }).email;
    expect(fields(noEmail)).toEqual(['contactPreferences.method']);
  });

  it('checks representative validity and spans, start ≤ end', () => {
    const rep = { ...VALID.representatives[0]!, validFrom: '2026-05-01', validUntil: '2026-04-30', authorities: ['sign_anything'] };
    expect(fields(withPatch({ representatives: [rep] }))).toEqual(['representatives[0].authorities[0]', 'representatives[0].validUntil']);
    expect(fields(withPatch({ eligibility: [{ coverage: 'mc', start: '2026-03-01', end: '2026-02-28' }] }))).toEqual(['eligibility[0].end']);
    expect(fields(withPatch({ enrollments: [{ programCode: 'ccm', start: '2026-03-01', end: '2026-03-01' }] }))).toEqual(['enrollments[0].programCode']);
  });

  it('never echoes the values in its reasons', () => {
    const issues = validateMemberRecord(withPatch({ email: 'secret-person@@x', phones: [{ use: 'home', number: '5550199' }] }), TODAY);
    expect(issues.length).toBe(2);
    for (const i of issues) expect(i.reason).not.toMatch(/secret-person|5550199/);
  });

  it('refuses a malformed today', () => {
    expect(() => validateMemberRecord(VALID, '10/11/2026')).toThrow(RangeError);
  });
});

describe('representativeMayConsent', () => {
  const rep = { authorities: ['consent_care_plan', 'receive_information'], validFrom: '2026-01-01', validUntil: '2026-06-30' };
  it('allows a recorded authority within the validity, both ends inclusive', () => {
    expect(representativeMayConsent(rep, 'consent_care_plan', '2026-01-01')).toBe(true);
    expect(representativeMayConsent(rep, 'consent_care_plan', '2026-06-30')).toBe(true);
  });
  it('refuses outside the validity, an unrecorded authority, or a malformed day', () => {
    expect(representativeMayConsent(rep, 'consent_care_plan', '2025-12-31')).toBe(false);
    expect(representativeMayConsent(rep, 'consent_care_plan', '2026-07-01')).toBe(false);
    expect(representativeMayConsent(rep, 'participate_in_planning', '2026-03-01')).toBe(false);
    expect(representativeMayConsent(rep, 'consent_care_plan', '2026-02-30')).toBe(false);
  });
  it('treats a null validUntil as open-ended', () => {
    expect(representativeMayConsent({ ...rep, validUntil: null }, 'receive_information', '2040-01-01')).toBe(true);
  });
});

describe('normaliseForIndex', () => {
  it('trims, lower-cases, strips diacritics and collapses spaces', () => {
    expect(normaliseForIndex('  Núñez   GARCÍA ')).toBe('nunez garcia');
    expect(normaliseForIndex('Zoë\tÅsa')).toBe('zoe asa');
    expect(normaliseForIndex('ﬁ')).toBe('fi');
  });
});

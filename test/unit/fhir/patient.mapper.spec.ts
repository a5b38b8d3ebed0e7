import fc from 'fast-check';
import type { Patient } from '@medplum/fhirtypes';
import type { MemberInput } from '@careloop/contracts';
import { MEMBER_CONTACT_METHODS, PHONE_USES, RECORDED_SEXES, REPRESENTATIVE_AUTHORITIES, REPRESENTATIVE_RELATIONSHIPS, WEEKDAYS } from '@careloop/domain';
import { patientToMemberInput } from '../../../apps/api/src/fhir/patient-in.mapper';
import { memberToPatient } from '../../../apps/api/src/fhir/patient-out.mapper';
import { US_CORE_PATIENT, validateFhir } from '../../../apps/api/src/fhir/fhir-validator';
import { IN_OPTIONS, MEDICAID_SYSTEM, MEMBER_INPUT, OTHER_SYSTEM, OUT_OPTIONS, PLAN_SYSTEM, memberView } from './fhir-samples';

/** Deep, loosely typed copy to break on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Mutable = Record<string, any>;
const samplePatient = (): Mutable => structuredClone(memberToPatient(memberView(MEMBER_INPUT), OUT_OPTIONS)) as Mutable;

function errorsOf(patient: Mutable): { field: string; reason: string }[] {
  const result = patientToMemberInput(patient as Patient, IN_OPTIONS);
  if (result.ok) throw new Error('expected the Patient to be refused');
  return result.errors;
}
const PHI = ['M-900001', 'Samplewoman', 'Testa', '1958', '555-01', 'Springfield'];

describe('memberToPatient', () => {
  it('produces a US Core Patient that validates against base R4 and the US Core Patient profile', () => {
    const patient = memberToPatient(memberView(MEMBER_INPUT), OUT_OPTIONS);
    expect(validateFhir(patient)).toEqual([]);
    expect(validateFhir(patient, US_CORE_PATIENT)).toEqual([]);
    expect(patient.meta?.profile).toEqual([US_CORE_PATIENT]);
    expect(patient.meta?.versionId).toBe('3');
    expect(patient.identifier?.[0]).toEqual({
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB' }] },
      system: PLAN_SYSTEM,
      value: 'M-900001',
    });
    expect(patient.identifier?.[1]?.type?.coding?.[0]?.code).toBe('MA');
    expect(patient.identifier?.[2]?.system).toBe('http://hl7.org/fhir/sid/us-mbi');
    expect(patient.contact?.[0]?.relationship?.[0]?.coding?.[0]).toEqual({ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD' });
    expect(patient.generalPractitioner).toEqual([{ reference: 'Practitioner/prov-42' }]);
  });

  it('writes the configured plan system for a plan id recorded without one', () => {
    const patient = memberToPatient(memberView({ ...MEMBER_INPUT, identifiers: [{ kind: 'plan', value: 'M-1' }] }), OUT_OPTIONS);
    expect(patient.identifier?.[0]?.system).toBe(PLAN_SYSTEM);
    expect(validateFhir(patient, US_CORE_PATIENT)).toEqual([]);
  });
});

describe('patientToMemberInput', () => {
  it('reads the sample back', () => {
    const result = patientToMemberInput(samplePatient() as Patient, { ...IN_OPTIONS, eligibility: MEMBER_INPUT.eligibility, enrollments: MEMBER_INPUT.enrollments });
    expect(result).toEqual({ ok: true, member: MEMBER_INPUT });
  });

  it('maps identifiers by type when the system is not configured, and NPI / next-of-kin / default authorities', () => {
    const p = samplePatient();
    p.identifier = [
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MB' }] }, system: 'https://other-plan.example/id', value: 'X1' },
      { type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0203', code: 'MA' }] }, system: 'urn:oid:1.2.3', value: 'X2' },
    ];
    p.generalPractitioner = [{ identifier: { system: 'http://hl7.org/fhir/sid/us-npi', value: '1234567893' } }];
    p.contact = [
      { relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0131', code: 'N' }] }], name: { given: ['Kin'], family: 'Sample' }, period: { start: '2022-01-01' } },
      { relationship: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'GUARD' }] }], name: { text: 'G' }, period: { start: '2022-01-01', end: '2030-12-31' } },
    ];
    const result = patientToMemberInput(p as Patient, IN_OPTIONS);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.member.identifiers).toEqual([
      { kind: 'plan', value: 'X1', system: 'https://other-plan.example/id' },
      { kind: 'medicaid', value: 'X2', system: 'urn:oid:1.2.3' },
    ]);
    expect(result.member.pcpProviderId).toBe('1234567893');
    expect(result.member.representatives).toEqual([
      { name: 'Kin Sample', relationship: 'family', authorities: [], validFrom: '2022-01-01', validUntil: null },
      { name: 'G', relationship: 'guardian', authorities: [...REPRESENTATIVE_AUTHORITIES], validFrom: '2022-01-01', validUntil: '2030-12-31' },
    ]);
  });

  it.each<[string, string, (p: Mutable) => void]>([
    ['missing birthDate', 'Patient.birthDate', (p) => delete p.birthDate],
    ['malformed birthDate', 'Patient.birthDate', (p) => (p.birthDate = '1958-13-40')],
    ['partial birthDate', 'Patient.birthDate', (p) => (p.birthDate = '1958-03')],
    ['bad gender code', 'Patient.gender', (p) => (p.gender = 'fmale')],
    ['missing gender', 'Patient.gender', (p) => delete p.gender],
    ['unknown identifier system', 'Patient.identifier[1].system', (p) => (p.identifier[1] = { system: 'https://unknown.example/id', value: 'Z9' })],
    ['non-string identifier value', 'Patient.identifier[0].value', (p) => (p.identifier[0].value = 42)],
    ['no identifier (US Core)', 'Patient.identifier', (p) => delete p.identifier],
    ['no name (US Core)', 'Patient.name', (p) => delete p.name],
    ['malformed representative period', 'Patient.contact[0].period.start', (p) => (p.contact[0].period.start = '2020-02-30x')],
    ['phone without a use', 'Patient.telecom[1].use', (p) => delete p.telecom[1].use],
    ['unknown relationship', 'Patient.contact[0].relationship', (p) => (p.contact[0].relationship = [{ coding: [{ system: 'urn:x', code: 'Q' }] }])],
    ['no preferred language', 'Patient.communication', (p) => delete p.communication],
    ['pcp not a Practitioner', 'Patient.generalPractitioner[0]', (p) => (p.generalPractitioner = [{ reference: 'Organization/1' }])],
    ['unknown element', 'Patient.favouriteColour', (p) => (p.favouriteColour = 'blue')],
  ])('refuses %s, naming %s', (_label, field, breakIt) => {
    const p = samplePatient();
    breakIt(p);
    const errors = errorsOf(p);
    expect(errors.map((e) => e.field)).toContain(field);
    for (const text of PHI) expect(JSON.stringify(errors)).not.toContain(text);
  });

  it('refuses something that is not a Patient', () => {
    expect(errorsOf({ resourceType: 'Observation' })).toEqual([{ field: 'resourceType', reason: 'must be Patient' }]);
  });
});

const text = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .'-]{0,15}[A-Za-z0-9]$/);
const day = fc.date({ min: new Date('1920-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const hhmm = fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 })).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

const memberInput: fc.Arbitrary<MemberInput> = fc
  .record({
    identifiers: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('plan' as const), value: text, system: fc.constant(PLAN_SYSTEM) }),
        fc.record({ kind: fc.constant('medicaid' as const), value: text, system: fc.constant(MEDICAID_SYSTEM) }),
        fc.record({ kind: fc.constant('mbi' as const), value: text, system: fc.constant('http://hl7.org/fhir/sid/us-mbi') }),
        fc.record({ kind: fc.constant('other' as const), value: text, system: fc.constant(OTHER_SYSTEM) }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    name: fc.record({ given: fc.array(text, { maxLength: 2 }), family: text, preferred: opt(text) }, { requiredKeys: ['given', 'family'] }),
    birthDate: day,
    sex: fc.constantFrom(...RECORDED_SEXES),
    genderIdentity: opt(text),
    address: opt(fc.record({ lines: fc.array(text, { maxLength: 2 }), city: text, state: text, postalCode: text, country: opt(text) }, { requiredKeys: ['lines', 'city', 'state', 'postalCode'] })),
    phones: fc.array(fc.record({ use: fc.constantFrom(...PHONE_USES), number: text, smsOk: opt(fc.boolean()) }, { requiredKeys: ['use', 'number'] }), { maxLength: 3 }),
    email: opt(text),
    portal: fc.boolean(),
    contactPreferences: fc.record({
      method: fc.constantFrom(...MEMBER_CONTACT_METHODS),
      windows: fc.array(fc.record({ days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { maxLength: 7 }), from: hhmm, to: hhmm }), { maxLength: 2 }),
      timeZone: fc.constantFrom('America/Chicago', 'America/New_York', 'Pacific/Honolulu'),
    }),
    preferredLanguage: fc.constantFrom('en', 'es', 'en-US', 'vi', 'zh-Hant'),
    interpreterNeeded: fc.boolean(),
    representatives: fc.array(
      fc.record(
        {
          id: fc.integer({ min: 0, max: 999 }).map((n) => `rep_${n}`),
          name: text,
          relationship: fc.constantFrom(...REPRESENTATIVE_RELATIONSHIPS),
          authorities: fc.uniqueArray(fc.constantFrom(...REPRESENTATIVE_AUTHORITIES)),
          validFrom: day,
          validUntil: fc.option(day, { nil: null }),
          phone: opt(text),
          email: opt(text),
          preferredLanguage: opt(fc.constantFrom('en', 'es')),
        },
        { requiredKeys: ['id', 'name', 'relationship', 'authorities', 'validFrom', 'validUntil'] },
      ),
      { maxLength: 2 },
    ),
    pcpProviderId: fc.option(fc.stringMatching(/^[a-z0-9-]{1,12}$/), { nil: null }),
    eligibility: fc.array(fc.record({ coverage: text, start: day, end: fc.option(day, { nil: null }) }), { maxLength: 1 }),
    enrollments: fc.array(fc.record({ programCode: text, start: day, end: fc.option(day, { nil: null }) }), { maxLength: 1 }),
  })
  .map((m) => JSON.parse(JSON.stringify(m)) as MemberInput); // drops undefined optional keys, as the registry's JSON does

describe('round trip', () => {
  it('memberToPatient then patientToMemberInput gives back the same MemberInput, and every Patient validates', () => {
    fc.assert(
      fc.property(memberInput, (input) => {
        const patient = memberToPatient(memberView(input), OUT_OPTIONS);
        expect(validateFhir(patient, US_CORE_PATIENT)).toEqual([]);
        const back = patientToMemberInput(patient, { ...IN_OPTIONS, eligibility: input.eligibility, enrollments: input.enrollments });
        expect(back).toEqual({ ok: true, member: input });
      }),
      { numRuns: 150 },
    );
  });
});

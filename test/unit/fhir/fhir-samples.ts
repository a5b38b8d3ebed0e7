import type { MemberInput, MemberView } from '@careloop/contracts';
import type { PatientInOptions } from '../../../apps/api/src/fhir/patient-in.mapper';

export const PLAN_SYSTEM = 'https://plan.example/member-id';
export const MEDICAID_SYSTEM = 'urn:oid:2.16.840.1.113883.4.3.36';
export const OTHER_SYSTEM = 'https://plan.example/legacy-id';

export const IN_OPTIONS: PatientInOptions = {
  planSystems: [PLAN_SYSTEM],
  medicaidSystems: [MEDICAID_SYSTEM],
  otherSystems: [OTHER_SYSTEM],
  defaultContactPreferences: { method: 'phone', windows: [], timeZone: 'America/New_York' },
};
export const OUT_OPTIONS = { planSystem: PLAN_SYSTEM };

/** A synthetic member (no real person). */
export const MEMBER_INPUT: MemberInput = {
  identifiers: [
    { kind: 'plan', value: 'M-900001', system: PLAN_SYSTEM },
    { kind: 'medicaid', value: 'MCD-77', system: MEDICAID_SYSTEM },
    { kind: 'mbi', value: '1EG4TE5MK73', system: 'http://hl7.org/fhir/sid/us-mbi' },
  ],
  name: { given: ['Testa', 'Q'], family: 'Samplewoman', preferred: 'Tess' },
  birthDate: '1958-03-14',
  sex: 'female',
  genderIdentity: 'woman',
  address: { lines: ['1 Fixture Way', 'Apt 2'], city: 'Springfield', state: 'IL', postalCode: '62701', country: 'US' },
  phones: [{ use: 'mobile', number: '555-0100', smsOk: true }, { use: 'home', number: '555-0101' }],
  email: 'testa@example.invalid',
  portal: true,
  contactPreferences: { method: 'sms', windows: [{ days: ['mon', 'wed'], from: '09:00', to: '12:30' }], timeZone: 'America/Chicago' },
  preferredLanguage: 'es',
  interpreterNeeded: true,
  representatives: [
    {
      id: 'rep_1',
      name: 'Guardia Samplewoman',
      relationship: 'guardian',
      authorities: ['consent_care_plan', 'receive_information'],
      validFrom: '2020-01-01',
      validUntil: null,
      phone: '555-0102',
      preferredLanguage: 'en',
    },
  ],
  pcpProviderId: 'prov-42',
  eligibility: [{ coverage: 'medicaid', start: '2020-01-01', end: null }],
  enrollments: [{ programCode: 'ccm', start: '2021-02-01', end: null }],
};

export function memberView(input: MemberInput, id = 'mbr_0123456789abcdefghjkmnpqrs'): MemberView {
  return {
    ...input,
    representatives: input.representatives.map((r, i) => ({ ...r, id: r.id ?? `rep_${i}` })),
    id,
    version: 3,
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-06-01T10:00:00.000Z',
    openDuplicateFlags: [],
  };
}

import type { ContactPoint, Extension, Identifier, Patient, PatientContact } from '@medplum/fhirtypes';
import type { AuthorisedRepresentative, ContactPreferences, MemberIdentifier, MemberView } from '@careloop/contracts';
import {
  BCP_47,
  EXT_CONTACT_PREFERENCES,
  EXT_INTERPRETER_REQUIRED,
  EXT_PORTAL,
  EXT_REPRESENTATIVE_AUTHORITY,
  EXT_REPRESENTATIVE_LANGUAGE,
  EXT_SMS_OK,
  EXT_US_CORE_GENDER_IDENTITY,
  US_MBI,
  V2_0203,
} from './fhir.systems';
import { US_CORE_PATIENT } from './fhir-validator';
import { RELATIONSHIP_CODES } from './patient-codes';

export interface PatientOutOptions {
  /** System written for a plan member id recorded without one (US Core requires Identifier.system). */
  readonly planSystem: string;
}

/**
 * A registry member as a US Core Patient (5.0.1). Registry facts R4 has no
 * element for (portal account, contact preferences, SMS consent, a
 * representative's authorities and language) travel as CareLoop extensions
 * (fhir.systems.ts) so patientToMemberInput reads back the same MemberInput.
 * Eligibility and enrollments are not Patient data (Coverage, EpisodeOfCare).
 */
export function memberToPatient(member: MemberView, options: PatientOutOptions): Patient {
  const extension: Extension[] = [
    { url: EXT_PORTAL, valueBoolean: member.portal },
    { url: EXT_INTERPRETER_REQUIRED, valueBoolean: member.interpreterNeeded },
    contactPreferencesExtension(member.contactPreferences),
    ...(member.genderIdentity ? [{ url: EXT_US_CORE_GENDER_IDENTITY, valueCodeableConcept: { text: member.genderIdentity } }] : []),
  ];
  const telecom: ContactPoint[] = [
    ...member.phones.map((p) => ({
      system: 'phone' as const,
      value: p.number,
      use: p.use,
      ...(p.smsOk !== undefined ? { extension: [{ url: EXT_SMS_OK, valueBoolean: p.smsOk }] } : {}),
    })),
    ...(member.email !== undefined ? [{ system: 'email' as const, value: member.email }] : []),
  ];
  return {
    resourceType: 'Patient',
    id: member.id,
    meta: { versionId: String(member.version), lastUpdated: member.updatedAt, profile: [US_CORE_PATIENT] },
    extension,
    identifier: member.identifiers.map((id) => identifier(id, options)),
    name: [
      { use: 'official', family: member.name.family, ...(member.name.given.length > 0 ? { given: [...member.name.given] } : {}) },
      ...(member.name.preferred ? [{ use: 'usual' as const, given: [member.name.preferred] }] : []),
    ],
    ...(telecom.length > 0 ? { telecom } : {}),
    gender: member.sex,
    birthDate: member.birthDate,
    ...(member.address
      ? {
          address: [
            {
              ...(member.address.lines.length > 0 ? { line: [...member.address.lines] } : {}),
              city: member.address.city,
              state: member.address.state,
              postalCode: member.address.postalCode,
              ...(member.address.country ? { country: member.address.country } : {}),
            },
          ],
        }
      : {}),
    ...(member.representatives.length > 0 ? { contact: member.representatives.map(contact) } : {}),
    communication: [{ language: { coding: [{ system: BCP_47, code: member.preferredLanguage }] }, preferred: true }],
    ...(member.pcpProviderId ? { generalPractitioner: [{ reference: `Practitioner/${member.pcpProviderId}` }] } : {}),
  };
}

function identifier(id: MemberIdentifier, o: PatientOutOptions): Identifier {
  const type = id.kind === 'plan' ? 'MB' : id.kind === 'medicaid' ? 'MA' : undefined;
  const system = id.kind === 'mbi' ? US_MBI : (id.system ?? (id.kind === 'plan' ? o.planSystem : undefined));
  return {
    ...(type ? { type: { coding: [{ system: V2_0203, code: type }] } } : {}),
    ...(system ? { system } : {}),
    value: id.value,
  };
}

function contactPreferencesExtension(c: ContactPreferences): Extension {
  return {
    url: EXT_CONTACT_PREFERENCES,
    extension: [
      { url: 'method', valueCode: c.method },
      { url: 'timeZone', valueCode: c.timeZone },
      ...c.windows.map((w) => ({
        url: 'window',
        extension: [
          ...w.days.map((d) => ({ url: 'day', valueCode: d })),
          { url: 'from', valueTime: `${w.from}:00` },
          { url: 'to', valueTime: `${w.to}:00` },
        ],
      })),
    ],
  };
}

function contact(r: AuthorisedRepresentative): PatientContact {
  const authorities = r.authorities.length > 0 ? r.authorities : ['none'];
  const telecom: ContactPoint[] = [
    ...(r.phone ? [{ system: 'phone' as const, value: r.phone }] : []),
    ...(r.email ? [{ system: 'email' as const, value: r.email }] : []),
  ];
  return {
    id: r.id,
    extension: [
      ...authorities.map((a) => ({ url: EXT_REPRESENTATIVE_AUTHORITY, valueCode: a })),
      ...(r.preferredLanguage ? [{ url: EXT_REPRESENTATIVE_LANGUAGE, valueCode: r.preferredLanguage }] : []),
    ],
    relationship: [{ coding: [{ ...RELATIONSHIP_CODES[r.relationship] }] }],
    name: { text: r.name },
    ...(telecom.length > 0 ? { telecom } : {}),
    period: { start: r.validFrom, ...(r.validUntil ? { end: r.validUntil } : {}) },
  };
}

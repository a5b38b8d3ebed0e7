import type { RepresentativeAuthority, RepresentativeRelationship } from '@careloop/domain';
import { REPRESENTATIVE_AUTHORITIES } from '@careloop/domain';
import { CARELOOP_RELATIONSHIP, V2_0131, V3_ROLE_CODE } from './fhir.systems';

interface Code {
  readonly system: string;
  readonly code: string;
}

/** What memberToPatient writes for each relationship (HL7 codes where HL7 has one). */
export const RELATIONSHIP_CODES: Readonly<Record<RepresentativeRelationship, Code>> = {
  guardian: { system: V3_ROLE_CODE, code: 'GUARD' },
  parent: { system: V3_ROLE_CODE, code: 'PRN' },
  spouse: { system: V3_ROLE_CODE, code: 'SPS' },
  family: { system: V3_ROLE_CODE, code: 'FAMMEMB' },
  healthcare_proxy: { system: V3_ROLE_CODE, code: 'HPOWATT' },
  caregiver: { system: CARELOOP_RELATIONSHIP, code: 'caregiver' },
  other: { system: CARELOOP_RELATIONSHIP, code: 'other' },
};

/** Codes read on the way in besides RELATIONSHIP_CODES (v2-0131 N: next of kin is family). */
const INBOUND_EXTRA: readonly (Code & { readonly relationship: RepresentativeRelationship })[] = [
  { system: V2_0131, code: 'N', relationship: 'family' },
  { system: V3_ROLE_CODE, code: 'NOK', relationship: 'family' },
  { system: V3_ROLE_CODE, code: 'POWATT', relationship: 'healthcare_proxy' },
];

export function relationshipOf(coding: { system?: string; code?: string }): RepresentativeRelationship | undefined {
  for (const [relationship, c] of Object.entries(RELATIONSHIP_CODES)) {
    if (c.system === coding.system && c.code === coding.code) return relationship as RepresentativeRelationship;
  }
  return INBOUND_EXTRA.find((c) => c.system === coding.system && c.code === coding.code)?.relationship;
}

/**
 * Authorities when the contact carries no representative-authority extension:
 * a legal guardian (GUARD) holds all of them; a healthcare power of attorney
 * may consent to and take part in planning and be informed; anyone else holds
 * none until the plan records them (a relationship alone is not authority).
 */
export function defaultAuthorities(relationship: RepresentativeRelationship): RepresentativeAuthority[] {
  if (relationship === 'guardian') return [...REPRESENTATIVE_AUTHORITIES];
  if (relationship === 'healthcare_proxy') return ['consent_care_plan', 'participate_in_planning', 'receive_information'];
  return [];
}

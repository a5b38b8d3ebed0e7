/**
 * Code systems, identifier systems and extension URLs of CareLoop's FHIR
 * mapping (docs/integrations.md, "FHIR R4"). HL7 ones where HL7 defines the
 * concept; `CARELOOP_EXT` ones only for what R4/US Core has no element for.
 */
export const V2_0203 = 'http://terminology.hl7.org/CodeSystem/v2-0203';
export const V2_0131 = 'http://terminology.hl7.org/CodeSystem/v2-0131';
export const V3_ROLE_CODE = 'http://terminology.hl7.org/CodeSystem/v3-RoleCode';
export const US_MBI = 'http://hl7.org/fhir/sid/us-mbi';
export const US_NPI = 'http://hl7.org/fhir/sid/us-npi';
export const BCP_47 = 'urn:ietf:bcp:47';

export const EXT_INTERPRETER_REQUIRED = 'http://hl7.org/fhir/StructureDefinition/patient-interpreterRequired';
export const EXT_US_CORE_GENDER_IDENTITY = 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-genderIdentity';

const CARELOOP_EXT = 'https://careloop.example/fhir/StructureDefinition';
/** Patient: the member has an active portal account (valueBoolean). */
export const EXT_PORTAL = `${CARELOOP_EXT}/portal-account`;
/** Patient: complex — method (valueCode), timeZone (valueCode), window* (day* valueCode, from/to valueTime). */
export const EXT_CONTACT_PREFERENCES = `${CARELOOP_EXT}/contact-preferences`;
/** ContactPoint: the member agreed to texts on this number (valueBoolean). */
export const EXT_SMS_OK = `${CARELOOP_EXT}/sms-ok`;
/** Patient.contact: one per authority (valueCode); the single code `none` says "explicitly none". */
export const EXT_REPRESENTATIVE_AUTHORITY = `${CARELOOP_EXT}/representative-authority`;
/** Patient.contact: the representative's preferred language, BCP 47 (valueCode). */
export const EXT_REPRESENTATIVE_LANGUAGE = `${CARELOOP_EXT}/representative-language`;
/** Relationship codes HL7 has no code for (caregiver, other). */
export const CARELOOP_RELATIONSHIP = 'https://careloop.example/fhir/CodeSystem/representative-relationship';

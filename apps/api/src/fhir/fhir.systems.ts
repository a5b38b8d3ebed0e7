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

/** The base of CareLoop's own canonical URLs (its extensions, code systems and measures). */
export const CARELOOP_FHIR_BASE = 'https://careloop.example/fhir';
const CARELOOP_EXT = `${CARELOOP_FHIR_BASE}/StructureDefinition`;
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

/** MeasureReport.measure: the canonical of a CareLoop quality measure (`${CARELOOP_MEASURE}/<measure id>`, libs/domain MEASURES). */
export const CARELOOP_MEASURE = `${CARELOOP_FHIR_BASE}/Measure`;
/** MeasureReport.group.stratifier.code: the stratum a measure is broken down by. */
export const CARELOOP_MEASURE_STRATUM = `${CARELOOP_FHIR_BASE}/CodeSystem/measure-stratum`;
export const MEASURE_POPULATION = 'http://terminology.hl7.org/CodeSystem/measure-population';
export const MEASURE_IMPROVEMENT_NOTATION = 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation';
export const EXT_DATA_ABSENT_REASON = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason';
export const UCUM = 'http://unitsofmeasure.org';

import { EXT_CONTACT_PREFERENCES } from './fhir.systems';

/**
 * Where each registry field (MemberInput, as validateMemberRecord names
 * them) comes from in a Patient (patient-in.mapper.ts). Indexes are kept
 * where the mapping keeps them (identifiers drop unknown systems first, so
 * theirs are not kept; representatives are Patient.contact one to one).
 */
const PREFIXES: readonly (readonly [RegExp, (m: RegExpExecArray) => string])[] = [
  [/^identifiers(\[\d+\])?/, () => 'Patient.identifier'],
  [/^name\.preferred/, () => 'Patient.name'],
  [/^name\.given/, () => 'Patient.name.given'],
  [/^name\.family/, () => 'Patient.name.family'],
  [/^name/, () => 'Patient.name'],
  [/^birthDate/, () => 'Patient.birthDate'],
  [/^sex/, () => 'Patient.gender'],
  [/^genderIdentity/, () => `Patient.extension('http://hl7.org/fhir/us/core/StructureDefinition/us-core-genderIdentity')`],
  [/^address\.lines/, () => 'Patient.address[0].line'],
  [/^address\.(city|state|postalCode|country)/, (m) => `Patient.address[0].${m[1]}`],
  [/^address/, () => 'Patient.address[0]'],
  [/^(phones|email)/, () => 'Patient.telecom'],
  [/^contactPreferences/, () => `Patient.extension('${EXT_CONTACT_PREFERENCES}')`],
  [/^preferredLanguage/, () => 'Patient.communication'],
  [/^representatives\[(\d+)\]\.(name|relationship|telecom)/, (m) => `Patient.contact[${m[1]}].${m[2]}`],
  [/^representatives\[(\d+)\]\.(phone|email)/, (m) => `Patient.contact[${m[1]}].telecom`],
  [/^representatives\[(\d+)\]\.valid(From|Until)/, (m) => `Patient.contact[${m[1]}].period.${m[2] === 'From' ? 'start' : 'end'}`],
  [/^representatives\[(\d+)\]/, (m) => `Patient.contact[${m[1]}]`],
  [/^representatives/, () => 'Patient.contact'],
  [/^pcpProviderId/, () => 'Patient.generalPractitioner[0]'],
];

export function registryFieldToFhirPath(field: string): string {
  for (const [pattern, path] of PREFIXES) {
    const m = pattern.exec(field);
    if (m) return path(m);
  }
  return 'Patient';
}

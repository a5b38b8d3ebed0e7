import type { ContactPoint, Extension, HumanName, Identifier, Patient, PatientContact } from '@medplum/fhirtypes';
import type {
  ContactPreferences,
  ContactWindow,
  EligibilitySpan,
  EnrollmentSpan,
  FieldError,
  MemberIdentifier,
  MemberInput,
  MemberPhone,
  RepresentativeInput,
} from '@careloop/contracts';
import {
  MEMBER_CONTACT_METHODS,
  PHONE_USES,
  RECORDED_SEXES,
  REPRESENTATIVE_AUTHORITIES,
  WEEKDAYS,
  type MemberContactMethod,
  type PhoneUse,
  type RecordedSex,
  type RepresentativeAuthority,
  type Weekday,
} from '@careloop/domain';
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
  US_NPI,
  V2_0203,
} from './fhir.systems';
import { validateFhir } from './fhir-validator';
import { defaultAuthorities, relationshipOf } from './patient-codes';

/** Which identifier systems the plan trusts, and what a Patient cannot carry (coverage, enrollment). */
export interface PatientInOptions {
  /** Systems of the plan's member id (besides identifier type MB). */
  readonly planSystems: readonly string[];
  /** State Medicaid systems (besides identifier type MA). */
  readonly medicaidSystems: readonly string[];
  /** Further systems accepted as kind `other`; any other system is refused. */
  readonly otherSystems: readonly string[];
  /** Used when the Patient has no contact-preferences extension. */
  readonly defaultContactPreferences: ContactPreferences;
  /** Coverage and program enrollment live in Coverage / EpisodeOfCare, not Patient. */
  readonly eligibility?: readonly EligibilitySpan[];
  readonly enrollments?: readonly EnrollmentSpan[];
}

export type PatientInResult = { readonly ok: true; readonly member: MemberInput } | { readonly ok: false; readonly errors: FieldError[] };

/**
 * A FHIR R4 Patient (US Core Patient expected) as a registry MemberInput.
 * Validates against base R4 and US Core Patient first (refusing invalid FHIR),
 * then maps; every error's `field` is a FHIR path such as
 * `Patient.identifier[0].system`. Reasons never quote values (PHI).
 */
export function patientToMemberInput(patient: Patient, options: PatientInOptions): PatientInResult {
  if ((patient as { resourceType?: unknown })?.resourceType !== 'Patient') {
    return { ok: false, errors: [{ field: 'resourceType', reason: 'must be Patient' }] };
  }
  const invalid = validateFhir(patient, 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient');
  const errors: FieldError[] = [...invalid, ...usCoreChecks(patient)];
  if (errors.length > 0) return { ok: false, errors: dedupe(errors) };
  const member = map(patient, options, errors);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, member };
}

/** US Core must-haves medplum's validator does not enforce (it does not check required value-set bindings). */
function usCoreChecks(p: Patient): FieldError[] {
  const errors: FieldError[] = [];
  if (p.gender === undefined) errors.push({ field: 'Patient.gender', reason: 'is required (US Core Patient)' });
  else if (!(RECORDED_SEXES as readonly string[]).includes(p.gender)) {
    errors.push({ field: 'Patient.gender', reason: `must be one of ${RECORDED_SEXES.join(', ')}` });
  }
  if (p.birthDate === undefined) errors.push({ field: 'Patient.birthDate', reason: 'is required' });
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(p.birthDate) || !isCalendarDate(p.birthDate)) {
    errors.push({ field: 'Patient.birthDate', reason: 'must be a full date YYYY-MM-DD' });
  }
  return errors;
}

function map(p: Patient, o: PatientInOptions, errors: FieldError[]): MemberInput {
  const identifiers = (p.identifier ?? []).flatMap((id, i) => identifierOf(id, i, o, errors));
  const name = nameOf(p.name ?? [], errors);
  const phones: MemberPhone[] = [];
  let email: string | undefined;
  (p.telecom ?? []).forEach((t, i) => {
    if (t.system === 'email' && t.value && email === undefined) email = t.value;
    else if (t.system === 'phone' && t.value) {
      if (!(PHONE_USES as readonly string[]).includes(t.use ?? '')) {
        errors.push({ field: `Patient.telecom[${i}].use`, reason: `must be one of ${PHONE_USES.join(', ')} for a phone` });
        return;
      }
      const smsOk = ext(t.extension, EXT_SMS_OK)?.valueBoolean;
      phones.push({ use: t.use as PhoneUse, number: t.value, ...(smsOk !== undefined ? { smsOk } : {}) });
    }
  });
  const comm = p.communication ?? [];
  const language = comm.find((c) => c.preferred) ?? comm[0];
  const preferredLanguage = language?.language.coding?.find((c) => c.system === BCP_47)?.code;
  if (!preferredLanguage) errors.push({ field: 'Patient.communication', reason: 'a preferred language coded in urn:ietf:bcp:47 is required' });
  const genderIdentity = ext(p.extension, EXT_US_CORE_GENDER_IDENTITY)?.valueCodeableConcept;
  const genderText = genderIdentity?.text ?? genderIdentity?.coding?.[0]?.display ?? genderIdentity?.coding?.[0]?.code;
  const address = p.address?.[0];
  return {
    identifiers,
    name,
    birthDate: p.birthDate as string,
    sex: p.gender as RecordedSex,
    ...(genderText ? { genderIdentity: genderText } : {}),
    ...(address
      ? {
          address: {
            lines: address.line ?? [],
            city: address.city ?? '',
            state: address.state ?? '',
            postalCode: address.postalCode ?? '',
            ...(address.country ? { country: address.country } : {}),
          },
        }
      : {}),
    phones,
    ...(email !== undefined ? { email } : {}),
    portal: ext(p.extension, EXT_PORTAL)?.valueBoolean ?? false,
    contactPreferences: contactPreferencesOf(ext(p.extension, EXT_CONTACT_PREFERENCES), o.defaultContactPreferences, errors),
    preferredLanguage: preferredLanguage ?? '',
    interpreterNeeded: ext(p.extension, EXT_INTERPRETER_REQUIRED)?.valueBoolean ?? false,
    representatives: (p.contact ?? []).map((c, i) => representativeOf(c, i, errors)),
    pcpProviderId: pcpOf(p, errors),
    eligibility: o.eligibility ?? [],
    enrollments: o.enrollments ?? [],
  };
}

function identifierOf(id: Identifier, i: number, o: PatientInOptions, errors: FieldError[]): MemberIdentifier[] {
  const path = `Patient.identifier[${i}]`;
  if (!id.value) {
    errors.push({ field: `${path}.value`, reason: 'is required' });
    return [];
  }
  const type = id.type?.coding?.find((c) => c.system === V2_0203)?.code;
  const system = id.system;
  const kind =
    system === US_MBI
      ? 'mbi'
      : type === 'MB' || (system !== undefined && o.planSystems.includes(system))
        ? 'plan'
        : type === 'MA' || (system !== undefined && o.medicaidSystems.includes(system))
          ? 'medicaid'
          : system !== undefined && o.otherSystems.includes(system)
            ? 'other'
            : undefined;
  if (!kind) {
    errors.push({ field: `${path}.system`, reason: 'is not a known identifier system (plan, Medicaid, MBI or a configured one)' });
    return [];
  }
  return [{ kind, value: id.value, ...(system !== undefined ? { system } : {}) }];
}

function nameOf(names: readonly HumanName[], errors: FieldError[]): MemberInput['name'] {
  const official = names.find((n) => n.use === 'official') ?? names.find((n) => n.use !== 'usual' && n.use !== 'nickname') ?? names[0];
  const usual = names.find((n) => n !== official && (n.use === 'usual' || n.use === 'nickname'));
  const index = official ? names.indexOf(official) : 0;
  if (!official?.family) errors.push({ field: `Patient.name[${index}].family`, reason: 'is required' });
  const preferred = usual?.given?.[0] ?? usual?.text;
  return { given: official?.given ?? [], family: official?.family ?? '', ...(preferred ? { preferred } : {}) };
}

function contactPreferencesOf(e: Extension | undefined, fallback: ContactPreferences, errors: FieldError[]): ContactPreferences {
  if (!e) return fallback;
  const path = `Patient.extension('${EXT_CONTACT_PREFERENCES}')`;
  const method = ext(e.extension, 'method')?.valueCode;
  const timeZone = ext(e.extension, 'timeZone')?.valueCode;
  if (!method || !(MEMBER_CONTACT_METHODS as readonly string[]).includes(method)) {
    errors.push({ field: `${path}.method`, reason: `must be one of ${MEMBER_CONTACT_METHODS.join(', ')}` });
  }
  if (!timeZone) errors.push({ field: `${path}.timeZone`, reason: 'is required' });
  const windows: ContactWindow[] = (e.extension ?? [])
    .filter((w) => w.url === 'window')
    .map((w, i) => {
      const days = (w.extension ?? []).filter((d) => d.url === 'day').map((d) => d.valueCode as Weekday);
      const bad = days.find((d) => !(WEEKDAYS as readonly string[]).includes(d));
      if (bad !== undefined) errors.push({ field: `${path}.window[${i}].day`, reason: `must be one of ${WEEKDAYS.join(', ')}` });
      const from = ext(w.extension, 'from')?.valueTime?.slice(0, 5) ?? '';
      const to = ext(w.extension, 'to')?.valueTime?.slice(0, 5) ?? '';
      if (!from || !to) errors.push({ field: `${path}.window[${i}]`, reason: 'from and to are required' });
      return { days, from, to };
    });
  return { method: method as MemberContactMethod, windows, timeZone: timeZone ?? '' };
}

function representativeOf(c: PatientContact, i: number, errors: FieldError[]): RepresentativeInput {
  const path = `Patient.contact[${i}]`;
  const coding = (c.relationship ?? []).flatMap((r) => r.coding ?? []);
  const relationship = coding.map(relationshipOf).find((r) => r !== undefined);
  if (!relationship) errors.push({ field: `${path}.relationship`, reason: 'no known relationship code (v3-RoleCode, v2-0131 N)' });
  const name = c.name?.text ?? [...(c.name?.given ?? []), c.name?.family].filter(Boolean).join(' ');
  if (!name) errors.push({ field: `${path}.name`, reason: 'is required' });
  const validFrom = c.period?.start?.slice(0, 10);
  if (!validFrom) errors.push({ field: `${path}.period.start`, reason: 'is required (the day the authority starts)' });
  const authorityCodes = (c.extension ?? []).filter((e) => e.url === EXT_REPRESENTATIVE_AUTHORITY).map((e) => e.valueCode ?? '');
  const unknown = authorityCodes.filter((a) => a !== 'none' && !(REPRESENTATIVE_AUTHORITIES as readonly string[]).includes(a));
  if (unknown.length > 0) errors.push({ field: `${path}.extension('${EXT_REPRESENTATIVE_AUTHORITY}')`, reason: `must be one of none, ${REPRESENTATIVE_AUTHORITIES.join(', ')}` });
  const authorities =
    authorityCodes.length > 0
      ? (authorityCodes.filter((a) => a !== 'none') as RepresentativeAuthority[])
      : relationship
        ? defaultAuthorities(relationship)
        : [];
  const phone = telecomValue(c.telecom, 'phone');
  const email = telecomValue(c.telecom, 'email');
  const language = ext(c.extension, EXT_REPRESENTATIVE_LANGUAGE)?.valueCode;
  return {
    ...(c.id ? { id: c.id } : {}),
    name,
    relationship: relationship ?? 'other',
    authorities,
    validFrom: validFrom ?? '',
    validUntil: c.period?.end?.slice(0, 10) ?? null,
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
    ...(language ? { preferredLanguage: language } : {}),
  };
}

function pcpOf(p: Patient, errors: FieldError[]): string | null {
  const gp = p.generalPractitioner?.[0];
  if (!gp) return null;
  const ref = /^Practitioner\/([A-Za-z0-9\-.]{1,64})$/.exec(gp.reference ?? '');
  if (ref) return ref[1] ?? null;
  if (gp.identifier?.system === US_NPI && gp.identifier.value) return gp.identifier.value;
  errors.push({ field: 'Patient.generalPractitioner[0]', reason: 'must reference Practitioner/<id> or carry an NPI identifier' });
  return null;
}

function telecomValue(telecom: readonly ContactPoint[] | undefined, system: 'phone' | 'email'): string | undefined {
  return telecom?.find((t) => t.system === system)?.value;
}

function ext(list: readonly Extension[] | undefined, url: string): Extension | undefined {
  return list?.find((e) => e.url === url);
}

function isCalendarDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function dedupe(errors: FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field + e.reason) && (seen.add(e.field + e.reason), true));
}

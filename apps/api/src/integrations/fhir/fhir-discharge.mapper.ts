import { parseIsoInstant, SOURCE_PATTERN } from '@careloop/domain';
import { DischargeFormatError, FieldErrors, optionalText, UnsupportedEventError, type ParsedDischarge, type SenderContext } from '../discharge-input';
import { Coverage, Encounter, issuesOf, MessageBundle, MessageHeader, Organization, Patient, type Identifier } from './fhir.schemas';
import type { z } from 'zod';

/** Da Vinci Unsolicited Notifications: the code system of MessageHeader.eventCoding (STU1 1.0.0 and 1.1.0). */
export const DAVINCI_EVENT_SYSTEM = 'http://hl7.org/fhir/us/davinci-alerts/CodeSystem/notification-event';

/**
 * The event codes of a discharge: `notification-discharge` as published
 * (STU1 1.0.0, 1.1.0), and `notify-discharge` of the 2019 ballot, still sent
 * by early senders. The code decides; the system is not checked (senders of
 * the ballot code used other system URLs).
 */
export const DISCHARGE_EVENT_CODES: readonly string[] = ['notification-discharge', 'notify-discharge'];

/** Other encounter notifications of the IG (and their ballot codes): well-formed, but not discharges (422). */
const OTHER_ENCOUNTER_EVENTS: Readonly<Record<string, string>> = {
  'notification-admit': 'an admit notification',
  'notification-transfer': 'a transfer notification',
  'notify-admit': 'an admit notification',
  'notify-transfer': 'a transfer notification',
};

/**
 * Reads a FHIR R4 discharge: a finished Encounter, or a Da Vinci
 * notification Bundle (type `message`: MessageHeader first with a discharge
 * event whose focus is the Encounter, the Patient, usually the Coverage and
 * the hospital's Organization).
 *
 * | what          | Encounter alone                                   | notification Bundle                                  |
 * |---------------|---------------------------------------------------|------------------------------------------------------|
 * | event id      | Encounter.identifier[0].value, else Encounter.id  | Bundle.identifier.value, else MessageHeader.id       |
 * | source        | serviceProvider.identifier.value, else meta.source, else the authenticated client | MessageHeader.source.endpoint |
 * | member id     | subject.identifier.value                          | the Patient's identifier typed MB, else the Coverage of the Patient: identifier typed MB, else subscriberId (relationship self or absent), else the Patient's first identifier |
 * | discharged at | period.end (dateTime with time and offset)        | same                                                 |
 * | facility      | serviceProvider identifier and display            | same, else the Organization it references: NPI (else first identifier) and name |
 * | PCP           | —                                                 | Patient.generalPractitioner[0].identifier.value      |
 */
export function parseFhirDischarge(body: unknown, sender: SenderContext): ParsedDischarge {
  const resourceType = (body as { resourceType?: unknown } | null)?.resourceType;
  if (resourceType === 'Encounter') return fromEncounter(body, { defaultSource: sender.defaultSource });
  if (resourceType === 'Bundle') return fromBundle(body);
  throw new DischargeFormatError([{ field: 'resourceType', reason: 'must be Encounter or Bundle (a notification message)' }]);
}

interface Found<T> {
  readonly field: string;
  readonly value: T;
}

interface EncounterContext {
  readonly source?: Found<string>;
  readonly eventId?: Found<string>;
  /** Only for an Encounter alone: the source when it names none. */
  readonly defaultSource?: string;
  readonly patient?: Patient;
  readonly member?: Found<string>;
  readonly organization?: Organization;
}

function fromEncounter(raw: unknown, ctx: EncounterContext): ParsedDischarge {
  const enc = parseOrThrow(Encounter, raw, 'Encounter');
  const errors = new FieldErrors();
  if (enc.status !== 'finished') {
    errors.add('Encounter.status', `must be "finished" for a discharge, got "${/^[a-z-]{1,24}$/.test(enc.status) ? enc.status : '?'}"`);
  }
  const dischargedAt = dateTime(enc.period?.end, 'Encounter.period.end', errors);
  const memberRef = member(enc, ctx, errors);
  const eventId = ctx.eventId
    ? errors.eventId(ctx.eventId.field, ctx.eventId.value)
    : errors.eventId('Encounter.identifier', enc.identifier?.[0]?.value ?? enc.id ?? '');
  const provider = enc.serviceProvider?.identifier?.value;
  const source = ctx.source ? errors.source(ctx.source.field, ctx.source.value) : encounterSource(enc, provider, ctx.defaultSource, errors);
  const organizationId = ctx.organization ? organizationIdentifier(ctx.organization.identifier ?? [])?.value : undefined;
  errors.throwIfAny();
  return {
    format: ctx.patient || ctx.source ? 'fhir-bundle' : 'fhir-encounter',
    source: source!,
    sourceEventId: eventId!,
    memberRef: memberRef!,
    programCode: null,
    dischargedAt: dischargedAt!,
    facility: { id: optionalText(provider ?? organizationId, 64), name: optionalText(enc.serviceProvider?.display ?? ctx.organization?.name, 200) },
    disposition: optionalText(enc.hospitalization?.dischargeDisposition?.coding?.[0]?.code, 32),
    pcpId: optionalText(ctx.patient?.generalPractitioner?.[0]?.identifier?.value, 64),
  };
}

/**
 * An Encounter alone names its sender by serviceProvider identifier or
 * meta.source, as before; without either, the sender is the authenticated
 * client (the idempotency key holds the client anyway, so this only labels it).
 */
function encounterSource(enc: Encounter, provider: string | undefined, defaultSource: string | undefined, errors: FieldErrors): string | null {
  if (provider) return errors.source('Encounter.serviceProvider.identifier.value', provider);
  if (enc.meta?.source) return errors.source('Encounter.meta.source', enc.meta.source);
  // The client's id must fit the source alphabet and length (1-64); one that does not asks for meta.source.
  if (defaultSource === undefined || !SOURCE_PATTERN.test(defaultSource)) {
    errors.add('Encounter.meta.source', 'the source is missing (and the authenticated client id cannot serve as one)');
    return null;
  }
  return defaultSource;
}

function fromBundle(raw: unknown): ParsedDischarge {
  const bundle = parseOrThrow(MessageBundle, raw, 'Bundle');
  const header = parseOrThrow(MessageHeader, bundle.entry[0]!.resource, 'MessageHeader');
  checkEventCode(header.eventCoding.code);
  const encounter = resolve(bundle, header.focus[0]!.reference);
  if (encounter?.resourceType !== 'Encounter') {
    throw new DischargeFormatError([{ field: 'MessageHeader.focus', reason: 'must reference an Encounter in the Bundle' }]);
  }
  const subject = (encounter as { subject?: { reference?: string } }).subject?.reference;
  const patientEntry = resolve(bundle, subject);
  const patient = patientEntry?.resourceType === 'Patient' ? parseOrThrow(Patient, patientEntry, 'Patient') : undefined;
  const organizationEntry = resolve(bundle, (encounter as { serviceProvider?: { reference?: string } }).serviceProvider?.reference);
  const organization = organizationEntry?.resourceType === 'Organization' ? parseOrThrow(Organization, organizationEntry, 'Organization') : undefined;
  const eventId = bundle.identifier?.value ?? header.id ?? '';
  const discharge = fromEncounter(encounter, {
    source: { field: 'MessageHeader.source.endpoint', value: header.source.endpoint },
    eventId: { field: bundle.identifier?.value ? 'Bundle.identifier.value' : 'MessageHeader.id', value: eventId },
    ...(patient ? { patient, member: bundleMember(bundle, patient, subject!) } : {}),
    ...(organization ? { organization } : {}),
  });
  // The Patient as sent: the intake creates or matches the member from it (issue 16).
  return patient ? { ...discharge, demographics: { kind: 'patient', patient: patientEntry } } : discharge;
}

/** A discharge code passes; an admit or transfer notification is well-formed but not a discharge (422); anything else is invalid (400). */
function checkEventCode(code: string): void {
  if (DISCHARGE_EVENT_CODES.includes(code)) return;
  const field = 'MessageHeader.eventCoding.code';
  const other = OTHER_ENCOUNTER_EVENTS[code];
  if (other) {
    throw new UnsupportedEventError([{ field, reason: `${code} is ${other}, not a discharge; CareLoop acts on notification-discharge only` }]);
  }
  throw new DischargeFormatError([{ field, reason: `must be notification-discharge (Da Vinci discharge notification; the ballot code notify-discharge is read too)` }]);
}

/**
 * The member id in a notification Bundle: the Patient's identifier typed MB
 * (as before); else the Coverage whose beneficiary is the Patient — its
 * identifier typed MB (US Core Coverage, IG 1.1.0), else its subscriberId
 * when the member is the subscriber (HRex Coverage, IG 1.0.0); else the
 * Patient's first identifier (as before).
 */
function bundleMember(bundle: MessageBundle, patient: Patient, patientRef: string): Found<string> {
  const ids = patient.identifier ?? [];
  const typed = ids.find(isMemberNumber);
  if (typed) return { field: 'Patient.identifier', value: typed.value ?? '' };
  const patientRefs = new Set([patientRef, `Patient/${patient.id ?? ''}`]);
  const coverageEntry = bundle.entry.find((e) => e.resource.resourceType === 'Coverage' && patientRefs.has((e.resource as { beneficiary?: { reference?: string } }).beneficiary?.reference ?? ''));
  if (coverageEntry) {
    const coverage = parseOrThrow(Coverage, coverageEntry.resource, 'Coverage');
    const memberId = (coverage.identifier ?? []).find(isMemberNumber);
    if (memberId) return { field: 'Coverage.identifier', value: memberId.value ?? '' };
    // subscriberId is the member's own id only when the member is the subscriber (relationship self; absent in 1.0.0 examples).
    const codings = coverage.relationship?.coding ?? [];
    const self = codings.length === 0 || codings.some((c) => c.code === 'self');
    if (coverage.subscriberId && self) return { field: 'Coverage.subscriberId', value: coverage.subscriberId };
  }
  return { field: 'Patient.identifier', value: ids[0]?.value ?? '' };
}

/** A bundle entry by `fullUrl` or `Type/id` reference. */
function resolve(bundle: MessageBundle, reference: string | undefined) {
  if (!reference) return undefined;
  return bundle.entry.find((e) => e.fullUrl === reference || `${e.resource.resourceType}/${e.resource.id ?? ''}` === reference)?.resource;
}

function member(enc: Encounter, ctx: EncounterContext, errors: FieldErrors): string | null {
  if (ctx.member) {
    return errors.memberRef(ctx.member.field, ctx.member.value);
  }
  if (!enc.subject) {
    errors.add('Encounter.subject', 'is required: the member discharged');
    return null;
  }
  return errors.memberRef('Encounter.subject.identifier.value', enc.subject.identifier?.value ?? '');
}

type FhirIdentifier = z.infer<typeof Identifier>;

/** The member number: identifier type MB (HL7 table 0203). */
function isMemberNumber(id: FhirIdentifier): boolean {
  return id.type?.coding?.some((c) => c.code === 'MB') ?? false;
}

/** The hospital's NPI, else its first identifier. */
function organizationIdentifier(ids: readonly FhirIdentifier[]): FhirIdentifier | undefined {
  return ids.find((i) => i.system === 'http://hl7.org/fhir/sid/us-npi') ?? ids[0];
}

function dateTime(value: string | undefined, field: string, errors: FieldErrors): string | null {
  if (!value) {
    errors.add(field, 'the discharge time is missing');
    return null;
  }
  try {
    if (!value.includes('T')) throw new RangeError('no time');
    return new Date(parseIsoInstant(value, field)).toISOString();
  } catch {
    errors.add(field, 'must be a FHIR dateTime with time and offset, e.g. 2026-11-20T14:30:00-05:00');
    return null;
  }
}

function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, root: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new DischargeFormatError(issuesOf(result.error, root));
  }
  return result.data;
}

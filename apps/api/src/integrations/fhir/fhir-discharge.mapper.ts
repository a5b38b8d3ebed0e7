import { parseIsoInstant } from '@careloop/domain';
import { DischargeFormatError, FieldErrors, optionalText, type ParsedDischarge } from '../discharge-input';
import { Encounter, issuesOf, MessageBundle, MessageHeader, Patient, type Identifier } from './fhir.schemas';
import type { z } from 'zod';

/** Da Vinci Unsolicited Notifications: the MessageHeader event of a discharge. */
export const DISCHARGE_EVENT_CODE = 'notify-discharge';

/**
 * Reads a FHIR R4 discharge: a finished Encounter, or a Da Vinci-style
 * notification Bundle (type `message`: MessageHeader with event
 * `notify-discharge` whose focus is the Encounter, and the Patient).
 *
 * | what          | Encounter alone                                   | notification Bundle                                  |
 * |---------------|---------------------------------------------------|------------------------------------------------------|
 * | event id      | Encounter.identifier[0].value, else Encounter.id  | Bundle.identifier.value, else MessageHeader.id       |
 * | source        | serviceProvider.identifier.value, else meta.source | MessageHeader.source.endpoint                        |
 * | member id     | subject.identifier.value                          | the Patient's identifier of type MB, else its first (else as alone) |
 * | discharged at | period.end (dateTime with time and offset)        | same                                                 |
 * | PCP           | —                                                 | Patient.generalPractitioner[0].identifier.value      |
 */
export function parseFhirDischarge(body: unknown): ParsedDischarge {
  const resourceType = (body as { resourceType?: unknown } | null)?.resourceType;
  if (resourceType === 'Encounter') return fromEncounter(body, {});
  if (resourceType === 'Bundle') return fromBundle(body);
  throw new DischargeFormatError([{ field: 'resourceType', reason: 'must be Encounter or Bundle (a notification message)' }]);
}

interface BundleContext {
  readonly source?: { readonly field: string; readonly value: string };
  readonly eventId?: { readonly field: string; readonly value: string };
  readonly patient?: Patient;
}

function fromEncounter(raw: unknown, ctx: BundleContext): ParsedDischarge {
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
  const source = ctx.source
    ? errors.source(ctx.source.field, ctx.source.value)
    : errors.source(provider ? 'Encounter.serviceProvider.identifier.value' : 'Encounter.meta.source', provider ?? enc.meta?.source ?? '');
  errors.throwIfAny();
  return {
    format: ctx.patient || ctx.source ? 'fhir-bundle' : 'fhir-encounter',
    source: source!,
    sourceEventId: eventId!,
    memberRef: memberRef!,
    programCode: null,
    dischargedAt: dischargedAt!,
    facility: { id: optionalText(provider, 64), name: optionalText(enc.serviceProvider?.display, 200) },
    disposition: optionalText(enc.hospitalization?.dischargeDisposition?.coding?.[0]?.code, 32),
    pcpId: optionalText(ctx.patient?.generalPractitioner?.[0]?.identifier?.value, 64),
  };
}

function fromBundle(raw: unknown): ParsedDischarge {
  const bundle = parseOrThrow(MessageBundle, raw, 'Bundle');
  const header = parseOrThrow(MessageHeader, bundle.entry[0]!.resource, 'MessageHeader');
  if (header.eventCoding.code !== DISCHARGE_EVENT_CODE) {
    throw new DischargeFormatError([{ field: 'MessageHeader.eventCoding.code', reason: `must be ${DISCHARGE_EVENT_CODE} (Da Vinci notification event of a discharge)` }]);
  }
  const encounter = resolve(bundle, header.focus[0]!.reference);
  if (encounter?.resourceType !== 'Encounter') {
    throw new DischargeFormatError([{ field: 'MessageHeader.focus', reason: 'must reference an Encounter in the Bundle' }]);
  }
  const subject = (encounter as { subject?: { reference?: string } }).subject?.reference;
  const patientEntry = resolve(bundle, subject);
  const patient = patientEntry?.resourceType === 'Patient' ? parseOrThrow(Patient, patientEntry, 'Patient') : undefined;
  const eventId = bundle.identifier?.value ?? header.id ?? '';
  return fromEncounter(encounter, {
    source: { field: 'MessageHeader.source.endpoint', value: header.source.endpoint },
    eventId: { field: bundle.identifier?.value ? 'Bundle.identifier.value' : 'MessageHeader.id', value: eventId },
    ...(patient ? { patient } : {}),
  });
}

/** A bundle entry by `fullUrl` or `Type/id` reference. */
function resolve(bundle: MessageBundle, reference: string | undefined) {
  if (!reference) return undefined;
  return bundle.entry.find((e) => e.fullUrl === reference || `${e.resource.resourceType}/${e.resource.id ?? ''}` === reference)?.resource;
}

function member(enc: Encounter, ctx: BundleContext, errors: FieldErrors): string | null {
  if (ctx.patient) {
    return errors.memberRef('Patient.identifier', memberIdentifier(ctx.patient.identifier ?? [])?.value ?? '');
  }
  if (!enc.subject) {
    errors.add('Encounter.subject', 'is required: the member discharged');
    return null;
  }
  return errors.memberRef('Encounter.subject.identifier.value', enc.subject.identifier?.value ?? '');
}

/** The member number (identifier type MB, HL7 table 0203), else the first identifier. */
function memberIdentifier(ids: readonly z.infer<typeof Identifier>[]) {
  return ids.find((i) => i.type?.coding?.some((c) => c.code === 'MB')) ?? ids[0];
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

import type { DischargeAmendment, DischargeDetailChanges, Hl7MemberIdRule } from '@careloop/domain';
import { parseHl7DateTime } from './hl7-datetime';
import { rawVisitNumber, readEventId, readMember, readSource, recordedAt, valueOf, type AdtMessage } from './adt-message';
import { FieldErrors, optionalText } from '../discharge-input';

/** The ADT messages that amend a discharge sent before, and what each does. */
export const AMENDMENT_MESSAGE_TYPES: Readonly<Record<string, DischargeAmendment['kind']>> = {
  'ADT^A08': 'update', // update patient information
  'ADT^A13': 'cancel', // cancel discharge / end visit
};

/**
 * Reads an ADT^A08 (update patient information) or ADT^A13 (cancel
 * discharge) about a discharge sent before. HL7 v2 sends these with the
 * patient and visit of the discharge, so the visit number (PV1-19) is
 * required: with the client, source and member it finds the ADT^A03.
 *
 * | what              | where                                                   |
 * |-------------------|---------------------------------------------------------|
 * | visit number      | PV1-19.1 (required)                                     |
 * | when              | EVN-2 recorded date/time, else MSH-7 (optional)         |
 * | A08 discharge time| PV1-45 (when present; `""` or empty: unchanged)         |
 * | A08 disposition   | PV1-36 (when present)                                   |
 * | A08 PCP           | PD1-4.1 (when present)                                  |
 */
export function mapAdtAmendment(adt: AdtMessage, defaultTimeZone: string, rule: Hl7MemberIdRule | null = null): DischargeAmendment {
  const kind = AMENDMENT_MESSAGE_TYPES[adt.messageType];
  if (!kind) {
    throw new Error(`not an amendment: ${adt.messageType}`);
  }
  const errors = new FieldErrors();
  const eventId = readEventId(adt, errors);
  const source = readSource(adt, errors);
  const memberRef = readMember(adt, errors, rule);
  const pv1 = adt.message.segment('PV1');
  let visitNumber: string | null = null;
  const details: { -readonly [K in keyof DischargeDetailChanges]: DischargeDetailChanges[K] } = {};
  if (!pv1) {
    errors.add('PV1', 'the PV1 (patient visit) segment is missing: its visit number finds the discharge');
  } else {
    const visit = rawVisitNumber(pv1);
    if (visit === '') errors.add('PV1-19', `the visit number is missing: it finds the discharge ${kind === 'cancel' ? 'to cancel' : 'to update'}`);
    else visitNumber = errors.visitNumber('PV1-19', visit);
    if (kind === 'update') {
      const time = valueOf(pv1.component(45));
      if (time !== '') {
        const at = parseHl7DateTime(time, defaultTimeZone);
        if (at === null) errors.add('PV1-45', 'the discharge date/time must be YYYYMMDDHHMM[SS][+/-ZZZZ]');
        else details.dischargedAt = at;
      }
      const disposition = optionalText(valueOf(pv1.component(36)), 32);
      if (disposition !== null) details.disposition = disposition;
    }
  }
  if (kind === 'update') {
    const pcpId = optionalText(valueOf(adt.message.segment('PD1')?.component(4, 1) ?? ''), 64);
    if (pcpId !== null) details.pcpId = pcpId;
  }
  errors.throwIfAny();
  return {
    kind,
    messageType: adt.messageType,
    source: source!,
    sourceEventId: eventId!,
    memberRef: memberRef!,
    visitNumber: visitNumber!,
    occurredAt: recordedAt(adt, defaultTimeZone),
    details,
  };
}

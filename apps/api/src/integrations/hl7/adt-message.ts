import { componentOf, Er7SyntaxError, parseEr7, type Er7Message, type Er7Segment } from './er7.parser';
import { parseHl7DateTime } from './hl7-datetime';
import { DischargeFormatError, type FieldErrors } from '../discharge-input';

/**
 * What every ADT message CareLoop reads shares (A03 discharge, A08 update,
 * A13 cancel discharge):
 *
 * | what          | where                                                               |
 * |---------------|---------------------------------------------------------------------|
 * | message type  | MSH-9.1 ^ MSH-9.2 (e.g. `ADT^A03`)                                  |
 * | event id      | MSH-10 message control id                                           |
 * | source        | MSH-4.1 sending facility, then `:` MSH-3.1 sending application      |
 * | member id     | PID-3: the repetition with identifier type (CX.5) `MB`, else the first |
 * | visit number  | PV1-19.1                                                            |
 */
export interface AdtMessage {
  readonly message: Er7Message;
  readonly msh: Er7Segment;
  /** `ADT^A03`; unreadable codes are shown as `?` (never echoed: they could be anything). */
  readonly messageType: string;
}

export function readAdt(text: string): AdtMessage {
  let message: Er7Message;
  try {
    message = parseEr7(text);
  } catch (err) {
    if (err instanceof Er7SyntaxError) throw new DischargeFormatError([{ field: err.field, reason: err.message }]);
    throw err;
  }
  const msh = message.segment('MSH')!;
  return { message, msh, messageType: `${codeOrMissing(msh.component(9, 1))}^${codeOrMissing(msh.component(9, 2))}` };
}

export function readEventId(adt: AdtMessage, errors: FieldErrors): string | null {
  return errors.eventId('MSH-10', adt.msh.component(10));
}

export function readSource(adt: AdtMessage, errors: FieldErrors): string | null {
  return errors.source('MSH-4', [adt.msh.component(4), adt.msh.component(3)].filter((v) => v !== '').join(':').replace(/\s+/g, '_'));
}

/** PID-3's member id (the repetition typed MB, else the first); an error when PID is missing. */
export function readMember(adt: AdtMessage, errors: FieldErrors): string | null {
  const pid = adt.message.segment('PID');
  if (!pid) {
    errors.add('PID', 'the PID (patient identification) segment is missing');
    return null;
  }
  const ids = pid.repetitions(3);
  const member = ids.find((rep) => componentOf(rep, adt.message.delimiters, 5) === 'MB') ?? ids[0] ?? '';
  return errors.memberRef('PID-3', componentOf(member, adt.message.delimiters, 1));
}

/** PV1-19.1 as sent ('' when absent). */
export function rawVisitNumber(pv1: Er7Segment | undefined): string {
  return pv1?.component(19, 1).trim() ?? '';
}

/** An HL7 field that is empty or `""` (HL7's explicit "delete") carries no value for CareLoop. */
export function valueOf(raw: string): string {
  return raw.trim() === '""' ? '' : raw.trim();
}

/** EVN-2 (recorded date/time), else MSH-7, as a UTC instant; null when neither is readable (not required). */
export function recordedAt(adt: AdtMessage, defaultTimeZone: string): string | null {
  for (const raw of [adt.message.segment('EVN')?.component(2) ?? '', adt.msh.component(7)]) {
    const at = raw === '' ? null : parseHl7DateTime(raw, defaultTimeZone);
    if (at) return at;
  }
  return null;
}

/** Message type codes are not PHI; anything that does not look like one is not echoed. */
function codeOrMissing(code: string): string {
  return /^[A-Z0-9]{1,7}$/.test(code) ? code : '?';
}

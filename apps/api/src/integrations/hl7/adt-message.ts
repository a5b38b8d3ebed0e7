import { componentOf, Er7SyntaxError, parseEr7, type Er7Message, type Er7Segment } from './er7.parser';
import { parseHl7DateTime } from './hl7-datetime';
import type { Hl7MemberIdRule } from '@careloop/domain';
import { DischargeFormatError, MemberIdMissingError, type FieldErrors } from '../discharge-input';

/**
 * What every ADT message CareLoop reads shares (A03 discharge, A08 update,
 * A13 cancel discharge):
 *
 * | what          | where                                                               |
 * |---------------|---------------------------------------------------------------------|
 * | message type  | MSH-9.1 ^ MSH-9.2 (e.g. `ADT^A03`)                                  |
 * | event id      | MSH-10 message control id                                           |
 * | source        | MSH-4.1 sending facility, then `:` MSH-3.1 sending application      |
 * | member id     | where the client's rule says (@careloop/domain hl7-member-id.ts); no rule: PID-3 typed (CX.5) `MB`, else the first |
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

/**
 * The plan's member id, where the client's rule says it is (issue 16). No rule
 * (clients registered before): PID-3 typed MB, else PID-3's first repetition.
 * With a rule the place must hold an id: otherwise MemberIdMissingError (422
 * naming the segment and field), never a guess from another identifier.
 */
export function readMember(adt: AdtMessage, errors: FieldErrors, rule: Hl7MemberIdRule | null = null): string | null {
  const pid = adt.message.segment('PID');
  if (!pid) {
    errors.add('PID', 'the PID (patient identification) segment is missing');
    return null;
  }
  const d = adt.message.delimiters;
  const ids = pid.repetitions(3);
  if (rule === null) {
    const member = ids.find((rep) => componentOf(rep, d, 5) === 'MB') ?? ids[0] ?? '';
    return errors.memberRef('PID-3', componentOf(member, d, 1));
  }
  if (rule.place === 'pid3-type' || rule.place === 'pid3-authority') {
    const component = rule.place === 'pid3-type' ? 5 : 4;
    const wanted = rule.qualifier ?? 'MB';
    const rep = ids.find((r) => componentOf(r, d, component) === wanted && componentOf(r, d, 1).trim() !== '');
    if (!rep) {
      throw new MemberIdMissingError(
        rule.place === 'pid3-type' ? 'PID-3.5' : 'PID-3.4',
        `no PID-3 identifier ${rule.place === 'pid3-type' ? 'of the type code' : 'of the assigning authority'} this client is configured with (${wanted}) carries the plan member id`,
      );
    }
    return errors.memberRef('PID-3', componentOf(rep, d, 1));
  }
  const in1s = adt.message.segments.filter((s) => s.name === 'IN1' && (rule.qualifier === null || s.component(2, 1) === rule.qualifier || s.component(3, 1) === rule.qualifier));
  for (const in1 of in1s) {
    const insuredId = in1.component(49, 1).trim();
    if (insuredId !== '') return errors.memberRef('IN1-49', insuredId);
    const policy = in1.component(36).trim();
    if (policy !== '') return errors.memberRef('IN1-36', policy);
  }
  throw new MemberIdMissingError(
    in1s.length === 0 ? 'IN1' : 'IN1-36',
    in1s.length === 0
      ? `no IN1 (insurance) segment${rule.qualifier ? ` of the plan this client is configured with (${rule.qualifier})` : ''}: this client sends the member id there`
      : 'neither IN1-49 (insured\'s ID number) nor IN1-36 (policy number) holds the plan member id',
  );
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

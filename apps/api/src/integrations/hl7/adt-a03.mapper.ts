import { componentOf, Er7SyntaxError, parseEr7, type Er7Message } from './er7.parser';
import { parseHl7DateTime } from './hl7-datetime';
import { DischargeFormatError, FieldErrors, optionalText, type ParsedDischarge } from '../discharge-input';

/**
 * Reads an HL7 v2 ADT^A03 (discharge/end visit) message:
 *
 * | what            | where                                                               |
 * |-----------------|---------------------------------------------------------------------|
 * | event id        | MSH-10 message control id                                           |
 * | source          | MSH-4.1 sending facility, then `:` MSH-3.1 sending application      |
 * | member id       | PID-3: the repetition with identifier type (CX.5) `MB`, else the first |
 * | discharged at   | PV1-45 (offset optional: without one, the plan's time zone)         |
 * | facility        | PV1-3.4 (location's facility), else MSH-4.1                         |
 * | disposition     | PV1-36 (HL7 table 0112)                                             |
 * | PCP             | PD1-4.1 (patient primary care provider)                             |
 */
export function parseAdtA03(text: string, defaultTimeZone: string): ParsedDischarge {
  let message: Er7Message;
  try {
    message = parseEr7(text);
  } catch (err) {
    if (err instanceof Er7SyntaxError) throw new DischargeFormatError([{ field: err.field, reason: err.message }]);
    throw err;
  }
  const errors = new FieldErrors();
  const msh = message.segment('MSH')!;
  const type = msh.component(9, 1);
  const trigger = msh.component(9, 2);
  if (type !== 'ADT' || trigger !== 'A03') {
    errors.add('MSH-9', `message type ${codeOrMissing(type)}^${codeOrMissing(trigger)} is not a discharge; send ADT^A03`);
  }
  const eventId = errors.eventId('MSH-10', msh.component(10));
  const source = errors.source('MSH-4', [msh.component(4), msh.component(3)].filter((v) => v !== '').join(':').replace(/\s+/g, '_'));

  const pid = message.segment('PID');
  const pv1 = message.segment('PV1');
  let memberRef: string | null = null;
  if (!pid) {
    errors.add('PID', 'the PID (patient identification) segment is missing');
  } else {
    const ids = pid.repetitions(3);
    const member = ids.find((rep) => componentOf(rep, message.delimiters, 5) === 'MB') ?? ids[0] ?? '';
    memberRef = errors.memberRef('PID-3', componentOf(member, message.delimiters, 1));
  }
  let dischargedAt: string | null = null;
  if (!pv1) {
    errors.add('PV1', 'the PV1 (patient visit) segment is missing');
  } else {
    const raw = pv1.component(45);
    dischargedAt = raw === '' ? null : parseHl7DateTime(raw, defaultTimeZone);
    if (raw === '') errors.add('PV1-45', 'the discharge date/time is missing');
    else if (dischargedAt === null) errors.add('PV1-45', 'the discharge date/time must be YYYYMMDDHHMM[SS][+/-ZZZZ]');
  }
  errors.throwIfAny();

  return {
    format: 'hl7v2-adt-a03',
    source: source!,
    sourceEventId: eventId!,
    memberRef: memberRef!,
    programCode: null,
    dischargedAt: dischargedAt!,
    facility: { id: optionalText(pv1!.component(3, 4) || msh.component(4), 64), name: null },
    disposition: optionalText(pv1!.component(36), 32),
    pcpId: optionalText(message.segment('PD1')?.component(4, 1), 64),
  };
}

/** Message type codes are not PHI; anything that does not look like one is not echoed. */
function codeOrMissing(code: string): string {
  return /^[A-Z0-9]{1,7}$/.test(code) ? code : '?';
}

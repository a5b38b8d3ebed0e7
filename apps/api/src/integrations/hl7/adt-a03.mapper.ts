import { VISIT_NUMBER_PATTERN } from '@careloop/domain';
import { parseHl7DateTime } from './hl7-datetime';
import { rawVisitNumber, readAdt, readEventId, readMember, readSource, type AdtMessage } from './adt-message';
import type { Hl7MemberIdRule } from '@careloop/domain';
import { FieldErrors, optionalText, type ParsedDischarge } from '../discharge-input';
import { pidDemographics } from './pid-demographics.mapper';

/**
 * Reads an HL7 v2 ADT^A03 (discharge/end visit) message (the header fields: adt-message.ts):
 *
 * | what            | where                                                               |
 * |-----------------|---------------------------------------------------------------------|
 * | discharged at   | PV1-45 (offset optional: without one, the plan's time zone)         |
 * | facility        | PV1-3.4 (location's facility), else MSH-4.1                         |
 * | disposition     | PV1-36 (HL7 table 0112)                                             |
 * | PCP             | PD1-4.1 (patient primary care provider)                             |
 * | visit number    | PV1-19.1, kept to match a later A08/A13; optional (an unreadable one is not kept) |
 * | member          | PID-5, -7, -8, -11, -13 (pid-demographics.mapper.ts), kept beside the event |
 */
export function parseAdtA03(text: string, defaultTimeZone: string, rule: Hl7MemberIdRule | null = null): ParsedDischarge {
  return mapAdtA03(readAdt(text), defaultTimeZone, rule);
}

export function mapAdtA03(adt: AdtMessage, defaultTimeZone: string, rule: Hl7MemberIdRule | null = null): ParsedDischarge {
  const errors = new FieldErrors();
  const { message, msh } = adt;
  if (adt.messageType !== 'ADT^A03') {
    errors.add('MSH-9', `message type ${adt.messageType} is not a discharge; send ADT^A03 (or ADT^A08 / ADT^A13 about a discharge sent before)`);
  }
  const eventId = readEventId(adt, errors);
  const source = readSource(adt, errors);
  const memberRef = readMember(adt, errors, rule);
  const pv1 = message.segment('PV1');
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

  const visit = rawVisitNumber(pv1);
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
    visitNumber: VISIT_NUMBER_PATTERN.test(visit) ? visit : null,
    ...demographicsOf(adt, memberRef!, defaultTimeZone),
  };
}

function demographicsOf(adt: AdtMessage, planId: string, timeZone: string): Pick<ParsedDischarge, 'demographics'> {
  const record = pidDemographics(adt, { planId, timeZone });
  return record ? { demographics: { kind: 'record', record } } : {};
}

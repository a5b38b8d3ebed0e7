import type { DischargeAmendment, Hl7MemberIdRule } from '@careloop/domain';
import { mapAdtA03 } from './adt-a03.mapper';
import { AMENDMENT_MESSAGE_TYPES, mapAdtAmendment } from './adt-amendment.mapper';
import { readAdt } from './adt-message';
import type { ParsedDischarge } from '../discharge-input';

export type ParsedAdt = { readonly kind: 'discharge'; readonly discharge: ParsedDischarge } | { readonly kind: 'amendment'; readonly amendment: DischargeAmendment };

/**
 * An HL7 v2 ADT message by its type (MSH-9): ADT^A03 starts discharge
 * planning; ADT^A08 and ADT^A13 update or cancel a discharge sent before.
 * Any other type is refused as the A03 reader refuses it (MSH-9 named).
 * `rule`: where this client puts the plan member id (null: PID-3 typed MB, else the first).
 */
export function parseAdt(text: string, defaultTimeZone: string, rule: Hl7MemberIdRule | null = null): ParsedAdt {
  const adt = readAdt(text);
  if (AMENDMENT_MESSAGE_TYPES[adt.messageType]) {
    return { kind: 'amendment', amendment: mapAdtAmendment(adt, defaultTimeZone, rule) };
  }
  return { kind: 'discharge', discharge: mapAdtA03(adt, defaultTimeZone, rule) };
}

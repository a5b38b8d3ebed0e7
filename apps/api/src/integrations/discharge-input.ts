import type { FieldError } from '@careloop/contracts';
import { MEMBER_REF_PATTERN, SOURCE_EVENT_ID_PATTERN, SOURCE_PATTERN, type DischargeEvent } from '@careloop/domain';

/** A discharge as read from the wire, before the API applies the integration's default program. */
export type ParsedDischarge = Omit<DischargeEvent, 'programCode'> & { readonly programCode: string | null };

/**
 * A message that cannot be read as a discharge. `errors` name the field
 * (JSON path, FHIR path or HL7 segment-field) and the reason; reasons never
 * quote the value (it may be PHI), except codes such as a message type.
 */
export class DischargeFormatError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(`invalid discharge: ${errors.map((e) => e.field).join(', ')}`);
    this.name = 'DischargeFormatError';
  }
}

/** Collects field errors, then throws them all at once. */
export class FieldErrors {
  private readonly list: FieldError[] = [];

  add(field: string, reason: string): void {
    this.list.push({ field, reason });
  }

  addAll(errors: readonly FieldError[]): void {
    this.list.push(...errors);
  }

  /** The value if it matches, else null with an error naming `field` (the value is not quoted). */
  pattern(field: string, value: string, pattern: RegExp, what: string, rule: string): string | null {
    if (value === '') {
      this.add(field, `${what} is missing`);
      return null;
    }
    if (!pattern.test(value)) {
      this.add(field, `${what} must be ${rule}`);
      return null;
    }
    return value;
  }

  source(field: string, value: string): string | null {
    return this.pattern(field, value, SOURCE_PATTERN, 'the source', '1-64 letters, digits or . _ : / - (starting with a letter or digit)');
  }

  eventId(field: string, value: string): string | null {
    return this.pattern(field, value, SOURCE_EVENT_ID_PATTERN, 'the event id', '1-128 letters, digits or . _ : / - (starting with a letter or digit)');
  }

  memberRef(field: string, value: string): string | null {
    return this.pattern(field, value, MEMBER_REF_PATTERN, 'the member id', '1-64 letters, digits or . _ - (starting with a letter or digit)');
  }

  throwIfAny(): void {
    if (this.list.length) {
      throw new DischargeFormatError(this.list);
    }
  }
}

/** Trims and caps optional descriptive text (facility name, disposition) to what the table holds. */
export function optionalText(value: string | undefined | null, max: number): string | null {
  const v = value?.trim();
  return v ? v.slice(0, max) : null;
}

import type { FieldError, MemberInput } from '@careloop/contracts';
import { MEMBER_REF_PATTERN, SOURCE_EVENT_ID_PATTERN, SOURCE_PATTERN, VISIT_NUMBER_PATTERN, type DischargeEvent } from '@careloop/domain';

/**
 * A discharge as read from the wire, before the API applies the integration's
 * default program. `visitNumber` (HL7 PV1-19) is kept beside the event, not in
 * it: later ADT^A08/A13 messages find the discharge by it.
 */
export type ParsedDischarge = Omit<DischargeEvent, 'programCode'> & {
  readonly programCode: string | null;
  readonly visitNumber?: string | null;
  /**
   * The member's demographics as the feed sent them (HL7 PID, FHIR Patient), kept beside the event like the visit
   * number (so the stored event and its fingerprint are unchanged): the intake creates or matches the member by them.
   */
  readonly demographics?: FeedDemographics;
};

/** A feed's member: an HL7 PID mapped to a member record, or a FHIR Patient as sent (mapped with the configured systems). */
export type FeedDemographics = { readonly kind: 'record'; readonly record: MemberInput } | { readonly kind: 'patient'; readonly patient: unknown };

/** What the parsers know of the authenticated sender. */
export interface SenderContext {
  /**
   * The source to record when the message names none (a plain FHIR Encounter
   * without serviceProvider identifier or meta.source): the authenticated
   * integration client's id. Validated like any source.
   */
  readonly defaultSource: string;
}

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

/**
 * A well-formed message of an event CareLoop does not act on (a Da Vinci
 * admit or transfer notification): 422, naming the field and the event code.
 */
export class UnsupportedEventError extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super(`unsupported event: ${errors.map((e) => e.field).join(', ')}`);
    this.name = 'UnsupportedEventError';
  }
}

/**
 * The place this client is configured to send the plan member id in (HL7
 * PID-3 by type or authority, IN1) holds none: 422 naming the segment/field.
 */
export class MemberIdMissingError extends Error {
  constructor(
    readonly field: string,
    readonly reason: string,
  ) {
    super(`member id missing: ${field}`);
    this.name = 'MemberIdMissingError';
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

  visitNumber(field: string, value: string): string | null {
    return this.pattern(field, value, VISIT_NUMBER_PATTERN, 'the visit number', '1-64 letters, digits or . _ : / - (starting with a letter or digit)');
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

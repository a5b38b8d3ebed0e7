import { z } from 'zod';
import { PROGRAM_CODE_PATTERN } from '@careloop/domain';
import { DischargeFormatError, FieldErrors, optionalText, type ParsedDischarge } from './discharge-input';
import { issuesOf } from './fhir/fhir.schemas';

/**
 * CareLoop's own discharge event (docs/integrations.md). Unknown fields are
 * rejected, like everywhere in the API, so a misspelt field is reported.
 */
const JsonDischarge = z.strictObject({
  source: z.string({ error: 'is required (the sending system)' }),
  eventId: z.string({ error: "is required (the sender's id of this event)" }),
  memberRef: z.string({ error: 'is required (the member id)' }),
  programCode: z.string().regex(PROGRAM_CODE_PATTERN, { error: 'must be 2-32 characters: an upper-case letter, then upper-case letters, digits, "_" or "-"' }).optional(),
  dischargedAt: z.iso.datetime({ offset: true, error: 'must be an ISO 8601 date-time with offset, e.g. 2026-11-20T14:30:00-05:00' }),
  facility: z.strictObject({ id: z.string().max(64).optional(), name: z.string().max(200).optional() }).optional(),
  disposition: z.string().max(32).optional(),
  pcpId: z.string().max(64).optional(),
});

export function parseJsonDischarge(body: unknown): ParsedDischarge {
  const parsed = JsonDischarge.safeParse(body);
  if (!parsed.success) {
    throw new DischargeFormatError(issuesOf(parsed.error, '').map((e) => ({ ...e, field: e.field.replace(/^\./, '') || 'body' })));
  }
  const v = parsed.data;
  const errors = new FieldErrors();
  const source = errors.source('source', v.source);
  const eventId = errors.eventId('eventId', v.eventId);
  const memberRef = errors.memberRef('memberRef', v.memberRef);
  errors.throwIfAny();
  return {
    format: 'json',
    source: source!,
    sourceEventId: eventId!,
    memberRef: memberRef!,
    programCode: v.programCode ?? null,
    dischargedAt: new Date(Date.parse(v.dischargedAt)).toISOString(),
    facility: { id: optionalText(v.facility?.id, 64), name: optionalText(v.facility?.name, 200) },
    disposition: optionalText(v.disposition, 32),
    pcpId: optionalText(v.pcpId, 64),
  };
}

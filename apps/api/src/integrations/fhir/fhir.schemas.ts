import { z } from 'zod';

/**
 * The parts of FHIR R4 resources a discharge needs, checked with zod. Other
 * elements are allowed and ignored (FHIR resources carry many), so these
 * schemas validate structure, not conformance to a profile.
 */
const Coding = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() });
const CodeableConcept = z.object({ coding: z.array(Coding).optional(), text: z.string().optional() });
export const Identifier = z.object({ system: z.string().optional(), value: z.string().optional(), type: CodeableConcept.optional() });
export const Reference = z.object({ reference: z.string().optional(), identifier: Identifier.optional(), display: z.string().optional() });

export const Encounter = z.object({
  resourceType: z.literal('Encounter'),
  id: z.string().optional(),
  meta: z.object({ source: z.string().optional() }).optional(),
  identifier: z.array(Identifier).optional(),
  status: z.string({ error: 'is required (an Encounter status code)' }),
  subject: Reference.optional(),
  period: z.object({ start: z.string().optional(), end: z.string().optional() }).optional(),
  serviceProvider: Reference.optional(),
  hospitalization: z.object({ dischargeDisposition: CodeableConcept.optional() }).optional(),
});
export type Encounter = z.infer<typeof Encounter>;

export const Patient = z.object({
  resourceType: z.literal('Patient'),
  id: z.string().optional(),
  identifier: z.array(Identifier).optional(),
  generalPractitioner: z.array(Reference).optional(),
});
export type Patient = z.infer<typeof Patient>;

/** Da Vinci notifications carry the member's coverage: US Core Coverage (1.1.0) names the member id as an identifier typed MB, HRex Coverage (1.0.0) as subscriberId. */
export const Coverage = z.object({
  resourceType: z.literal('Coverage'),
  id: z.string().optional(),
  identifier: z.array(Identifier).optional(),
  subscriberId: z.string().optional(),
  beneficiary: Reference.optional(),
  relationship: CodeableConcept.optional(),
});
export type Coverage = z.infer<typeof Coverage>;

export const Organization = z.object({
  resourceType: z.literal('Organization'),
  id: z.string().optional(),
  identifier: z.array(Identifier).optional(),
  name: z.string().optional(),
});
export type Organization = z.infer<typeof Organization>;

export const MessageHeader = z.object({
  resourceType: z.literal('MessageHeader'),
  id: z.string().optional(),
  eventCoding: z.object({ system: z.string().optional(), code: z.string({ error: 'is required' }) }, { error: 'is required' }),
  source: z.object({ name: z.string().optional(), endpoint: z.string({ error: 'is required (the sender)' }) }, { error: 'is required' }),
  focus: z.array(Reference, { error: 'must reference the Encounter' }).min(1, { error: 'must reference the Encounter' }),
});
export type MessageHeader = z.infer<typeof MessageHeader>;

export const MessageBundle = z.object({
  resourceType: z.literal('Bundle'),
  id: z.string().optional(),
  identifier: Identifier.optional(),
  type: z.literal('message', { error: 'must be "message" (a notification Bundle)' }),
  entry: z
    .array(z.object({ fullUrl: z.string().optional(), resource: z.looseObject({ resourceType: z.string(), id: z.string().optional() }) }), { error: 'must list the resources' })
    .min(2, { error: 'must hold at least a MessageHeader and the Encounter' }),
});
export type MessageBundle = z.infer<typeof MessageBundle>;

/** zod issues as `{ field, reason }`, fields written as FHIR paths under `root` (e.g. Encounter.period.end). */
export function issuesOf(error: z.ZodError, root: string): { field: string; reason: string }[] {
  const path = (parts: readonly PropertyKey[]) =>
    [root, ...parts.map((p) => (typeof p === 'number' ? `[${p}]` : String(p)))].filter(Boolean).join('.').replace(/\.\[/g, '[');
  return error.issues.flatMap((i) =>
    // Unknown fields are named one by one (the key itself, never its value).
    i.code === 'unrecognized_keys'
      ? i.keys.map((key) => ({ field: path([...i.path, key]), reason: 'is not a field of this message' }))
      : [{ field: path(i.path), reason: i.code === 'invalid_type' && i.message.startsWith('Invalid input') ? `must be ${i.expected}` : i.message }],
  );
}

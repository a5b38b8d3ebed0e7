/**
 * Where an HL7 v2 sender puts the health plan's member id (issue 16), set per
 * integration client (integration_clients.hl7_member_id_place / _qualifier):
 *
 * - `pid3-type`: the PID-3 repetition whose identifier type code (CX-5) is the
 *   qualifier (default `MB`, member number).
 * - `pid3-authority`: the PID-3 repetition whose assigning authority (CX-4.1)
 *   is the qualifier (the plan's namespace id, e.g. `HEALTHPLAN`).
 * - `in1-insured-id`: the insurance segment's member id: IN1-49.1 (Insured's
 *   ID Number, CX, v2.5+), else IN1-36 (v2.5.1 "Policy Number", where many
 *   payers' feeds carry the member id). With a qualifier, only the IN1 whose
 *   IN1-2.1 (health plan id) or IN1-3.1 (insurance company id) equals it.
 */
export const HL7_MEMBER_ID_PLACES = ['pid3-type', 'pid3-authority', 'in1-insured-id'] as const;
export type Hl7MemberIdPlace = (typeof HL7_MEMBER_ID_PLACES)[number];

export interface Hl7MemberIdRule {
  readonly place: Hl7MemberIdPlace;
  /** pid3-type: the type code; pid3-authority: the authority (required); in1-insured-id: the plan or company id (optional). */
  readonly qualifier: string | null;
}

/** A client without a configured rule: PID-3 typed MB, else PID-3's first repetition (as before issue 16). */
export const LEGACY_HL7_MEMBER_ID_RULE: Hl7MemberIdRule | null = null;

/** Qualifiers are codes (not PHI): 1-64 letters, digits and ".-_:". */
export const HL7_QUALIFIER_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;

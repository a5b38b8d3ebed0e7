/**
 * A hospital discharge as CareLoop understands it, whatever format it came in
 * (CareLoop JSON, FHIR R4 Encounter or notification Bundle, HL7 v2 ADT^A03).
 * Carries PHI (member reference, facility, PCP): it lives only in Postgres and
 * in encrypted workflow payloads, never in ids, logs or search attributes.
 */
export const DISCHARGE_FORMATS = ['json', 'fhir-encounter', 'fhir-bundle', 'hl7v2-adt-a03'] as const;
export type DischargeFormat = (typeof DISCHARGE_FORMATS)[number];

export interface DischargeEvent {
  readonly format: DischargeFormat;
  /** Who sent it (a facility or feed code, e.g. MSH-4, MessageHeader.source.endpoint). With `sourceEventId` the idempotency key. */
  readonly source: string;
  /** The sender's id of this event (MSH-10, Bundle/MessageHeader id, Encounter identifier, JSON `eventId`). */
  readonly sourceEventId: string;
  readonly memberRef: string;
  readonly programCode: string;
  /** ISO 8601 with offset, as normalised (UTC `Z`). */
  readonly dischargedAt: string;
  readonly facility: { readonly id: string | null; readonly name: string | null };
  /** Discharge disposition code as sent (e.g. HL7 table 0112 "01" home, FHIR "home"), or null. */
  readonly disposition: string | null;
  /** The member's primary care provider id, when the sender knows it. */
  readonly pcpId: string | null;
}

/** Source and event ids: short, printable, no separators that could be confused in keys. */
export const SOURCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;
export const SOURCE_EVENT_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/;
/** The member reference alphabet the case API accepts (POST /cases). */
export const MEMBER_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/**
 * A hospital's visit (encounter) number as sent (HL7 PV1-19). With the sender,
 * the integration client and the member it finds the discharge that a later
 * update (ADT^A08) or cancellation (ADT^A13) is about. An identifier of the
 * stay, so PHI like the member reference: Postgres only, never logged.
 */
export const VISIT_NUMBER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}$/;

/** What a sender may correct in a discharge it sent (HL7 v2 ADT^A08); unchanged fields are left out. */
export interface DischargeDetailChanges {
  readonly dischargedAt?: string;
  readonly disposition?: string;
  readonly pcpId?: string;
}

export const DISCHARGE_AMENDMENT_KINDS = ['update', 'cancel'] as const;
export type DischargeAmendmentKind = (typeof DISCHARGE_AMENDMENT_KINDS)[number];

/**
 * A sender's later message about a discharge it sent: ADT^A08 (update patient
 * information: corrected discharge time, disposition or PCP) or ADT^A13
 * (cancel discharge). Carries PHI (member, visit number, PCP) like the event.
 */
export interface DischargeAmendment {
  readonly kind: DischargeAmendmentKind;
  /** The message type as received, e.g. `ADT^A13` (shown on the case timeline; not PHI). */
  readonly messageType: string;
  readonly source: string;
  /** The sender's id of this message (MSH-10); with the source and the client the idempotency key. */
  readonly sourceEventId: string;
  readonly memberRef: string;
  readonly visitNumber: string;
  /** When the sender recorded the event (EVN-2, else MSH-7), ISO UTC; null when neither is readable. */
  readonly occurredAt: string | null;
  /** `update` only: the discharge details the message carries (each only when present). */
  readonly details: DischargeDetailChanges;
}

import type {
  DuplicateReason,
  DuplicateResolution,
  MemberContactMethod,
  MemberIdentifierKind,
  PhoneUse,
  RecordedSex,
  RepresentativeAuthority,
  RepresentativeRelationship,
  Weekday,
} from '@careloop/domain';

/**
 * The member registry's API shapes (issue 16), shared by the API (DTOs
 * implement them), the console and the FHIR mapping. Everything here except
 * `id`, `version` and timestamps is PHI: encrypted at rest
 * (docs/security.md), never logged, never in search attributes.
 *
 * `id` is the registry's own opaque key (`mbr_` + 26 Crockford base32
 * characters, not derived from any identifier); the plan's member id is the
 * identifier of kind `plan`, which cases call `memberRef`.
 */
export const MEMBER_ID_PATTERN = /^mbr_[0-9a-hjkmnp-tv-z]{26}$/;

export interface MemberIdentifier {
  readonly kind: MemberIdentifierKind;
  readonly value: string;
  /** Issuing system (FHIR `Identifier.system`), e.g. the state Medicaid OID or the plan's URI. */
  readonly system?: string;
}

export interface MemberName {
  readonly given: readonly string[];
  readonly family: string;
  /** What the member asks to be called. */
  readonly preferred?: string;
}

export interface MemberAddress {
  readonly lines: readonly string[];
  readonly city: string;
  readonly state: string;
  readonly postalCode: string;
  readonly country?: string;
}

export interface MemberPhone {
  readonly use: PhoneUse;
  readonly number: string;
  /** The member agreed to text messages on this number. */
  readonly smsOk?: boolean;
}

/** A window in which the member prefers to be contacted, in their own time zone. */
export interface ContactWindow {
  readonly days: readonly Weekday[];
  /** HH:MM, 24-hour. */
  readonly from: string;
  readonly to: string;
}

export interface ContactPreferences {
  readonly method: MemberContactMethod;
  /** Empty: any time. */
  readonly windows: readonly ContactWindow[];
  /** IANA time zone the windows are in, e.g. America/Chicago. */
  readonly timeZone: string;
}

export interface AuthorisedRepresentative {
  /** Stable within the member (`rep_…`), assigned by the registry; sent back on update to keep the entry. */
  readonly id: string;
  readonly name: string;
  readonly relationship: RepresentativeRelationship;
  readonly authorities: readonly RepresentativeAuthority[];
  /** YYYY-MM-DD; the authority is in force from this day (inclusive)… */
  readonly validFrom: string;
  /** …to this day (inclusive); null: until revoked. */
  readonly validUntil: string | null;
  readonly phone?: string;
  readonly email?: string;
  /** BCP 47. */
  readonly preferredLanguage?: string;
}

/** A representative as sent: without `id` a new entry, with it an update of that entry. */
export type RepresentativeInput = Omit<AuthorisedRepresentative, 'id'> & { readonly id?: string };

/** Coverage that makes the member eligible (e.g. Medicaid, Medicare Advantage). */
export interface EligibilitySpan {
  readonly coverage: string;
  readonly start: string;
  readonly end: string | null;
}

/** Enrollment in one care-management program. */
export interface EnrollmentSpan {
  readonly programCode: string;
  readonly start: string;
  readonly end: string | null;
}

/** What a create carries (POST /members) and what an update replaces (PUT /members/:id). */
export interface MemberInput {
  readonly identifiers: readonly MemberIdentifier[];
  readonly name: MemberName;
  /** YYYY-MM-DD. */
  readonly birthDate: string;
  readonly sex: RecordedSex;
  /** As the member states it; free text, optional. */
  readonly genderIdentity?: string;
  readonly address?: MemberAddress;
  readonly phones: readonly MemberPhone[];
  readonly email?: string;
  /** The member has an active portal account. */
  readonly portal: boolean;
  readonly contactPreferences: ContactPreferences;
  /** BCP 47, e.g. es, en-US. */
  readonly preferredLanguage: string;
  readonly interpreterNeeded: boolean;
  readonly representatives: readonly RepresentativeInput[];
  /** Provider directory id of the member's PCP. */
  readonly pcpProviderId?: string | null;
  readonly eligibility: readonly EligibilitySpan[];
  readonly enrollments: readonly EnrollmentSpan[];
}

export interface MemberView extends Omit<MemberInput, 'representatives'> {
  readonly id: string;
  /** Increases by one on every change; PUT sends it back as If-Match to refuse a lost update. */
  readonly version: number;
  readonly representatives: readonly AuthorisedRepresentative[];
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Open duplicate flags naming this member (for a person to resolve). */
  readonly openDuplicateFlags: readonly string[];
}

/** One entry of GET /members/:id/versions: what the record was, who changed it, when. */
export interface MemberVersionView {
  readonly version: number;
  readonly changedAt: string;
  readonly changedBy: string;
  readonly record: MemberInput;
}

/** A hit of GET /members?… (enough to pick the right person; the page reads the rest). */
export interface MemberSummary {
  readonly id: string;
  readonly name: MemberName;
  readonly birthDate: string;
  readonly planMemberId: string | null;
  readonly preferredLanguage: string;
}

export interface MemberDuplicateFlag {
  readonly id: string;
  readonly memberIds: readonly [string, string];
  readonly reason: DuplicateReason;
  readonly flaggedAt: string;
  /** Who or what created the member that raised the flag (an actor or an integration client). */
  readonly flaggedBy: string;
  readonly resolution: DuplicateResolution | null;
  readonly resolvedBy: string | null;
  readonly resolvedAt: string | null;
}

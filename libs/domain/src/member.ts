/**
 * The member registry's vocabulary (issue 16). One source of truth for the
 * API's validation, the persistence layer, the FHIR mapping and the console.
 */

/** Identifiers a member is known by. `plan` is the health plan's member id (the case's `memberRef`). */
export const MEMBER_IDENTIFIER_KINDS = ['plan', 'medicaid', 'mbi', 'other'] as const;
export type MemberIdentifierKind = (typeof MEMBER_IDENTIFIER_KINDS)[number];

/** How a member (or representative) prefers to be reached; `email` reaches them only with PHI-free text. */
export const MEMBER_CONTACT_METHODS = ['phone', 'sms', 'email', 'portal', 'letter'] as const;
export type MemberContactMethod = (typeof MEMBER_CONTACT_METHODS)[number];

export const PHONE_USES = ['mobile', 'home', 'work'] as const;
export type PhoneUse = (typeof PHONE_USES)[number];

/** Sex as recorded by the plan (administrative, FHIR `Patient.gender` values). */
export const RECORDED_SEXES = ['female', 'male', 'other', 'unknown'] as const;
export type RecordedSex = (typeof RECORDED_SEXES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const REPRESENTATIVE_RELATIONSHIPS = ['guardian', 'parent', 'spouse', 'family', 'caregiver', 'healthcare_proxy', 'other'] as const;
export type RepresentativeRelationship = (typeof REPRESENTATIVE_RELATIONSHIPS)[number];

/**
 * What an authorised representative may do for the member (seed 001: family
 * members or guardians take part in planning and consent). Consent given by a
 * representative is accepted only if their recorded authority covers it and
 * is in force on the day.
 */
export const REPRESENTATIVE_AUTHORITIES = ['consent_care_plan', 'participate_in_planning', 'receive_information', 'contact_on_behalf'] as const;
export type RepresentativeAuthority = (typeof REPRESENTATIVE_AUTHORITIES)[number];

/** Why two registry members may be the same person; a person resolves every flag (never merged silently). */
export const DUPLICATE_REASONS = ['same_name_and_birth_date'] as const;
export type DuplicateReason = (typeof DUPLICATE_REASONS)[number];

export const DUPLICATE_RESOLUTIONS = ['distinct_people', 'same_person'] as const;
export type DuplicateResolution = (typeof DUPLICATE_RESOLUTIONS)[number];

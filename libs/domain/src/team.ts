/**
 * Care teams: a case belongs to at most one, and the automatic assignment of a
 * named care manager never leaves it. Ids are short, printable and stable
 * (they appear in `team:<teamId>` points of contact and in the read model).
 */
export const TEAM_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The team's shared queue as a point of contact (the API resolves it to the team's active members). */
export const teamQueueContact = (teamId: string): string => `team:${teamId}`;

/** Staff ids as tokens carry them (`sub`) and assignments name them. */
export const STAFF_ID_PATTERN = /^[A-Za-z0-9_.:@-]{1,64}$/;

/** The roles a staff record (the roster) holds; providers, the committee, admins and integrations are not on it. */
export const STAFF_ROLES = ['care_manager', 'supervisor'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/** A BCP 47 language tag as staff and members state it ("en", "es", "zh-Hant", "pt-BR"): a 2-3 letter language, then subtags. */
export const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * The regions a team may serve: the USPS codes of the 50 states, the District
 * of Columbia and the inhabited territories (PR, GU, VI, AS, MP).
 */
export const US_REGION_CODES = [
  'AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME', 'MD',
  'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI', 'SC',
  'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP',
] as const;
export type UsRegionCode = (typeof US_REGION_CODES)[number];

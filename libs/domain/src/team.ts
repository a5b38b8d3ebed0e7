/**
 * Care teams: a case belongs to at most one, and the automatic assignment of a
 * named care manager never leaves it. Ids are short, printable and stable
 * (they appear in `team:<teamId>` points of contact and in the read model).
 */
export const TEAM_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,63}$/;

/** The team's shared queue as a point of contact (the API resolves it to the team's active members). */
export const teamQueueContact = (teamId: string): string => `team:${teamId}`;

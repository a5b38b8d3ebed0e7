import type { StaffRole, UsRegionCode } from '@careloop/domain';

/**
 * Care teams and the staff on them, as the admin API (apps/api/src/teams)
 * takes and answers them and the console reads them. No PHI: staff ids,
 * display names, languages and counts only.
 */

/** `POST /teams`: the id is the caller's and stable (it names the team's queue, `team:<id>`). */
export interface TeamInput {
  readonly id: string;
  readonly name: string;
  /** Program codes the team serves (e.g. CCM); a case of a program it does not serve never lands on it. */
  readonly programs: readonly string[];
  /** US state/territory codes served. */
  readonly regions: readonly UsRegionCode[];
  /** An inactive team takes no new cases; it is never deleted (staff and cases keep referring to it). */
  readonly active: boolean;
}

/** `PUT /teams/:id`: the whole team again, less its id (the path's). */
export type TeamUpdateInput = Omit<TeamInput, 'id'>;

/** A team as stored (the `GET /teams` items). */
export interface TeamRecord extends Omit<TeamInput, 'regions'> {
  /** As stored: what the API wrote is a UsRegionCode, a row written by SQL need not be. */
  readonly regions: readonly string[];
  /** Active staff on the team. */
  readonly activeMembers: number;
}

/** An active member of a team, with what assignment weighs. */
export interface TeamMemberView {
  readonly id: string;
  readonly displayName: string;
  readonly role: StaffRole;
  readonly languages: readonly string[];
  /** The person's own cap; null: the program policy's cap applies. */
  readonly caseloadCap: number | null;
  /** Open assignments held now (staff.open_caseload, kept by a trigger on case_assignments). */
  readonly openCaseload: number;
}

/** `GET /teams/:id`: the team and its active members. */
export interface TeamView extends TeamRecord {
  readonly members: readonly TeamMemberView[];
}

export interface TeamList {
  readonly items: readonly TeamRecord[];
}

/** `POST /staff`: a care manager or supervisor on an existing team. */
export interface StaffInput {
  readonly id: string;
  readonly displayName: string;
  readonly role: StaffRole;
  /** An existing team; active unless the person is being recorded as inactive. */
  readonly teamId: string;
  /** BCP 47 tags the person works in. */
  readonly languages: readonly string[];
  /** At least 1; null: the program policy's cap. */
  readonly caseloadCap: number | null;
  /** Deactivating keeps the row (assignments and timelines name the person); they take no new cases and see no team's cases. */
  readonly active: boolean;
  /** Where notices are emailed (only a link to the inbox, never clinical detail); absent or null: inbox only. */
  readonly email?: string | null;
  /** E.164 number for SMS notices (same rule); absent or null: none. */
  readonly phone?: string | null;
}

/** `PUT /staff/:id`: the whole record again, less its id. */
export type StaffUpdateInput = Omit<StaffInput, 'id'>;

/** `GET /staff/:id` (and the answer of the writes). */
export interface StaffView extends Omit<StaffInput, 'teamId'> {
  /** null only for someone the roster file put on no team. */
  readonly teamId: string | null;
  readonly openCaseload: number;
  readonly email: string | null;
  readonly phone: string | null;
}

import { Injectable } from '@nestjs/common';
import { isDeepStrictEqual } from 'node:util';
import type { StaffInput, StaffView, TeamInput, TeamList, TeamRecord, TeamView } from '@careloop/contracts';
import { StaffAdminRepository, TeamAdminRepository, type StoredStaff, type StoredTeam } from '@careloop/persistence';
import { teamReadable } from '../auth/access-policy';
import type { Principal } from '../auth/principal';
import { StaffTeamCache } from '../auth/staff-team.cache';
import { ApiError, fieldError } from '../common/api-error';

const teamNotFound = (id: string) => new ApiError('team_not_found', `No team with id ${id}.`);
const staffNotFound = (id: string) => new ApiError('staff_not_found', `No staff member with id ${id}.`);

/** Plain records of exactly the written fields (a DTO instance has another prototype, which isDeepStrictEqual compares). */
const teamFields = (t: Omit<TeamRecord, 'activeMembers'>): Omit<TeamRecord, 'activeMembers'> => ({ id: t.id, name: t.name, programs: [...t.programs], regions: [...t.regions], active: t.active });
const staffFields = (s: StaffInput | StoredStaff): Omit<StaffInput, 'teamId' | 'email' | 'phone'> & { teamId: string | null; email: string | null; phone: string | null } => ({
  id: s.id,
  displayName: s.displayName,
  role: s.role,
  teamId: s.teamId,
  languages: [...s.languages],
  caseloadCap: s.caseloadCap,
  active: s.active,
  email: s.email ?? null,
  phone: s.phone ?? null,
});

/**
 * Care teams and staff through the API (issue 16). Writes are whole-record and keyed by the caller's
 * id, so they are idempotent without an Idempotency-Key: a POST that finds the same record answers it
 * (200), one that finds different content is a conflict (409); a PUT replaces. Reads by supervisors and
 * care managers are limited to their own team (the roster's), and another team is a 404, as for a case.
 */
@Injectable()
export class TeamsService {
  constructor(
    private readonly teams: TeamAdminRepository,
    private readonly staff: StaffAdminRepository,
    private readonly staffTeams: StaffTeamCache,
  ) {}

  async createTeam(input: TeamInput): Promise<{ created: boolean; team: TeamView }> {
    const { created, team } = await this.teams.create(teamFields(input));
    if (!created && !isDeepStrictEqual(teamFields(team), teamFields(input))) {
      throw new ApiError('team_conflict', `Team ${input.id} already exists with different content; change it with PUT /teams/${input.id}.`);
    }
    return { created, team: await this.withMembers(team) };
  }

  async updateTeam(input: TeamInput): Promise<TeamView> {
    // Activity of a team does not change anyone's team (staff-team.cache.ts), so nothing is forgotten here:
    // assignment reads teams and staff from Postgres on every case.
    const team = await this.teams.update(teamFields(input));
    if (!team) {
      throw teamNotFound(input.id);
    }
    return this.withMembers(team);
  }

  async listTeams(principal: Principal): Promise<TeamList> {
    return { items: await this.teams.list(principal.role === 'admin' ? undefined : principal.team) };
  }

  async getTeam(principal: Principal, id: string): Promise<TeamView> {
    const team = teamReadable(principal, id) ? await this.teams.get(id) : null;
    if (!team) {
      throw teamNotFound(id);
    }
    return this.withMembers(team);
  }

  async createStaff(input: StaffInput): Promise<{ created: boolean; staff: StaffView }> {
    await this.requireTeam(input);
    const { created, staff } = await this.staff.create({ ...staffFields(input), teamId: input.teamId });
    if (!created && !isDeepStrictEqual(staffFields(staff), staffFields(input))) {
      throw new ApiError('staff_conflict', `Staff member ${input.id} already exists with different content; change them with PUT /staff/${input.id}.`);
    }
    this.staffTeams.forget(input.id);
    return { created, staff };
  }

  async updateStaff(input: StaffInput): Promise<StaffView> {
    await this.requireTeam(input);
    const staff = await this.staff.update({ ...staffFields(input), teamId: input.teamId });
    if (!staff) {
      throw staffNotFound(input.id);
    }
    // Their team (or, deactivated, none) applies to their next request in this process at once.
    this.staffTeams.forget(input.id);
    return staff;
  }

  async getStaff(principal: Principal, id: string): Promise<StaffView> {
    const staff = await this.staff.get(id);
    if (!staff || !teamReadable(principal, staff.teamId)) {
      throw staffNotFound(id);
    }
    return staff;
  }

  /** A person's team must exist, and be active unless the person is recorded inactive (deactivating someone on a closed team). */
  private async requireTeam(input: StaffInput): Promise<void> {
    const team = await this.teams.get(input.teamId);
    if (!team) {
      throw fieldError('teamId', `there is no team ${input.teamId}`);
    }
    if (input.active && !team.active) {
      throw fieldError('teamId', `team ${input.teamId} is inactive`);
    }
  }

  private async withMembers(team: StoredTeam): Promise<TeamView> {
    return { ...team, members: await this.teams.members(team.id) };
  }
}

import { STAFF_TEAM_TTL_MS, StaffTeamCache } from '../../../apps/api/src/auth/staff-team.cache';

describe('StaffTeamCache', () => {
  it('answers the staff table’s team, remembers it for the TTL, then reads it again', async () => {
    let clock = 1_000;
    const teams = new Map<string, string | null>([['cm-1', 'north']]);
    const reads: string[] = [];
    const cache = new StaffTeamCache({ staffTeam: async (id) => (reads.push(id), teams.get(id) ?? null) }, () => clock);
    expect(await cache.teamOf('cm-1')).toBe('north');
    teams.set('cm-1', 'south');
    clock += STAFF_TEAM_TTL_MS - 1;
    expect(await cache.teamOf('cm-1')).toBe('north');
    clock += 1;
    expect(await cache.teamOf('cm-1')).toBe('south');
    expect(await cache.teamOf('cm-unknown')).toBeNull();
    expect(reads).toEqual(['cm-1', 'cm-1', 'cm-unknown']);
  });
});

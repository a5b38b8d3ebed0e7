import { STAFF_TEAM_TTL_MS, StaffTeamCache } from '../../../apps/api/src/auth/staff-team.cache';

describe('StaffTeamCache', () => {
  it('answers the roster’s team over the claim, remembers it for the TTL, and keeps the claim only for someone not on the roster', async () => {
    let clock = 1_000;
    const roster = new Map<string, string | null>([
      ['cm-1', 'north'],
      ['cm-gone', null],
    ]);
    const reads: string[] = [];
    const cache = new StaffTeamCache({ staffTeam: async (id) => (reads.push(id), roster.has(id) ? roster.get(id)! : undefined) }, () => clock);
    expect(await cache.teamOf('cm-1', 'south')).toBe('north');
    roster.set('cm-1', 'south');
    clock += STAFF_TEAM_TTL_MS - 1;
    expect(await cache.teamOf('cm-1', 'north')).toBe('north');
    clock += 1;
    expect(await cache.teamOf('cm-1', 'north')).toBe('south');
    // Inactive (or teamless) on the roster: no team, whatever the token says.
    expect(await cache.teamOf('cm-gone', 'north')).toBeNull();
    expect(await cache.teamOf('cm-new', 'east')).toBe('east');
    expect(reads).toEqual(['cm-1', 'cm-1', 'cm-gone', 'cm-new']);
  });

  it('forgets one subject on request (an admin API staff write), so the next request reads the roster again', async () => {
    const roster = new Map<string, string | null>([['cm-1', 'north']]);
    let reads = 0;
    const cache = new StaffTeamCache({ staffTeam: async (id) => (reads++, roster.get(id)) }, () => 0);
    expect(await cache.teamOf('cm-1', null)).toBe('north');
    roster.set('cm-1', null);
    expect(await cache.teamOf('cm-1', null)).toBe('north');
    cache.forget('cm-1');
    expect(await cache.teamOf('cm-1', 'north')).toBeNull();
    expect(reads).toBe(2);
  });
});

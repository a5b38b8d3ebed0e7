import type { AccessRepository } from '@careloop/persistence';

/** How long a staff member's team is remembered; a team change (PUT /staff) takes at most this long to apply. */
export const STAFF_TEAM_TTL_MS = 30_000;

/**
 * A care manager's or supervisor's team, from the staff table (never the token's `team` claim): a token
 * minted with another team, or for someone no longer on the roster, grants no team. Cached per subject for
 * STAFF_TEAM_TTL_MS so a request costs no extra query on a warm cache; bounded by the number of staff.
 */
export class StaffTeamCache {
  private readonly entries = new Map<string, { team: string | null; until: number }>();

  constructor(
    private readonly access: Pick<AccessRepository, 'staffTeam'>,
    private readonly now: () => number = Date.now,
  ) {}

  async teamOf(sub: string): Promise<string | null> {
    const hit = this.entries.get(sub);
    if (hit && hit.until > this.now()) {
      return hit.team;
    }
    const team = await this.access.staffTeam(sub);
    this.entries.set(sub, { team, until: this.now() + STAFF_TEAM_TTL_MS });
    return team;
  }
}

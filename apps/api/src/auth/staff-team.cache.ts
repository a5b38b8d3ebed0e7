import type { AccessRepository } from '@careloop/persistence';

/**
 * How long a staff member's team is remembered. A change through the admin API (PUT /staff/:id) is
 * forgotten at once in the process that made it (`forget`); other API processes, and a change by the
 * roster file or SQL, take at most this long to apply.
 */
export const STAFF_TEAM_TTL_MS = 30_000;

/**
 * The team a care manager or supervisor is scoped by, the token's `team` claim checked against the staff
 * table: someone on the roster gets the roster's team whatever the token claims (an inactive person gets
 * none); someone not on the roster (yet) keeps the claim of the identity provider's signed token. Cached per
 * subject for STAFF_TEAM_TTL_MS so a request costs no extra query on a warm cache; bounded by the number of staff.
 */
export class StaffTeamCache {
  private readonly entries = new Map<string, { team: string | null | undefined; until: number }>();

  constructor(
    private readonly access: Pick<AccessRepository, 'staffTeam'>,
    private readonly now: () => number = Date.now,
  ) {}

  async teamOf(sub: string, claimed: string | null): Promise<string | null> {
    const hit = this.entries.get(sub);
    const team = hit && hit.until > this.now() ? hit.team : await this.read(sub);
    return team === undefined ? claimed : team;
  }

  /** Drops what is remembered about `sub` (the admin API wrote their staff row): the next request reads it again. */
  forget(sub: string): void {
    this.entries.delete(sub);
  }

  private async read(sub: string): Promise<string | null | undefined> {
    const team = await this.access.staffTeam(sub);
    this.entries.set(sub, { team, until: this.now() + STAFF_TEAM_TTL_MS });
    return team;
  }
}

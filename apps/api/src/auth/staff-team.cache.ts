import type { AccessRepository } from '@careloop/persistence';
import { TtlCache } from '../common/ttl-cache';

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
 * subject for STAFF_TEAM_TTL_MS so a request costs no extra query on a warm cache.
 */
export class StaffTeamCache {
  /** undefined: not on the roster (the claim stands); null: on it without a team. */
  private readonly teams: TtlCache<string, string | null | undefined>;

  constructor(
    private readonly access: Pick<AccessRepository, 'staffTeam'>,
    now: () => number = Date.now,
  ) {
    this.teams = new TtlCache({ ttlMs: STAFF_TEAM_TTL_MS, maxEntries: 10_000 }, now);
  }

  async teamOf(sub: string, claimed: string | null): Promise<string | null> {
    const hit = this.teams.get(sub);
    const team = hit ? hit.value : await this.read(sub);
    return team === undefined ? claimed : team;
  }

  /** Drops what is remembered about `sub` (the admin API wrote their staff row): the next request reads it again. */
  forget(sub: string): void {
    this.teams.delete(sub);
  }

  private async read(sub: string): Promise<string | null | undefined> {
    const team = await this.access.staffTeam(sub);
    this.teams.set(sub, team);
    return team;
  }
}

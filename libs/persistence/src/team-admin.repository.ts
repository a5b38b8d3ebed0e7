import type { DataSource } from 'typeorm';
import { selectOne, selectRows } from './sql.query';

/** A team row as the admin API reads and writes it. */
export interface StoredTeam {
  readonly id: string;
  readonly name: string;
  readonly programs: string[];
  readonly regions: string[];
  readonly active: boolean;
  readonly activeMembers: number;
}

export interface StoredTeamMember {
  readonly id: string;
  readonly displayName: string;
  readonly role: 'care_manager' | 'supervisor';
  readonly languages: string[];
  readonly caseloadCap: number | null;
  readonly openCaseload: number;
}

type TeamFields = Omit<StoredTeam, 'activeMembers' | 'programs' | 'regions'> & { readonly programs: readonly string[]; readonly regions: readonly string[] };

const TEAM_COLUMNS = `t.id, t.name, t.programs, t.regions, t.active,
  (SELECT count(*)::int FROM staff s WHERE s.team = t.id AND s.active) AS "activeMembers"`;

/**
 * Teams as admins manage them (apps/api/src/teams). Teams are never deleted:
 * staff.team and cases.team_id refer to them; deactivating one is the way out.
 */
export class TeamAdminRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Creates the team unless the id exists. `created: false` answers the stored team, which the caller
   * compares with what was sent (the same content is a repeat; different content a conflict).
   * ON CONFLICT DO NOTHING makes two concurrent creates of one id a create and a repeat, never an error.
   */
  async create(team: TeamFields): Promise<{ created: boolean; team: StoredTeam }> {
    const inserted = await selectOne<{ id: string }>(
      this.dataSource,
      `INSERT INTO teams (id, name, programs, regions, active) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [team.id, team.name, team.programs, team.regions, team.active],
    );
    return { created: inserted !== null, team: (await this.get(team.id))! };
  }

  /** Replaces the team's fields; null when there is no such team. */
  async update(team: TeamFields): Promise<StoredTeam | null> {
    const updated = await selectOne<{ id: string }>(
      this.dataSource,
      `WITH u AS (UPDATE teams SET name = $2, programs = $3, regions = $4, active = $5 WHERE id = $1 RETURNING id) SELECT id FROM u`,
      [team.id, team.name, team.programs, team.regions, team.active],
    );
    return updated ? this.get(team.id) : null;
  }

  async get(id: string): Promise<StoredTeam | null> {
    return selectOne<StoredTeam>(this.dataSource, `SELECT ${TEAM_COLUMNS} FROM teams t WHERE t.id = $1`, [id]);
  }

  /** Every team, or only `only` (a non-admin's own team), by id. */
  async list(only?: string | null): Promise<StoredTeam[]> {
    return only === undefined
      ? selectRows<StoredTeam>(this.dataSource, `SELECT ${TEAM_COLUMNS} FROM teams t ORDER BY t.id`)
      : selectRows<StoredTeam>(this.dataSource, `SELECT ${TEAM_COLUMNS} FROM teams t WHERE t.id = $1 ORDER BY t.id`, [only]);
  }

  /** The team's active members with their caps and current open caseload (the trigger-kept counter). */
  async members(teamId: string): Promise<StoredTeamMember[]> {
    return selectRows<StoredTeamMember>(
      this.dataSource,
      `SELECT id, display_name AS "displayName", role, languages, caseload_cap AS "caseloadCap", open_caseload AS "openCaseload"
       FROM staff WHERE team = $1 AND active ORDER BY id`,
      [teamId],
    );
  }
}

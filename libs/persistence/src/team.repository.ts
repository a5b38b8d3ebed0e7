import type { DataSource } from 'typeorm';
import { selectOne, selectRows } from './sql.query';

/** A team's queue as a point of contact: its name and its active members (staff ids and display names, no PHI). */
export interface TeamContact {
  readonly teamId: string;
  readonly name: string;
  readonly members: { readonly id: string; readonly displayName: string }[];
}

/** Teams as the case start and the case view need them (which team owns a new case; who answers its queue). */
export class TeamRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Whether the team exists, is active, and serves the program. */
  async servesProgram(teamId: string, programCode: string): Promise<boolean> {
    const row = await selectOne<{ id: string }>(this.dataSource, `SELECT id FROM teams WHERE id = $1 AND active AND $2 = ANY(programs)`, [teamId, programCode]);
    return row !== null;
  }

  /**
   * The team a case starts in when the request names none: the starting staff member's own team (the staff
   * table, not a token claim) if it is active, else the only active team serving the program, else null.
   */
  async defaultFor(programCode: string, starterId: string | null): Promise<string | null> {
    if (starterId !== null) {
      const own = await selectOne<{ id: string }>(
        this.dataSource,
        `SELECT t.id FROM staff s JOIN teams t ON t.id = s.team WHERE s.id = $1 AND s.active AND t.active`,
        [starterId],
      );
      if (own) {
        return own.id;
      }
    }
    const serving = await selectRows<{ id: string }>(this.dataSource, `SELECT id FROM teams WHERE active AND $1 = ANY(programs) ORDER BY id LIMIT 2`, [programCode]);
    return serving.length === 1 ? serving[0]!.id : null;
  }

  /** The team's queue resolved to people (null: no such team). */
  async contact(teamId: string): Promise<TeamContact | null> {
    const team = await selectOne<{ name: string }>(this.dataSource, `SELECT name FROM teams WHERE id = $1`, [teamId]);
    if (!team) {
      return null;
    }
    const members = await selectRows<{ id: string; displayName: string }>(
      this.dataSource,
      `SELECT id, display_name AS "displayName" FROM staff WHERE team = $1 AND active ORDER BY id`,
      [teamId],
    );
    return { teamId, name: team.name, members };
  }
}

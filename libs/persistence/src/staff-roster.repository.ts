import type { DataSource } from 'typeorm';
import { execute, selectOne } from './sql.query';

export interface StaffMember {
  readonly id: string;
  readonly displayName: string;
  readonly role: 'care_manager' | 'supervisor';
  readonly team?: string | null;
  readonly languages?: readonly string[];
  readonly active?: boolean;
  readonly caseloadCap?: number | null;
  readonly email?: string | null;
  readonly phone?: string | null;
}

/** Upserts staff from a roster; people missing from the roster are left as they are. */
export class StaffRosterRepository {
  constructor(private readonly dataSource: DataSource) {}

  async upsert(members: readonly StaffMember[]): Promise<void> {
    // A team a roster names exists (staff.team references teams.id); an existing team is left as an admin set it.
    for (const team of new Set(members.map((m) => m.team).filter((t): t is string => typeof t === 'string'))) {
      await execute(this.dataSource, `INSERT INTO teams (id, name) VALUES ($1, $1) ON CONFLICT (id) DO NOTHING`, [team]);
    }
    for (const m of members) {
      await execute(
        this.dataSource,
        `INSERT INTO staff (id, display_name, role, team, languages, active, caseload_cap, email, phone) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (id) DO UPDATE SET display_name = EXCLUDED.display_name, role = EXCLUDED.role, team = EXCLUDED.team,
           languages = EXCLUDED.languages, active = EXCLUDED.active, caseload_cap = EXCLUDED.caseload_cap, email = EXCLUDED.email, phone = EXCLUDED.phone`,
        [m.id, m.displayName, m.role, m.team ?? null, m.languages ?? [], m.active ?? true, m.caseloadCap ?? null, m.email ?? null, m.phone ?? null],
      );
    }
  }

  /** The team of an active staff member, or null (unknown, inactive, or no team). */
  async teamOf(id: string): Promise<string | null> {
    const row = await selectOne<{ team: string | null }>(this.dataSource, `SELECT team FROM staff WHERE id = $1 AND active`, [id]);
    return row?.team ?? null;
  }
}

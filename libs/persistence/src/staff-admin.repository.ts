import type { DataSource } from 'typeorm';
import { selectOne } from './sql.query';

/** A staff row as the admin API reads and writes it. */
export interface StoredStaff {
  readonly id: string;
  readonly displayName: string;
  readonly role: 'care_manager' | 'supervisor';
  readonly teamId: string | null;
  readonly languages: string[];
  readonly caseloadCap: number | null;
  readonly active: boolean;
  readonly openCaseload: number;
  readonly email: string | null;
  readonly phone: string | null;
}

type StaffFields = Omit<StoredStaff, 'openCaseload' | 'teamId' | 'languages'> & { readonly teamId: string; readonly languages: readonly string[] };

const STAFF_COLUMNS = `id, display_name AS "displayName", role, team AS "teamId", languages, caseload_cap AS "caseloadCap", active, open_caseload AS "openCaseload", email, phone`;

/**
 * Staff as admins manage them (apps/api/src/teams). Never deleted: assignments, timelines and the
 * audit log name people, so leaving is `active = false`. The roster file (StaffRosterRepository)
 * upserts into the same table as a seed. open_caseload is the trigger's alone and never written here.
 */
export class StaffAdminRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates the person unless the id exists (then `created: false` and the stored record, for the caller to compare). */
  async create(s: StaffFields): Promise<{ created: boolean; staff: StoredStaff }> {
    const inserted = await selectOne<{ id: string }>(
      this.dataSource,
      `INSERT INTO staff (id, display_name, role, team, languages, caseload_cap, active, email, phone) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [s.id, s.displayName, s.role, s.teamId, s.languages, s.caseloadCap, s.active, s.email, s.phone],
    );
    return { created: inserted !== null, staff: (await this.get(s.id))! };
  }

  /** Replaces the person's fields; null when there is no such person. */
  async update(s: StaffFields): Promise<StoredStaff | null> {
    const updated = await selectOne<{ id: string }>(
      this.dataSource,
      `WITH u AS (UPDATE staff SET display_name = $2, role = $3, team = $4, languages = $5, caseload_cap = $6, active = $7, email = $8, phone = $9 WHERE id = $1 RETURNING id) SELECT id FROM u`,
      [s.id, s.displayName, s.role, s.teamId, s.languages, s.caseloadCap, s.active, s.email, s.phone],
    );
    return updated ? this.get(s.id) : null;
  }

  async get(id: string): Promise<StoredStaff | null> {
    return selectOne<StoredStaff>(this.dataSource, `SELECT ${STAFF_COLUMNS} FROM staff WHERE id = $1`, [id]);
  }
}

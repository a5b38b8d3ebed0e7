import type { DataSource } from 'typeorm';
import type { AssignmentOutcome, AssignmentRequest, ReassignmentOutcome, ReassignmentRequest } from '@careloop/contracts';
import { execute, selectOne, selectRows } from './sql.query';

interface Candidate {
  id: string;
  languages: string[];
  cap: number;
  load: number;
}

const primary = (tag: string) => tag.split('-')[0]!.toLowerCase();

/**
 * Picks a named care manager for a case (seed 001 a.: high and medium risk get
 * one) within the caseload cap (seed 001: one FTE per 100 participants),
 * preferring someone who speaks the member's language, then the lightest
 * caseload. Never over cap: with no capacity the answer is `no_capacity`.
 * Idempotent per case episode; concurrent assignments are serialised by
 * locking the care-manager rows, so two cases cannot both take the last slot.
 */
export class CareManagerAssignmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async assign(req: AssignmentRequest): Promise<AssignmentOutcome> {
    return this.dataSource.transaction(async (tx) => {
      const staff = await selectRows<{ id: string; languages: string[]; cap: number }>(
        tx,
        `SELECT id, languages, COALESCE(caseload_cap, $1)::int AS cap FROM staff
         WHERE role = 'care_manager' AND active ORDER BY id FOR UPDATE`,
        [req.caseloadCap],
      );
      const existing = await selectOne<{ careManagerId: string; languageMatch: boolean }>(
        tx,
        `SELECT care_manager_id AS "careManagerId", language_match AS "languageMatch" FROM case_assignments
         WHERE case_id = $1 AND episode_id = $2 AND released_at IS NULL`,
        [req.caseId, req.episodeId],
      );
      if (existing) {
        return { status: 'already_assigned', ...existing };
      }
      const loads = await selectRows<{ careManagerId: string; n: number }>(
        tx,
        `SELECT care_manager_id AS "careManagerId", count(*)::int AS n FROM case_assignments WHERE released_at IS NULL GROUP BY care_manager_id`,
      );
      const load = new Map(loads.map((l) => [l.careManagerId, l.n]));
      const candidates: Candidate[] = staff.map((s) => ({ ...s, load: load.get(s.id) ?? 0 })).filter((c) => c.load < c.cap);
      if (candidates.length === 0) {
        return { status: 'no_capacity', careManagerId: null, languageMatch: false };
      }
      const speaks = (c: Candidate) => req.preferredLanguage !== null && c.languages.some((l) => primary(l) === primary(req.preferredLanguage!));
      candidates.sort((a, b) => Number(speaks(b)) - Number(speaks(a)) || a.load - b.load || a.id.localeCompare(b.id));
      const chosen = candidates[0]!;
      await execute(
        tx,
        `INSERT INTO case_assignments (case_id, episode_id, care_manager_id, risk_tier, language_match, assigned_at) VALUES ($1, $2, $3, $4, $5, $6)`,
        [req.caseId, req.episodeId, chosen.id, req.riskTier, speaks(chosen), req.at],
      );
      return { status: 'assigned', careManagerId: chosen.id, languageMatch: speaks(chosen) };
    });
  }

  /**
   * Moves the case episode to another care manager, within that person's cap.
   * The target's row is locked, so a concurrent assignment cannot take the same
   * last slot. Re-running it for the same target answers `already_assigned`.
   */
  async reassign(req: ReassignmentRequest): Promise<ReassignmentOutcome> {
    return this.dataSource.transaction(async (tx) => {
      const target = await selectOne<{ cap: number }>(
        tx,
        `SELECT COALESCE(caseload_cap, $2)::int AS cap FROM staff WHERE id = $1 AND role = 'care_manager' AND active FOR UPDATE`,
        [req.toCareManagerId, req.caseloadCap],
      );
      if (!target) {
        return { status: 'not_a_care_manager', careManagerId: null };
      }
      const current = await selectOne<{ careManagerId: string }>(
        tx,
        `SELECT care_manager_id AS "careManagerId" FROM case_assignments WHERE case_id = $1 AND episode_id = $2 AND released_at IS NULL FOR UPDATE`,
        [req.caseId, req.episodeId],
      );
      if (current?.careManagerId === req.toCareManagerId) {
        return { status: 'already_assigned', careManagerId: req.toCareManagerId };
      }
      // count(*) always answers one row.
      const load = await selectOne<{ n: number }>(tx, `SELECT count(*)::int AS n FROM case_assignments WHERE care_manager_id = $1 AND released_at IS NULL`, [
        req.toCareManagerId,
      ]);
      if (load!.n >= target.cap && !req.allowOverCap) {
        return { status: 'over_cap', careManagerId: null };
      }
      await execute(
        tx,
        `INSERT INTO case_assignments (case_id, episode_id, care_manager_id, risk_tier, language_match, assigned_at) VALUES ($1, $2, $3, $4, false, $5)
         ON CONFLICT (case_id, episode_id) DO UPDATE SET care_manager_id = EXCLUDED.care_manager_id, assigned_at = EXCLUDED.assigned_at,
           released_at = NULL, language_match = false`,
        [req.caseId, req.episodeId, req.toCareManagerId, req.riskTier, req.at],
      );
      return { status: 'reassigned', careManagerId: req.toCareManagerId };
    });
  }

  /** Open cases per care manager against their cap (for supervisors and tests). */
  caseloads(defaultCap: number): Promise<{ careManagerId: string; open: number; cap: number }[]> {
    return selectRows(
      this.dataSource,
      `SELECT s.id AS "careManagerId", COALESCE(s.caseload_cap, $1)::int AS cap,
              (SELECT count(*)::int FROM case_assignments a WHERE a.care_manager_id = s.id AND a.released_at IS NULL) AS open
       FROM staff s WHERE s.role = 'care_manager' ORDER BY s.id`,
      [defaultCap],
    );
  }
}

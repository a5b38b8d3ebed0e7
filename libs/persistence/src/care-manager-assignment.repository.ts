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
 * Idempotent per case episode.
 *
 * Team-scoped: a case with a team (cases.team_id) is only ever assigned to an
 * active care manager of that team; a case without one (legacy cases, or no
 * team serves the program) draws from every active care manager, as before
 * teams existed.
 *
 * Concurrency: only the candidate rows (that team's active care managers with
 * a free slot) are locked FOR UPDATE, in id order, so two cases of one team
 * cannot both take its last slot while other teams assign in parallel. Loads
 * are read from staff.open_caseload, never recounted: a trigger on
 * case_assignments (migration 1796220000000-CareTeams) changes it in the same
 * transaction as every row that opens or releases an assignment — assign,
 * reassign, the case_closed projection (case-event.repository.ts) — so no
 * writer can forget it. Lock order everywhere: the
 * case_assignments row first (reassign, release), then staff rows by id.
 */
export class CareManagerAssignmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async assign(req: AssignmentRequest): Promise<AssignmentOutcome> {
    return this.dataSource.transaction(async (tx) => {
      const owner = await selectOne<{ teamId: string | null }>(tx, `SELECT team_id AS "teamId" FROM cases WHERE id = $1`, [req.caseId]);
      const teamId = owner?.teamId ?? null;
      // Postgres re-checks the WHERE on a row it waited for, so a person filled up meanwhile drops out.
      const candidates = await selectRows<Candidate>(
        tx,
        `SELECT id, languages, COALESCE(caseload_cap, $1)::int AS cap, open_caseload AS load FROM staff
         WHERE role = 'care_manager' AND active AND ($2::varchar IS NULL OR team = $2::varchar)
           AND open_caseload < COALESCE(caseload_cap, $1)
         ORDER BY id FOR UPDATE`,
        [req.caseloadCap, teamId],
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
      if (candidates.length === 0) {
        return { status: 'no_capacity', careManagerId: null, languageMatch: false };
      }
      const speaks = (c: Candidate) => req.preferredLanguage !== null && c.languages.some((l) => primary(l) === primary(req.preferredLanguage!));
      candidates.sort((a, b) => Number(speaks(b)) - Number(speaks(a)) || a.load - b.load || a.id.localeCompare(b.id));
      const chosen = candidates[0]!;
      await execute(
        tx,
        `INSERT INTO case_assignments (case_id, episode_id, care_manager_id, risk_tier, language_match, assigned_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (case_id, episode_id) DO UPDATE SET care_manager_id = EXCLUDED.care_manager_id, risk_tier = EXCLUDED.risk_tier,
           language_match = EXCLUDED.language_match, assigned_at = EXCLUDED.assigned_at, released_at = NULL`,
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
      const current = await selectOne<{ careManagerId: string }>(
        tx,
        `SELECT care_manager_id AS "careManagerId" FROM case_assignments WHERE case_id = $1 AND episode_id = $2 AND released_at IS NULL FOR UPDATE`,
        [req.caseId, req.episodeId],
      );
      // Both people's rows, in id order (the order assign locks them in): the target's slot, and the previous holder's
      // row the counter trigger will update.
      const locked = await selectRows<{ id: string; cap: number; load: number; eligible: boolean }>(
        tx,
        `SELECT id, COALESCE(caseload_cap, $3)::int AS cap, open_caseload AS load, (role = 'care_manager' AND active) AS eligible
         FROM staff WHERE id = $1 OR id = $2 ORDER BY id FOR UPDATE`,
        [req.toCareManagerId, current?.careManagerId ?? null, req.caseloadCap],
      );
      const target = locked.find((s) => s.id === req.toCareManagerId);
      if (!target?.eligible) {
        return { status: 'not_a_care_manager', careManagerId: null };
      }
      if (current?.careManagerId === req.toCareManagerId) {
        return { status: 'already_assigned', careManagerId: req.toCareManagerId };
      }
      if (target.load >= target.cap && !req.allowOverCap) {
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

  /** Open cases per care manager against their cap (for supervisors and tests), from the maintained counter. */
  caseloads(defaultCap: number): Promise<{ careManagerId: string; open: number; cap: number }[]> {
    return selectRows(
      this.dataSource,
      `SELECT s.id AS "careManagerId", COALESCE(s.caseload_cap, $1)::int AS cap, s.open_caseload AS open
       FROM staff s WHERE s.role = 'care_manager' ORDER BY s.id`,
      [defaultCap],
    );
  }
}

import type { DataSource } from 'typeorm';
import {
  CareManagerAssignmentRepository,
  CaseEventRepository,
  runMigrations,
  StaffRosterRepository,
} from '@careloop/persistence';
import { freshDatabase } from '../support/integration-database';
import { dateFromToday, instantFromNow } from '../support/fixture-dates';

/** Assignment against real Postgres: the cap holds under concurrency, language is preferred, closure frees the slot. */
describe('CareManagerAssignmentRepository (real Postgres)', () => {
  let ds: DataSource;
  let assignments: CareManagerAssignmentRepository;

  beforeAll(async () => {
    ds = await freshDatabase('assign');
    await runMigrations(ds);
    assignments = new CareManagerAssignmentRepository(ds);
    await new StaffRosterRepository(ds).upsert([
      { id: 'cm-en', displayName: 'A', role: 'care_manager', languages: ['en'] },
      { id: 'cm-es', displayName: 'B', role: 'care_manager', languages: ['en', 'es-MX'] },
      { id: 'sup', displayName: 'C', role: 'supervisor', languages: ['es'] },
      { id: 'cm-gone', displayName: 'D', role: 'care_manager', languages: ['es'], active: false },
    ]);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  const request = (n: number, preferredLanguage: string | null = 'en') => ({
    caseId: `case-ccm-${String(n).padStart(24, '0')}`,
    episodeId: 'run-1',
    riskTier: 'high',
    preferredLanguage,
    caseloadCap: 2,
    at: instantFromNow(-2 * 3_600_000),
  });

  it('prefers a care manager who speaks the member language (by primary subtag), and is idempotent', async () => {
    const first = await assignments.assign(request(1, 'es'));
    expect(first).toEqual({ status: 'assigned', careManagerId: 'cm-es', languageMatch: true });
    expect(await assignments.assign(request(1, 'es'))).toEqual({ status: 'already_assigned', careManagerId: 'cm-es', languageMatch: true });
  });

  it('never goes over the cap, even with concurrent requests', async () => {
    const results = await Promise.all([2, 3, 4, 5].map((n) => assignments.assign(request(n))));
    const byStatus = results.map((r) => r.status).sort();
    // Two care managers with a cap of 2 and one slot already taken: 3 more fit, the 4th does not.
    expect(byStatus).toEqual(['assigned', 'assigned', 'assigned', 'no_capacity']);
    expect(await assignments.caseloads(2)).toEqual([
      { careManagerId: 'cm-en', open: 2, cap: 2 },
      { careManagerId: 'cm-es', open: 2, cap: 2 },
      { careManagerId: 'cm-gone', open: 0, cap: 2 },
    ]);
  });

  it('reassigns only to an active care manager with capacity, once', async () => {
    const move = (to: string) => assignments.reassign({ caseId: request(1).caseId, episodeId: 'run-1', toCareManagerId: to, riskTier: 'high', caseloadCap: 2, at: request(1).at });
    expect(await move('cm-en')).toEqual({ status: 'over_cap', careManagerId: null });
    expect(await move('sup')).toEqual({ status: 'not_a_care_manager', careManagerId: null });
    expect(await move('cm-gone')).toEqual({ status: 'not_a_care_manager', careManagerId: null });
    expect(await move('cm-es')).toEqual({ status: 'already_assigned', careManagerId: 'cm-es' });
  });

  it('frees the slot when the case closes', async () => {
    const [taken] = await ds.query(`SELECT case_id FROM case_assignments WHERE care_manager_id = 'cm-en' ORDER BY case_id LIMIT 1`);
    await new CaseEventRepository(ds).append(taken.case_id, 'run-1', [
      { seq: 1, at: instantFromNow(-3_600_000), actorId: 'sup', summary: 'case closed', data: { kind: 'case_closed', reason: 'transferred', detail: null } },
    ]);
    expect(await assignments.assign(request(9))).toEqual({ status: 'assigned', careManagerId: 'cm-en', languageMatch: true });
  });
});

/**
 * Team-scoped assignment under real concurrency: many assigns, reassigns and closures at once over several pool
 * connections across two teams. Nobody goes over cap, the maintained counter equals the open rows, and the
 * automatic path never leaves the case's team.
 */
describe('CareManagerAssignmentRepository across teams, concurrently (real Postgres)', () => {
  let ds: DataSource;
  let assignments: CareManagerAssignmentRepository;
  const CAP = 3;
  const team = (id: string) => (id.startsWith('east') ? 'east' : 'west');
  const caseId = (t: string, n: number) => `case-ccm-${t}${String(n).padStart(20, '0')}`;
  const at = instantFromNow(-2 * 3_600_000);
  /** Cases a supervisor moved explicitly (allowed to cross teams). */
  const moved = new Set<string>();

  beforeAll(async () => {
    ds = await freshDatabase('assign_teams');
    await runMigrations(ds);
    assignments = new CareManagerAssignmentRepository(ds);
    await new StaffRosterRepository(ds).upsert([
      { id: 'east-1', displayName: 'E1', role: 'care_manager', team: 'east', languages: ['en'] },
      { id: 'east-2', displayName: 'E2', role: 'care_manager', team: 'east', languages: ['es'] },
      { id: 'west-1', displayName: 'W1', role: 'care_manager', team: 'west', languages: ['en'] },
      { id: 'west-2', displayName: 'W2', role: 'care_manager', team: 'west', languages: ['en'], caseloadCap: 1 },
    ]);
    // 10 cases per team (more than its capacity: east 3 + 3, west 3 + 1), owned through cases.team_id.
    for (const t of ['east', 'west']) {
      for (let n = 0; n < 10; n++) {
        await ds.query(
          `INSERT INTO cases (id, run_id, member_ref, program_code, enrollment_date, policy_version, phase, status, opened_at, phase_changed_at, team_id)
           VALUES ($1, 'run-1', $2, 'CCM', $5, 'v1', 'assessed', 'active', $3, $3, $4)`,
          [caseId(t, n), `mem-${t}-${n}`, at, t, dateFromToday(-30)],
        );
      }
    }
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  const assign = (t: string, n: number) =>
    assignments.assign({ caseId: caseId(t, n), episodeId: 'run-1', riskTier: 'high', preferredLanguage: n % 2 ? 'es' : 'en', caseloadCap: CAP, at });

  /** Invariants after any mix: cap held, counter == open rows, every open assignment in its case's team. */
  const expectConsistent = async () => {
    const rows: { id: string; cap: number; counter: number; actual: number }[] = await ds.query(
      `SELECT s.id, COALESCE(s.caseload_cap, $1)::int AS cap, s.open_caseload AS counter,
              (SELECT count(*)::int FROM case_assignments a WHERE a.care_manager_id = s.id AND a.released_at IS NULL) AS actual
       FROM staff s ORDER BY s.id`,
      [CAP],
    );
    for (const r of rows) {
      expect({ id: r.id, counter: r.counter }).toEqual({ id: r.id, counter: r.actual });
      expect(r.actual).toBeLessThanOrEqual(r.cap);
    }
    const crossTeam: { caseId: string }[] = await ds.query(
      `SELECT a.case_id AS "caseId" FROM case_assignments a JOIN cases c ON c.id = a.case_id JOIN staff s ON s.id = a.care_manager_id
       WHERE a.released_at IS NULL AND s.team <> c.team_id`,
    );
    // Supervisor moves may cross teams on purpose; every other open assignment stays in the case's team.
    return { rows, crossTeam, crossTeamOfAutomatic: crossTeam.filter((x) => !moved.has(x.caseId)) };
  };

  it('fills each team exactly to its capacity with 20 concurrent assigns, never across teams', async () => {
    const results = await Promise.all(['east', 'west'].flatMap((t) => Array.from({ length: 10 }, (_, n) => assign(t, n).then((r) => ({ t, r })))));
    for (const { t, r } of results) {
      if (r.careManagerId !== null) {
        expect(team(r.careManagerId)).toBe(t);
      }
    }
    const assigned = (t: string) => results.filter((x) => x.t === t && x.r.status === 'assigned').length;
    expect({ east: assigned('east'), west: assigned('west') }).toEqual({ east: 6, west: 4 });
    const { rows, crossTeam } = await expectConsistent();
    expect(crossTeam).toEqual([]);
    expect(rows.map((r) => [r.id, r.actual])).toEqual([
      ['east-1', 3],
      ['east-2', 3],
      ['west-1', 3],
      ['west-2', 1],
    ]);
  });

  it('keeps the counter equal to the open rows after concurrent closures, re-assigns and reassigns', async () => {
    const open: { caseId: string; cm: string }[] = await ds.query(
      `SELECT case_id AS "caseId", care_manager_id AS cm FROM case_assignments WHERE released_at IS NULL ORDER BY case_id`,
    );
    const closing = open.filter((_, i) => i % 3 === 0);
    const events = new CaseEventRepository(ds);
    const close = (id: string) =>
      events.append(id, 'run-1', [{ seq: 1, at, actorId: 'sup', summary: 'case closed', data: { kind: 'case_closed', reason: 'transferred', detail: null } }]);
    const move = (id: string, to: string) => assignments.reassign({ caseId: id, episodeId: 'run-1', toCareManagerId: to, riskTier: 'high', caseloadCap: CAP, at });
    const moving = open.filter((_, i) => i % 3 === 1);
    moving.forEach((o) => moved.add(o.caseId));
    const waiting = ['east', 'west'].flatMap((t) => Array.from({ length: 10 }, (_, n) => caseId(t, n))).filter((id) => !open.some((o) => o.caseId === id));
    await Promise.all([
      ...closing.map((o) => close(o.caseId)),
      // Supervisor moves (explicit, may cross teams): each to the other team's first care manager.
      ...moving.map((o) => move(o.caseId, team(o.cm) === 'east' ? 'west-1' : 'east-1')),
      ...waiting.map((id) => assign(id.includes('east') ? 'east' : 'west', Number(id.slice(-2)))),
      // Retried closures and assigns change nothing.
      ...closing.map((o) => close(o.caseId)),
    ]);
    const { rows } = await expectConsistent();
    expect(rows.reduce((sum, r) => sum + r.actual, 0)).toBeGreaterThan(0);
    // A waiting case that raced ahead of a closure found no slot; asked again, it takes any slot freed in its team.
    await Promise.all(waiting.map((id) => assign(id.includes('east') ? 'east' : 'west', Number(id.slice(-2)))));
    const after = await expectConsistent();
    expect(after.crossTeamOfAutomatic).toEqual([]);
    for (const t of ['east', 'west']) {
      const stillWaiting: unknown[] = await ds.query(
        `SELECT c.id FROM cases c WHERE c.team_id = $1 AND c.phase <> 'closed'
           AND NOT EXISTS (SELECT 1 FROM case_assignments a WHERE a.case_id = c.id AND a.released_at IS NULL)
           AND NOT EXISTS (SELECT 1 FROM case_events e WHERE e.case_id = c.id AND e.kind = 'case_closed')`,
        [t],
      );
      const free = after.rows.filter((r) => team(r.id) === t).reduce((sum, r) => sum + Math.max(r.cap - r.actual, 0), 0);
      // Nobody of the team waits while the team has a free slot.
      expect({ team: t, waiting: stillWaiting.length > 0, free: stillWaiting.length > 0 ? free : 0 }).toEqual({ team: t, waiting: stillWaiting.length > 0, free: 0 });
    }
  });
});


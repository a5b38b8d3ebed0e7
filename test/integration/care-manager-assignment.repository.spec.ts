import type { DataSource } from 'typeorm';
import {
  CareManagerAssignmentRepository,
  CaseEventRepository,
  runMigrations,
  StaffRosterRepository,
} from '@careloop/persistence';
import { freshDatabase } from '../support/integration-database';
import { instantFromNow } from '../support/fixture-dates';

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

import type { DataSource } from 'typeorm';
import { CaseEventRepository, CaseReadRepository, runMigrations } from '@careloop/persistence';
import type { CaseEvent } from '@careloop/contracts';
import { freshDatabase } from '../support/integration-database';
import { CaseKernel } from '../../workflows/case/kernel/case.kernel';
import { CURRENT_BEHAVIOUR } from '../../workflows/case/case.patches';
import { recordAttempt, startAttempt, submitScreening } from '../../workflows/case/screening.module';
import { addNote } from '../../workflows/case/case-status.module';
import { caseInput, screeningAnswers } from '../support/case-fixtures';
import { dateFromToday, instantFromNow } from '../support/fixture-dates';

/**
 * The persistence activity's writes against real Postgres: every event and
 * its projections are written once, however often a batch is retried, and
 * a new episode under the same case id replaces the read-model row.
 */
describe('CaseEventRepository (real Postgres)', () => {
  let ds: DataSource;
  let events: CaseEventRepository;
  let reads: CaseReadRepository;

  beforeAll(async () => {
    ds = await freshDatabase('events');
    expect(await runMigrations(ds)).toEqual([
      'InitialSchema1795405717084',
      'CaseEventsAndRecords1795407552586',
      'StaffAndAssignments1795409690015',
      'CaseStepAndListIndexes1795411151435',
      'SupervisionSupport1795418311526',
      'AuthAndAudit1795423105499',
      'DischargeEvents1795423277964',
      'ReviewsAndComplaints1795423388230',
      'WorkerHeartbeats1795430000000',
      'NotificationsByCase1795430512271',
      'DischargeAmendments1795436000000',
      'CommitteePseudonyms1796161576963',
      'MemberRegistry1796200000000',
      'ProviderDirectory1796210000000',
      'CareTeams1796220000000',
      'CaseMembers1796240000000',
      'MemberRoutes1796250000000',
      'WorkItems1796300000000',
      'Notifications1796320000000',
      'WorkLists1796330000000',
      'MeasureSnapshots1796400000000',
    ]);
    expect(await runMigrations(ds)).toEqual([]);
    events = new CaseEventRepository(ds);
    reads = new CaseReadRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  /** Real events, made by the workflow's own lifecycle rules. */
  function screenedCase(caseId: string, runId: string): CaseEvent[] {
    const t0 = instantFromNow(-3_600_000);
    const state = CaseKernel.open(caseId, caseInput(dateFromToday(-1)), runId, t0, CURRENT_BEHAVIOUR);
    startAttempt(state, t0);
    recordAttempt(state, { attemptNumber: 1, outcome: 'reached', actorId: 'cm-1', note: 'spoke with member' }, t0);
    submitScreening(state, { answers: screeningAnswers, actorId: 'cm-1' }, t0);
    addNote(state, { kind: 'call_record', text: 'call summary', actorId: 'cm-1' }, t0);
    return [...state.pendingEvents];
  }

  const count = async (table: string, caseId: string) =>
    (await ds.query(`SELECT count(*)::int AS n FROM ${table} WHERE case_id = $1`, [caseId]))[0].n as number;

  it('writes each event and projection once even when the batch is retried', async () => {
    const caseId = 'case-ccm-aaaaaaaaaaaaaaaaaaaaaaaa';
    const batch = screenedCase(caseId, 'run-1');
    expect(await events.append(caseId, 'run-1', batch)).toBe(batch.length);
    // The activity timed out after committing and Temporal retried it:
    expect(await events.append(caseId, 'run-1', batch)).toBe(0);
    // ...or retried a larger batch that overlaps the first:
    expect(await events.append(caseId, 'run-1', batch.slice(2))).toBe(0);

    expect(await count('case_events', caseId)).toBe(batch.length);
    expect(await count('contact_attempts', caseId)).toBe(1);
    expect(await count('assessments', caseId)).toBe(1);
    expect(await count('case_notes', caseId)).toBe(1);
    expect(await count('notifications', caseId)).toBe(1);
    const attempt = (await ds.query('SELECT outcome, recorded_by, note FROM contact_attempts WHERE case_id = $1', [caseId]))[0];
    expect(attempt).toEqual({ outcome: 'reached', recorded_by: 'cm-1', note: 'spoke with member' });
    const tasks = await ds.query('SELECT task_key, status FROM case_tasks WHERE case_id = $1 ORDER BY task_key', [caseId]);
    expect(tasks).toEqual([
      { task_key: 'assessment', status: 'open' },
      { task_key: 'attempt-1', status: 'done' },
      { task_key: 'screening', status: 'done' },
    ]);
    expect(await reads.findById(caseId)).toMatchObject({ phase: 'assessment', memberRef: 'M-TEST-1', status: 'active' });

    const timeline = await events.timeline(caseId, 0, 50);
    expect(timeline.map((t) => t.kind)).toEqual(['case_opened', 'phase_changed', 'attempt_started', 'attempt_recorded', 'screening_submitted', 'phase_changed', 'note_added']);
    expect(timeline.every((t) => !t.summary.includes('spoke with member') && !t.summary.includes('M-TEST-1'))).toBe(true);
  });

  it('starts a fresh read model for a new episode under the same case id', async () => {
    const caseId = 'case-ccm-bbbbbbbbbbbbbbbbbbbbbbbb';
    await events.append(caseId, 'run-1', screenedCase(caseId, 'run-1'));
    await events.append(caseId, 'run-2', screenedCase(caseId, 'run-2').slice(0, 2));
    expect(await reads.findById(caseId)).toMatchObject({ episodeId: 'run-2', phase: 'screening' });
    expect((await events.timeline(caseId, 0, 50)).map((t) => t.kind)).toEqual(['case_opened', 'phase_changed']);
  });
});

import { DataSource } from 'typeorm';
import { randomBytes } from 'node:crypto';
import { buildDataSourceOptions, CaseRecordRepository, runMigrations } from '@careloop/persistence';
import { ensureDatabase } from '../../scripts/embedded-postgres';

/**
 * The activities' writes against real Postgres: a retried write (same run,
 * same values) leaves exactly one row in the same state, and a stale phase
 * change never overwrites a newer one.
 */
describe('CaseRecordRepository (real Postgres)', () => {
  let ds: DataSource;
  let repo: CaseRecordRepository;

  beforeAll(async () => {
    const admin = process.env.TEST_DATABASE_ADMIN_URL!;
    const database = `careloop_it_repo_${randomBytes(4).toString('hex')}`;
    await ensureDatabase(admin, database);
    const url = new URL(admin);
    url.pathname = `/${database}`;
    ds = await new DataSource(buildDataSourceOptions(url.toString())).initialize();
    expect(await runMigrations(ds)).toEqual(['InitialSchema1795405717084']);
    // A second run (another process starting) finds nothing to do.
    expect(await runMigrations(ds)).toEqual([]);
    repo = new CaseRecordRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  const opened = {
    caseId: 'case-ccm-aaaaaaaaaaaaaaaaaaaaaaaa',
    runId: 'run-1',
    memberRef: 'M-1',
    programCode: 'CCM',
    enrollmentDate: '2026-11-01',
    policyVersion: 'default-1',
    phase: 'enrolled',
    openedAt: new Date('2026-11-02T10:00:00Z'),
  };

  it('writes the opened case once however often the activity is retried', async () => {
    await repo.upsertOpened(opened);
    await repo.applyPhaseChange({ caseId: opened.caseId, runId: 'run-1', phase: 'screening', closureReason: null, at: new Date('2026-11-02T10:00:01Z') });
    // The opening activity retried after its first attempt had already committed:
    await repo.upsertOpened(opened);
    const rows = await ds.query('SELECT phase FROM cases WHERE id = $1', [opened.caseId]);
    expect(rows).toEqual([{ phase: 'screening' }]);
  });

  it('ignores a stale phase change and changes from another run', async () => {
    await repo.applyPhaseChange({ caseId: opened.caseId, runId: 'run-1', phase: 'enrolled', closureReason: null, at: new Date('2026-11-02T09:00:00Z') });
    await repo.applyPhaseChange({ caseId: opened.caseId, runId: 'run-other', phase: 'closed', closureReason: 'deceased', at: new Date('2026-11-03T00:00:00Z') });
    expect((await repo.findById(opened.caseId))?.phase).toBe('screening');
  });

  it('replaces the row when a new run opens a case under the same id (re-enrolment after closure)', async () => {
    await repo.upsertOpened({ ...opened, runId: 'run-2', enrollmentDate: '2027-05-01', openedAt: new Date('2027-05-02T00:00:00Z') });
    const stored = await repo.findById(opened.caseId);
    expect(stored).toMatchObject({ runId: 'run-2', enrollmentDate: '2027-05-01', phase: 'enrolled', closureReason: null });
  });
});

import type { DataSource } from 'typeorm';
import { CaseEventRepository, CaseReadRepository, CaseRecordsRepository, runMigrations } from '@careloop/persistence';
import type { CaseEvent, CaseEventData } from '@careloop/contracts';
import type { CarePlan, PlanConsent } from '@careloop/domain';
import { freshDatabase } from '../support/integration-database';
import { dateFromToday, instantFromNow } from '../support/fixture-dates';

/**
 * Persistence's one way (docs/architecture.md, "Persistence: one way"):
 * the entities describe the schema the migrations made, and the
 * repositories read it with SQL whose column aliases give the exact shapes
 * they return (calendar dates as text, timestamps as Date).
 */
describe('read-model repositories and the entities (real Postgres)', () => {
  let ds: DataSource;

  beforeAll(async () => {
    ds = await freshDatabase('reads');
    await runMigrations(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('the entities describe the schema the migrations made: `migration:generate` would write nothing', async () => {
    // Triggers and functions (append-only tables) are hand-written in migrations; TypeORM compares neither.
    const diff = await ds.driver.createSchemaBuilder().log();
    expect(diff.upQueries.map((q) => q.query)).toEqual([]);
  });

  const caseId = 'case-ccm-cccccccccccccccccccccccc';
  const enrollmentDate = dateFromToday(-3);
  const opened = instantFromNow(-7_200_000);
  const later = instantFromNow(-3_600_000);
  const due = instantFromNow(-60_000);
  const plan: CarePlan = {
    problems: [{ id: 'p1', description: 'blood pressure', domain: 'physical' }],
    goals: [{ id: 'g1', problemIds: ['p1'], description: 'below 140/90', targetDate: dateFromToday(90) }],
    interventions: [{ id: 'i1', goalIds: ['g1'], description: 'weekly call', owner: 'care_manager' }],
    referrals: [],
  };
  const consent: PlanConsent = { consentGiven: true, consentedBy: 'member', memberInvolved: true, familyOrGuardianInvolved: false };
  const data: CaseEventData[] = [
    { kind: 'case_opened', runId: 'run-1', memberRef: 'M-TEST-9', programCode: 'CCM', enrollmentDate, policyVersion: 'CCM@test', memberId: 'mbr_0123456789abcdefghjkmnpqrs' },
    { kind: 'phase_changed', from: 'enrolled', to: 'screening', closureReason: null },
    { kind: 'task_opened', key: 'screening', taskKind: 'screening', dueAt: due },
    { kind: 'plan_proposed', version: 1, plan },
    { kind: 'plan_consented', version: 1, consent },
    { kind: 'note_added', noteKind: 'call_record', text: 'call summary' },
    { kind: 'provider_report_received', providerId: 'prov-9', summary: 'stable', discussedWithMember: true },
    { kind: 'notification_requested', notification: { key: 'n-1', caseId, audience: 'care_team', channel: 'task_queue', template: 'plan_ready', params: {} } },
  ];
  const events: CaseEvent[] = data.map((d, i) => ({ seq: i + 1, at: i === 0 ? opened : later, actorId: 'cm-1', summary: `event ${i + 1}`, data: d }));

  it('reads a case, its list row, its timeline and its documentation in the shapes the API maps', async () => {
    expect(await new CaseEventRepository(ds).append(caseId, 'run-1', events)).toBe(events.length);
    const reads = new CaseReadRepository(ds);

    expect(await reads.findById(caseId)).toEqual({
      id: caseId,
      episodeId: 'run-1',
      memberRef: 'M-TEST-9',
      programCode: 'CCM',
      enrollmentDate,
      policyVersion: 'CCM@test',
      phase: 'screening',
      status: 'active',
      riskTier: null,
      careManagerId: null,
      teamId: null,
      // Projected from the opening event (issue 16).
      memberId: 'mbr_0123456789abcdefghjkmnpqrs',
      activePlanVersion: 1,
      closureReason: null,
      openedAt: new Date(opened),
      phaseChangedAt: new Date(later),
    });
    expect(await reads.findById('case-ccm-000000000000000000000000')).toBeNull();
    expect(await reads.list({ programCode: 'CCM' }, null, 10)).toEqual([
      {
        id: caseId,
        memberRef: 'M-TEST-9',
        programCode: 'CCM',
        phase: 'screening',
        step: null,
        status: 'active',
        riskTier: null,
        careManagerId: null,
        nextDueAt: new Date(due),
        overdue: true,
        openedAt: new Date(opened),
      },
    ]);
    expect(await reads.planVersion(caseId, 1)).toEqual({ plan, consentedAt: new Date(later) });

    expect((await new CaseEventRepository(ds).timeline(caseId, 0, 2))[0]).toEqual({ seq: 1, at: new Date(opened), kind: 'case_opened', actorId: 'cm-1', summary: 'event 1' });

    const records = new CaseRecordsRepository(ds);
    expect(await records.planVersions(caseId)).toEqual([{ version: 1, plan, proposedBy: 'cm-1', proposedAt: new Date(later), consent, consentedAt: new Date(later) }]);
    expect(await records.notes(caseId, 10)).toEqual([{ seq: 6, kind: 'call_record', text: 'call summary', authorId: 'cm-1', writtenAt: new Date(later) }]);
    expect(await records.providerReports(caseId, 10)).toEqual([
      { seq: 7, at: new Date(later), providerId: 'prov-9', summary: 'stable', discussedWithMember: true, recordedBy: 'cm-1' },
    ]);
    expect(await records.notifications(caseId, 10)).toEqual([
      { key: 'n-1', audience: 'care_team', channel: 'task_queue', template: 'plan_ready', status: 'pending', attempts: 0, createdAt: expect.any(Date), deliveredAt: null },
    ]);
  });
});

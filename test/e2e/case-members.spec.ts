import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import { caseWorkflowId } from '@careloop/contracts';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { eventually } from '../support/eventually';
import { dateFromToday, instantFromNow } from '../support/fixture-dates';
import { syntheticMember } from '../support/member-fixtures';

const PLAN_SYSTEM = 'https://plan.example/member-id';

/** A US Core Patient (synthetic) whose plan id is in the system the stack is configured with. */
function patient(planId: string, family: string, given: string, birthDate: string) {
  return {
    resourceType: 'Patient',
    identifier: [{ system: PLAN_SYSTEM, value: planId }],
    name: [{ family, given: [given] }],
    gender: 'female',
    birthDate,
    communication: [{ language: { coding: [{ system: 'urn:ietf:bcp:47', code: 'en' }] }, preferred: true }],
  };
}

/** HL7 timestamp (UTC) of an instant. */
function hl7Time(iso: string): string {
  return iso.replace(/[-:T]/g, '').slice(0, 14) + '+0000';
}

/** A real-shaped ADT^A03 whose plan member id is only in IN1-36 (PID-3 holds the hospital MRN). */
function a03WithIn1(eventId: string, planId: string | null, dischargedAt: string): string {
  const in1 = planId === null ? [] : [['IN1', '1', 'HP001^Health Plan', 'HPCO', 'Health Plan Co', ...new Array(31).fill(''), planId].join('|')];
  return [
    `MSH|^~\\&|EPICADT|GENHOSP|CARELOOP|HEALTHPLAN|${hl7Time(dischargedAt)}||ADT^A03^ADT_A03|${eventId}|P|2.5.1`,
    `EVN|A03|${hl7Time(dischargedAt)}`,
    'PID|1||7788990^^^GENHOSP^MR||Inwood^Ivy^^^^^L||19610707|F|||2 Fixture Road^^Springfield^IL^62701^USA^H||^PRN^PH^^1^217^5550111',
    ...in1,
    `PV1|1|I|4W^412^B^GENHOSP||||||||||||||||V-IN1-1^^^GENHOSP^VN|||||||||||||||||01|||GENHOSP|||||${hl7Time(dischargedAt)}|${hl7Time(dischargedAt)}`,
  ].join('\r');
}

describe('cases stand on registry members (issue 16)', () => {
  let stack: E2eStack;
  const secret = `e2e-case-members-${randomBytes(8).toString('hex')}`;
  const enrollmentDate = dateFromToday(-5);

  beforeAll(async () => {
    stack = await startE2eStack('case_members', { CASE_ID_SECRET: secret, CARELOOP_FHIR_PLAN_SYSTEM: PLAN_SYSTEM }, { integrationClients: ['in1-feed'] });
    await stack.sql(`UPDATE integration_clients SET hl7_member_id_place = 'in1-insured-id' WHERE id = 'in1-feed'`);
  });

  afterAll(async () => {
    await stack?.close();
  });

  const nothingStarted = async (memberRef: string) => {
    const described = await stack.temporal.workflow.getHandle(caseWorkflowId(memberRef, 'CCM', secret)).describe().catch((e: unknown) => e);
    expect(described).toBeInstanceOf(WorkflowNotFoundError);
  };

  it('starts a case from a memberId: memberRef is the plan id, member_id is projected, and the member gains the enrollment span', async () => {
    const memberId = await stack.registerMember('M-CM-1');
    const res = await stack.as(USERS.cm1).post('/cases').send({ memberId, programCode: 'CCM', enrollmentDate }).expect(201);
    expect(res.body.id).toBe(caseWorkflowId('M-CM-1', 'CCM', secret));
    const rows = await eventually(() => stack.sql('SELECT member_id, member_ref FROM cases WHERE id = $1', [res.body.id]), (r) => r.length === 1);
    expect(rows).toEqual([{ member_id: memberId, member_ref: 'M-CM-1' }]);
    const read = await stack.as(USERS.cm1).get(`/cases/${res.body.id}`).expect(200);
    expect(read.body.record).toMatchObject({ memberId, memberRef: 'M-CM-1' });
    const member = await stack.members.findById(memberId);
    expect(member).toMatchObject({ version: 2, enrollments: [{ programCode: 'CCM', start: enrollmentDate, end: null }] });
    // The same member by plan id (memberRef), and by both agreeing: the same case, and no second span.
    await stack.as(USERS.cm1).post('/cases').send({ memberRef: 'M-CM-1', programCode: 'CCM', enrollmentDate }).expect(200);
    await stack.as(USERS.cm1).post('/cases').send({ memberId, memberRef: 'M-CM-1', programCode: 'CCM', enrollmentDate }).expect(200);
    expect((await stack.members.findById(memberId))?.version).toBe(2);
  });

  it('refuses an unknown memberId or memberRef with 422 naming the field, and a disagreeing pair with 400; nothing starts', async () => {
    const unknownId = await stack.as(USERS.cm1).post('/cases').send({ memberId: 'mbr_00000000000000000000000000', programCode: 'CCM', enrollmentDate }).expect(422);
    expect(unknownId.body).toMatchObject({ code: 'member_not_registered', errors: [{ field: 'memberId', reason: 'names no registered member' }] });
    const unknownRef = await stack.as(USERS.cm1).post('/cases').send({ memberRef: 'M-CM-NOBODY', programCode: 'CCM', enrollmentDate }).expect(422);
    expect(unknownRef.body).toMatchObject({ code: 'member_not_registered', errors: [{ field: 'memberRef', reason: 'names no registered member' }] });
    expect(JSON.stringify(unknownRef.body)).not.toContain('M-CM-NOBODY');
    await nothingStarted('M-CM-NOBODY');

    const a = await stack.registerMember('M-CM-PAIR-A');
    await stack.registerMember('M-CM-PAIR-B');
    const pair = await stack.as(USERS.cm1).post('/cases').send({ memberId: a, memberRef: 'M-CM-PAIR-B', programCode: 'CCM', enrollmentDate }).expect(400);
    expect(pair.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'memberRef', reason: expect.stringMatching(/different member than memberId/) }] });
    await nothingStarted('M-CM-PAIR-A');
    await nothingStarted('M-CM-PAIR-B');
    expect(await stack.sql(`SELECT id FROM cases WHERE member_ref LIKE 'M-CM-PAIR%' OR member_ref = 'M-CM-NOBODY'`)).toEqual([]);
  });

  it('an enrollment batch matches a known member, creates one from a FHIR Patient, flags a likely duplicate, and refuses an unknown plan id without demographics', async () => {
    const known = await stack.registerMember('M-CM-KNOWN', { name: { given: ['Kay'], family: 'Known' } });
    const first = await stack.registerMember('M-CM-DUP-A', { name: { given: ['Dana'], family: 'Dupont' }, birthDate: '1970-05-05' });
    const row = (memberRef: string, extra: Record<string, unknown> = {}) => ({ memberRef, programCode: 'CCM', enrollmentDate, ...extra });
    const res = await stack
      .asIntegration()
      .post('/integrations/enrollment-events')
      .send({
        members: [
          // The feed spells the given name differently: matched, reported, not written over.
          row('M-CM-KNOWN', { member: syntheticMember('M-CM-KNOWN', { name: { given: ['Katherine'], family: 'Known' } }) }),
          row('M-CM-NEW', { patient: patient('M-CM-NEW', 'Newman', 'Nora', '1980-02-02') }),
          row('M-CM-DUP-B', { member: syntheticMember('M-CM-DUP-B', { name: { given: ['Dana'], family: 'Dupont' }, birthDate: '1970-05-05' }) }),
          row('M-CM-STRANGER'),
        ],
      })
      .expect(200);
    expect(res.body.summary).toEqual({ received: 4, created: 3, existing: 0, duplicate: 0, invalid: 1, failed: 0 });
    const [matched, created, flagged, invalid] = res.body.results;
    expect(matched).toMatchObject({ status: 'created', member: 'matched', memberId: known, demographicsDiffer: true });
    expect(created).toMatchObject({ status: 'created', member: 'created', memberId: expect.stringMatching(/^mbr_/) });
    expect(flagged).toMatchObject({ status: 'created', member: 'created', duplicateFlagId: expect.any(String) });
    expect(invalid).toMatchObject({ status: 'invalid', errors: [{ field: 'members[3].memberRef', reason: expect.stringMatching(/names no registered member/) }] });
    expect(JSON.stringify(res.body)).not.toMatch(/M-CM-|Dupont|Newman|Katherine|1970-05-05/);

    // The registry shows exactly that: the known record unchanged, the new member from the Patient, two Duponts and one open flag between them.
    expect((await stack.members.findById(known))?.name).toEqual({ given: ['Kay'], family: 'Known' });
    expect(await stack.members.findByPlanId('M-CM-NEW')).toMatchObject({ id: created.memberId, name: { family: 'Newman', given: ['Nora'] }, birthDate: '1980-02-02', enrollments: [{ programCode: 'CCM', start: enrollmentDate }] });
    const duponts = await stack.members.searchByName('Dupont', '1970-05-05');
    expect(duponts.map((m) => m.planMemberId).sort()).toEqual(['M-CM-DUP-A', 'M-CM-DUP-B']);
    const flags = (await stack.members.duplicateFlags('open')).filter((f) => f.id === flagged.duplicateFlagId);
    expect(flags).toHaveLength(1);
    expect([...flags[0]!.memberIds].sort()).toEqual([first, flagged.memberId].sort());
    expect(flags[0]!.flaggedBy).toBe('integration:test-feed');
    expect(await stack.members.findByPlanId('M-CM-STRANGER')).toBeNull();
    await nothingStarted('M-CM-STRANGER');
    const cases = await eventually(() => stack.sql(`SELECT member_ref, member_id FROM cases WHERE member_ref LIKE 'M-CM-%' AND member_ref NOT LIKE 'M-CM-1' ORDER BY member_ref`), (r) => r.length === 3);
    expect(cases).toEqual([
      { member_ref: 'M-CM-DUP-B', member_id: flagged.memberId },
      { member_ref: 'M-CM-KNOWN', member_id: known },
      { member_ref: 'M-CM-NEW', member_id: created.memberId },
    ]);
  });

  it('an HL7 discharge from a client configured for IN1: the member is read from IN1-36 and registered from PID; no IN1 is a 422 naming it', async () => {
    const at = instantFromNow(-2 * 3_600_000);
    const hl7 = (text: string) => stack.asIntegration('in1-feed').post('/integrations/discharge-events').set('content-type', 'x-application/hl7-v2+er7').send(text);
    const missing = await hl7(a03WithIn1('MSG-IN1-0', null, at)).expect(422);
    expect(missing.body).toMatchObject({ code: 'integration_member_id_missing', errors: [{ field: 'IN1' }] });
    expect(await stack.sql(`SELECT 1 FROM discharge_events WHERE source_event_id = 'MSG-IN1-0'`)).toEqual([]);

    const res = await hl7(a03WithIn1('MSG-IN1-1', 'M-CM-IN1', at)).expect(201);
    expect(res.body.caseId).toBe(caseWorkflowId('M-CM-IN1', 'CCM', secret));
    const member = await stack.members.findByPlanId('M-CM-IN1');
    expect(member).toMatchObject({ name: { family: 'Inwood', given: ['Ivy'] }, birthDate: '1961-07-07', sex: 'female', phones: [{ use: 'home', number: '+12175550111' }] });
    const rows = await eventually(() => stack.sql('SELECT member_id FROM cases WHERE id = $1', [res.body.caseId]), (r) => r.length === 1, 30_000);
    expect(rows).toEqual([{ member_id: member!.id }]);
  });
});

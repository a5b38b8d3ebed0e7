import type { MemberInput, MemberView } from '@careloop/contracts';
import { MemberRegistry } from '../../apps/api/src/members/member-registry.service';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { assessmentAnswers, carePlan, screeningAnswers } from '../support/case-fixtures';
import { eventually } from '../support/eventually';
import { dateFromToday } from '../support/fixture-dates';

/**
 * Issue 16, deliverable 3 (second half), through HTTP on the real stack: a
 * registered member who prefers sms gets an sms as outreach attempt 1, the
 * attempt is recorded with the contact point tried, and consent by a
 * representative is accepted only with consent_care_plan in force today.
 * The member is registered through MemberRegistry (the /members routes are
 * another branch's), in the API's own database.
 */
describe('outreach on the preferred method, consent by representatives (real Temporal, real Postgres)', () => {
  let stack: E2eStack;
  let member: MemberView;
  const planId = 'M-E2E-OUTREACH';

  const record: MemberInput = {
    identifiers: [{ kind: 'plan', value: planId }],
    name: { given: ['Ada'], family: 'Quill' },
    birthDate: '1950-04-02',
    sex: 'female',
    phones: [
      { use: 'mobile', number: '+15125550142', smsOk: true },
      { use: 'home', number: '+15125550143' },
    ],
    portal: false,
    contactPreferences: { method: 'sms', windows: [], timeZone: 'America/Chicago' },
    preferredLanguage: 'en',
    interpreterNeeded: false,
    representatives: [
      { name: 'Guardian Only-Plans', relationship: 'guardian', authorities: ['participate_in_planning'], validFrom: dateFromToday(-60), validUntil: null },
      { name: 'Proxy Expired', relationship: 'healthcare_proxy', authorities: ['consent_care_plan'], validFrom: dateFromToday(-60), validUntil: dateFromToday(-1) },
      { name: 'Family Consenting', relationship: 'family', authorities: ['consent_care_plan', 'participate_in_planning'], validFrom: dateFromToday(-60), validUntil: null },
    ],
    eligibility: [],
    enrollments: [],
  };

  beforeAll(async () => {
    stack = await startE2eStack('outreach');
    ({ member } = await stack.app.get(MemberRegistry).create(record, 'e2e-setup'));
  });

  afterAll(async () => {
    await stack?.close();
  });

  const api = () => stack.as(USERS.cm1);
  const repId = (relationship: string) => member.representatives.find((r) => r.relationship === relationship)!.id;
  const byRepresentative = (representativeId?: string) => ({
    consent: { consentGiven: true, consentedBy: 'representative', memberInvolved: true, familyOrGuardianInvolved: true, ...(representativeId ? { representativeId } : {}) },
  });

  it('tries sms first, records the contact point, and accepts consent only from a representative with the authority in force', async () => {
    const today = dateFromToday(0);
    const created = await api().post('/cases').send({ memberRef: planId, programCode: 'CCM', enrollmentDate: today }).expect(201);
    const id: string = created.body.id;

    const first = await eventually(
      () => api().get(`/cases/${id}`).expect(200),
      (r) => r.body.attempts.length === 1,
    );
    expect(first.body.attempts[0]).toMatchObject({ number: 1, channel: 'sms', outcome: null, contactPoint: null });

    // The home number takes no texts; a point the member lacks; nothing recorded by either.
    const noSms = await api().post(`/cases/${id}/attempts/1/outcome`).send({ outcome: 'reached', contactPoint: 'sms:home' }).expect(400);
    expect(noSms.body.errors).toEqual([{ field: 'contactPoint', reason: expect.stringContaining('smsOk') }]);
    const absent = await api().post(`/cases/${id}/attempts/1/outcome`).send({ outcome: 'reached', contactPoint: 'email' }).expect(400);
    expect(absent.body.errors).toEqual([expect.objectContaining({ field: 'contactPoint' })]);
    const malformed = await api().post(`/cases/${id}/attempts/1/outcome`).send({ outcome: 'reached', contactPoint: '+15125550142' }).expect(400);
    expect(JSON.stringify(malformed.body)).not.toContain('5550142');
    expect((await api().get(`/cases/${id}`).expect(200)).body.attempts[0].outcome).toBeNull();

    await api().post(`/cases/${id}/attempts/1/outcome`).send({ outcome: 'reached', contactPoint: 'sms:mobile' }).expect(200);
    expect((await api().get(`/cases/${id}`).expect(200)).body.attempts[0]).toMatchObject({ channel: 'sms', outcome: 'reached', contactPoint: 'sms:mobile' });
    const timeline = await eventually(
      () => api().get(`/cases/${id}/timeline?limit=200`).expect(200),
      (r) => r.body.items.some((e: { kind: string }) => e.kind === 'attempt_recorded'),
    );
    expect(timeline.body.items.find((e: { kind: string }) => e.kind === 'attempt_recorded').summary).toBe('outreach attempt 1: reached via sms:mobile');

    await api().post(`/cases/${id}/screening`).send({ answers: screeningAnswers }).expect(200);
    const low = assessmentAnswers('low');
    await api().post(`/cases/${id}/assessment`).send({ answers: { ...low, caregiver: { ...low.caregiver, legalGuardian: true } } }).expect(200);
    await api().post(`/cases/${id}/plan`).send({ plan: carePlan(today) }).expect(200);

    const refusals: [Record<string, unknown>, number, string][] = [
      [byRepresentative(repId('guardian')), 422, 'consent_representative_without_authority'],
      [byRepresentative(repId('healthcare_proxy')), 422, 'consent_representative_not_in_force'],
      [byRepresentative('rep_notonthisrecord0000000000'), 422, 'consent_representative_unknown'],
      [byRepresentative(), 400, 'validation_failed'],
    ];
    for (const [body, status, code] of refusals) {
      const refused = await api().post(`/cases/${id}/plan/1/consent`).send(body).expect(status);
      expect(refused.body).toMatchObject({ code, errors: [expect.objectContaining({ field: 'consent.representativeId' })] });
      expect(JSON.stringify(refused.body)).not.toMatch(/Guardian Only|Proxy Expired|5550142/);
    }
    const before = (await api().get(`/cases/${id}`).expect(200)).body;
    expect(before).toMatchObject({ phase: 'care_planning', activePlanVersion: null });

    const consented = await api().post(`/cases/${id}/plan/1/consent`).send(byRepresentative(repId('family'))).expect(200);
    expect(consented.body).toMatchObject({ phase: 'recovery_support' });
    const rows = await eventually(
      () => stack.sql(`SELECT data FROM case_events WHERE case_id = $1 AND kind = 'plan_consented'`, [id]),
      (r) => r.length === 1,
    );
    expect(rows[0]!.data).toMatchObject({ representative: { id: repId('family'), relationship: 'family' }, consent: { consentedBy: 'representative', representativeId: repId('family') } });
  });
});

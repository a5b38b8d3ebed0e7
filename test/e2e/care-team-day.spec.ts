import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { eventually } from '../support/eventually';
import { assessmentAnswers, carePlan, memberConsent, screeningAnswers } from '../support/case-fixtures';
import { dateFromToday } from '../support/fixture-dates';
import { sampleJson } from '../support/integration-samples';
import { sample } from '../support/samples';
import { USERS, type TestUser } from '../support/auth';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture.harness';

type Json = Record<string, unknown>;
type WorkItem = { id: string; kind: string; taskKey: string; caseId: string | null; sourceId: string; dueAt: string; overdue: boolean; missedAt: string | null; remindedAt: string | null; owner: Json; status: string };

/**
 * Issue 17's "done when", walked through the real stack (Temporal dev server, Postgres, worker, a real SMTP
 * server on localhost) with a seconds-scale policy: a care manager's day from the worklist, the reminder in
 * the inbox and by email, the miss escalated to the supervisor, the team queue claimed and completed, and
 * a discharge task and a utilization-review decision on the right person's list with their deadlines.
 */
describe("the care team's day (real Temporal, Postgres and SMTP)", () => {
  let stack: E2eStack;
  let smtp: SmtpCapture;
  /** A contact every 40 seconds, reminded 20 seconds ahead. */
  const fastContacts = { contactCadenceMs: { high: '40s', medium: '40s', low: '40s' }, reminderLeadMs: { contact: '20s' } };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    stack = await startE2eStack('careday', {
      CARELOOP_SMTP_URL: smtp.url,
      CARELOOP_PUBLIC_URL: 'https://careloop.example.org',
    });
    await stack.sql(`INSERT INTO teams (id, name, programs) VALUES ('north', 'North', '{CCM}') ON CONFLICT (id) DO NOTHING`);
    await stack.sql(`INSERT INTO staff (id, display_name, role, team, languages, email) VALUES
      ('cm-1', 'CM one', 'care_manager', 'north', '{en}', 'cm1@north.example.org'),
      ('cm-2', 'CM two', 'care_manager', 'north', '{en}', 'cm2@north.example.org'),
      ('sup-1', 'Sup one', 'supervisor', 'north', '{en}', 'sup1@north.example.org') ON CONFLICT (id) DO NOTHING`);
  });

  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
  });

  const as = (user: TestUser) => stack.as(user);
  const worklist = async (user: TestUser, query = ''): Promise<WorkItem[]> => (await as(user).get(`/worklist${query}`).expect(200)).body.items;
  const cm2 = { sub: 'cm-2', role: 'care_manager', team: 'north' } as const satisfies TestUser;

  /** A north case brought to regular contacts at `tier`, started by cm-1 (so it is the north team's). */
  async function caseInContacts(memberRef: string, tier: 'high' | 'low'): Promise<string> {
    await stack.registerMember(memberRef);
    const cm = as(USERS.cm1);
    const id = (await cm.post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: dateFromToday(0), policyOverrides: fastContacts }).expect(201)).body.id as string;
    await eventually(async () => (await cm.get(`/cases/${id}`).expect(200)).body, (c) => c.attempts?.length === 1);
    await cm.post(`/cases/${id}/attempts/1/outcome`).send({ outcome: 'reached' }).expect(200);
    await cm.post(`/cases/${id}/screening`).send({ answers: screeningAnswers }).expect(200);
    await cm.post(`/cases/${id}/assessment`).send({ answers: assessmentAnswers(tier) }).expect(200);
    if (tier === 'high') {
      await eventually(async () => (await cm.get(`/cases/${id}`).expect(200)).body, (c) => c.careManagerId !== null);
    }
    await cm.post(`/cases/${id}/plan`).send({ plan: carePlan(dateFromToday(0)) }).expect(200);
    await cm.post(`/cases/${id}/plan/1/consent`).send({ consent: memberConsent }).expect(200);
    await cm.post(`/cases/${id}/member-discussion`).send({ outcome: 'agrees' }).expect(200);
    return id;
  }

  it("a contact comes due on the care manager's list, is reminded in the inbox and by email, passes, and is escalated to the supervisor as overdue", async () => {
    const caseId = await caseInContacts('M-DAY-HIGH', 'high');
    const holder = (await as(USERS.admin).get(`/cases/${caseId}`).expect(200)).body.careManagerId as string;
    const user = holder === 'cm-1' ? USERS.cm1 : cm2;

    // On the named care manager's list: the contact, due in about 40 seconds, not yet overdue.
    const items = await eventually(() => worklist(user, '?scope=mine'), (list) => list.some((i) => i.caseId === caseId && i.kind === 'contact'));
    const contact = items.find((i) => i.caseId === caseId && i.kind === 'contact')!;
    expect(contact).toMatchObject({ taskKey: 'contact-1', overdue: false, missedAt: null, owner: { kind: 'person', staffId: holder } });
    expect(Date.parse(contact.dueAt) - Date.now()).toBeGreaterThan(0);

    // 20 seconds ahead: the reminder, in the inbox (the detail) and by email (only that there is something to see).
    const inbox = await eventually(async () => (await as(user).get('/inbox').expect(200)).body, (b) => b.items.some((m: Json) => m.template === 'task_reminder' && m.caseId === caseId), 60_000);
    const reminder = inbox.items.find((m: Json) => m.template === 'task_reminder' && m.caseId === caseId);
    expect(reminder).toMatchObject({ readAt: null, workItemId: contact.id });
    expect(inbox.unread).toBeGreaterThanOrEqual(1);
    const email = `${holder.replace('-', '')}@north.example.org`;
    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes(email)), (m) => m !== undefined, 30_000);
    expect(mail!.raw).toContain('https://careloop.example.org/app/inbox');
    expect(mail!.raw).not.toContain(caseId);
    expect(mail!.raw).not.toContain('M-DAY-HIGH');
    expect((await as(user).get(`/worklist?scope=mine`).expect(200)).body.items.find((i: WorkItem) => i.id === contact.id).remindedAt).not.toBeNull();

    // Let it pass: missed, escalated to the north supervisor (inbox and an escalation item), and the case is overdue.
    const supInbox = await eventually(async () => (await as(USERS.sup1).get('/inbox').expect(200)).body, (b) => b.items.some((m: Json) => m.template === 'task_missed' && m.caseId === caseId), 60_000);
    expect(supInbox.items.find((m: Json) => m.template === 'task_missed' && m.caseId === caseId)).toMatchObject({ workItemId: `${contact.id}:escalation` });
    const supList = await eventually(() => worklist(USERS.sup1), (list) => list.some((i) => i.id === `${contact.id}:escalation`));
    expect(supList.find((i) => i.id === `${contact.id}:escalation`)).toMatchObject({ kind: 'escalation', caseId, overdue: true });
    const missed = (await worklist(user, '?scope=mine&overdue=true')).find((i) => i.id === contact.id);
    expect(missed).toMatchObject({ overdue: true });
    expect(missed!.missedAt).not.toBeNull();
    const stuck = await eventually(async () => (await as(USERS.sup1).get('/supervisor/stuck-cases?kind=overdue').expect(200)).body, (b) => b.items.some((c: Json) => c.caseId === caseId));
    expect(stuck.items.find((c: Json) => c.caseId === caseId)?.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'overdue', detail: expect.stringMatching(/^contact overdue by /) })]));
  });

  it("a low-risk member's contact sits in the team queue: a teammate claims it, another's claim is refused, and completing it is the case's own update", async () => {
    const caseId = await caseInContacts('M-DAY-LOW', 'low');
    const queue = await eventually(() => worklist(cm2, '?scope=team'), (list) => list.some((i) => i.caseId === caseId && i.kind === 'contact'));
    const item = queue.find((i) => i.caseId === caseId && i.kind === 'contact')!;
    expect(item.owner).toMatchObject({ kind: 'team', teamId: 'north', role: 'care_manager' });
    // Nobody holds it yet: it is not on anyone's own list.
    expect((await worklist(USERS.cm1, '?scope=mine')).some((i) => i.id === item.id)).toBe(false);

    await as(cm2).post(`/worklist/${encodeURIComponent(item.id)}/claim`).send({}).expect(200);
    expect((await as(USERS.cm1).post(`/worklist/${encodeURIComponent(item.id)}/claim`).send({}).expect(409)).body.code).toBe('work_item_held');
    expect((await worklist(cm2, '?scope=mine')).find((i) => i.id === item.id)).toMatchObject({ owner: { kind: 'person', staffId: 'cm-2' } });

    await as(cm2).post(`/cases/${caseId}/contacts`).send({ channel: 'phone', outcome: 'completed', summary: 'weekly call' }).expect(200);
    // The item closes (the projection of the task's closure); the next contact opens in the team queue again.
    const after = await eventually(() => worklist(cm2), (list) => !list.some((i) => i.id === item.id) && list.some((i) => i.caseId === caseId && i.taskKey === 'contact-2'));
    expect(after.find((i) => i.caseId === caseId && i.taskKey === 'contact-2')?.owner).toMatchObject({ kind: 'team' });
  });

  it("a discharge's transition-of-care task and a utilization review's decision appear on the right lists with their deadlines", async () => {
    await stack.registerMember('M-DAY-DISCHARGE');
    const event = { ...sampleJson<Json>('discharge.json', Date.now() - 60_000), eventId: 'day-evt-1', memberRef: 'M-DAY-DISCHARGE' };
    const discharge = (await stack.asIntegration().post('/integrations/discharge-events').set('content-type', 'application/json').send(event).expect(201)).body;
    const detail = await eventually(async () => (await as(USERS.admin).get(`/discharges/${discharge.id}`).expect(200)).body, (d) => Array.isArray(d.tasks) && d.tasks.length > 0);
    const memberContact = (detail.tasks as Json[]).find((t) => t.task === 'member_contact')!;
    // The discharge's case has no named care manager yet: its tasks wait in the care managers' queue.
    const toc = await eventually(
      () => worklist(USERS.cm1, '?kind=transition_of_care'),
      (list) => list.some((i) => i.sourceId === discharge.id && i.taskKey === 'member_contact'),
    );
    expect(toc.find((i) => i.sourceId === discharge.id && i.taskKey === 'member_contact')).toMatchObject({ kind: 'transition_of_care', dueAt: memberContact.dueAt, owner: { kind: 'team', role: 'care_manager' } });

    // A treatment request for a member of a north case: its decision is the north supervisors' work.
    await stack.registerMember('M-DAY-UR');
    await as(USERS.cm1).post('/cases').send({ memberRef: 'M-DAY-UR', programCode: 'CCM', enrollmentDate: dateFromToday(0) }).expect(201);
    const review = (await as(USERS.provider9).post('/utilization-reviews').set('idempotency-key', 'day-ur-1').send({ ...sample('ur-submit-standard'), memberRef: 'M-DAY-UR' }).expect(201)).body;
    const ur = await eventually(() => worklist(USERS.sup1, '?kind=ur_decision'), (list) => list.some((i) => i.sourceId === review.reviewId));
    const decision = ur.find((i) => i.sourceId === review.reviewId)!;
    const live = (await as(USERS.sup1).get(`/utilization-reviews/${review.reviewId}`).expect(200)).body;
    expect(decision).toMatchObject({ kind: 'ur_decision', owner: { kind: 'team', teamId: 'north', role: 'supervisor' } });
    expect(Date.parse(decision.dueAt)).toBe(Date.parse(live.decisionDueAt));
    // A care manager does not decide reviews: it is not in their queue.
    expect((await worklist(USERS.cm1, '?kind=ur_decision')).some((i) => i.sourceId === review.reviewId)).toBe(false);
  });
});

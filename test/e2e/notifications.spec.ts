import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture.harness';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { eventually } from '../support/eventually';
import { assessmentAnswers, screeningAnswers } from '../support/case-fixtures';
import { dateFromToday } from '../support/fixture-dates';
import { USERS } from '../support/auth';

/**
 * Notifications people read, through the real stack (Temporal dev server, Postgres, a real SMTP
 * server and an SMS stand-in on localhost): a case's assignment notice lands in the assigned care
 * manager's inbox in their language, an email and an SMS say only that there is a message and where.
 */
describe('notifications to people (real Temporal, Postgres, SMTP and SMS stand-in)', () => {
  let stack: E2eStack;
  let smtp: SmtpCapture;
  let smsServer: Server;
  const texts: { headers: IncomingHttpHeaders; body: { to: string; text: string; reference: string } }[] = [];
  const me = { sub: 'cm-notify', role: 'care_manager' } as const;
  let caseId = '';

  beforeAll(async () => {
    smtp = await startSmtpCapture({ decode: true });
    smsServer = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        texts.push({ headers: req.headers, body: JSON.parse(body) });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => smsServer.listen(0, '127.0.0.1', resolve));
    stack = await startE2eStack('notify', {
      CARELOOP_SMTP_URL: smtp.url,
      CARELOOP_SMTP_FROM: 'CareLoop Notices <notices@careloop.example.org>',
      CARELOOP_SMS_URL: `http://127.0.0.1:${(smsServer.address() as AddressInfo).port}/messages`,
      CARELOOP_SMS_TOKEN: 'sms-test-token',
      CARELOOP_PUBLIC_URL: 'https://careloop.example.org',
    });
    await stack.sql(`INSERT INTO staff (id, display_name, role, languages, email, phone) VALUES ('cm-notify', 'Notify CM', 'care_manager', '{es}', 'cm.notify@example.org', '+15550001111')`);
  });

  afterAll(async () => {
    await stack?.close();
    await smtp?.close();
    await new Promise((resolve) => smsServer?.close(resolve));
  });

  it('saves my preferences (email and SMS, Spanish) and refuses bad ones naming the field', async () => {
    const api = stack.as(me);
    expect((await api.get('/me/notification-preferences').expect(200)).body).toEqual({ channels: ['email'], quietHours: null, language: 'es' });
    const bad = await api.put('/me/notification-preferences').send({ channels: ['pigeon'], quietHours: { start: '25:00', end: '07:00', timeZone: 'Mars/Olympus' }, language: 'fr' }).expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['channels', 'language', 'quietHours.start', 'quietHours.timeZone']);
    const saved = await api.put('/me/notification-preferences').send({ channels: ['email', 'sms'], quietHours: null, language: 'es' });
    expect(saved.body).toEqual({ channels: ['email', 'sms'], quietHours: null, language: 'es' });
    expect((await api.get('/me/notification-preferences').expect(200)).body).toEqual({ channels: ['email', 'sms'], quietHours: null, language: 'es' });
  });

  it('delivers the case_assigned notice to the assigned care manager: inbox (detail), email and SMS (a link only)', async () => {
    const memberRef = 'M-NOTIFY-1';
    await stack.registerMember(memberRef);
    const api = stack.as(USERS.admin);
    caseId = (await api.post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: dateFromToday(0) }).expect(201)).body.id;
    await api.post(`/cases/${caseId}/attempts/1/outcome`).send({ outcome: 'reached' }).expect(200);
    await api.post(`/cases/${caseId}/screening`).send({ answers: screeningAnswers }).expect(200);
    await api.post(`/cases/${caseId}/assessment`).send({ answers: assessmentAnswers('high') }).expect(200);

    const cm = stack.as(me);
    const page = await eventually(async () => (await cm.get('/inbox').expect(200)).body, (b) => b.items.length > 0);
    expect(page.unread).toBe(1);
    expect(page.items[0]).toMatchObject({ template: 'case_assigned', subject: 'Se le asignó un caso', language: 'es', caseId, link: `/app/cases/${caseId}`, readAt: null });
    expect(page.items[0].body).toContain(caseId);
    expect((await cm.get('/inbox/unread-count').expect(200)).body).toEqual({ unread: 1 });

    const mail = await eventually(async () => smtp.mails.find((m) => m.to.includes('cm.notify@example.org')), (m) => m !== undefined);
    const sms = await eventually(async () => texts.find((t) => t.body.to === '+15550001111'), (t) => t !== undefined);
    expect(mail!.raw).toMatch(/^Subject: CareLoop: tiene un mensaje nuevo/m);
    expect(mail!.raw).toMatch(/^From: CareLoop Notices <notices@careloop\.example\.org>/m);
    expect(mail!.raw).toContain('https://careloop.example.org/app/inbox');
    expect(sms!.body.text).toContain('https://careloop.example.org/app/inbox');
    expect(sms!.headers.authorization).toBe('Bearer sms-test-token');
    expect(sms!.headers['idempotency-key']).toBe(sms!.body.reference);
    // No PHI and no clinical detail: not the member's name or birth date, not the case, not the risk.
    for (const text of [mail!.raw.split(/\r?\n\r?\n/).slice(1).join('\n') + mail!.raw.match(/^Subject: .*$/m)![0], sms!.body.text]) {
      for (const word of ['Ana', 'María', 'Núñez', '1956-03-14', caseId, memberRef, 'riesgo', 'risk', 'high', 'alto', 'asign']) {
        expect(text).not.toContain(word);
      }
    }
    const rows = await stack.sql(`SELECT channel, status, attempts FROM notification_deliveries WHERE recipient = 'staff:cm-notify' ORDER BY channel`);
    expect(rows).toEqual([
      { channel: 'email', status: 'delivered', attempts: 1 },
      { channel: 'in_app', status: 'delivered', attempts: 1 },
      { channel: 'sms', status: 'delivered', attempts: 1 },
    ]);
  });

  it('marks read (idempotently), hides my messages from everyone else, and refuses bad input naming the field', async () => {
    const cm = stack.as(me);
    const [message] = (await cm.get('/inbox?unread=true').expect(200)).body.items;
    // Another person sees nothing of it and cannot mark it.
    expect((await stack.as(USERS.cm1).get('/inbox').expect(200)).body).toEqual({ items: [], unread: 0 });
    expect((await stack.as(USERS.cm1).post(`/inbox/${message.id}/read`).expect(404)).body.code).toBe('inbox_message_not_found');
    const read = (await cm.post(`/inbox/${message.id}/read`).expect(200)).body;
    expect(read.readAt).not.toBeNull();
    expect((await cm.post(`/inbox/${message.id}/read`).expect(200)).body.readAt).toBe(read.readAt);
    expect((await cm.get('/inbox/unread-count').expect(200)).body).toEqual({ unread: 0 });
    expect((await cm.get('/inbox?unread=true').expect(200)).body.items).toEqual([]);
    expect((await cm.post('/inbox/read-all').send({ through: new Date().toISOString() }).expect(200)).body).toEqual({ marked: 0, unread: 0 });
    expect((await cm.post('/inbox/read-all').send({}).expect(400)).body.errors[0].field).toBe('through');
    expect((await cm.post('/inbox/not-a-uuid/read').expect(400)).body.errors[0].field).toBe('id');
    expect((await cm.get('/inbox?unread=maybe').expect(400)).body.errors[0].field).toBe('unread');
    expect((await cm.get('/inbox?cursor=bm90LWEtY3Vyc29y').expect(400)).body.errors[0].field).toBe('cursor');
    // Reads of the inbox are audited like every guarded route.
    const audit = await stack.sql(`SELECT count(*)::int AS n FROM audit_log WHERE actor_id = 'cm-notify' AND action = 'inbox'`);
    expect(audit[0]!.n).toBeGreaterThan(0);
  });
});

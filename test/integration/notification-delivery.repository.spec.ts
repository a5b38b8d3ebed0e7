import type { DataSource } from 'typeorm';
import type { NotificationRequest } from '@careloop/contracts';
import { InboxRepository, insertPendingNotification, NotificationDeliveryRepository, runMigrations } from '@careloop/persistence';
import { PeopleNotificationChannel, sweepDueDeliveries, type MailMessage, type NotificationChannel, type PersonDeliveryDeps, type RecipientDirectory } from '../../activities';
import { freshDatabase } from '../support/integration-database';

/**
 * The notification service's rows against real Postgres: the inbox is written once per
 * (recipient, key) however often the activity runs; each recipient × channel has its own
 * delivery row; a failing email does not stop the inbox or the other recipient; an email held
 * by quiet hours is left pending and the sweeper sends it once its time has come.
 */
describe('notification deliveries and the inbox (real Postgres)', () => {
  let ds: DataSource;
  let inbox: InboxRepository;
  let deliveries: NotificationDeliveryRepository;
  const mail: MailMessage[] = [];
  let failFor = new Set<string>();
  const inner: string[] = [];

  const directory: RecipientDirectory = {
    workItemOwner: async () => null,
    openWorkItemOfTask: async () => null,
    subjectOf: async () => ({ careManagerId: null, teamId: 'east', memberId: null, complainantMemberId: null }),
    staffWithRole: async (role) => (role === 'supervisor' ? [] : [{ id: 'cm-a', email: 'a@example.org', phone: null, languages: ['en'] }, { id: 'cm-b', email: 'b@example.org', phone: null, languages: ['es'] }]),
    staffById: async (id) => ({ id, email: `${id.slice(3)}@example.org`, phone: null, languages: [] }),
    // cm-b is in quiet hours all day but one minute (so "now" is inside them whenever the test runs).
    preferencesOf: async (id) => (id === 'cm-b' ? { channels: ['email'], quietHours: quietAllDay(), language: 'es' } : null),
    memberContact: async () => null,
  };

  function quietAllDay() {
    const now = new Date();
    const hm = (d: Date) => `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    return { start: hm(new Date(now.getTime() - 60_000)), end: hm(new Date(now.getTime() - 120_000)), timeZone: 'UTC' };
  }

  const deps = (): PersonDeliveryDeps => ({
    store: deliveries,
    inbox,
    directory,
    mail: {
      send: async (m) => {
        if (failFor.has(m.to)) throw new Error('SMTP relay refused or unreachable (451)');
        mail.push(m);
      },
    },
    sms: null,
    publicUrl: 'https://careloop.example.org',
    memberContactPoint: 'https://portal.example.org',
  });
  const passThrough: NotificationChannel = { name: 'log', deliver: async (n) => void inner.push(n.key) };

  beforeAll(async () => {
    ds = await freshDatabase('notify');
    await runMigrations(ds);
    inbox = new InboxRepository(ds);
    deliveries = new NotificationDeliveryRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  const notice = (key: string): NotificationRequest => ({ key, caseId: 'case-it-1', audience: 'care_team', channel: 'task_queue', template: 'case_assigned', params: { riskTier: 'high' } });

  it('writes each inbox message once however often the activity runs, and sends each email once', async () => {
    const n = notice('case-it-1:assigned');
    await insertPendingNotification(ds, n);
    const channel = new PeopleNotificationChannel(deps(), passThrough);
    await channel.deliver(n);
    await channel.deliver(n);
    const rows = await ds.query(`SELECT recipient_id, subject, language, link FROM inbox_messages WHERE notification_key = $1 ORDER BY recipient_id`, [n.key]);
    expect(rows).toEqual([
      { recipient_id: 'cm-a', subject: 'A case was assigned to you', language: 'en', link: '/app/cases/case-it-1' },
      { recipient_id: 'cm-b', subject: 'Se le asignó un caso', language: 'es', link: '/app/cases/case-it-1' },
    ]);
    expect(mail.map((m) => m.to)).toEqual(['a@example.org']);
    expect(inner).toEqual([n.key, n.key]);
    const state = (await deliveries.forNotification(n.key)).map((d) => [d.recipient, d.channel, d.status, d.attempts]);
    expect(state).toEqual([
      ['staff:cm-a', 'email', 'delivered', 1],
      ['staff:cm-a', 'in_app', 'delivered', 1],
      ['staff:cm-b', 'email', 'pending', 0],
      ['staff:cm-b', 'in_app', 'delivered', 1],
    ]);
    // Quiet hours: nothing for the sweeper yet; once the period is over (moved here), it sends the email once.
    expect(await sweepDueDeliveries(deps())).toBe(0);
    await ds.query(`UPDATE notification_deliveries SET not_before = now() - interval '1 second' WHERE recipient = 'staff:cm-b' AND channel = 'email'`);
    expect(await sweepDueDeliveries(deps())).toBe(1);
    expect(await sweepDueDeliveries(deps())).toBe(0);
    expect(mail.map((m) => m.to)).toEqual(['a@example.org', 'b@example.org']);
    expect(mail[1]!.subject).toBe('CareLoop: tiene un mensaje nuevo');
  });

  it('a failing email stays pending with its error and back-off, and does not stop the inbox or the other recipient', async () => {
    failFor = new Set(['a@example.org']);
    mail.length = 0;
    const n = notice('case-it-1:assigned-again');
    await insertPendingNotification(ds, n);
    await new PeopleNotificationChannel(deps(), passThrough).deliver(n);
    const [failed] = (await deliveries.forNotification(n.key)).filter((d) => d.recipient === 'staff:cm-a' && d.channel === 'email');
    expect(failed).toMatchObject({ status: 'pending', attempts: 1, lastError: 'email: SMTP relay refused or unreachable (451)' });
    expect(failed!.notBefore.getTime()).toBeGreaterThan(Date.now());
    expect(await inbox.unreadCount('cm-a')).toBe(2);
    // The relay recovers; the back-off passes (moved here): the sweeper delivers it.
    failFor = new Set();
    await ds.query(`UPDATE notification_deliveries SET not_before = now() - interval '1 second' WHERE notification_key = $1 AND recipient = 'staff:cm-a' AND channel = 'email'`, [n.key]);
    await sweepDueDeliveries(deps());
    expect(mail.map((m) => m.to)).toContain('a@example.org');
    expect((await deliveries.forNotification(n.key)).find((d) => d.recipient === 'staff:cm-a' && d.channel === 'email')).toMatchObject({ status: 'delivered', attempts: 2, lastError: null });
  });

  it('pages, counts and marks only the recipient’s own messages', async () => {
    const page = await inbox.page('cm-a', { unreadOnly: true, cursor: null, limit: 1 });
    expect(page).toHaveLength(1);
    const next = await inbox.page('cm-a', { unreadOnly: true, cursor: { createdAt: page[0]!.createdAt, id: page[0]!.id }, limit: 1 });
    expect(next).toHaveLength(1);
    expect(next[0]!.id).not.toBe(page[0]!.id);
    expect(await inbox.markRead('cm-b', page[0]!.id)).toBeNull();
    const read = await inbox.markRead('cm-a', page[0]!.id);
    expect(read?.readAt).not.toBeNull();
    expect((await inbox.markRead('cm-a', page[0]!.id))?.readAt).toBe(read!.readAt);
    expect(await inbox.unreadCount('cm-a')).toBe(1);
    expect(await inbox.markAllRead('cm-a', new Date(Date.now() + 60_000))).toBe(1);
    expect(await inbox.unreadCount('cm-a')).toBe(0);
    expect(await inbox.unreadCount('cm-b')).toBe(2);
    // Only what was received by `through` (what the person saw): nothing of cm-b's is that old.
    expect(await inbox.markAllRead('cm-b', new Date(Date.parse(page[0]!.createdAt) - 3_600_000))).toBe(0);
    expect(await inbox.unreadCount('cm-b')).toBe(2);
  });
});

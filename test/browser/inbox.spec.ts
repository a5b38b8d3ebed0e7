import type { Browser, Page } from 'playwright-core';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { launchChromium, openPage, screenshot, signIn, textMatching } from '../support/browser';

/**
 * The inbox in Chromium against the real stack: the nav's badge shows the unread count, the
 * inbox lists the person's own messages (not another person's), marking one read lowers the
 * badge at once, and the preferences form saves through the API.
 */
describe('console: inbox, unread badge and notification preferences (Chromium)', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startE2eStack('console_inbox', { CARELOOP_STAFF_FILE: 'config/staff.demo.json' });
    // Messages as the notification service writes them (its own delivery is covered by test/e2e/notifications.spec.ts).
    const write = (recipient: string, key: string, subject: string, body: string) =>
      stack.sql(
        `INSERT INTO inbox_messages (recipient_id, notification_key, template, subject, body, language, case_id, link, created_at) VALUES ($1, $2, 'task_reminder', $3, $4, 'en', 'case-inbox-1', '/app/cases/case-inbox-1', now() - ($5 || ' minutes')::interval)`,
        [recipient, key, subject, body, String(key.length)],
      );
    await write('cm-1', 'k-one', 'Due soon: contact', 'Task contact-3 (contact, clock C8) on case case-inbox-1 is due soon.');
    await write('cm-1', 'k-second', 'A case was assigned to you', 'Case case-inbox-1 is now yours.');
    await write('cm-2', 'k-other', 'Not for cm-1', 'Another person’s message.');
    ({ page, errors } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('shows the unread count in the nav, lists my messages, and marking one read lowers the badge', async () => {
    await signIn(page, stack.baseUrl, 'cm-1');
    const nav = page.getByRole('navigation', { name: 'Main' });
    await textMatching(nav.getByTestId('inbox-badge'), /^2$/);
    await nav.getByRole('link', { name: /Inbox/ }).click();
    await page.getByRole('heading', { name: 'Inbox', level: 1 }).waitFor();
    const messages = page.getByRole('list', { name: 'Messages' });
    await textMatching(messages.getByRole('article', { name: 'A case was assigned to you' }), /Case case-inbox-1 is now yours/);
    await textMatching(messages.getByRole('article', { name: 'Due soon: contact' }), /clock C8/);
    expect(await messages.getByRole('article').count()).toBe(2);
    expect(await page.getByText('Not for cm-1').count()).toBe(0);
    await screenshot(page, 'inbox');

    const assigned = messages.getByRole('article', { name: 'A case was assigned to you' });
    await assigned.getByRole('button', { name: 'Mark read' }).click();
    await textMatching(nav.getByTestId('inbox-badge'), /^1$/);
    await textMatching(assigned, /read /);
    expect(await assigned.getByRole('button', { name: 'Mark read' }).count()).toBe(0);
    expect((await stack.as(USERS.cm1).get('/inbox/unread-count').expect(200)).body).toEqual({ unread: 1 });

    await page.getByRole('button', { name: 'Mark all read' }).click();
    await nav.getByTestId('inbox-badge').waitFor({ state: 'detached' });
    expect((await stack.as(USERS.cm1).get('/inbox/unread-count').expect(200)).body).toEqual({ unread: 0 });
  });

  it('saves my notification preferences', async () => {
    const form = page.getByRole('form', { name: 'Notification preferences' });
    await form.getByLabel('SMS').check();
    await form.getByLabel('Language').selectOption('es');
    await form.getByRole('button', { name: 'Save preferences' }).click();
    await textMatching(form.getByRole('status'), /Preferences saved/);
    expect((await stack.as(USERS.cm1).get('/me/notification-preferences').expect(200)).body).toEqual({ channels: ['email', 'sms'], quietHours: null, language: 'es' });
    expect(errors).toEqual([]);
  });
});

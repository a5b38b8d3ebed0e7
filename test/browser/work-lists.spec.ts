import type { Browser, Page } from 'playwright-core';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { launchChromium, openPage, screenshot, signIn, textMatching } from '../support/browser';
import { eventually } from '../support/eventually';
import { sampleJson } from '../support/integration-samples';
import { sample } from '../support/samples';

const DAY_MS = 86_400_000;

/**
 * The issue-17 pages in Chromium against the real stack: a discharge reported ten days late
 * (its member contact already escalated) listed as overdue, its page showing each
 * transition-of-care task with its deadline, a completion refused by the workflow (a time in the
 * future) and then recorded; a utilization review in the reviewer's queue with its decision
 * clock, decided on its page (refused first without a reason); a complaint acknowledged.
 */
describe('console: discharges, the review queue and complaints (Chromium)', () => {
  let stack: E2eStack;
  let browser: Browser;
  let errors: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startE2eStack('console_lists', { CARELOOP_STAFF_FILE: 'config/staff.demo.json' });
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  afterEach(() => {
    expect(errors).toEqual([]);
  });

  async function pageAs(user: string): Promise<Page> {
    const opened = await openPage(browser);
    errors = opened.errors;
    await signIn(opened.page, stack.baseUrl, user);
    return opened.page;
  }

  /** How the console writes a time (format.ts `when`), in the page's own locale and time zone. */
  const shown = (page: Page, iso: string) => page.evaluate((t) => new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(t)), iso);

  it('lists a late discharge as overdue; its page shows each task with its deadline; a task is recorded done', async () => {
    await stack.registerMember('M-CONSOLE-TOC');
    const event = { ...sampleJson<Record<string, unknown>>('discharge.json', Date.now() - 10 * DAY_MS), eventId: 'console-toc-1', memberRef: 'M-CONSOLE-TOC' };
    const sent = await stack.asIntegration().post('/integrations/discharge-events').set('content-type', 'application/json').send(event).expect(201);
    const dischargeId: string = sent.body.id;
    const live = await eventually(
      () => stack.as(USERS.cm1).get(`/discharges/${dischargeId}`),
      (r) => r.body.tasks?.find((t: { task: string }) => t.task === 'member_contact')?.status === 'escalated',
    );
    const memberContact = live.body.tasks.find((t: { task: string }) => t.task === 'member_contact') as { dueAt: string };

    const page = await pageAs('cm-1');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Discharges' }).click();
    await page.getByRole('heading', { name: 'Discharges', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: dischargeId });
    expect(await textMatching(row, /overdue/)).toMatch(/Contact with the member: Escalated \(overdue\)/);
    expect(await row.getAttribute('class')).toBe('overdue');
    await screenshot(page, 'discharges');

    await row.getByRole('link', { name: dischargeId }).click();
    await page.getByRole('heading', { name: `Discharge ${dischargeId}` }).waitFor();
    const task = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Contact with the member' }) });
    const deadline = await shown(page, memberContact.dueAt);
    expect(await textMatching(task, /Escalated/)).toContain(deadline);

    // The workflow refuses a completion time in the future; its reason is shown on the form.
    const form = page.getByRole('form', { name: 'Done: contact with the member' });
    const tomorrow = new Date(Date.now() + DAY_MS);
    const local = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}T10:00`;
    await form.getByLabel('Done at').fill(local);
    await form.getByRole('button', { name: 'Record as done' }).click();
    expect(await textMatching(form.getByRole('alert'), /./)).toMatch(/completedAt must lie between the discharge and now/);

    await form.getByLabel('Done at').fill('');
    await form.getByRole('button', { name: 'Record as done' }).click();
    expect(await textMatching(task, /Done/)).toMatch(/cm-1 \(late\)/);
    await screenshot(page, 'discharge');
    const after = await stack.as(USERS.cm1).get(`/discharges/${dischargeId}`).expect(200);
    expect(after.body.tasks.find((t: { task: string }) => t.task === 'member_contact')).toMatchObject({ status: 'done', completedBy: 'cm-1', late: true });
    // The form of a done task is gone; the open ones keep theirs.
    expect(await page.getByRole('form', { name: 'Done: contact with the member' }).count()).toBe(0);
    expect(await page.getByRole('form', { name: 'Done: medication reconciliation' }).count()).toBe(1);
  });

  it("shows a review in the reviewer's queue with its decision clock, and decides it on its page", async () => {
    const submitted = await stack.as(USERS.provider9).post('/utilization-reviews').set('idempotency-key', 'console-ur-1').send(sample('ur-submit-standard')).expect(201);
    const reviewId: string = submitted.body.reviewId;
    await eventually(() => stack.as(USERS.sup1).get('/utilization-reviews'), (r) => r.body.items?.some((i: { reviewId: string }) => i.reviewId === reviewId));

    const page = await pageAs('sup-1');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Review queue' }).click();
    await page.getByRole('heading', { name: 'Utilization reviews', level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: reviewId });
    // Standard: 7 days to decide, just under 7 days left.
    expect(await textMatching(row, /left/)).toMatch(/Standard ?7 d to decide.*6 d 23 h left/);
    expect(await textMatching(row, /./)).toContain(await shown(page, submitted.body.decisionDueAt));
    await screenshot(page, 'review-queue');

    await row.getByRole('link', { name: reviewId }).click();
    await page.getByRole('heading', { name: `Review ${reviewId}` }).waitFor();
    const clock = page.getByRole('region', { name: 'Decision clock' });
    expect(await textMatching(clock, /left/)).toMatch(new RegExp(`Decision due ${escape(await shown(page, submitted.body.decisionDueAt))} \\(standard\\): 6 d 23 h left`));
    await screenshot(page, 'review');

    // A denial needs its reason: the API's 400 lands under Reason.
    const decide = page.getByRole('form', { name: 'Decide' });
    await decide.getByLabel('Decision').selectOption('denied');
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    await decide.locator('.field--invalid').first().waitFor();
    expect(await decide.getByLabel('Reason').getAttribute('aria-invalid')).toBe('true');

    await decide.getByLabel('Decision').selectOption('approved');
    await decide.getByRole('button', { name: 'Record the decision' }).click();
    expect(await textMatching(clock, /No decision pending/)).toMatch(/closed/);
    expect(await textMatching(page.getByRole('region', { name: 'Decisions' }), /Approved/)).toMatch(/Initial: Approved by sup-1/);
    const stored = await stack.as(USERS.sup1).get(`/utilization-reviews/${reviewId}`).expect(200);
    expect(stored.body).toMatchObject({ status: 'closed', decisions: [{ level: 'initial', reviewerId: 'sup-1', decision: { kind: 'approved' } }] });
  });

  it('lists a complaint with its due times and acknowledges it on its page', async () => {
    const lodged = await stack.as(USERS.cm1).post('/complaints').set('idempotency-key', 'console-cmp-1').send({ ...sample('complaint-lodge'), about: 'program' }).expect(201);
    const complaintId: string = lodged.body.complaintId;
    await eventually(() => stack.as(USERS.cm1).get('/complaints'), (r) => r.body.items?.some((i: { complaintId: string }) => i.complaintId === complaintId));

    const page = await pageAs('cm-1');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Complaints' }).click();
    const row = page.getByRole('row').filter({ hasText: complaintId });
    expect(await textMatching(row, /Received/)).toContain(await shown(page, lodged.body.resolveBy));
    await row.getByRole('link', { name: complaintId }).click();
    await page.getByRole('heading', { name: `Complaint ${complaintId}` }).waitFor();
    await page.getByRole('form', { name: 'Acknowledge' }).getByRole('button', { name: 'Acknowledge' }).click();
    expect(await textMatching(page.locator('dl'), /done/)).toMatch(/by cm-1/);
    expect(await page.getByRole('form', { name: 'Acknowledge' }).count()).toBe(0);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

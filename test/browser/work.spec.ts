import type { Browser, Page } from 'playwright-core';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { launchChromium, openPage, screenshot, signIn, textMatching } from '../support/browser';
import { screeningAnswers } from '../support/case-fixtures';
import { eventually } from '../support/eventually';

/**
 * My work in Chromium against the real stack (docs/worklists.md): a screened case's assessment task
 * waits in team north's queue; cm-1 lands on My work, finds it under Team queue, claims it, and
 * sees it move to their own list; "Do it" opens the case at the assessment form.
 */
describe('console: My work — the worklist, the team queue, claim (Chromium)', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let caseId: string;
  const memberRef = `M-WORKLIST-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startE2eStack('console_work', { CARELOOP_STAFF_FILE: 'config/staff.demo.json' });
    await stack.registerMember(memberRef);
    const today = new Date().toISOString().slice(0, 10);
    caseId = (await stack.as(USERS.cm1).post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: today }).expect(201)).body.id;
    await eventually(() => stack.as(USERS.cm1).get(`/cases/${caseId}`), (r) => r.body.attempts?.length === 1);
    await stack.as(USERS.cm1).post(`/cases/${caseId}/attempts/1/outcome`).send({ outcome: 'reached' }).expect(200);
    await stack.as(USERS.cm1).post(`/cases/${caseId}/screening`).send({ answers: screeningAnswers }).expect(200);
    const rows = await eventually(() => stack.sql(`SELECT owner_staff_id AS "owner" FROM work_items WHERE case_id = $1 AND kind = 'assessment' AND status = 'open'`, [caseId]), (r) => r.length === 1);
    expect(rows).toEqual([{ owner: null }]);
    ({ page, errors } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const item = () => page.locator(`[data-work-item^="case:${caseId}:"]`).filter({ hasText: 'Assessment' });

  it('lands a care manager on My work; the team queue holds the assessment, claiming moves it to their own list', async () => {
    await signIn(page, stack.baseUrl, 'cm-1');
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    expect(await item().count()).toBe(0);

    await page.getByRole('tab', { name: 'Team queue' }).click();
    await item().waitFor();
    expect(await item().textContent()).toContain('Care manager queue of north');
    await screenshot(page, 'work-team-queue');
    await item().getByRole('button', { name: 'Claim' }).click();
    await textMatching(page.getByRole('status').filter({ hasText: 'Claimed' }), /Claimed: Assessment is on your list/);
    await eventually(() => item().count(), (n) => n === 0, 10_000);
    expect(await item().count()).toBe(0);
    expect(await stack.sql(`SELECT owner_staff_id AS "owner" FROM work_items WHERE case_id = $1 AND kind = 'assessment'`, [caseId])).toEqual([{ owner: 'cm-1' }]);

    await page.getByRole('tab', { name: 'My work' }).click();
    await item().waitFor();
    expect(await item().getByRole('button', { name: 'Release' }).count()).toBe(1);
    await screenshot(page, 'work-mine');
  });

  it('opens the case at the form the task calls for ("Do it")', async () => {
    await item().getByRole('button', { name: 'Do it' }).click();
    await page.getByRole('heading', { name: 'Act on this case' }).waitFor();
    await page.getByRole('form', { name: 'Needs assessment' }).waitFor();
    expect(page.url()).toBe(`${stack.baseUrl}/app/cases/${caseId}`);
    expect(errors).toEqual([]);
  });

  it("lets a supervisor see the team's open work and reassign an item with a reason", async () => {
    ({ page, errors } = await openPage(browser));
    await signIn(page, stack.baseUrl, 'sup-1');
    await page.goto(`${stack.baseUrl}/app/work`);
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    await page.getByRole('tab', { name: "My team's open work" }).click();
    await item().waitFor();
    await item().getByText('Reassign', { exact: true }).first().click();
    const form = item().getByRole('form', { name: 'Reassign Assessment' });
    await form.getByLabel('To').selectOption('cm-2');
    await form.getByLabel('Reason').fill('cm-1 on leave this week');
    await form.getByRole('button', { name: 'Reassign' }).click();
    await textMatching(page.getByRole('status').filter({ hasText: 'Reassigned' }), /Reassigned: Assessment is now cm-2's/);
    expect(await stack.sql(`SELECT owner_staff_id AS "owner" FROM work_items WHERE case_id = $1 AND kind = 'assessment'`, [caseId])).toEqual([{ owner: 'cm-2' }]);
    // The reason is kept with the audit row of the reassignment.
    const audit = await stack.sql(`SELECT actor_id AS "actor", reason FROM audit_log WHERE route LIKE '%/reassign' AND action = 'worklist.supervise' AND outcome = 'allowed'`);
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ actor: 'sup-1', reason: expect.stringContaining('cm-1 on leave this week') })]));
    expect(errors).toEqual([]);
  });
});

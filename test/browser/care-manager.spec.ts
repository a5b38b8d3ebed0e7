import type { Browser, Page } from 'playwright-core';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { launchChromium, openPage, screenshot, signIn, textMatching } from '../support/browser';
import { eventually } from '../support/eventually';
import { dateFromToday } from '../support/fixture-dates';

/**
 * A care manager works a case in the console, in Chromium, against the real
 * stack (API serving /app, worker, Temporal dev server, Postgres): enrolment,
 * outreach, screening, assessment, care plan and consent, until the plan is
 * active — with the API's validation errors shown next to their fields and a
 * workflow refusal (409) shown with its reason.
 */
describe('console: a care manager takes a case from enrolment to an active care plan (Chromium)', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const memberRef = `M-CONSOLE-${Date.now().toString(36).toUpperCase()}`;

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startE2eStack('console_cm', { CARELOOP_STAFF_FILE: 'config/staff.demo.json' });
    await stack.registerMember(memberRef);
    ({ page, errors } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const form = (name: string) => page.getByRole('form', { name });

  it('serves the built console at /app with the strict CSP', async () => {
    const res = await fetch(`${stack.baseUrl}/app/cases/anything`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    const html = await res.text();
    expect(html).toMatch(/<script type="module" crossorigin src="\/app\/assets\/index-[\w-]+\.js"><\/script>/);
    // No inline script anywhere: the CSP would block it.
    expect(html.match(/<script(?![^>]*\ssrc=)[^>]*>/g)).toBeNull();
  });

  it('signs in as a care manager and shows only what the role may use', async () => {
    await page.goto(`${stack.baseUrl}/app/`);
    await page.getByRole('heading', { name: 'CareLoop console' }).waitFor();
    await screenshot(page, 'login');
    await signIn(page, stack.baseUrl, 'cm-1');
    // A care manager lands on My work (their worklist).
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    // The inbox link carries the unread count when there is one.
    const links = (await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).map((t) => t.replace(/^Inbox\d+$/, 'Inbox'));
    expect(links).toEqual(['My work', 'My caseload', 'New case', 'Members', 'Discharges', 'Reviews', 'Complaints', 'Inbox']);
    expect(await page.locator('.who').textContent()).toBe('cm-1 · Care manager · team north');

    await page.goto(`${stack.baseUrl}/app/supervisor/stuck`);
    await page.getByRole('heading', { name: 'Not available' }).waitFor();
    // The session is the HttpOnly cookie: nothing about the user in the page's storage.
    // (A string expression: it runs in the page, where document and the storages exist.)
    expect(await page.evaluate('[document.cookie, localStorage.length, sessionStorage.length]')).toEqual(['', 0, 0]);
  });

  it('enrols a member, records the outreach and screening, with field errors from the API', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New case' }).click();
    // 422 member_not_registered: said at the member field, with the way to the member pages; the value is not repeated.
    const enrol = form('Enrol a member in a program');
    await page.getByLabel('Member reference').fill(`${memberRef}-UNREGISTERED`);
    await page.getByRole('button', { name: 'Start case' }).click();
    await textMatching(enrol.getByRole('alert'), /^No registered member has this member reference/);
    expect(await page.getByLabel('Member reference').getAttribute('aria-invalid')).toBe('true');
    const memberField = enrol.locator('.field--invalid');
    expect(await memberField.textContent()).toMatch(/^Member reference.*No registered member has this member reference\..*find the member.*register a member/);
    expect(await memberField.getByRole('link', { name: 'find the member' }).getAttribute('href')).toBe('/app/members');
    expect(await memberField.getByRole('link', { name: 'register a member' }).getAttribute('href')).toBe('/app/members/new');
    expect(await enrol.textContent()).not.toContain(memberRef);
    expect(page.url()).not.toContain(memberRef);
    await page.getByLabel('Member reference').fill(memberRef);
    await page.getByRole('button', { name: 'Start case' }).click();
    await page.waitForURL(/\/app\/cases\/case-ccm-[0-9a-f]{24}$/);
    expect(page.url()).not.toContain(memberRef);
    await page.getByRole('heading', { name: memberRef }).waitFor();

    const attempt = form('Record an outreach attempt');
    await attempt.waitFor({ timeout: 30_000 });
    await attempt.getByRole('button', { name: 'Record outcome' }).click();
    // 400: the API names the field; the console shows the reason under it.
    expect(await textMatching(attempt.locator('.field--invalid'), /outcome must be one of/)).toContain('Outcome');
    await attempt.getByLabel('Outcome').selectOption('reached');
    await attempt.getByRole('button', { name: 'Record outcome' }).click();
    await textMatching(page.locator('#case-notice'), /^Saved\. The case is now in screening/);

    const screening = form('Initial screening');
    await screening.waitFor({ timeout: 30_000 });
    await screening.getByRole('button', { name: 'Submit screening' }).click();
    await textMatching(screening.getByRole('alert'), /Please correct the fields marked below/);
    expect(await screening.getByLabel('Self-rated health').getAttribute('aria-invalid')).toBe('true');
    expect(await screening.locator('.field--invalid').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Self-rated health.*selfRatedHealth must be one of/), expect.stringMatching(/^Number of chronic conditions.*chronicConditionCount must/)]),
    );
    await screening.getByLabel('Self-rated health').selectOption('fair');
    await screening.getByLabel('Number of chronic conditions').fill('2');
    await screening.getByLabel('Preferred language').fill('es');
    await screening.getByLabel('Hospitalized in the last 12 months').check();
    await screening.getByRole('button', { name: 'Submit screening' }).click();
    await textMatching(page.locator('#case-notice'), /^Saved\. The case is now in assessment/);
  });

  it('submits the assessment and gets the risk tier with its reasons', async () => {
    const assessment = form('Needs assessment');
    await assessment.waitFor({ timeout: 30_000 });
    const numbers: [string, string][] = [
      ['Chronic conditions', '4'],
      ['Hospital admissions, last 12 months', '3'],
      ['Emergency visits, last 6 months', '2'],
      ['Active medications', '9'],
      ['ADL dependencies (0-6)', '2'],
      ['PHQ-9 score (optional, 0-27)', '16'],
    ];
    for (const [label, value] of numbers) {
      await assessment.getByLabel(label, { exact: true }).fill(value);
    }
    for (const label of ['Housing instability', 'Transportation barrier', 'Lives alone', 'Interpreter needed', 'Has a caregiver or guardian']) {
      await assessment.getByLabel(label, { exact: true }).check();
    }
    await assessment.getByLabel('Preferred language').fill('es');
    await screenshot(page, 'assessment-form');
    await assessment.getByRole('button', { name: 'Submit assessment' }).click();
    await textMatching(page.locator('#case-notice'), /^Saved\. The case is now in care planning/);
    await textMatching(page.locator('.phase-badges'), /high risk/);
    await page.getByRole('heading', { name: 'Why this risk tier' }).waitFor();
  });

  it('shows a workflow refusal (409) with its reason, then writes the plan, fixing a field the API refused', async () => {
    // Consent before any plan: the workflow refuses and says why.
    await page.getByLabel('Another action').selectOption({ label: 'Record consent to a plan version' });
    const consentEarly = form('Record consent to the plan');
    const refused = page.waitForResponse((r) => r.url().endsWith('/plan/1/consent'));
    await consentEarly.getByRole('button', { name: 'Record consent' }).click();
    const response = await refused;
    expect(response.status()).toBe(409);
    const detail = ((await response.json()) as { detail: string }).detail;
    expect(detail.length).toBeGreaterThan(5);
    expect(await textMatching(consentEarly.getByRole('alert'), /\w/)).toBe(detail);
    await page.getByLabel('Another action').selectOption('');

    const plan = form('Write the care plan');
    await plan.waitFor({ timeout: 30_000 });
    await plan.getByLabel('Problem p1').fill('Repeated admissions for heart failure');
    await plan.getByLabel('Goal g1').fill('No admission for 90 days');
    const target = await plan.getByLabel('Target date').inputValue();
    await plan.getByLabel('Target date').fill(dateFromToday(-365));
    await plan.getByLabel('Intervention i1').fill('Weekly symptom check-in');
    await plan.getByRole('button', { name: 'Add a referral' }).click();
    await plan.getByLabel('Referral r1: specialty').fill('cardiology');
    await plan.getByLabel('Reason').fill('Medication titration');
    await plan.getByRole('button', { name: 'Propose plan' }).click();
    // The domain's plan rules come back as 400 naming plan.goals[0].targetDate: shown under that date.
    const dateField = plan.locator('.field--invalid');
    expect(await textMatching(dateField, /Target date/)).toMatch(/Target date.*(past|today|after)/i);
    await plan.getByLabel('Target date').fill(target);
    await plan.getByRole('button', { name: 'Propose plan' }).click();

    const consent = form('Record consent to the plan');
    await consent.waitFor({ timeout: 30_000 });
    await consent.getByLabel('Consent given', { exact: true }).check();
    await consent.getByLabel('The member took part in planning').check();
    await consent.getByRole('button', { name: 'Record consent' }).click();
    await textMatching(page.locator('#case-notice'), /^Saved\. The case is now in recovery support/);
  });

  it('shows the active care plan, its versions, the timeline and the documentation', async () => {
    await textMatching(page.locator('.phase-badges'), /Recovery support/);
    await textMatching(page.locator('.summary'), /version 1 active/);
    const planSection = page.getByRole('region', { name: 'Care plan' });
    await textMatching(planSection, /Active: version 1.*No admission for 90 days.*Weekly symptom check-in.*cardiology: Medication titration/s);
    await textMatching(planSection, /Version 1 \(active\) — proposed by cm-1/);
    await textMatching(page.getByRole('region', { name: 'Timeline' }), /Plan consented|consent/i);
    await form('Discuss the plan with the member').waitFor();

    const note = page.getByLabel('Another action');
    await note.selectOption({ label: 'Add a note or call record' });
    const noteForm = form('Add a note or call record');
    await noteForm.getByLabel('Text').fill('Discussed the plan by phone.');
    await noteForm.getByRole('button', { name: 'Add' }).click();
    await textMatching(page.getByRole('region', { name: 'Notes and call records' }), /Discussed the plan by phone\./);
    await page.getByLabel('Another action').selectOption('');
    await screenshot(page, 'case');

    const caseId = /case-ccm-[0-9a-f]{24}/.exec(page.url())![0];
    const stored = await eventually(() => stack.as(USERS.cm1).get(`/cases/${caseId}`), (r) => r.body.activePlanVersion === 1);
    expect(stored.body).toMatchObject({ phase: 'recovery_support', riskTier: 'high', activePlanVersion: 1 });
  });

  it('lists the case in the caseload, overdue first, sortable', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My caseload' }).click();
    await page.getByLabel('Assigned to').selectOption('all');
    const row = page.getByRole('row').filter({ hasText: memberRef });
    await textMatching(row, /CCM.*Recovery support.*high/s);
    await page.getByLabel('Sort by').selectOption('riskTier');
    await screenshot(page, 'caseload');
    expect(errors).toEqual([]);
  });
});

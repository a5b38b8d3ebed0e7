import type { Browser, Page } from 'playwright-core';
import type { MemberDuplicateFlag, MemberInput, MemberVersionView, MemberView } from '@careloop/contracts';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { launchChromium, openPage, screenshot, signIn, textMatching } from '../support/browser';
import { dateFromToday } from '../support/fixture-dates';
import { eventually } from '../support/eventually';

/**
 * The member pages in Chromium against the real stack: members registered
 * through the API, then found by name and birth date, read (whom to call and
 * how, the representative), edited with a phone the API refuses (the error
 * under that phone's input), saved (the version goes up), the history
 * showing the old value; a concurrent change answered 412 with a reload; and
 * "Start a case" prefilling the plan id without putting it in the URL.
 */
describe('console: member search, member page and editing (Chromium)', () => {
  let stack: E2eStack;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  // Letters only: a family name unique to this run (the registry is per-suite anyway).
  const tag = Date.now().toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
  const family = `Quintero${tag}`;
  const planId = `M-MEMBERS-${tag.toUpperCase()}`;
  let member: MemberView;

  const input: MemberInput = {
    identifiers: [{ kind: 'plan', value: planId }],
    name: { given: ['Ana', 'Lucia'], family, preferred: 'Lucy' },
    // Before 2000: not a clock-relevant date (test/support/fixture-dates.ts).
    birthDate: '1948-03-09',
    sex: 'female',
    phones: [{ use: 'mobile', number: '+13125550100', smsOk: true }],
    portal: false,
    contactPreferences: { method: 'sms', windows: [{ days: ['mon', 'wed'], from: '10:00', to: '12:00' }], timeZone: 'America/Chicago' },
    preferredLanguage: 'es',
    interpreterNeeded: true,
    representatives: [
      { name: 'Marco Quintero', relationship: 'guardian', authorities: ['consent_care_plan', 'contact_on_behalf'], validFrom: dateFromToday(-30), validUntil: null, phone: '+13125550111' },
    ],
    pcpProviderId: null,
    eligibility: [{ coverage: 'Medicaid', start: dateFromToday(-200), end: null }],
    enrollments: [{ programCode: 'CCM', start: dateFromToday(-10), end: null }],
  };

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startE2eStack('console_members', { CARELOOP_STAFF_FILE: 'config/staff.demo.json' });
    const created = await stack.as(USERS.cm1).post('/members').send(input);
    expect(created.status).toBe(201);
    member = created.body as MemberView;
    // Same birth date, another family: must not appear in the results.
    const other = await stack.as(USERS.cm1).post('/members').send({ ...input, identifiers: [{ kind: 'plan', value: `${planId}-2` }], name: { given: ['Rosa'], family: `Other${tag}` } });
    expect(other.status).toBe(201);
    ({ page, errors } = await openPage(browser));
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const form = (name: string) => page.getByRole('form', { name });

  it('finds the member by family name and birth date, with a clear empty state, without the terms in the URL', async () => {
    await signIn(page, stack.baseUrl, 'cm-1');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
    await page.getByRole('heading', { name: 'Members', level: 1 }).waitFor();
    const byName = form('Find by name and birth date');

    // 400: the API names the missing parameter; the console shows it under that input.
    await byName.getByLabel('Family name').fill(`Nobody${tag}`);
    await byName.getByRole('button', { name: 'Search' }).click();
    expect(await textMatching(byName.locator('.field--invalid'), /required/)).toMatch(/^Birth date.*birthDate is required to search by name/);
    expect(await byName.getByLabel('Birth date').getAttribute('aria-invalid')).toBe('true');

    await byName.getByLabel('Birth date').fill('1948-03-09');
    await byName.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'No member found' }).waitFor();

    await byName.getByLabel('Family name').fill(family);
    await byName.getByRole('button', { name: 'Search' }).click();
    const rows = page.getByRole('table').getByRole('row');
    await textMatching(rows.nth(1), new RegExp(`${family}, Ana Lucia \\(Lucy\\).*${planId}.*es`, 's'));
    expect(await rows.count()).toBe(2);
    expect(page.url()).toBe(`${stack.baseUrl}/app/members`);
    await screenshot(page, 'member-search');

    await rows.nth(1).getByRole('link').click();
    await page.waitForURL(new RegExp(`/app/members/${member.id}$`));
    expect(page.url()).not.toContain(family);
  });

  it('shows whom to call and how, and the authorised representative', async () => {
    const contact = page.getByRole('region', { name: 'Whom to call and how' });
    await textMatching(contact, /Preferred method\s*Text message \(SMS\)/);
    await textMatching(contact, /es · interpreter needed/);
    await textMatching(contact, /Mon, Wed 10:00–12:00.*America\/Chicago/s);
    await textMatching(contact, /\+13125550100 \(mobile, text messages OK\)/);
    const reps = page.getByRole('region', { name: 'Authorised representatives' });
    await textMatching(reps, /Marco Quintero\s*Guardian\s*Consent care plan, Contact on behalf/);
    await textMatching(page.getByRole('region', { name: 'Eligibility and enrollment' }), /Medicaid.*CCM/s);
    await textMatching(page.getByRole('region', { name: 'Version history' }), /Version 1 .*registered/);
    await screenshot(page, 'member');
  });

  it('edits a phone: the refused number is marked at its input, the fixed one is saved as version 2', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    const edit = form('Edit the member record');
    await edit.waitFor();
    await edit.getByLabel('Phone 1: number').fill('not a phone');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await textMatching(edit.getByRole('alert'), /Please correct the fields marked below/);
    expect(await textMatching(edit.locator('.field--invalid'), /E\.164/)).toMatch(/^Phone 1: number/);
    expect(await edit.getByLabel('Phone 1: number').getAttribute('aria-invalid')).toBe('true');
    expect(await edit.locator('.field--invalid').count()).toBe(1);
    await screenshot(page, 'member-form');

    await edit.getByLabel('Phone 1: number').fill('+13125550199');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await page.waitForURL(new RegExp(`/app/members/${member.id}$`));
    await textMatching(page.locator('#member-notice'), /^Saved: version 2\.$/);
    await textMatching(page.getByRole('region', { name: 'Whom to call and how' }), /\+13125550199/);

    const stored = await stack.as(USERS.cm1).get(`/members/${member.id}`);
    expect(stored.headers.etag).toBe('"2"');
    expect((stored.body as MemberView).phones[0]!.number).toBe('+13125550199');
  });

  it('shows the change in the version history, with the old value', async () => {
    const history = page.getByRole('region', { name: 'Version history' });
    const v2 = history.locator('details').filter({ hasText: 'Version 2' });
    await textMatching(v2.locator('summary'), /Version 2 · .* · by cm-1 · changed phones$/);
    await v2.locator('summary').click();
    await textMatching(v2, /Phones before.*\+13125550100.*after.*\+13125550199/s);
    const versions = await stack.as(USERS.cm1).get(`/members/${member.id}/versions`);
    expect((versions.body as MemberVersionView[]).map((v) => v.version).sort()).toEqual([1, 2]);
  });

  it('says when someone else changed the record meanwhile (412) and reloads it', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    const edit = form('Edit the member record');
    await edit.waitFor();
    const current = (await stack.as(USERS.cm1).get(`/members/${member.id}`)).body as MemberView;
    const record: Record<string, unknown> = { ...current };
    for (const k of ['id', 'version', 'createdAt', 'updatedAt', 'openDuplicateFlags']) {
      delete record[k];
    }
    const meanwhile = await stack.as(USERS.cm1).put(`/members/${member.id}`).set('if-match', '"2"').send({ ...record, email: 'ana@example.org' });
    expect(meanwhile.status).toBe(200);

    await edit.getByLabel('Preferred name (optional)').fill('Ani');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await textMatching(edit.getByRole('alert'), /Someone else changed this member since you opened it/);
    await edit.getByRole('button', { name: 'Reload the latest version' }).click();
    const email = form('Edit the member record').getByLabel('Email (optional)', { exact: true });
    expect(await eventually(() => email.inputValue(), (v) => v !== '')).toBe('ana@example.org');
    expect(await form('Edit the member record').getByLabel('Preferred name (optional)', { exact: true }).inputValue()).toBe('Lucy');
  });

  it('shows an open duplicate flag and resolves it', async () => {
    const twin = await stack.as(USERS.cm1).post('/members').send({ ...input, identifiers: [{ kind: 'plan', value: `${planId}-3` }] });
    expect(twin.status).toBe(201);
    const flagged = await eventually(() => stack.as(USERS.cm1).get(`/members/${member.id}`), (r) => (r.body as MemberView).openDuplicateFlags.length === 1);
    const flagId = (flagged.body as MemberView).openDuplicateFlags[0]!;
    await page.getByRole('link', { name: 'Back to the member page' }).click();
    const flags = page.getByRole('region', { name: /Possible duplicates/ });
    await textMatching(flags, new RegExp(`Same name and birth date: ${(twin.body as MemberView).id}`));
    const resolve = form(`Resolve flag ${flagId}`);
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await textMatching(resolve.locator('.field--invalid'), /resolution must be one of/);
    await resolve.getByLabel('Resolution').selectOption('distinct_people');
    await resolve.getByRole('button', { name: 'Resolve' }).click();
    await flags.waitFor({ state: 'detached' });
    const after = await stack.as(USERS.cm1).get('/member-duplicates?status=all');
    expect((after.body as MemberDuplicateFlag[]).find((f) => f.id === flagId)).toMatchObject({ resolution: 'distinct_people', resolvedBy: 'cm-1' });
  });

  it('starts a case with the plan id prefilled, never in the URL', async () => {
    await page.getByRole('link', { name: 'Edit' }).click();
    await page.getByRole('link', { name: 'Back to the member page' }).click();
    await page.getByRole('button', { name: 'Start a case' }).click();
    await page.waitForURL(/\/app\/cases\/new$/);
    expect(await page.getByLabel('Member reference').inputValue()).toBe(planId);
    await page.getByRole('button', { name: 'Start case' }).click();
    await page.waitForURL(/\/app\/cases\/case-ccm-[0-9a-f]{24}$/);
    expect(page.url()).not.toContain(planId);
    await page.goBack();
    await page.goBack();
    await page.getByRole('heading', { name: new RegExp(family) }).waitFor();
    const cases = page.getByRole('region', { name: 'Cases' });
    await textMatching(cases, /case-ccm-[0-9a-f]{24}.*CCM/s);
    expect(errors).toEqual([]);
  });
});

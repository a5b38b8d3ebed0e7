import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { startE2eStack, type E2eStack } from '../support/e2e-stack';
import { USERS } from '../support/auth';
import { launchChromium, openPage, screenshotDir, signIn, textMatching } from '../support/browser';
import { eventually } from '../support/eventually';
import { dateFromToday } from '../support/fixture-dates';
import { sampleJson } from '../support/integration-samples';
import { MEASURE_SNAPSHOT_WORKFLOW, type MeasureSnapshotInput, type MeasureSnapshotResult } from '@careloop/contracts';

const DAY_MS = 86_400_000;
const MEASURE = 'toc_contact_2_business_days';
const TITLE = 'Member contacted within 2 business days of discharge';

/**
 * Reports in Chromium against the real stack (issue 18; docs/console.md, docs/reporting.md): two
 * discharges ten days ago, one member contact recorded on time and one late, and the nightly
 * snapshot taken for the day the contacts were due. A supervisor sees the measure at 50% (1 of 2)
 * below its target, its trend as a chart and as a table with the same numbers, and the two
 * discharges behind it (from a click on the month's bar); the committee sees the cells suppressed
 * and no way to the members.
 */
/** Runs the nightly snapshot workflow for one UTC day on the stack's worker, as the Schedule does after midnight. */
async function takeMeasureSnapshot(stack: E2eStack, day: string): Promise<MeasureSnapshotResult> {
  const input: MeasureSnapshotInput = { day };
  return stack.temporal.workflow.execute(MEASURE_SNAPSHOT_WORKFLOW, { taskQueue: stack.taskQueue, workflowId: `console-reports-snapshot-${day}-${Date.now()}`, args: [input] });
}

describe('console: Reports — measures against target, trends, members; the committee aggregates only (Chromium)', () => {
  let stack: E2eStack;
  let browser: Browser;
  let errors: string[] = [];
  const dischargeIds: string[] = [];
  let dueAt = '';
  const from = dateFromToday(-20);
  const to = dateFromToday(0);

  beforeAll(async () => {
    browser = await launchChromium();
    stack = await startE2eStack('console_reports', { CARELOOP_STAFF_FILE: 'config/staff.demo.json' });
    // Both discharged at the same instant: the same due for the member contact.
    const dischargedAtMs = Date.now() - 10 * DAY_MS;
    for (const [i, memberRef] of ['M-REPORTS-ONTIME', 'M-REPORTS-LATE'].entries()) {
      await stack.registerMember(memberRef);
      // cm-1 enrols the member, so the case is team north's (sup-1 reports on their own team); the discharge lands on it.
      await stack.as(USERS.cm1).post('/cases').send({ memberRef, programCode: 'CCM', enrollmentDate: dateFromToday(0) }).expect(201);
      const event = { ...sampleJson<Record<string, unknown>>('discharge.json', dischargedAtMs), eventId: `console-reports-${i}`, memberRef };
      const sent = await stack.asIntegration().post('/integrations/discharge-events').set('content-type', 'application/json').send(event).expect(201);
      dischargeIds.push(sent.body.id as string);
    }
    const views = await Promise.all(
      dischargeIds.map((id) =>
        eventually(
          () => stack.as(USERS.cm1).get(`/discharges/${id}`),
          (r) => r.body.tasks?.find((t: { task: string }) => t.task === 'member_contact')?.status === 'escalated',
        ),
      ),
    );
    const contact = (v: (typeof views)[number]) => v.body.tasks.find((t: { task: string }) => t.task === 'member_contact') as { dueAt: string };
    dueAt = contact(views[0]!).dueAt;
    expect(contact(views[1]!).dueAt).toBe(dueAt);
    // One contact made an hour after the discharge (on time), one now (days late).
    const onTime = new Date(Date.parse(views[0]!.body.dischargedAt as string) + 3_600_000).toISOString();
    await stack.as(USERS.cm1).post(`/discharges/${dischargeIds[0]}/tasks/member_contact`).send({ completedAt: onTime }).expect(200);
    await stack.as(USERS.cm1).post(`/discharges/${dischargeIds[1]}/tasks/member_contact`).send({}).expect(200);
    // The completions reach the read model the reports read.
    const measureOf = (r: { body: { measures?: { measureId: string }[] } }) => r.body.measures?.find((m) => m.measureId === MEASURE);
    const report = await eventually(
      () => stack.as(USERS.sup1).get(`/reports/measures?from=${from}&to=${to}`),
      (r) => r.status === 200 && (measureOf(r) as { numerator?: number } | undefined)?.numerator === 1,
    );
    expect({ status: report.status, filter: report.body.filter }).toEqual({ status: 200, filter: { programCode: null, teamId: 'north' } });
    expect(measureOf(report)).toMatchObject({ numerator: 1, denominator: 2, value: 0.5, meetsTarget: false, suppressed: false });
    // The nightly snapshot of the due day, as the schedule would take it after midnight.
    // (A day is the half-open (00:00, 24:00] UTC, so the day holding the due instant is that of the millisecond before it.)
    const dueDay = new Date(Date.parse(dueAt) - 1).toISOString().slice(0, 10);
    expect((await takeMeasureSnapshot(stack, dueDay)).day).toBe(dueDay);
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

  /** How the console names a month (report.format.ts monthText), in the page's locale. */
  const monthShown = (page: Page, iso: string) => page.evaluate((t) => new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(Date.parse(t) - 1)), iso);

  async function showRange(page: Page): Promise<Locator> {
    await page.getByRole('heading', { name: 'Reports', level: 1 }).waitFor();
    const form = page.getByRole('form', { name: 'Report period and filters' });
    await form.getByLabel('From – to').check();
    await form.getByLabel('From', { exact: true }).fill(from);
    await form.getByLabel('To', { exact: true }).fill(to);
    await form.getByRole('button', { name: 'Show' }).click();
    const card = page.locator(`[data-measure="${MEASURE}"]`);
    await card.getByRole('heading', { name: TITLE }).waitFor();
    return card;
  }

  it("shows a supervisor the measure against its target, its trend as a chart and a table, and the members behind a month's bar", async () => {
    const page = await pageAs('sup-1');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Reports' }).click();
    const card = await showRange(page);
    expect(await textMatching(page.getByRole('status').first(), /team north/)).toContain('program all · team north');
    expect(await textMatching(card.locator('.measure-now'), /50%/)).toMatch(/^50%Below targettarget ≥ 90%$/);
    expect(await card.locator('.measure-counts').textContent()).toBe('Numerator1Denominator2');

    // The chart (an SVG with one bar, the due month's, and the target line) and its table with the same numbers. The
    // snapshot of the due day holds both contacts as due and neither as done: both were entered today, after that
    // day had closed, and a closed day is never changed by later entries (docs/reporting.md) — the live report above,
    // for days up to today, counts the on-time one.
    const chart = card.locator(`[data-measure-chart="${MEASURE}"]`);
    await chart.locator('svg .recharts-bar-rectangle path').first().waitFor();
    expect(await chart.locator('svg .recharts-bar-rectangle path').count()).toBe(1);
    expect(await chart.locator('svg .recharts-reference-line').count()).toBe(1);
    const month = await monthShown(page, dueAt);
    const row = card.locator('table.trend-table tr').filter({ has: page.getByRole('rowheader', { name: month }) });
    expect((await row.locator('td').allTextContents()).slice(0, 3)).toEqual(['0', '2', '0%']);
    expect(await card.locator('table.trend-table tbody tr').count()).toBe(1);
    await card.scrollIntoViewIfNeeded();

    // "Members" for the report's period: both discharges, the late contact not met (done today, after its due).
    const members = card.getByRole('region', { name: new RegExp(`^Members: ${TITLE}`) });
    await card.getByRole('button', { name: `Members: ${TITLE}` }).click();
    const late = members.locator(`[data-member-row="${dischargeIds[1]}"]`);
    expect(await textMatching(late, /Not met/)).toMatch(/Not met.*member_contact done after its due/);
    expect(await members.locator(`[data-member-row="${dischargeIds[0]}"]`).textContent()).toMatch(/Met.*member_contact done by its due/);
    expect(await members.getByRole('status').textContent()).toBe('2 discharges');
    expect(await late.getByRole('link', { name: dischargeIds[1] }).getAttribute('href')).toBe(`/app/discharges/${dischargeIds[1]}`);
    expect(await late.getByRole('link', { name: /^case-/ }).getAttribute('href')).toMatch(/^\/app\/cases\/case-/);
    await page.getByRole('region', { name: 'Transitions of care' }).screenshot({ path: join(screenshotDir(), 'reports.png') });

    // A click on the month's bar opens that month's members. A month reads nothing after its end, so the late
    // contact, made today, counts as done only when the due fell in this month.
    const dueMonth = new Date(Date.parse(dueAt) - 1).toISOString().slice(0, 7);
    await chart.locator('svg .recharts-bar-rectangle path').first().click();
    const csvLink = members.getByRole('link', { name: 'Download CSV' });
    await eventually(() => csvLink.getAttribute('href'), (href) => href?.includes(`period=${dueMonth}`) ?? false, 10_000);
    const lateInMonth = dueMonth === new Date().toISOString().slice(0, 7) ? /Not met.*member_contact done after its due/ : /Not met.*member_contact not done/;
    expect(await textMatching(late, lateInMonth)).toMatch(lateInMonth);
    expect(await members.getByRole('status').textContent()).toBe('2 discharges');

    // The CSV downloads are the API's own (format=csv), for the report and the drill-down.
    expect(await csvLink.getAttribute('href')).toBe(`/reports/measures/${MEASURE}/members?period=${dueMonth}&format=csv`);
    const reportCsv = await page.getByRole('form', { name: 'Report period and filters' }).getByRole('link', { name: 'Download CSV' }).getAttribute('href');
    expect(reportCsv).toBe(`/reports/measures?from=${from}&to=${to}&format=csv`);
    // …and they download with the session cookie, as the links do.
    const fetched = (href: string) => page.evaluate(async (h) => { const r = await fetch(h); return `${r.headers.get('content-type')}\n${await r.text()}`; }, href);
    const membersCsv = await fetched(`/reports/measures/${MEASURE}/members?period=${dueMonth}&format=csv`);
    expect(membersCsv).toMatch(/^text\/csv/);
    expect(membersCsv).toContain(dischargeIds[0]);
    expect(membersCsv).toContain(dischargeIds[1]);
    expect(await fetched(reportCsv!)).toContain(MEASURE);

    // A program on top of the supervisor's team: the measures, but no trend (snapshots are per program or per team).
    const form = page.getByRole('form', { name: 'Report period and filters' });
    await form.getByLabel('Program').fill('CCM');
    await form.getByRole('button', { name: 'Show' }).click();
    await page.getByText('Trends are kept per program or per team, not both: clear the program to see them.').waitFor();
    expect(await textMatching(page.getByRole('status').first(), /program CCM/)).toContain('program CCM · team north');
    expect(await textMatching(card.locator('.measure-now'), /50%/)).toMatch(/^50%/);
    expect(await page.locator('[data-measure-chart]').count()).toBe(0);
  });

  it('shows the committee the same measure suppressed, and no members anywhere', async () => {
    const page = await pageAs('committee-1');
    // The committee lands on Reports; it is all their navigation holds.
    expect(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').allTextContents()).toEqual(['Reports']);
    const card = await showRange(page);
    expect(await textMatching(card.locator('.measure-now'), /suppressed/)).toMatch(/^suppressed \(fewer than 11\)target ≥ 90%$/);
    expect(await card.locator('.measure-counts').count()).toBe(0);
    await card.locator(`[data-measure-chart="${MEASURE}"] svg`).waitFor();
    const month = await monthShown(page, dueAt);
    const row = card.locator('table.trend-table tr').filter({ has: page.getByRole('rowheader', { name: month }) });
    expect(await row.locator('td').allTextContents()).toEqual(['suppressed (fewer than 11)']);
    expect(await page.getByRole('button', { name: /^Members/ }).count()).toBe(0);
    expect(await page.getByRole('columnheader', { name: 'Members' }).count()).toBe(0);
  });
});

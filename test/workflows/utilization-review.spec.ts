import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  SA_FLAGS,
  SA_NEXT_DUE_AT,
  SA_NEXT_DUE_KIND,
  UTILIZATION_REVIEW_WORKFLOW_TYPE,
  appealReviewUpdate,
  caseDetailQuery,
  CASE_WORKFLOW_TYPE,
  decideReviewUpdate,
  supplyInformationUpdate,
  utilizationReviewQuery,
} from '@careloop/contracts';
import { DAY_MS } from '@careloop/domain';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { expectRefused } from '../support/case-workflow-harness';
import { reviewWorkflowHarness } from '../support/review-workflow-harness';
import { clinicalNotes, treatmentRequest, urInput } from '../support/review-fixtures';
import { caseInput } from '../support/case-fixtures';

const HOUR_MS = 3_600_000;
const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
/** Timers fire a few milliseconds after their time on the test server: compare times to the second. */
const near = (iso: string | null | undefined, expected: string) => expect(Math.abs(Date.parse(iso ?? '') - Date.parse(expected))).toBeLessThan(1000);

/** Utilization review (seed 004) on the time-skipping server: every deadline of the policy, with the seed defaults. */
describe('utilization review workflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, skip, settled } = reviewWorkflowHarness(() => env, 'ur');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('decides a standard request within 7 calendar days: warned a day before, escalated when missed, late decision recorded as such', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(UTILIZATION_REVIEW_WORKFLOW_TYPE, 'ur-standard', urInput('standard'));
      const received = await handle.query(utilizationReviewQuery);
      expect(received).toMatchObject({ status: 'in_review', clockStopped: false, decisionDueAt: at(received.receivedAt, 7 * DAY_MS) });
      let attrs = (await handle.describe()).typedSearchAttributes;
      // What supervisors see: a UR decision due by the near-deadline warning (one day before the deadline).
      expect(attrs.get(SA_NEXT_DUE_KIND)).toBe('ur_decision');
      expect(attrs.get(SA_NEXT_DUE_AT)?.toISOString()).toBe(at(received.receivedAt, 6 * DAY_MS));

      await skip(handle, 6 * DAY_MS - HOUR_MS);
      expect(stores.delivered.filter((n) => n.audience === 'supervisor')).toEqual([]);
      await skip(handle, 2 * HOUR_MS);
      const warned = await handle.query(utilizationReviewQuery);
      near(warned.escalatedAt.near, at(received.receivedAt, 6 * DAY_MS));
      expect(warned.escalatedAt.missed).toBeNull();
      expect(stores.delivered.filter((n) => n.audience === 'supervisor').map((n) => n.template)).toEqual(['ur_decision_deadline_near']);
      expect((await handle.describe()).typedSearchAttributes.get(SA_FLAGS)).toEqual(['ur_deadline_near']);

      await skip(handle, DAY_MS);
      const missed = await handle.query(utilizationReviewQuery);
      near(missed.escalatedAt.missed, missed.decisionDueAt!);
      expect(stores.delivered.filter((n) => n.audience === 'supervisor').map((n) => n.template)).toEqual(['ur_decision_deadline_near', 'ur_decision_overdue']);
      attrs = (await handle.describe()).typedSearchAttributes;
      expect(attrs.get(SA_FLAGS)).toEqual(['ur_deadline_near', 'ur_deadline_missed']);

      await expectRefused(handle.executeUpdate(decideReviewUpdate, { args: [{ actorId: 'rev-1', decision: { kind: 'denied', reason: ' ' } }] }), /must give its reason/);
      await handle.executeUpdate(decideReviewUpdate, { args: [{ actorId: 'rev-1', decision: { kind: 'denied', reason: 'Not medically necessary per criteria PT-3' } }] });
      const decided = await handle.query(utilizationReviewQuery);
      expect(decided).toMatchObject({ status: 'decided', decisions: [{ level: 'initial', reviewerId: 'rev-1', onTime: false, decision: { kind: 'denied' } }] });
      await settled(handle);
      const notices = stores.delivered.filter((n) => n.template === 'ur_decision_notice');
      expect(notices.map((n) => [n.audience, n.key])).toEqual([
        ['provider', `${handle.workflowId}:decision-initial-provider:provider`],
        ['member', `${handle.workflowId}:decision-initial-member:member`],
      ]);
      expect(notices[0]!.params).toMatchObject({ decision: 'denied', approvedQuantity: 0, appealableUntil: decided.appealableUntil });
      // The stored record follows every change, newest version last; no justification in the view.
      const saved = stores.reviews.get(handle.workflowId)!;
      expect(saved.at(-1)!.view.status).toBe('decided');
      expect(JSON.stringify(saved.at(-1)!.view)).not.toContain('low back pain');
    });
  });

  it('reopens review on appeal with the appeal deadline from policy, decided by another reviewer', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(UTILIZATION_REVIEW_WORKFLOW_TYPE, 'ur-appeal', urInput('standard'));
      await handle.executeUpdate(decideReviewUpdate, {
        args: [{ actorId: 'rev-1', decision: { kind: 'partially_approved', reason: 'Six sessions first', approvedQuantity: 6, approvedDescription: '6 sessions' } }],
      });
      await skip(handle, 10 * DAY_MS);
      const appealed = await handle.executeUpdate(appealReviewUpdate, { args: [{ actorId: 'prov-9', reason: 'Progress documented', documents: [{ ...clinicalNotes, id: 'doc-2' }] }] });
      const view = await handle.query(utilizationReviewQuery);
      expect(appealed.status).toBe('appeal_review');
      // Standard appeals: 30 days from the appeal's receipt, escalations counted afresh.
      near(view.decisionDueAt, at(view.decisions[0]!.decidedAt, 40 * DAY_MS));
      expect(view).toMatchObject({ escalatedAt: { near: null, missed: null }, documentCount: 2, appealableUntil: null });
      await expectRefused(handle.executeUpdate(decideReviewUpdate, { args: [{ actorId: 'rev-1', decision: { kind: 'approved' } }] }), /someone other than the reviewer/);
      await handle.executeUpdate(decideReviewUpdate, { args: [{ actorId: 'rev-2', decision: { kind: 'approved' } }] });
      const final = (await handle.result()) as { status: string; decisions: { level: string; onTime: boolean }[] };
      expect(final.status).toBe('closed');
      expect(final.decisions.map((d) => [d.level, d.onTime])).toEqual([
        ['initial', true],
        ['appeal', true],
      ]);
      expect(stores.delivered.filter((n) => n.template === 'ur_decision_notice').map((n) => n.key.split(':')[1])).toEqual([
        'decision-initial-provider',
        'decision-initial-member',
        'decision-appeal-provider',
        'decision-appeal-member',
      ]);
    });
  });

  it('decides an expedited request within 72 hours, and shows it on the member case', async () => {
    await run(async ({ start, stores }) => {
      const today = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      const caseHandle = await start(CASE_WORKFLOW_TYPE, 'case-ccm-ur', caseInput(today));
      const handle = await start(UTILIZATION_REVIEW_WORKFLOW_TYPE, 'ur-expedited', urInput('expedited', treatmentRequest(), caseHandle.workflowId));
      const view = await handle.query(utilizationReviewQuery);
      expect(Date.parse(view.decisionDueAt!) - Date.parse(view.receivedAt)).toBe(72 * HOUR_MS);
      // Warned 12 hours before the deadline.
      expect((await handle.describe()).typedSearchAttributes.get(SA_NEXT_DUE_AT)?.toISOString()).toBe(at(view.receivedAt, 60 * HOUR_MS));
      await skip(handle, 59 * HOUR_MS);
      await handle.executeUpdate(decideReviewUpdate, { args: [{ actorId: 'rev-1', decision: { kind: 'approved' } }] });
      // An approval cannot be appealed: the review ends with its notices.
      const final = (await handle.result()) as { status: string; decisions: { onTime: boolean }[] };
      expect(final).toMatchObject({ status: 'closed', decisions: [{ onTime: true }] });
      expect(stores.delivered.filter((n) => n.audience === 'supervisor')).toEqual([]);
      await settled(caseHandle);
      const timeline = (await caseHandle.query(caseDetailQuery)).recentTimeline.filter((e) => e.kind === 'external_event_recorded');
      expect(timeline.map((e) => e.summary)).toEqual([
        `utilization_review: utilization review ${handle.workflowId} (expedited) requested`,
        `utilization_review: utilization review ${handle.workflowId}: initial decision approved`,
      ]);
    });
  });

  it('pends an incomplete request with the clock stopped, and restarts it with the time left when the information arrives', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(UTILIZATION_REVIEW_WORKFLOW_TYPE, 'ur-pend', urInput('standard', treatmentRequest({ diagnosisCodes: [], documents: [] })));
      const pended = await handle.query(utilizationReviewQuery);
      expect(pended).toMatchObject({ status: 'pended', clockStopped: true, decisionDueAt: null, remainingMs: 7 * DAY_MS });
      expect(pended.pend).toEqual({ missing: ['diagnosis_codes', 'clinical_documentation'], requestedAt: pended.receivedAt, dueAt: at(pended.receivedAt, 14 * DAY_MS) });
      expect(stores.delivered.find((n) => n.template === 'ur_information_requested')?.params).toMatchObject({ missing: 'diagnosis_codes,clinical_documentation' });
      await expectRefused(handle.executeUpdate(decideReviewUpdate, { args: [{ actorId: 'rev-1', decision: { kind: 'approved' } }] }), /while the review is pended/);

      await skip(handle, 3 * DAY_MS);
      expect((await handle.query(utilizationReviewQuery)).remainingMs).toBe(7 * DAY_MS);
      await handle.executeUpdate(supplyInformationUpdate, { args: [{ actorId: 'prov-9', diagnosisCodes: ['M54.5'] }] });
      expect((await handle.query(utilizationReviewQuery)).pend?.missing).toEqual(['clinical_documentation']);
      const resumed = await handle.executeUpdate(supplyInformationUpdate, { args: [{ actorId: 'prov-9', documents: [clinicalNotes] }] });
      // Three days pended did not count: the full seven days run from the answer.
      expect(resumed.status).toBe('in_review');
      near(resumed.decisionDueAt, at(pended.receivedAt, 10 * DAY_MS));
    });
  });

  it('reviews a pended request on the information at hand when the provider window ends, and closes an unappealed denial', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(UTILIZATION_REVIEW_WORKFLOW_TYPE, 'ur-pend-expiry', urInput('expedited', treatmentRequest({ documents: [] })));
      const pended = await handle.query(utilizationReviewQuery);
      await skip(handle, 14 * DAY_MS + 1000);
      const view = await handle.query(utilizationReviewQuery);
      expect(view).toMatchObject({ status: 'in_review', clockStopped: false, pend: null });
      near(view.decisionDueAt, at(pended.receivedAt, 14 * DAY_MS + 72 * HOUR_MS));
      expect(stores.delivered.map((n) => n.template)).toContain('ur_information_window_closed');
      await handle.executeUpdate(decideReviewUpdate, { args: [{ actorId: 'rev-1', decision: { kind: 'denied', reason: 'No documentation of the condition' } }] });
      await skip(handle, 181 * DAY_MS);
      expect(((await handle.result()) as { status: string }).status).toBe('closed');
    });
  });
});

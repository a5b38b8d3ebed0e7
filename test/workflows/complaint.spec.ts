import type { TestWorkflowEnvironment } from '@temporalio/testing';
import {
  COMPLAINT_WORKFLOW_TYPE,
  SA_FLAGS,
  SA_NEXT_DUE_AT,
  SA_NEXT_DUE_KIND,
  acknowledgeComplaintUpdate,
  caseDetailQuery,
  CASE_WORKFLOW_TYPE,
  complaintQuery,
  resolveComplaintUpdate,
} from '@careloop/contracts';
import { DAY_MS } from '@careloop/domain';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { expectRefused } from '../support/case-workflow-harness';
import { reviewWorkflowHarness } from '../support/review-workflow-harness';
import { complaintInput } from '../support/review-fixtures';
import { caseInput } from '../support/case-fixtures';

const at = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();
const near = (iso: string | null | undefined, expected: string) => expect(Math.abs(Date.parse(iso ?? '') - Date.parse(expected))).toBeLessThan(1000);

/** Complaints (seed 000) on the time-skipping server: the acknowledgement window and the resolution due date, each escalated when missed. */
describe('complaint workflow (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  const { run, skip } = reviewWorkflowHarness(() => env, 'complaint');

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
  });

  afterAll(async () => {
    await env?.teardown();
  });

  it('sends the receipt with the process at once, escalates a missed acknowledgement (5 days) and a missed resolution (30 days)', async () => {
    await run(async ({ start, stores }) => {
      const handle = await start(COMPLAINT_WORKFLOW_TYPE, 'complaint-late', complaintInput({ complainant: { kind: 'member', id: 'M-C-1' }, channel: 'written' }));
      const view = await handle.query(complaintQuery);
      expect(view).toMatchObject({ status: 'received', acknowledgeBy: at(view.receivedAt, 5 * DAY_MS), resolveBy: at(view.receivedAt, 30 * DAY_MS) });
      expect(stores.delivered.map((n) => [n.audience, n.channel, n.template])).toEqual([['member', 'letter', 'complaint_received']]);
      expect(stores.delivered[0]!.params).toMatchObject({ instructions: 'complaint-process', acknowledgeBy: view.acknowledgeBy });
      let attrs = (await handle.describe()).typedSearchAttributes;
      expect(attrs.get(SA_NEXT_DUE_KIND)).toBe('complaint_acknowledgement');
      expect(attrs.get(SA_NEXT_DUE_AT)?.toISOString()).toBe(view.acknowledgeBy);

      await skip(handle, 5 * DAY_MS - 60_000);
      expect(stores.delivered.filter((n) => n.audience === 'supervisor')).toEqual([]);
      await skip(handle, 120_000);
      near((await handle.query(complaintQuery)).escalatedAt.acknowledgement, view.acknowledgeBy);
      expect(stores.delivered.filter((n) => n.audience === 'supervisor').map((n) => n.template)).toEqual(['complaint_acknowledgement_overdue']);

      await handle.executeUpdate(acknowledgeComplaintUpdate, { args: [{ actorId: 'staff-1' }] });
      await expectRefused(handle.executeUpdate(acknowledgeComplaintUpdate, { args: [{ actorId: 'staff-2' }] }), /already acknowledged/);
      attrs = (await handle.describe()).typedSearchAttributes;
      expect(attrs.get(SA_NEXT_DUE_KIND)).toBe('complaint_resolution');
      expect(attrs.get(SA_NEXT_DUE_AT)?.toISOString()).toBe(view.resolveBy);

      await skip(handle, 25 * DAY_MS);
      near((await handle.query(complaintQuery)).escalatedAt.resolution, view.resolveBy);
      expect(stores.delivered.filter((n) => n.audience === 'supervisor').map((n) => n.template)).toEqual(['complaint_acknowledgement_overdue', 'complaint_resolution_overdue']);
      expect((await handle.describe()).typedSearchAttributes.get(SA_FLAGS)).toEqual(['complaint_acknowledgement_overdue', 'complaint_resolution_overdue']);

      await handle.executeUpdate(resolveComplaintUpdate, { args: [{ actorId: 'staff-1', outcome: 'upheld', resolution: 'Process changed.' }] });
      const final = (await handle.result()) as { status: string; outcome: string; acknowledgedBy: string };
      expect(final).toMatchObject({ status: 'resolved', outcome: 'upheld', acknowledgedBy: 'staff-1' });
      const saved = stores.complaints.get(handle.workflowId)!.at(-1)!;
      expect(saved).toMatchObject({ resolution: 'Process changed.', view: { status: 'resolved' } });
      expect(JSON.stringify(saved.view)).not.toContain('Could not reach');
    });
  });

  it('resolved in time: no escalation, acknowledged by the resolver, shown on the case timeline', async () => {
    await run(async ({ start, stores }) => {
      const today = new Date(await env.currentTimeMs()).toISOString().slice(0, 10);
      const caseHandle = await start(CASE_WORKFLOW_TYPE, 'case-ccm-complaint', caseInput(today));
      const handle = await start(COMPLAINT_WORKFLOW_TYPE, 'complaint-fast', complaintInput({ subject: 'case', caseId: caseHandle.workflowId }));
      await skip(handle, 2 * DAY_MS);
      await handle.executeUpdate(resolveComplaintUpdate, { args: [{ actorId: 'staff-3', outcome: 'not_upheld', resolution: 'Explained the contact schedule.' }] });
      const final = (await handle.result()) as { acknowledgedBy: string; escalatedAt: object };
      expect(final).toMatchObject({ acknowledgedBy: 'staff-3', escalatedAt: { acknowledgement: null, resolution: null } });
      expect(stores.delivered.map((n) => n.template)).toEqual(['complaint_received', 'complaint_resolved']);
      expect(stores.delivered.every((n) => n.audience === 'provider' && n.channel === 'portal')).toBe(true);
      const timeline = (await caseHandle.query(caseDetailQuery)).recentTimeline.filter((e) => e.kind === 'external_event_recorded');
      expect(timeline.map((e) => e.summary)).toEqual([
        `complaints: complaint ${handle.workflowId} received (verbal, from provider)`,
        `complaints: complaint ${handle.workflowId} resolved: not_upheld`,
      ]);
    });
  });
});

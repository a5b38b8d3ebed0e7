import { ServiceError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { CASE_RULE_VIOLATION, DISCHARGE_RULE_VIOLATION, recordContactUpdate } from '@careloop/contracts';
import type { TemporalClientService } from '@careloop/temporal';
import { ApiError } from '../../../apps/api/src/common/api-error';
import { TemporalGateway } from '../../../apps/api/src/temporal/temporal.gateway';
import { GRPC_STATUS } from '../../../apps/api/src/temporal/temporal-errors';
import { CASE, COMPLAINT, DISCHARGE, UTILIZATION_REVIEW } from '../../../apps/api/src/temporal/workflow-kinds';

/** A gRPC error as the client library hands it over (code, details, metadata). */
function grpcError(code: number, details: string): Error {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: {} });
}

/**
 * The gateway over a fake client: `update` is what executeUpdate throws (or
 * answers), `exists` whether describe finds the execution.
 */
function gateway(opts: { update?: unknown; exists?: boolean; start?: unknown } = {}) {
  const calls: { updateId?: string; start?: Record<string, unknown> } = {};
  const handle = {
    executeUpdate: async (_def: unknown, o: { updateId: string }) => {
      calls.updateId = o.updateId;
      if (opts.update instanceof Error) throw opts.update;
      return opts.update ?? { ok: true };
    },
    describe: async () => {
      if (!opts.exists) throw new WorkflowNotFoundError('not found', 'wf-1', undefined);
      return { status: { name: 'COMPLETED' } };
    },
  };
  const temporal = {
    config: { taskQueue: 'careloop-q' },
    client: {
      workflow: {
        getHandle: () => handle,
        start: async (_type: string, options: Record<string, unknown>) => {
          calls.start = options;
          if (opts.start instanceof Error) throw opts.start;
        },
      },
    },
  } as unknown as TemporalClientService;
  return { gateway: new TemporalGateway(temporal), calls };
}

async function refusal(p: Promise<unknown>): Promise<ApiError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(err)}`);
  return err;
}

const run = (g: TemporalGateway, kind = CASE, key?: string) => g.runUpdate(kind, 'wf-1', recordContactUpdate, { channel: 'phone', outcome: 'completed', actorId: 'cm-1' }, key);

describe('TemporalGateway', () => {
  it('runs the update under <update name>:<Idempotency-Key>, and under a fresh id without one', async () => {
    const { gateway: g, calls } = gateway();
    expect(await run(g, CASE, 'k-1')).toEqual({ ok: true });
    expect(calls.updateId).toBe('recordContact:k-1');
    await run(g);
    expect(calls.updateId).toMatch(/^recordContact:[0-9a-f-]{36}$/);
  });

  it.each([CASE_RULE_VIOLATION, DISCHARGE_RULE_VIOLATION])('maps a validator refusal (%s) to 409 case_action_rejected with its reason, whatever the workflow', async (type) => {
    const update = new WorkflowUpdateFailedError('refused', ApplicationFailure.create({ type, message: 'the case is in phase screening' }));
    for (const kind of [CASE, UTILIZATION_REVIEW, COMPLAINT, DISCHARGE]) {
      const err = await refusal(run(gateway({ update }).gateway, kind));
      expect([err.code, err.status, err.detail]).toEqual(['case_action_rejected', 409, 'the case is in phase screening']);
    }
  });

  it("an unknown workflow is the kind's 404; a finished one is 409 case_closed", async () => {
    const update = new WorkflowNotFoundError('workflow execution already completed', 'wf-1', undefined);
    const unknown = await Promise.all([CASE, UTILIZATION_REVIEW, COMPLAINT, DISCHARGE].map((kind) => refusal(run(gateway({ update }).gateway, kind))));
    expect(unknown.map((e) => [e.code, e.status])).toEqual([
      ['case_not_found', 404],
      ['review_not_found', 404],
      ['complaint_not_found', 404],
      ['discharge_not_found', 404],
    ]);
    const closed = await refusal(run(gateway({ update, exists: true }).gateway, DISCHARGE));
    expect([closed.code, closed.status, closed.detail]).toEqual(['case_closed', 409, 'Discharge wf-1 has ended: every task is done or escalated.']);
  });

  it('FAILED_PRECONDITION from the server (by its gRPC name, not a number) is the closed refusal too', async () => {
    const update = new ServiceError('update failed', { cause: grpcError(GRPC_STATUS.FAILED_PRECONDITION, 'update rejected') });
    expect((await refusal(run(gateway({ update, exists: true }).gateway))).code).toBe('case_closed');
  });

  it('Temporal unreachable is 503 temporal_unavailable; any other error stays as it is (a 500)', async () => {
    expect((await refusal(run(gateway({ update: grpcError(GRPC_STATUS.UNAVAILABLE, 'no connection') }).gateway))).code).toBe('temporal_unavailable');
    const bug = new TypeError('a bug');
    await expect(run(gateway({ update: bug }).gateway)).rejects.toBe(bug);
  });

  it('starts once: true when this call started the workflow, false when the id is taken', async () => {
    const first = gateway();
    expect(await first.gateway.startOnce('caseWorkflow', { workflowId: 'wf-1', args: [1], reuse: 'ALLOW_DUPLICATE' })).toBe(true);
    expect(first.calls.start).toEqual({ workflowId: 'wf-1', taskQueue: 'careloop-q', args: [1], workflowIdConflictPolicy: 'FAIL', workflowIdReusePolicy: 'ALLOW_DUPLICATE' });
    const taken = gateway({ start: new WorkflowExecutionAlreadyStartedError('already started', 'wf-1', 'caseWorkflow') });
    expect(await taken.gateway.startOnce('caseWorkflow', { workflowId: 'wf-1', args: [], reuse: 'REJECT_DUPLICATE' })).toBe(false);
  });

  it('reads with the kind\'s 404 for an unknown id, and tells closed from unknown', async () => {
    const { gateway: g } = gateway();
    const err = await refusal(g.inspect(COMPLAINT, 'wf-1', (h) => h.describe()));
    expect(err.code).toBe('complaint_not_found');
    expect(await g.status('wf-1')).toBeNull();
    expect(await gateway({ exists: true }).gateway.status('wf-1')).toBe('COMPLETED');
  });
});

import { WorkflowNotFoundError } from '@temporalio/client';
import type { DischargeAmendment } from '@careloop/domain';
import type { AmendmentRecord, DischargeEventRepository, DischargeOfVisit, ProviderDirectoryRepository, StoredAmendment } from '@careloop/persistence';
import type { TemporalClientService } from '@careloop/temporal';
import { TemporalGateway } from '../../../apps/api/src/temporal/temporal.gateway';
import type { DischargeStatus } from '@careloop/contracts';
import { DischargeAmendmentService } from '../../../apps/api/src/integrations/discharge-amendment.service';
import { refusal } from '../../support/api-refusal';
import type { ApiConfig } from '../../../apps/api/src/api.config';

const config = { caseIdSecret: 'unit-test-secret-0123456789' } as unknown as ApiConfig;
const SENDER = { clientId: 'integration:adt-feed' };
const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString();
/** Read once: a message sent again must be the same message, to the millisecond (its fingerprint covers the time). */
const OCCURRED_AT = at(1);

function amendment(kind: DischargeAmendment['kind'], patch: Partial<DischargeAmendment> = {}): DischargeAmendment {
  return {
    kind,
    messageType: kind === 'cancel' ? 'ADT^A13' : 'ADT^A08',
    source: 'GENHOSP:EPICADT',
    sourceEventId: `MSG-${kind}`,
    memberRef: 'M-1',
    visitNumber: 'V1',
    occurredAt: OCCURRED_AT,
    details: {},
    ...patch,
  };
}

/**
 * The service over a fake discharge_events / discharge_amendments pair and a
 * fake workflow handle: `workflow` says how the discharge workflow answers an update.
 */
function service(opts: { target?: DischargeOfVisit | null; workflow?: 'running' | DischargeStatus; stored?: StoredAmendment }) {
  const updates: { name: string; updateId: string; args: unknown[] }[] = [];
  const records: AmendmentRecord[] = [];
  const handle = {
    executeUpdate: async (def: { name: string }, o: { args: unknown[]; updateId: string }) => {
      if (opts.workflow && opts.workflow !== 'running') throw new WorkflowNotFoundError('workflow execution already completed', 'discharge-1', undefined);
      updates.push({ name: def.name, updateId: o.updateId, args: o.args });
      return {};
    },
    query: async () => ({ status: opts.workflow }),
    // A finished workflow is still described (closed, not unknown); one that never ran is not.
    describe: async () => {
      if (opts.workflow === undefined) throw new WorkflowNotFoundError('not found', 'discharge-1', undefined);
      return { status: { name: opts.workflow === 'running' ? 'RUNNING' : 'COMPLETED' } };
    },
  };
  const temporal = { client: { workflow: { getHandle: () => handle } } } as unknown as TemporalClientService;
  const events = {
    repeatedAmendment: async () => opts.stored ?? null,
    findByVisit: async () => (opts.target === undefined ? target() : opts.target),
    recordAmendment: async (a: AmendmentRecord) => (records.push(a), { inserted: true, conflicting: false }),
  } as unknown as DischargeEventRepository;
  return { svc: new DischargeAmendmentService(config, new TemporalGateway(temporal), events, emptyDirectory), updates, records };
}

/** No provider in the directory: the feed's PCP value is kept as sent. */
const emptyDirectory = { byNpi: async () => null } as unknown as ProviderDirectoryRepository;

function target(patch: Partial<DischargeOfVisit> = {}): DischargeOfVisit {
  return { dischargeId: 'discharge-1', caseId: 'case-1', dischargedAt: at(30), disposition: '01', pcpId: 'PCP-1', cancelled: false, ...patch };
}


describe('DischargeAmendmentService (ADT^A13 cancel, ADT^A08 update)', () => {
  it('cancels through the workflow update (its id derived from the message), then stores the amendment', async () => {
    const { svc, updates, records } = service({ workflow: 'running' });
    expect(await svc.apply(amendment('cancel'), SENDER)).toEqual({ status: 'cancelled', dischargeId: 'discharge-1', caseId: 'case-1' });
    expect(updates).toEqual([{ name: 'cancelDischarge', updateId: expect.stringMatching(/^cancelDischarge:amendment-[0-9a-f]{24}$/), args: [expect.objectContaining({ messageType: 'ADT^A13' })] }]);
    expect(records).toEqual([expect.objectContaining({ kind: 'cancel', dischargeId: 'discharge-1', amendmentId: updates[0]!.updateId.split(':')[1] })]);
  });

  it('a cancellation whose workflow already closed cancelled (applied before a crash) is stored now; one that ended on its own is 409, storing nothing', async () => {
    const healed = service({ workflow: 'cancelled' });
    expect((await healed.svc.apply(amendment('cancel'), SENDER)).status).toBe('cancelled');
    expect(healed.records).toHaveLength(1);
    const ended = service({ workflow: 'completed' });
    expect((await refusal(ended.svc.apply(amendment('cancel'), SENDER))).code).toBe('case_closed');
    expect(ended.records).toEqual([]);
  });

  it('a cancellation of no known discharge is 404 naming PV1-19; of a cancelled one 200 duplicate; nothing stored either way', async () => {
    const none = service({ target: null });
    const err = await refusal(none.svc.apply(amendment('cancel'), SENDER));
    expect([err.code, err.errors?.[0]?.field]).toEqual(['discharge_not_found', 'PV1-19']);
    const twice = service({ target: target({ cancelled: true }) });
    expect(await twice.svc.apply(amendment('cancel'), SENDER)).toMatchObject({ status: 'duplicate', dischargeId: 'discharge-1' });
    expect([...none.records, ...twice.records, ...none.updates, ...twice.updates]).toEqual([]);
  });

  it('a repeated message is 200 duplicate without touching the workflow; the same id with other content is 409', async () => {
    const first = service({ workflow: 'running' });
    await first.svc.apply(amendment('cancel'), SENDER);
    const stored = { ...first.records[0]!, caseId: 'case-1' };
    const again = service({ workflow: 'running', stored });
    expect(await again.svc.apply(amendment('cancel'), SENDER)).toEqual({ status: 'duplicate', dischargeId: 'discharge-1', caseId: 'case-1' });
    expect(again.updates).toEqual([]);
    expect((await refusal(again.svc.apply(amendment('cancel', { occurredAt: at(5) }), SENDER))).code).toBe('integration_event_conflict');
  });

  it('an update sends only what changed; equal values are `unchanged`; unknown, cancelled or ended discharges are `ignored`', async () => {
    const corrected = at(2);
    const { svc, updates, records } = service({ workflow: 'running' });
    const res = await svc.apply(amendment('update', { details: { dischargedAt: corrected, disposition: '01', pcpId: 'PCP-2' } }), SENDER);
    expect(res).toEqual({ status: 'updated', dischargeId: 'discharge-1', caseId: 'case-1', changed: ['dischargedAt', 'pcpId'] });
    expect(updates[0]!.args).toEqual([expect.objectContaining({ changes: { dischargedAt: corrected, pcpId: 'PCP-2' } })]);
    expect(records[0]!.changes).toEqual({ dischargedAt: corrected, pcpId: 'PCP-2' });

    const same = service({ workflow: 'running', target: target({ dischargedAt: corrected }) });
    expect((await same.svc.apply(amendment('update', { details: { dischargedAt: new Date(corrected).toISOString(), disposition: '01' } }), SENDER)).status).toBe('unchanged');
    expect(same.updates).toEqual([]);
    for (const s of [service({ target: null }), service({ target: target({ cancelled: true }) }), service({ workflow: 'completed' })]) {
      expect((await s.svc.apply(amendment('update', { details: { disposition: '06' } }), SENDER)).status).toBe('ignored');
      expect(s.records).toEqual([]);
    }
  });
});

import type { DataSource } from 'typeorm';
import { DischargeEventRepository, runMigrations } from '@careloop/persistence';
import type { DischargeEvent } from '@careloop/domain';
import { freshDatabase } from '../support/integration-database';

/**
 * The discharge intake table against real Postgres across the DischargeAmendments
 * migration: a row stored before it (no client) is still found by source +
 * event id after it and keeps its discharge id; new rows are keyed per client.
 */
describe('DischargeEventRepository across the client-keying migration (real Postgres)', () => {
  let ds: DataSource;
  let repo: DischargeEventRepository;
  const dischargedAt = new Date(Date.now() - 3_600_000).toISOString();
  const event = (sourceEventId: string): DischargeEvent => ({
    format: 'json',
    source: 'GENHOSP-ADT',
    sourceEventId,
    memberRef: 'M-IT-1',
    programCode: 'CCM',
    dischargedAt,
    facility: { id: 'GENHOSP', name: null },
    disposition: 'home',
    pcpId: null,
  });
  const key = (clientId: string, sourceEventId: string) => ({ clientId, source: 'GENHOSP-ADT', sourceEventId });

  beforeAll(async () => {
    ds = await freshDatabase('discharges');
    await runMigrations(ds);
    repo = new DischargeEventRepository(ds);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  it('reverts, takes a row as the old schema stored it, re-applies; the old row keeps its id for any client; new rows are per client', async () => {
    // Back to the schema before the client keying (and whatever came after it), newest first.
    const undone: string[] = [];
    while (!undone.includes('DischargeAmendments1795436000000')) {
      const [last] = await ds.query(`SELECT name FROM typeorm_migrations ORDER BY timestamp DESC, id DESC LIMIT 1`);
      await ds.undoLastMigration({ transaction: 'each' });
      undone.push(last.name);
    }
    await ds.query(
      `INSERT INTO discharge_events (discharge_id, source, source_event_id, format, member_ref, program_code, case_id, discharged_at, payload_hash)
       VALUES ('discharge-000000000000000000000001', 'GENHOSP-ADT', 'evt-old', 'json', 'M-IT-1', 'CCM', 'case-ccm-1', $1, $2)`,
      [dischargedAt, 'a'.repeat(64)],
    );
    expect(await runMigrations(ds)).toEqual([...undone].reverse());

    const old = await repo.record(key('integration:b', 'evt-old'), 'discharge-new-formula', 'case-ccm-1', event('evt-old'), null, 'a'.repeat(64));
    expect(old).toEqual({ inserted: false, conflicting: false, dischargeId: 'discharge-000000000000000000000001' });
    expect((await repo.record(key('integration:c', 'evt-old'), 'discharge-other', 'case-ccm-1', event('evt-old'), null, 'b'.repeat(64))).conflicting).toBe(true);

    const a = await repo.record(key('integration:a', 'evt-new'), 'discharge-a', 'case-ccm-1', event('evt-new'), 'V1', 'c'.repeat(64));
    const b = await repo.record(key('integration:b', 'evt-new'), 'discharge-b', 'case-ccm-1', event('evt-new'), 'V1', 'd'.repeat(64));
    const again = await repo.record(key('integration:a', 'evt-new'), 'discharge-a', 'case-ccm-1', event('evt-new'), 'V1', 'c'.repeat(64));
    expect([a, b, again]).toEqual([
      { inserted: true, conflicting: false, dischargeId: 'discharge-a' },
      { inserted: true, conflicting: false, dischargeId: 'discharge-b' },
      { inserted: false, conflicting: false, dischargeId: 'discharge-a' },
    ]);
    expect(await ds.query(`SELECT discharge_id, redeliveries FROM discharge_events WHERE source_event_id = 'evt-old'`)).toEqual([
      { discharge_id: 'discharge-000000000000000000000001', redeliveries: 2 },
    ]);
    expect(await repo.findByVisit({ clientId: 'integration:b', source: 'GENHOSP-ADT', memberRef: 'M-IT-1', visitNumber: 'V1' })).toMatchObject({ dischargeId: 'discharge-b', cancelled: false });
  });
});

import { FaultStack } from '../support/fault-stack.harness';
import { eventually } from '../support/eventually';
import { USERS } from '../support/auth';
import { startCase } from '../../scripts/load/case-lifecycle.driver';

const REQUESTS = 24;

/**
 * The API process is killed (SIGKILL) while requests are in flight. Each
 * client gets a result or an error, never a half-applied action: every
 * answered note is stored with its event, and repeating every request with
 * its Idempotency-Key after the restart applies each exactly once.
 */
describe('API killed with requests in flight', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await FaultStack.start('api-restart');
    await stack.startApi();
    await stack.startWorker();
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  it('answers or fails each request, and retries with the same Idempotency-Key apply once', async () => {
    const api = stack.client(USERS.admin);
    await stack.registerMembers('M-FAULT-API-1');
    const id = await startCase(api, 'M-FAULT-API-1');
    const note = (i: number) => api.request('note', 'POST', `/cases/${id}/notes`, { kind: 'call_record', text: `Call ${i}.` }, { 'idempotency-key': `call-${i}` });

    const inFlight = Array.from({ length: REQUESTS }, (_, i) =>
      note(i).then(
        (r) => ({ i, status: r.status, seq: r.body.eventSeq as number | undefined }),
        (err: unknown) => ({ i, status: 0, seq: undefined, error: String(err) }),
      ),
    );
    // Kill as soon as the first answers come back: the rest are somewhere between HTTP and the workflow.
    await Promise.race(inFlight);
    await stack.api!.kill('SIGKILL');
    const first = await Promise.all(inFlight);
    expect(first.every((r) => r.status === 200 || r.status === 0)).toBe(true);
    expect(first.some((r) => r.status === 200)).toBe(true);
    const answered = first.filter((r) => r.status === 200);

    await stack.startApi();
    const again = await Promise.all(Array.from({ length: REQUESTS }, (_, i) => note(i)));
    expect(again.map((r) => r.status)).toEqual(Array(REQUESTS).fill(200));
    // An answered request repeated gets the very same result (the first application), not a second note.
    for (const r of answered) {
      expect(again[r.i]!.body.eventSeq).toBe(r.seq);
    }
    const seqs = again.map((r) => r.body.eventSeq as number);
    expect(new Set(seqs).size).toBe(REQUESTS);

    // Postgres: each note once, each with its event (written in one transaction with it).
    const rows = await eventually(
      () => stack.sql(`SELECT n.seq, e.kind FROM case_notes n JOIN case_events e USING (case_id, episode_id, seq) WHERE n.case_id = $1 ORDER BY n.seq`, [id]),
      (r) => r.length >= REQUESTS,
    );
    expect(rows.map((r) => Number(r.seq))).toEqual([...seqs].sort((a, b) => a - b));
    expect(rows.every((r) => r.kind === 'note_added')).toBe(true);
    const notes = await stack.sql(`SELECT count(*)::int AS n FROM case_notes WHERE case_id = $1`, [id]);
    expect(notes[0]!.n).toBe(REQUESTS);
  }, 150_000);
});

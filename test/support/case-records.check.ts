import type { FaultStack } from './fault-stack.harness';

export interface CaseRecords {
  readonly eventSeqs: number[];
  readonly eventKinds: Record<string, number>;
  readonly attempts: { number: number; outcome: string | null }[];
  readonly notifications: { key: string; status: string }[];
  readonly notes: number;
}

/** What Postgres holds for one case: the event log, attempts, notification outbox and notes. */
export async function caseRecords(stack: FaultStack, caseId: string): Promise<CaseRecords> {
  const events = await stack.sql('SELECT seq, kind FROM case_events WHERE case_id = $1 ORDER BY seq', [caseId]);
  const eventKinds: Record<string, number> = {};
  for (const e of events) {
    eventKinds[String(e.kind)] = (eventKinds[String(e.kind)] ?? 0) + 1;
  }
  return {
    eventSeqs: events.map((e) => Number(e.seq)),
    eventKinds,
    attempts: (await stack.sql('SELECT number, outcome FROM contact_attempts WHERE case_id = $1 ORDER BY number', [caseId])) as CaseRecords['attempts'],
    notifications: (await stack.sql('SELECT key, status FROM notifications WHERE case_id = $1 ORDER BY key', [caseId])) as CaseRecords['notifications'],
    notes: Number((await stack.sql('SELECT count(*)::int AS n FROM case_notes WHERE case_id = $1', [caseId]))[0]!.n),
  };
}

/**
 * Nothing lost, nothing twice, for a case driven by driveToClosure(): the
 * event log is gap-free from 1, each care-team action is recorded once,
 * every notification row is delivered, one note.
 */
export function expectCompleteOnce(r: CaseRecords): void {
  expect(r.eventSeqs).toEqual(r.eventSeqs.map((_, i) => i + 1));
  for (const kind of ['case_opened', 'screening_submitted', 'assessment_submitted', 'plan_proposed', 'plan_consented', 'member_discussed', 'contact_recorded', 'note_added', 'case_closed']) {
    expect({ kind, count: r.eventKinds[kind] }).toEqual({ kind, count: 1 });
  }
  expect(r.notifications.length).toBeGreaterThan(0);
  expect(r.notifications.filter((n) => n.status !== 'delivered')).toEqual([]);
  expect(r.notes).toBe(1);
}

import { stuckReasons, STUCK_KINDS, STUCK_KIND_INFO, type StuckSignals } from '@careloop/domain';

describe('stuckReasons', () => {
  const now = '2026-11-23T12:00:00.000Z';
  const calm: StuckSignals = { nextDueAt: '2026-11-24T00:00:00.000Z', nextDueKind: 'contact', stalledAt: '2026-12-01T00:00:00.000Z', flags: [], reportedProblems: [], lastProgressAt: '2026-11-20T00:00:00.000Z' };

  it('finds nothing wrong with a case on schedule', () => {
    expect(stuckReasons(calm, now)).toEqual([]);
  });

  it('names the overdue task and how late it is, honouring "overdue by more than"', () => {
    const late = { ...calm, nextDueAt: '2026-11-21T12:00:00.000Z' };
    expect(stuckReasons(late, now)).toEqual([{ kind: 'overdue', since: '2026-11-21T12:00:00.000Z', detail: 'contact overdue by 2d' }]);
    expect(stuckReasons(late, now, 3 * 86_400_000)).toEqual([]);
  });

  it('counts an activity the worker reports as retrying as a failing activity, once', () => {
    const retrying = { ...calm, flags: ['activity_retrying'] };
    expect(stuckReasons(retrying, now)).toEqual([{ kind: 'failing_activity', since: null, detail: expect.stringContaining('retrying') }]);
    const both = { ...retrying, failingNotifications: { count: 1, attempts: 3, lastError: null, since: now } };
    expect(stuckReasons(both, now).filter((r) => r.kind === 'failing_activity')).toHaveLength(1);
  });

  it('reports every kind at once, each with its own since and detail', () => {
    const all: StuckSignals = {
      nextDueAt: '2026-11-23T11:30:00.000Z',
      nextDueKind: 'assessment',
      stalledAt: '2026-11-23T00:00:00.000Z',
      flags: ['unassigned', 'paused'],
      reportedProblems: ['category=WorkflowTaskFailed', 'cause=WorkflowTaskFailedCauseWorkflowWorkerUnhandledFailure'],
      failingNotifications: { count: 2, attempts: 7, lastError: 'webhook: webhook answered 503', since: '2026-11-23T10:00:00.000Z' },
      lastProgressAt: '2026-10-24T00:00:00.000Z',
    };
    const reasons = stuckReasons(all, now);
    expect(reasons.map((r) => r.kind).sort()).toEqual([...STUCK_KINDS].sort());
    expect(reasons.find((r) => r.kind === 'overdue')?.detail).toBe('assessment overdue by 30m');
    expect(reasons.find((r) => r.kind === 'failing_activity')?.detail).toBe('2 notification(s) failing, 7 attempt(s); last error: webhook: webhook answered 503');
    expect(reasons.find((r) => r.kind === 'no_progress')?.since).toBe('2026-10-24T00:00:00.000Z');
  });

  it('explains every kind with a remedy', () => {
    for (const kind of STUCK_KINDS) {
      expect(STUCK_KIND_INFO[kind].remedy.length).toBeGreaterThan(10);
    }
  });
});

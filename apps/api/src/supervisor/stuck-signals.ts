import type { StuckSignals } from '@careloop/domain';
import { SA_FLAGS, SA_LAST_PROGRESS_AT, SA_NEXT_DUE_AT, SA_NEXT_DUE_KIND, SA_STALLED_AT } from '@careloop/contracts';
import type { FailingDeliveries } from '@careloop/persistence';
import { REPORTED_PROBLEMS } from './stuck-case.query';

/** Decoded search attributes of one workflow: a visibility row's, or a describe()'s (`searchAttributes`). */
export type DecodedSearchAttributes = Readonly<Record<string, readonly unknown[] | undefined>>;

/** Reads single values, times and lists out of decoded search attributes. */
export function searchAttributeReader(attrs: DecodedSearchAttributes) {
  const one = (name: string): string | null => {
    const v = attrs[name]?.[0];
    return v === undefined || v === null ? null : v instanceof Date ? v.toISOString() : String(v);
  };
  const time = (name: string): string | null => {
    const v = one(name);
    return v === null ? null : new Date(v).toISOString();
  };
  const list = (name: string): string[] => (attrs[name] ?? []).map(String);
  return { one, time, list };
}

/**
 * What stuck-case detection reads of one case: its search attributes (what the
 * case workflow keeps current, and the server's reported problems) and its
 * failing deliveries in the outbox. One definition for the supervisors' list
 * and for `GET /cases/:id`, so both say the same about a case.
 */
export function stuckSignalsOf(attrs: DecodedSearchAttributes, failing: FailingDeliveries | undefined): StuckSignals {
  const { one, time, list } = searchAttributeReader(attrs);
  return {
    nextDueAt: time(SA_NEXT_DUE_AT.name),
    nextDueKind: one(SA_NEXT_DUE_KIND.name),
    stalledAt: time(SA_STALLED_AT.name),
    flags: list(SA_FLAGS.name),
    reportedProblems: list(REPORTED_PROBLEMS),
    failingNotifications: failing ? { count: failing.count, attempts: failing.attempts, lastError: failing.lastError, since: failing.since } : undefined,
    lastProgressAt: time(SA_LAST_PROGRESS_AT.name),
  };
}

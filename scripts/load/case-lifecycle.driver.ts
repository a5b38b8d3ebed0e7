import type { CareLoopHttpClient } from './careloop-http.client';
import { assessmentAnswers, carePlan, memberConsent, screeningAnswers } from './case-actions.fixtures';

/**
 * One member's whole case through the HTTP API, as a care team would run it:
 * enrol → outreach reached → screening → assessment (low risk: no
 * assignment) → plan → consent → member discussion → a contact → a note
 * (with an Idempotency-Key) → close. Every step is one workflow update.
 */
export const LIFECYCLE_ACTIONS = [
  'start', 'attempt-outcome', 'screening', 'assessment', 'plan', 'consent', 'member-discussion', 'contact', 'note', 'close',
] as const;
export type LifecycleAction = (typeof LIFECYCLE_ACTIONS)[number];

export interface DriveOptions {
  /** Runs between two actions (e.g. a fault injected at one step). */
  readonly before?: (action: LifecycleAction, caseId: string) => Promise<void>;
  /** Per-case policy overrides sent with the start. */
  readonly policyOverrides?: Record<string, unknown>;
  readonly programCode?: string;
  /** Only the actions from `from` (inclusive) up to `until` (exclusive); default all. */
  readonly from?: LifecycleAction;
  readonly until?: LifecycleAction;
  /** The outreach attempt the member answers (default 1). */
  readonly reachedOnAttempt?: number;
}

/**
 * POST /cases for `memberRef`, which must name a registered member (else 422
 * member_not_registered): register it first and outside anything timed
 * (synthetic-member.fixtures.ts registerMembers over HTTP, or the tests'
 * registerMembersIn straight into the database).
 */
export async function startCase(api: CareLoopHttpClient, memberRef: string, opts: DriveOptions = {}): Promise<string> {
  const body = await api.expect([200, 201], 'start', 'POST', '/cases', {
    memberRef,
    programCode: opts.programCode ?? 'CCM',
    enrollmentDate: new Date().toISOString().slice(0, 10),
    ...(opts.policyOverrides ? { policyOverrides: opts.policyOverrides } : {}),
  });
  return String(body.id);
}

/** Drives a started case through every action (or `from`…`until`) to its closure request; returns when `close` is accepted. */
export async function driveToClosure(api: CareLoopHttpClient, caseId: string, opts: DriveOptions = {}): Promise<void> {
  const today = new Date().toISOString().slice(0, 10);
  const steps: [LifecycleAction, string, unknown][] = [
    ['attempt-outcome', `attempts/${opts.reachedOnAttempt ?? 1}/outcome`, { outcome: 'reached' }],
    ['screening', 'screening', { answers: screeningAnswers }],
    ['assessment', 'assessment', { answers: assessmentAnswers('low') }],
    ['plan', 'plan', { plan: carePlan(today) }],
    ['consent', 'plan/1/consent', { consent: memberConsent }],
    ['member-discussion', 'member-discussion', { outcome: 'agrees' }],
    ['contact', 'contacts', { channel: 'phone', outcome: 'completed' }],
    ['note', 'notes', { kind: 'call_record', text: 'Load-test call record.' }],
    ['close', 'close', { reason: 'goals_met' }],
  ];
  const first = opts.from ? steps.findIndex(([a]) => a === opts.from) : 0;
  const end = opts.until ? steps.findIndex(([a]) => a === opts.until) : steps.length;
  for (const [action, path, body] of steps.slice(first, end)) {
    await opts.before?.(action, caseId);
    const headers = action === 'note' ? { 'idempotency-key': `note-${caseId.slice(-8)}` } : undefined;
    await api.expect(200, action, 'POST', `/cases/${caseId}/${path}`, body, headers);
  }
}

/** start + driveToClosure. */
export async function runCase(api: CareLoopHttpClient, memberRef: string, opts: DriveOptions = {}): Promise<string> {
  await opts.before?.('start', '');
  const id = await startCase(api, memberRef, opts);
  await driveToClosure(api, id, opts);
  return id;
}

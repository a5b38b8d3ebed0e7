import type { Role } from '@careloop/contracts';

/**
 * The authenticated caller. `sub` is the staff, provider or client id the
 * rest of CareLoop knows them by (it becomes the actor on the timeline);
 * `team` scopes care managers and supervisors to their team's cases.
 */
export interface Principal {
  readonly kind: 'user' | 'integration';
  readonly sub: string;
  readonly role: Role;
  readonly team: string | null;
}

/** Subjects become actor ids in workflow events and audit rows: bounded and printable. */
export const SUBJECT_PATTERN = /^[A-Za-z0-9_.:@|-]{1,128}$/;

import { proxyActivities } from '@temporalio/workflow';
import type { DischargeActivities } from '@careloop/activities';

/**
 * Ensuring the case talks to the Temporal frontend: retried with backoff until
 * it succeeds (a frontend outage delays the discharge, never loses it). The
 * activity is idempotent: the case counts the discharge report once by key.
 */
export const caseLink = proxyActivities<Pick<DischargeActivities, 'ensureCaseWithDischarge'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Like the case outbox: about two and a half hours of retries, then the outbox row stays `failed` for a supervisor. */
export const transitionNotifications = proxyActivities<Pick<DischargeActivities, 'sendTransitionNotification'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

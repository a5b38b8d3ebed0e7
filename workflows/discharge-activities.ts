import { proxyActivities } from '@temporalio/workflow';
import type { DischargeActivities } from '@careloop/activities';
import { DELIVERY_ACTIVITY, WRITE_ACTIVITY } from './shared/retry-policies';

/**
 * Ensuring the case talks to the Temporal frontend, retried like every write
 * (a frontend outage delays the discharge, never loses it). The activity is
 * idempotent: the case counts the discharge report once by key.
 */
export const caseLink = proxyActivities<Pick<DischargeActivities, 'ensureCaseWithDischarge'>>(WRITE_ACTIVITY);

/** A delivery like any other: the outbox row stays `failed` for a supervisor once the retries are used up. */
export const transitionNotifications = proxyActivities<Pick<DischargeActivities, 'sendTransitionNotification'>>(DELIVERY_ACTIVITY);

import type { ActivityOptions, RetryPolicy } from '@temporalio/common';

/**
 * Writes (Postgres, the Temporal frontend) are retried with backoff until
 * they succeed: an outage delays a workflow, it never loses or duplicates a
 * record (every write activity is idempotent by its key).
 */
export const WRITE_RETRY: RetryPolicy = { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' };

/**
 * Deliveries retry for about two and a half hours, then give up on that
 * message (its outbox row stays `failed` with the last error, for a
 * supervisor to retry), so one dead channel cannot hold up a workflow.
 * The workflow side of giving up is `deliveryGivenUp` (effect-pump.ts).
 */
export const DELIVERY_RETRY: RetryPolicy = { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 };

/** Options of every write activity. */
export const WRITE_ACTIVITY: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: WRITE_RETRY };

/** Options of every delivery activity (notifications, notices). */
export const DELIVERY_ACTIVITY: ActivityOptions = { startToCloseTimeout: '30 seconds', retry: DELIVERY_RETRY };

import { proxyActivities } from '@temporalio/workflow';
import type { AssignmentActivities } from '@careloop/activities';

/**
 * Assignment reads and writes caseloads in Postgres; retried with backoff
 * like every write (both activities are idempotent per case episode).
 */
export const assignment = proxyActivities<AssignmentActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

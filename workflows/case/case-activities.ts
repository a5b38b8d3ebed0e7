import { proxyActivities } from '@temporalio/workflow';
import type { AssignmentActivities } from '@careloop/activities';
import { WRITE_ACTIVITY } from '../shared/retry-policies';

/** Assignment reads and writes caseloads in Postgres; retried like every write (both activities are idempotent per case episode). */
export const assignment = proxyActivities<AssignmentActivities>(WRITE_ACTIVITY);

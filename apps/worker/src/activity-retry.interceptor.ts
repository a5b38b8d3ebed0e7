import { Logger } from '@nestjs/common';
import type { Context } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { ActivityExecuteInput, ActivityInboundCallsInterceptor, ActivityInterceptorsFactory, Next } from '@temporalio/worker';
import { activityRetryingSignal, CASE_WORKFLOW_TYPE } from '@careloop/contracts';

/**
 * Makes a case's retrying activity visible while it retries. When an activity
 * of a case workflow fails its `reportFromAttempt`-th attempt or a later one
 * (a Postgres outage, a dead channel), the worker signals the case
 * (`activityRetrying`: type, attempt, since when); the case shows the
 * `activity_retrying` flag, and supervisors see it as `failing_activity`,
 * until the workflow sees the activity finish. The signal goes to Temporal,
 * not Postgres, so it works exactly when Postgres is the problem. Backoff
 * caps attempts at one per few minutes, so this is at most that many signals.
 */
export function activityRetryReporter(client: Client, reportFromAttempt: number): ActivityInterceptorsFactory {
  const logger = new Logger('activity-retry');
  return (ctx: Context) => ({
    inbound: {
      async execute(input: ActivityExecuteInput, next: Next<ActivityInboundCallsInterceptor, 'execute'>): Promise<unknown> {
        try {
          return await next(input);
        } catch (err) {
          const info = ctx.info;
          if (info.workflowType === CASE_WORKFLOW_TYPE && info.workflowExecution && info.attempt >= reportFromAttempt) {
            const report = { activityType: info.activityType, attempt: info.attempt, since: new Date(info.scheduledTimestampMs).toISOString() };
            // Never in the way of the activity's own failure: a lost report is sent again on the next attempt.
            await client.workflow
              .getHandle(info.workflowExecution.workflowId)
              .signal(activityRetryingSignal, report)
              .catch((signalErr: unknown) => logger.warn(`could not report ${info.activityType} retrying: ${signalErr instanceof Error ? signalErr.message : String(signalErr)}`));
          }
          throw err;
        }
      },
    },
  });
}

import { ActivityFailure, condition, log, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '@careloop/activities';
import type { CaseState } from './case.state';

/**
 * Writes are retried with backoff until they succeed: a Postgres outage
 * delays the case, it never loses or duplicates a record (each event is
 * written once, keyed by case, episode and sequence number).
 */
const persistence = proxyActivities<Pick<CaseActivities, 'persistCaseEvents'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/**
 * Delivery retries for about two and a half hours, then gives up on that
 * message (its outbox row stays `failed` with the last error, for a
 * supervisor to retry) so one dead channel cannot hold up the case.
 */
const notifications = proxyActivities<Pick<CaseActivities, 'deliverNotification'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

const BATCH = 25;

/**
 * Drains the case's pending events in order: persist a batch, deliver the
 * notifications it asked for, confirm. Runs beside the lifecycle for the
 * whole run; `drain()` waits until everything pending is written.
 */
export class CaseOutbox {
  private draining = false;
  private readonly done: Promise<void>;

  constructor(private readonly state: CaseState) {
    this.done = this.run();
  }

  private async run(): Promise<void> {
    for (;;) {
      await condition(() => this.state.pendingEvents.length > 0 || this.draining);
      if (this.state.pendingEvents.length === 0) {
        return;
      }
      const batch = this.state.pendingEvents.slice(0, BATCH);
      await persistence.persistCaseEvents({ caseId: this.state.caseId, episodeId: this.state.episodeId, events: batch });
      for (const event of batch) {
        if (event.data.kind === 'notification_requested') {
          await notifications.deliverNotification(event.data.notification).catch((err: unknown) => {
            if (!(err instanceof ActivityFailure)) {
              throw err;
            }
            log.warn('notification not delivered after retries', { key: event.data.kind, seq: event.seq });
          });
        }
      }
      this.state.markPersisted(batch.length);
    }
  }

  async drain(): Promise<void> {
    this.draining = true;
    await this.done;
  }
}

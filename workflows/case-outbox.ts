import { ActivityFailure, condition, log, proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '@careloop/activities';
import type { CaseKernel as CaseState } from './case/kernel/case.kernel';

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
 * Works through the case's outbox in order: persist a batch of pending
 * events, then deliver the notifications that batch asked for, one by one,
 * before the next batch. Each finished activity moves the state on at once
 * (events persisted → their notifications queued → delivered), so a run cut
 * short by a continue-as-new hands over exactly what is left. Runs beside
 * the lifecycle for the whole run; `drain()` waits until everything is done.
 */
export class CaseOutbox {
  private draining = false;
  private handingOver = false;
  private readonly done: Promise<void>;

  constructor(private readonly state: CaseState) {
    this.done = this.run();
  }

  private async run(): Promise<void> {
    for (;;) {
      await condition(() => this.state.outboxBacklog > 0 || this.draining || this.handingOver);
      if (this.handingOver || this.state.outboxBacklog === 0) {
        return;
      }
      const notification = this.state.pendingDeliveries[0];
      if (notification) {
        await notifications.deliverNotification(notification).catch((err: unknown) => {
          if (!(err instanceof ActivityFailure)) {
            throw err;
          }
          log.warn('notification not delivered after retries', { template: notification.template, audience: notification.audience });
        });
        this.state.markDelivered();
        continue;
      }
      const batch = this.state.pendingEvents.slice(0, BATCH);
      await persistence.persistCaseEvents({ caseId: this.state.caseId, episodeId: this.state.episodeId, events: batch });
      this.state.markPersisted(batch.length);
    }
  }

  async drain(): Promise<void> {
    this.draining = true;
    await this.done;
  }

  /**
   * Stops the pump before a continue-as-new: starts no further activity and
   * resolves once none is in flight, leaving the rest for the next run.
   * Without it a run can close with an activity scheduled or running; that
   * work is wasted, and the time-skipping test server never releases the
   * time-skipping lock of an activity its run closed under.
   */
  async handOver(): Promise<void> {
    this.handingOver = true;
    await this.done;
  }
}

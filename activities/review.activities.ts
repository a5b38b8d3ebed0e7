import type { ComplaintRecord, NotificationRequest, UtilizationReviewRecord } from '@careloop/contracts';
import type { NotificationChannel, NotificationQueue } from './case.ports';
import { deliverOnce } from './case.activities';

/** Stores reviews and complaints; idempotent by record version. */
export interface ReviewStore {
  saveUtilizationReview(id: string, record: UtilizationReviewRecord): Promise<void>;
  saveComplaint(id: string, record: ComplaintRecord): Promise<void>;
}

/** The outbox, plus queueing a notification that no case event carries. */

export interface ReviewActivityDeps {
  readonly reviews: ReviewStore;
  readonly outbox: NotificationQueue;
  readonly channel: NotificationChannel;
}

/**
 * Activities of the utilization-review and complaint workflows. Inputs carry
 * every value to write, so a retry writes what the first attempt did, once:
 * records by version, notifications by key (workflow id + step).
 */
export function createReviewActivities({ reviews, outbox, channel }: ReviewActivityDeps) {
  return {
    async saveUtilizationReview({ id, record }: { id: string; record: UtilizationReviewRecord }): Promise<void> {
      await reviews.saveUtilizationReview(id, record);
    },
    async saveComplaint({ id, record }: { id: string; record: ComplaintRecord }): Promise<void> {
      await reviews.saveComplaint(id, record);
    },
    /** Queued in the outbox (once per key), then delivered once. */
    async sendReviewNotification(notification: NotificationRequest): Promise<void> {
      await outbox.enqueue(notification);
      await deliverOnce(outbox, channel, notification);
    },
  };
}

export type ReviewActivities = ReturnType<typeof createReviewActivities>;

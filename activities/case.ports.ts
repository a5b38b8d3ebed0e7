import type { CaseEvent, NotificationRequest } from '@careloop/contracts';

/** Writes case events and their projections; idempotent per (case, episode, seq). */
export interface CaseEventStore {
  append(caseId: string, episodeId: string, events: readonly CaseEvent[]): Promise<number>;
}

/** Delivery state of the notification outbox. */
export interface NotificationOutbox {
  isDelivered(key: string): Promise<boolean>;
  markDelivered(key: string): Promise<void>;
  markFailed(key: string, error: string): Promise<void>;
}

/**
 * Where notifications go (a log line, a webhook, later SMS/letter vendors).
 * `deliver` may be called again for the same key after a crash; channels
 * pass the key on so the receiver can de-duplicate.
 */
export interface NotificationChannel {
  readonly name: string;
  deliver(notification: NotificationRequest): Promise<void>;
}

/**
 * A failure that names the channel it happened on, for a channel that routes to others (the provider
 * directory routes to an endpoint or to the default channel): the outbox's last error then says which.
 */
export class ChannelDeliveryError extends Error {
  constructor(
    readonly channel: string,
    message: string,
  ) {
    super(message);
    this.name = 'ChannelDeliveryError';
  }
}

/** The outbox, plus queueing a notification that no case event carries (discharges, reviews, complaints). */
export interface NotificationQueue extends NotificationOutbox {
  /** Inserts the row as pending; a key that exists already is left as it is. */
  enqueue(notification: NotificationRequest): Promise<void>;
}

import type { CaseEvent, NotificationRequest } from '@careloop/contracts';
import { ChannelDeliveryError, type CaseEventStore, type NotificationChannel, type NotificationOutbox } from './case.ports';

export interface CaseActivityDeps {
  readonly caseEvents: CaseEventStore;
  readonly outbox: NotificationOutbox;
  readonly channel: NotificationChannel;
}

export interface PersistCaseEventsInput {
  readonly caseId: string;
  readonly episodeId: string;
  readonly events: readonly CaseEvent[];
}

/**
 * Activity factory: the worker builds it with real dependencies, tests with
 * fakes. Inputs carry every value to write (timestamps are workflow time),
 * so a retried activity writes exactly what the first attempt did, once.
 */
export function createCaseActivities({ caseEvents, outbox, channel }: CaseActivityDeps) {
  return {
    async persistCaseEvents({ caseId, episodeId, events }: PersistCaseEventsInput): Promise<number> {
      return caseEvents.append(caseId, episodeId, events);
    },

    async deliverNotification(notification: NotificationRequest): Promise<void> {
      await deliverOnce(outbox, channel, notification);
    },
  };
}

/** Delivers an outbox notification unless its key was delivered before; records a failure (PHI-free) and rethrows it for Temporal's retry. */
export async function deliverOnce(outbox: NotificationOutbox, channel: NotificationChannel, notification: NotificationRequest): Promise<void> {
  if (await outbox.isDelivered(notification.key)) {
    return;
  }
  try {
    await channel.deliver(notification);
  } catch (err) {
    const on = err instanceof ChannelDeliveryError ? err.channel : channel.name;
    await outbox.markFailed(notification.key, `${on}: ${err instanceof Error ? err.message : String(err)}`);
    throw err;
  }
  await outbox.markDelivered(notification.key);
}

export type CaseActivities = ReturnType<typeof createCaseActivities>;

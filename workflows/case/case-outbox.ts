import { proxyActivities } from '@temporalio/workflow';
import type { CaseActivities } from '@careloop/activities';
import type { CaseEvent, NotificationRequest } from '@careloop/contracts';
import { EffectPump, orGivenUp, type EffectSource } from '../shared/effect-pump';
import { DELIVERY_ACTIVITY, WRITE_ACTIVITY } from '../shared/retry-policies';

/** Each event is written once, keyed by case, episode and sequence number, so a repeated batch is skipped. */
const persistence = proxyActivities<Pick<CaseActivities, 'persistCaseEvents'>>(WRITE_ACTIVITY);
const notifications = proxyActivities<Pick<CaseActivities, 'deliverNotification'>>(DELIVERY_ACTIVITY);

const BATCH = 25;

/**
 * What the outbox needs of the case's state. `outboxBacklog` is
 * `pendingEvents.length + pendingDeliveries.length`; `markPersisted(n)`
 * removes the first n pending events and queues the notifications they
 * asked for; `markDelivered()` removes the first queued notification.
 */
export interface CaseOutboxState {
  readonly caseId: string;
  readonly episodeId: string;
  readonly pendingEvents: readonly CaseEvent[];
  readonly pendingDeliveries: readonly NotificationRequest[];
  readonly outboxBacklog: number;
  markPersisted(count: number): void;
  markDelivered(): void;
}

export type CaseEffect = { readonly kind: 'deliver'; readonly notification: NotificationRequest } | { readonly kind: 'persist'; readonly events: CaseEvent[] };

/**
 * The case's outbox in order: the queued notifications of persisted events
 * first, one by one, then the next batch of pending events. So the
 * notifications a batch asked for go out before the next batch is written.
 */
class CaseOutboxEffects implements EffectSource<CaseEffect> {
  constructor(private readonly state: CaseOutboxState) {}

  hasWork(): boolean {
    return this.state.outboxBacklog > 0;
  }

  next(): CaseEffect | undefined {
    if (this.state.outboxBacklog === 0) {
      return undefined;
    }
    const notification = this.state.pendingDeliveries[0];
    return notification ? { kind: 'deliver', notification } : { kind: 'persist', events: this.state.pendingEvents.slice(0, BATCH) };
  }

  /** A plain function returning the call's promise, as the pump it replaces awaited it (replay). */
  perform(effect: CaseEffect): Promise<unknown> {
    if (effect.kind === 'deliver') {
      return orGivenUp(notifications.deliverNotification(effect.notification), effect.notification);
    }
    return persistence.persistCaseEvents({ caseId: this.state.caseId, episodeId: this.state.episodeId, events: effect.events });
  }

  done(effect: CaseEffect): void {
    if (effect.kind === 'deliver') {
      this.state.markDelivered();
    } else {
      this.state.markPersisted(effect.events.length);
    }
  }
}

/**
 * Works through the case's outbox beside the lifecycle for the whole run
 * (persist a batch, deliver what it asked for, next batch). `drain()` when
 * the case closes; `handOver()` before a continue-as-new: a batch stopped in
 * the middle is repeated by the next run and skipped by its key.
 */
export class CaseOutbox extends EffectPump<CaseEffect> {
  constructor(state: CaseOutboxState) {
    super(new CaseOutboxEffects(state));
    this.start();
  }
}

import { getExternalWorkflowHandle, log, proxyActivities } from '@temporalio/workflow';
import type { ReviewActivities } from '@careloop/activities';
import { externalEventSignal, type ExternalCaseEvent, type NotificationRequest } from '@careloop/contracts';
import { EffectPump, orGivenUp, type EffectSource } from './shared/effect-pump';
import { DELIVERY_ACTIVITY, WRITE_ACTIVITY } from './shared/retry-policies';

/** Side effects a review or complaint asks for, performed in order by `ReviewEffects`. */
export type ReviewEffect =
  | { readonly kind: 'save' }
  | { readonly kind: 'notify'; readonly notification: NotificationRequest }
  | { readonly kind: 'case_event'; readonly caseId: string; readonly event: ExternalCaseEvent };

/** Writes of the latest review or complaint record (idempotent: a save overwrites with the newer record). */
export const reviewStore = proxyActivities<Pick<ReviewActivities, 'saveUtilizationReview' | 'saveComplaint'>>(WRITE_ACTIVITY);

/** Notices are keyed by workflow id + step, so a retry sends once. */
const notifications = proxyActivities<Pick<ReviewActivities, 'sendReviewNotification'>>(DELIVERY_ACTIVITY);

/**
 * Queue of effects with change bookkeeping, embedded in the review and
 * complaint state classes. Every change bumps `version` and asks for one
 * save of the latest record (a save already queued writes it).
 */
export class EffectQueue {
  readonly items: ReviewEffect[] = [];
  version = 0;

  changed(): void {
    this.version++;
    if (!this.items.some((e) => e.kind === 'save')) {
      this.items.push({ kind: 'save' });
    }
  }

  notify(notification: NotificationRequest): void {
    this.items.push({ kind: 'notify', notification });
  }

  caseEvent(caseId: string | null, event: ExternalCaseEvent): void {
    if (caseId !== null) {
      this.items.push({ kind: 'case_event', caseId, event });
    }
  }
}

/** The review's queue as the pump sees it; `save` writes the latest record. */
class ReviewEffectSource implements EffectSource<ReviewEffect> {
  constructor(
    private readonly queue: EffectQueue,
    private readonly save: () => Promise<void>,
  ) {}

  hasWork(): boolean {
    return this.queue.items.length > 0;
  }

  next(): ReviewEffect | undefined {
    return this.queue.items[0];
  }

  /** A save is taken off first: a change during the write queues a fresh save of the newer record. */
  takenFirst(effect: ReviewEffect): boolean {
    return effect.kind === 'save';
  }

  done(): void {
    this.queue.items.shift();
  }

  /** Replay: a save returns the write's own promise, the others go through the async `send`, as the pump this replaces did. */
  perform(effect: ReviewEffect): Promise<unknown> {
    return effect.kind === 'save' ? this.save() : this.send(effect);
  }

  /** A case that has closed (or never existed) cannot take the signal; the review goes on without it. */
  private async send(effect: Exclude<ReviewEffect, { kind: 'save' }>): Promise<void> {
    if (effect.kind === 'notify') {
      await orGivenUp(notifications.sendReviewNotification(effect.notification), effect.notification);
      return;
    }
    await getExternalWorkflowHandle(effect.caseId)
      .signal(externalEventSignal, effect.event)
      .catch(() => log.info('linked case did not take the event (closed or unknown)', { kind: effect.event.kind }));
  }
}

/**
 * Works through a review's or complaint's queue beside the lifecycle: saves
 * the record, sends notices and signals the linked case. `drain()` before
 * the workflow ends (reviews are short-lived and never continue as new).
 */
export class ReviewEffects extends EffectPump<ReviewEffect> {
  constructor(queue: EffectQueue, save: () => Promise<void>) {
    super(new ReviewEffectSource(queue, save));
    this.start();
  }
}

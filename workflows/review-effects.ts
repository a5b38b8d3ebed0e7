import { ActivityFailure, condition, getExternalWorkflowHandle, log, proxyActivities } from '@temporalio/workflow';
import type { ReviewActivities } from '@careloop/activities';
import { externalEventSignal, SA_FLAGS, SA_NEXT_DUE_AT, SA_NEXT_DUE_KIND, SA_PHASE, SA_PROGRAM, SA_STEP, type ExternalCaseEvent, type NotificationRequest } from '@careloop/contracts';
import type { SearchAttributeUpdatePair } from '@temporalio/common';

/** Side effects a review or complaint asks for, performed in order by `ReviewEffects`. */
export type ReviewEffect =
  | { readonly kind: 'save' }
  | { readonly kind: 'notify'; readonly notification: NotificationRequest }
  | { readonly kind: 'case_event'; readonly caseId: string; readonly event: ExternalCaseEvent };

/** Writes retry with backoff until they succeed: an outage delays a review, it never loses a record. */
export const reviewStore = proxyActivities<Pick<ReviewActivities, 'saveUtilizationReview' | 'saveComplaint'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

/** Delivery gives up after about two and a half hours (the outbox row stays `failed` for a supervisor to retry), as for cases. */
const notifications = proxyActivities<Pick<ReviewActivities, 'sendReviewNotification'>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', maximumAttempts: 20 },
});

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

/**
 * Works through the queue beside the lifecycle: saves the record, sends
 * notices (keyed by workflow id + step, so a retry sends once), and signals
 * the linked case. A case that has closed (or never existed) cannot take the
 * signal; the review goes on without it.
 */
export class ReviewEffects {
  private draining = false;
  private readonly done: Promise<void>;

  constructor(
    private readonly queue: EffectQueue,
    private readonly save: () => Promise<void>,
  ) {
    this.done = this.run();
  }

  private async run(): Promise<void> {
    for (;;) {
      await condition(() => this.queue.items.length > 0 || this.draining);
      const effect = this.queue.items[0];
      if (!effect) {
        return;
      }
      if (effect.kind === 'save') {
        // Taken off first: a change during the write queues a fresh save of the newer record.
        this.queue.items.shift();
        await this.save();
        continue;
      }
      await this.perform(effect);
      this.queue.items.shift();
    }
  }

  private async perform(effect: Exclude<ReviewEffect, { kind: 'save' }>): Promise<void> {
    if (effect.kind === 'notify') {
      await notifications.sendReviewNotification(effect.notification).catch((err: unknown) => {
        if (!(err instanceof ActivityFailure)) {
          throw err;
        }
        log.warn('notification not delivered after retries', { template: effect.notification.template, audience: effect.notification.audience });
      });
      return;
    }
    await getExternalWorkflowHandle(effect.caseId)
      .signal(externalEventSignal, effect.event)
      .catch(() => log.info('linked case did not take the event (closed or unknown)', { kind: effect.event.kind }));
  }

  /** Resolves once every queued effect is done (the workflow ends after it). */
  async drain(): Promise<void> {
    this.draining = true;
    await this.done;
  }
}

/** What visibility shows of a review or complaint: codes and times only, as for cases (stuck-case view). */
export interface ReviewSearchable {
  readonly phase: 'utilization_review' | 'complaint';
  readonly step: string;
  readonly programCode: string | null;
  readonly nextDueAt: string | null;
  readonly nextDueKind: string | null;
  readonly flags: readonly string[];
}

export function reviewSearchAttributes(v: ReviewSearchable): SearchAttributeUpdatePair[] {
  return [
    { key: SA_PHASE, value: v.phase },
    { key: SA_STEP, value: v.step },
    { key: SA_PROGRAM, value: v.programCode },
    { key: SA_NEXT_DUE_AT, value: v.nextDueAt === null ? null : new Date(v.nextDueAt) },
    { key: SA_NEXT_DUE_KIND, value: v.nextDueKind },
    { key: SA_FLAGS, value: v.flags.length ? [...v.flags] : null },
  ] as SearchAttributeUpdatePair[];
}

import { ActivityFailure, condition, log } from '@temporalio/workflow';
import type { NotificationRequest } from '@careloop/contracts';

/**
 * A workflow's ordered queue of effects (writes, deliveries, signals), as
 * the pump sees it. The workflow's state owns the queue; the pump only asks
 * what is next, performs it and reports it done, so every finished call
 * moves the state on at once and a run cut short (continue-as-new) carries
 * exactly what is left in its snapshot.
 */
export interface EffectSource<E> {
  /** Whether anything is queued: the pump's wake-up condition (a condition makes no timer and no history). */
  hasWork(): boolean;
  /** The effect to perform next, left in the queue; undefined when nothing is queued. */
  next(): E | undefined;
  /**
   * Starts the effect's activity call (or signal) and returns its promise,
   * which settles when the effect is done or given up on (`orGivenUp`).
   *
   * Replay hazard: how many promise steps lie between the call settling and
   * this promise settling decides where the pump resumes among the other
   * coroutines woken in the same workflow task, so it decides the order of
   * the commands they issue. An adapter that replaces an older pump keeps
   * that pump's promise shape exactly (a plain function returning the call's
   * promise, or an async function awaiting it, as before).
   */
  perform(effect: E): Promise<unknown>;
  /** Takes `effect` off the queue (and moves the state on). */
  done(effect: E): void;
  /**
   * Whether `effect` is taken off before its call starts instead of after
   * it is done. A save of "the latest record" is: a change during the write
   * queues a fresh save of the newer record. Default: after.
   */
  takenFirst?(effect: E): boolean;
}

/**
 * Performs a workflow's effects in order, one at a time, beside the
 * lifecycle (`start()`) or inline between the lifecycle's waits (`flush()`).
 *
 * Beside the lifecycle it runs for the whole run and stops one of two ways:
 * - `drain()`: finishes everything queued, including what is queued while
 *   it drains; for a workflow that is about to end.
 * - `handOver()`: starts nothing new and resolves once nothing is in flight,
 *   leaving the rest in the queue; for a workflow about to continue as new
 *   (the next run picks the queue up from the snapshot). Without it a run can
 *   close with an activity scheduled or running: that work is wasted, and the
 *   time-skipping test server never releases the time-skipping lock of an
 *   activity its run closed under.
 */
export class EffectPump<E> {
  private draining = false;
  private handingOver = false;
  private running: Promise<void> | undefined;

  constructor(private readonly source: EffectSource<E>) {}

  /** Runs the pump beside the lifecycle until `drain()` or `handOver()`. Call once, synchronously where the workflow sets up. */
  start(): this {
    this.running ??= this.work(true);
    return this;
  }

  /**
   * Performs everything queued, in the caller's coroutine, until the queue is
   * empty (effects queued meanwhile included). For a workflow whose loop does
   * its effects between its waits rather than beside them; never with `start()`.
   */
  flush(): Promise<void> {
    if (this.running) {
      throw new Error('flush() is for a pump that does not run beside the lifecycle');
    }
    return this.work(false);
  }

  /**
   * The one loop. Beside the lifecycle it waits for work (or a stop) before
   * each effect; inline it stops at an empty queue. Everything between the
   * wait and `perform` is synchronous, and nothing wraps `perform` in a
   * further async layer: either would move where the pump resumes (see `perform`).
   */
  private async work(beside: boolean): Promise<void> {
    for (;;) {
      if (beside) {
        await condition(() => this.source.hasWork() || this.draining || this.handingOver);
        if (this.handingOver) {
          return;
        }
      }
      const effect = this.source.next();
      if (effect === undefined) {
        return;
      }
      const first = this.source.takenFirst?.(effect) === true;
      if (first) {
        this.source.done(effect);
      }
      await this.source.perform(effect);
      if (!first) {
        this.source.done(effect);
      }
    }
  }

  /** Resolves once every queued effect is done; the workflow ends after it. */
  async drain(): Promise<void> {
    this.draining = true;
    await this.started();
  }

  /** Starts nothing new; resolves once no effect is in flight (the rest stays queued for the next run). */
  async handOver(): Promise<void> {
    this.handingOver = true;
    await this.started();
  }

  /** The running loop itself (not a promise chained to it, which would resume the caller later). */
  private started(): Promise<void> {
    if (!this.running) {
      throw new Error('drain() and handOver() stop a pump that runs beside the lifecycle (start())');
    }
    return this.running;
  }
}

/**
 * The workflow side of a delivery's retry policy running out (DELIVERY_RETRY):
 * an ActivityFailure means the activity gave up and its outbox row says
 * `failed` for a supervisor; log it with codes only (template, audience: no
 * PHI) and let the caller move on. Anything else (a workflow bug, a
 * cancellation) is rethrown.
 */
export function deliveryGivenUp(err: unknown, notification: NotificationRequest, message: string): void {
  if (!(err instanceof ActivityFailure)) {
    throw err;
  }
  log.warn(message, { template: notification.template, audience: notification.audience });
}

/** The delivery's promise, settling (not failing) when the delivery gives up after its retries. */
export function orGivenUp(delivery: Promise<unknown>, notification: NotificationRequest, message = 'notification not delivered after retries'): Promise<unknown> {
  return delivery.catch((err: unknown) => deliveryGivenUp(err, notification, message));
}

import { Logger } from '@nestjs/common';
import { sweepDueDeliveries, type PersonDeliveryDeps } from '@careloop/activities';

/**
 * Sends the email and SMS deliveries that wait: quiet hours ended, a failed send's back-off
 * passed, or a crashed sender's lease expired (notification_deliveries.not_before). Every
 * worker runs one; rows are claimed with SKIP LOCKED and a lease, so two never send one row.
 * A sweep that finds a full batch sweeps again at once.
 */
export class NotificationSweeper {
  private readonly logger = new Logger('notifications');
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly deps: PersonDeliveryDeps,
    private readonly everyMs: number,
    private readonly batch = 50,
  ) {}

  start(): void {
    this.schedule();
  }

  /** One pass until no due row is left (tests call it directly). */
  async sweep(): Promise<void> {
    while (!this.stopped && (await sweepDueDeliveries(this.deps, this.batch)) === this.batch) {
      // a full batch: more may be due
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private schedule(): void {
    this.timer = setTimeout(() => {
      this.running = this.sweep()
        .catch((err: unknown) => this.logger.error(`delivery sweep failed: ${err instanceof Error ? err.name : 'error'}`))
        .finally(() => {
          if (!this.stopped) this.schedule();
        });
    }, this.everyMs);
    this.timer.unref();
  }
}

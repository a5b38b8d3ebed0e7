import type { NotificationRequest } from '@careloop/contracts';
import type { NotificationChannel } from './case.ports';

/**
 * The default channel: one structured log line per notification. Params are
 * PHI-free by contract, but only the key, template and audience are logged.
 */
export class LogNotificationChannel implements NotificationChannel {
  readonly name = 'log';

  constructor(private readonly log: (line: string) => void) {}

  async deliver(n: NotificationRequest): Promise<void> {
    this.log(`notification ${n.template} to ${n.audience} via ${n.channel} (key ${n.key})`);
  }
}

/**
 * POSTs the notification as JSON to a webhook, with the key as
 * `Idempotency-Key` so the receiver can drop repeats. Non-2xx is a failure
 * (retried by Temporal); the error names only the status.
 */
export class WebhookNotificationChannel implements NotificationChannel {
  readonly name = 'webhook';

  constructor(
    private readonly url: string,
    private readonly timeoutMs = 10_000,
  ) {}

  async deliver(n: NotificationRequest): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': n.key },
      body: JSON.stringify(n),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (!res.ok) {
      throw new Error(`webhook answered ${res.status}`);
    }
  }
}

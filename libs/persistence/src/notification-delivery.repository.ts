import type { DataSource } from 'typeorm';
import type { NotificationAudience, NotificationRequest, TemplateLanguage } from '@careloop/contracts';
import { execute, selectRows } from './sql.query';

/** Person channels with a delivery row (the webhook/provider channel keeps the notification row's own status). */
export type PersonChannelName = 'in_app' | 'email' | 'sms';

export interface DeliveryPlan {
  readonly notificationKey: string;
  /** `staff:<id>` or `member:<id>`. */
  readonly recipient: string;
  readonly channel: PersonChannelName;
  readonly language: TemplateLanguage;
  readonly timeZone: string;
  /** Now, or when the recipient's quiet hours end. */
  readonly notBefore: Date;
}

/** A claimed delivery with its notification, ready to send. */
export interface ClaimedDelivery extends DeliveryPlan {
  /** Including this one. */
  readonly attempts: number;
  readonly notification: NotificationRequest;
}

export interface DeliveryRow extends DeliveryPlan {
  readonly status: 'pending' | 'delivered' | 'failed';
  readonly attempts: number;
  readonly lastError: string | null;
  readonly deliveredAt: Date | null;
}

interface ClaimedRow extends Omit<ClaimedDelivery, 'notification'> {
  caseId: string;
  audience: NotificationAudience;
  requestChannel: NotificationRequest['channel'];
  template: string;
  params: NotificationRequest['params'];
}

const ROW = `notification_key AS "notificationKey", recipient, channel, language, time_zone AS "timeZone", not_before AS "notBefore"`;

/**
 * The per-recipient delivery rows of the outbox. Senders claim due rows with a lease
 * (not_before moves forward, FOR UPDATE SKIP LOCKED), so the activity and the sweeper —
 * or two workers — never send one row at once; a crash mid-send leaves the row to be
 * claimed again when the lease ends (at-least-once; the message id lets a relay drop a repeat).
 */
export class NotificationDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Adds the rows that are not there yet (a retried activity keeps the first plan and its state). */
  async plan(rows: readonly DeliveryPlan[]): Promise<void> {
    for (const r of rows) {
      await execute(
        this.dataSource,
        `INSERT INTO notification_deliveries (notification_key, recipient, channel, language, time_zone, status, not_before)
         VALUES ($1, $2, $3, $4, $5, 'pending', $6) ON CONFLICT DO NOTHING`,
        [r.notificationKey, r.recipient, r.channel, r.language, r.timeZone, r.notBefore],
      );
    }
  }

  /** Claims pending rows whose not_before has passed (of one notification, or any), leasing them for `leaseMs`. */
  async claimDue(opts: { readonly notificationKey?: string; readonly limit: number; readonly leaseMs: number }): Promise<ClaimedDelivery[]> {
    const rows = await selectRows<ClaimedRow>(
      this.dataSource,
      `WITH due AS (
         SELECT notification_key, recipient, channel FROM notification_deliveries
          WHERE status = 'pending' AND not_before <= now() AND ($1::varchar IS NULL OR notification_key = $1)
          ORDER BY not_before LIMIT $2 FOR UPDATE SKIP LOCKED),
       claimed AS (
         UPDATE notification_deliveries d SET not_before = now() + make_interval(secs => $3::double precision / 1000), attempts = d.attempts + 1
           FROM due WHERE d.notification_key = due.notification_key AND d.recipient = due.recipient AND d.channel = due.channel
         RETURNING d.*)
       SELECT c.notification_key AS "notificationKey", c.recipient, c.channel, c.language, c.time_zone AS "timeZone", c.not_before AS "notBefore",
              c.attempts, n.case_id AS "caseId", n.audience, n.channel AS "requestChannel", n.template, n.params
         FROM claimed c JOIN notifications n ON n.key = c.notification_key`,
      [opts.notificationKey ?? null, opts.limit, opts.leaseMs],
    );
    return rows.map(({ caseId, audience, requestChannel, template, params, ...d }) => ({
      ...d,
      notification: { key: d.notificationKey, caseId, audience, channel: requestChannel, template, params },
    }));
  }

  async markDelivered(d: Pick<DeliveryPlan, 'notificationKey' | 'recipient' | 'channel'>): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE notification_deliveries SET status = 'delivered', delivered_at = now(), last_error = NULL WHERE notification_key = $1 AND recipient = $2 AND channel = $3`,
      [d.notificationKey, d.recipient, d.channel],
    );
  }

  /** A failed send (PHI-free error): pending again from `retryAt`, or failed for good when null. */
  async markFailed(d: Pick<DeliveryPlan, 'notificationKey' | 'recipient' | 'channel'>, error: string, retryAt: Date | null): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE notification_deliveries SET status = CASE WHEN $5::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
         not_before = COALESCE($5::timestamptz, not_before), last_error = $4 WHERE notification_key = $1 AND recipient = $2 AND channel = $3`,
      [d.notificationKey, d.recipient, d.channel, error.slice(0, 500), retryAt],
    );
  }

  /** Every row of a notification (operations and tests). */
  forNotification(key: string): Promise<DeliveryRow[]> {
    return selectRows<DeliveryRow>(
      this.dataSource,
      `SELECT ${ROW}, status, attempts, last_error AS "lastError", delivered_at AS "deliveredAt" FROM notification_deliveries WHERE notification_key = $1 ORDER BY recipient, channel`,
      [key],
    );
  }
}

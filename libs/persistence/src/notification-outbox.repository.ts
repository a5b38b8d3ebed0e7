import type { DataSource } from 'typeorm';
import type { NotificationRequest } from '@careloop/contracts';
import { execute, selectOne, type SqlRunner } from './sql.query';

/** Inserts a notification as pending, once per key (a retried write leaves the row as it is). */
export function insertPendingNotification(db: SqlRunner, n: NotificationRequest): Promise<void> {
  return execute(
    db,
    `INSERT INTO notifications (key, case_id, audience, channel, template, params, status) VALUES ($1, $2, $3, $4, $5, $6, 'pending')
     ON CONFLICT (key) DO NOTHING`,
    [n.key, n.caseId, n.audience, n.channel, n.template, JSON.stringify(n.params)],
  );
}

/** Delivery state of the notification outbox (rows are created with their case event). */
export class NotificationOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** A pending row for a notification not written by a case event (discharge planning); an existing key is kept. */
  async enqueue(n: NotificationRequest): Promise<void> {
    await insertPendingNotification(this.dataSource, n);
  }

  async isDelivered(key: string): Promise<boolean> {
    const row = await selectOne<{ status: string }>(this.dataSource, 'SELECT status FROM notifications WHERE key = $1', [key]);
    return row?.status === 'delivered';
  }

  async markDelivered(key: string): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE notifications SET status = 'delivered', attempts = attempts + 1, delivered_at = now(), last_attempt_at = now(),
         last_error = NULL, first_failed_at = NULL WHERE key = $1`,
      [key],
    );
  }

  /** Records a failed try; the error text must be PHI-free (channel errors name hosts and statuses only). */
  async markFailed(key: string, error: string): Promise<void> {
    await execute(
      this.dataSource,
      `UPDATE notifications SET status = 'failed', attempts = attempts + 1, last_error = $2, last_attempt_at = now(),
         first_failed_at = COALESCE(first_failed_at, now()) WHERE key = $1`,
      [key, error.slice(0, 500)],
    );
  }
}

import type { DataSource } from 'typeorm';

/** Delivery state of the notification outbox (rows are created with their case event). */
export class NotificationOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Queues a notification that no case event carries (reviews, complaints):
   * once per key, so a retried activity adds nothing. Params are PHI-free by contract.
   */
  async enqueue(n: { key: string; caseId: string; audience: string; channel: string; template: string; params: Record<string, unknown> }): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO notifications (key, case_id, audience, channel, template, params, status) VALUES ($1, $2, $3, $4, $5, $6, 'pending') ON CONFLICT (key) DO NOTHING`,
      [n.key, n.caseId, n.audience, n.channel, n.template, JSON.stringify(n.params)],
    );
  }

  async isDelivered(key: string): Promise<boolean> {
    const rows: { status: string }[] = await this.dataSource.query('SELECT status FROM notifications WHERE key = $1', [key]);
    return rows[0]?.status === 'delivered';
  }

  async markDelivered(key: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE notifications SET status = 'delivered', attempts = attempts + 1, delivered_at = now(), last_attempt_at = now(),
         last_error = NULL, first_failed_at = NULL WHERE key = $1`,
      [key],
    );
  }

  /** Records a failed try; the error text must be PHI-free (channel errors name hosts and statuses only). */
  async markFailed(key: string, error: string): Promise<void> {
    await this.dataSource.query(`UPDATE notifications SET status = 'failed', attempts = attempts + 1, last_error = $2, last_attempt_at = now(),
         first_failed_at = COALESCE(first_failed_at, now()) WHERE key = $1`, [
      key,
      error.slice(0, 500),
    ]);
  }
}

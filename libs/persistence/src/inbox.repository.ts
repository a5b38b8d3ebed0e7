import type { DataSource } from 'typeorm';
import type { InboxMessageView, TemplateLanguage } from '@careloop/contracts';
import { selectOne, selectRows, type SqlRunner } from './sql.query';

export interface InboxMessageInput {
  readonly recipientId: string;
  readonly notificationKey: string;
  readonly template: string;
  readonly subject: string;
  readonly body: string;
  readonly language: TemplateLanguage;
  readonly caseId: string | null;
  readonly workItemId: string | null;
  readonly link: string | null;
}

/** Where a page of the inbox ended (newest first: created_at, then id). */
export interface InboxCursor {
  readonly createdAt: string;
  readonly id: string;
}

interface Row extends Omit<InboxMessageView, 'createdAt' | 'readAt'> {
  createdAt: Date;
  readAt: Date | null;
}

const COLUMNS = `id, notification_key AS "notificationKey", template, subject, body, language, case_id AS "caseId",
  work_item_id AS "workItemId", link, created_at AS "createdAt", read_at AS "readAt"`;

const view = (r: Row): InboxMessageView => ({ ...r, createdAt: r.createdAt.toISOString(), readAt: r.readAt?.toISOString() ?? null });

/** Writes an in-app message once per (recipient, notification key): a retried delivery changes nothing. */
export async function writeInboxMessage(db: SqlRunner, m: InboxMessageInput): Promise<void> {
  await db.query(
    `INSERT INTO inbox_messages (recipient_id, notification_key, template, subject, body, language, case_id, work_item_id, link)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (recipient_id, notification_key) DO NOTHING`,
    [m.recipientId, m.notificationKey, m.template, m.subject.slice(0, 300), m.body, m.language, m.caseId, m.workItemId, m.link],
  );
}

/** A person's in-app messages. Every read and change is by recipient: nobody reaches another's messages. */
export class InboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  write(m: InboxMessageInput): Promise<void> {
    return writeInboxMessage(this.dataSource, m);
  }

  async page(recipientId: string, opts: { readonly unreadOnly: boolean; readonly cursor: InboxCursor | null; readonly limit: number }): Promise<InboxMessageView[]> {
    const rows = await selectRows<Row>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM inbox_messages
        WHERE recipient_id = $1 AND ($2::boolean IS FALSE OR read_at IS NULL)
          AND ($3::timestamptz IS NULL OR (created_at, id) < ($3::timestamptz, $4::uuid))
        ORDER BY created_at DESC, id DESC LIMIT $5`,
      [recipientId, opts.unreadOnly, opts.cursor?.createdAt ?? null, opts.cursor?.id ?? null, opts.limit],
    );
    return rows.map(view);
  }

  async unreadCount(recipientId: string): Promise<number> {
    const row = await selectOne<{ n: number }>(this.dataSource, 'SELECT count(*)::int AS n FROM inbox_messages WHERE recipient_id = $1 AND read_at IS NULL', [recipientId]);
    return row?.n ?? 0;
  }

  /** Marks one message read (a repeat keeps the first read time); null when it is not this person's. */
  async markRead(recipientId: string, id: string): Promise<InboxMessageView | null> {
    const row = await selectOne<Row>(
      this.dataSource,
      `WITH m AS (UPDATE inbox_messages SET read_at = COALESCE(read_at, now()) WHERE id = $2 AND recipient_id = $1 RETURNING ${COLUMNS}) SELECT * FROM m`,
      [recipientId, id],
    );
    return row ? view(row) : null;
  }

  /**
   * Marks read every unread message received at or before `through` (what the person saw); answers how many
   * changed. `through` comes from a view in milliseconds while created_at keeps microseconds: the whole
   * millisecond counts, so the newest message shown is included.
   */
  async markAllRead(recipientId: string, through: Date): Promise<number> {
    const row = await selectOne<{ n: number }>(
      this.dataSource,
      `WITH m AS (UPDATE inbox_messages SET read_at = now() WHERE recipient_id = $1 AND read_at IS NULL AND created_at < $2::timestamptz + interval '1 millisecond' RETURNING 1) SELECT count(*)::int AS n FROM m`,
      [recipientId, through],
    );
    return row?.n ?? 0;
  }
}

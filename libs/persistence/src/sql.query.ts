import type { EntityManager } from 'typeorm';

/**
 * The one way the repositories talk to Postgres (docs/architecture.md,
 * "Persistence: one way"): a statement, its positional parameters, and rows
 * typed as the statement's column list says. The DataSource runs a single
 * statement; the EntityManager of `dataSource.transaction(...)` runs several
 * in one transaction.
 *
 * Columns are aliased to the field names the repository returns
 * (`actor_id AS "actorId"`), so a row needs no mapping code; only values that
 * change type (a timestamptz read as Date, answered as ISO text) are mapped.
 *
 * Hazards of the pg driver under TypeORM, handled in the SQL:
 * - a `date` column comes back as a JS Date at local midnight: select it as
 *   `col::text` to keep the calendar date;
 * - a bigint comes back as a string: cast (`::int`) or select `::text` on purpose;
 * - a bare `UPDATE`/`DELETE … RETURNING` answers `[rows, count]`, not rows:
 *   wrap it in a CTE (`WITH x AS (UPDATE … RETURNING …) SELECT * FROM x`).
 */
export type SqlRunner = Pick<EntityManager, 'query'>;

/** Every row the statement returns (SELECT, or INSERT … RETURNING). */
export function selectRows<R extends object>(db: SqlRunner, sql: string, params: readonly unknown[] = []): Promise<R[]> {
  return db.query(sql, [...params]) as Promise<R[]>;
}

/** The first row, or null when there is none. */
export async function selectOne<R extends object>(db: SqlRunner, sql: string, params: readonly unknown[] = []): Promise<R | null> {
  return (await selectRows<R>(db, sql, params))[0] ?? null;
}

/** A write whose answer is not read (INSERT, UPDATE, DELETE, upserts). */
export async function execute(db: SqlRunner, sql: string, params: readonly unknown[] = []): Promise<void> {
  await db.query(sql, [...params]);
}

import type { ReactNode } from 'react';
import type { PagedList } from './paged-list.hook';
import { label } from './format';
import { ProblemNotice } from './problem.notice';

/** A task's status, with "overdue" said in words (not by colour alone). */
export function TaskStatus({ status, overdue }: { status: string; overdue: boolean }) {
  return (
    <span className={`status status--${status}${overdue ? ' late' : ''}`}>
      {label(status)}
      {overdue && status !== 'missed' ? ' (overdue)' : ''}
    </span>
  );
}

/** "Show more" while the API has another page. */
export function MoreButton<T>({ list }: { list: PagedList<T> }) {
  return list.hasMore ? (
    <button type="button" className="secondary" onClick={() => void list.more()}>
      Show more
    </button>
  ) : null;
}

/**
 * A list page: heading, filters, the API's problem, then the count, the rows
 * (`children`, a table) or what to say when there are none, and "Show more".
 */
export function ListFrame<T>({
  id,
  title,
  filters,
  list,
  subject,
  noun,
  empty,
  children,
}: {
  id: string;
  title: string;
  filters?: ReactNode;
  list: PagedList<T>;
  /** What a 404 is about. */
  subject?: string;
  /** Singular and plural for the count, e.g. ['discharge', 'discharges']. */
  noun: readonly [string, string];
  empty: string;
  children: ReactNode;
}) {
  return (
    <section aria-labelledby={id}>
      <h1 id={id}>{title}</h1>
      {filters && (
        <form className="filters" aria-label={`Filter ${noun[1]}`} onSubmit={(e) => e.preventDefault()}>
          {filters}
        </form>
      )}
      {list.problem && <ProblemNotice problem={list.problem} subject={subject} />}
      {list.loading ? (
        <p className="loading">Loading {noun[1]}…</p>
      ) : (
        <>
          <p className="count" role="status">
            {list.rows.length}
            {list.hasMore ? '+' : ''} {list.rows.length === 1 ? noun[0] : noun[1]}
          </p>
          {list.rows.length === 0 ? <p>{empty}</p> : children}
          <MoreButton list={list} />
        </>
      )}
    </section>
  );
}

import type { PagedList } from './paged-list.hook';
import { label } from './format';

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

import { useState } from 'react';
import type { ListPage } from '@careloop/contracts';
import { api, query, type ApiProblem } from './api.client';
import { useLoad } from './data.hook';

export interface PagedList<T> {
  readonly rows: readonly T[];
  readonly loading: boolean;
  readonly problem: ApiProblem | null;
  /** Whether the API has another page. */
  readonly hasMore: boolean;
  readonly more: () => Promise<void>;
  readonly reload: () => Promise<void>;
}

/**
 * A cursor-paged API list (`{ items, nextCursor }`): the first page for
 * `filters`, refreshed every `refreshMs` while visible, and further pages
 * appended on `more()`. New filters start from the first page again.
 */
export function usePagedList<T>(path: string, filters: Record<string, string | boolean | undefined>, refreshMs = 15_000): PagedList<T> {
  const [extra, setExtra] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const params = { ...filters, limit: 50 };
  const first = useLoad(
    async () => {
      const page = await api.get<ListPage<T>>(`${path}${query(params)}`);
      setExtra([]);
      setCursor(page.nextCursor);
      return page;
    },
    [path, JSON.stringify(filters)],
    refreshMs,
  );
  const more = async () => {
    if (!cursor) return;
    const page = await api.get<ListPage<T>>(`${path}${query({ ...params, cursor })}`);
    setExtra((e) => [...e, ...page.items]);
    setCursor(page.nextCursor);
  };
  return { rows: [...(first.data?.items ?? []), ...extra], loading: first.loading && !first.data, problem: first.problem, hasMore: cursor !== null, more, reload: first.reload };
}

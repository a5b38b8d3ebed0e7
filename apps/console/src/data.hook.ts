import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from './api.client';

export interface Loaded<T> {
  readonly data: T | null;
  readonly problem: ApiProblem | null;
  readonly loading: boolean;
  readonly reload: () => Promise<void>;
}

/**
 * Loads `fetcher` now, again when `deps` change, and every `refreshMs` while
 * the tab is visible (the workflows move on their own: timers, deadlines).
 */
export function useLoad<T>(fetcher: () => Promise<T>, deps: readonly unknown[], refreshMs?: number): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [loading, setLoading] = useState(true);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;

  const reload = useCallback(async () => {
    try {
      setData(await fetcherRef.current());
      setProblem(null);
    } catch (err) {
      setProblem(err instanceof ApiProblem ? err : new ApiProblem(0, 'console_error', String(err)));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    setLoading(true);
    void reload();
    if (!refreshMs) {
      return undefined;
    }
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') {
        void reload();
      }
    }, refreshMs);
    return () => window.clearInterval(timer);
  }, deps);

  return { data, problem, loading, reload };
}

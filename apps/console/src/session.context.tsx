import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api, ApiProblem, whenUnauthenticated } from './api.client';
import type { CurrentUserView, Role } from '@careloop/contracts';

interface Session {
  readonly me: CurrentUserView | null;
  /** True until the first /auth/me has answered. */
  readonly loading: boolean;
  readonly signIn: (who: { sub: string; role: Role; team?: string }) => Promise<void>;
  readonly signOut: () => Promise<void>;
  /** Set when the session ended under the user's feet (expired cookie). */
  readonly expired: boolean;
}

const SessionContext = createContext<Session | null>(null);

/**
 * Who is signed in, from `GET /auth/me` (the HttpOnly cookie is invisible to
 * scripts, so the API is asked). Nothing about the user is kept in storage.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<CurrentUserView | null>(null);
  const [loading, setLoading] = useState(true);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    api
      .get<CurrentUserView>('/auth/me')
      .then(setMe, (err: unknown) => {
        if (!(err instanceof ApiProblem && err.status === 401)) {
          console.error('could not read the session', err instanceof ApiProblem ? err.code : err);
        }
      })
      .finally(() => setLoading(false));
    whenUnauthenticated(() => {
      setMe(null);
      setExpired(true);
    });
    return () => whenUnauthenticated(null);
  }, []);

  const signIn = useCallback(async (who: { sub: string; role: Role; team?: string }) => {
    await api.post('/auth/dev-login', who);
    setMe(await api.get<CurrentUserView>('/auth/me'));
    setExpired(false);
  }, []);

  const signOut = useCallback(async () => {
    await api.delete('/auth/session');
    setMe(null);
  }, []);

  return <SessionContext.Provider value={{ me, loading, signIn, signOut, expired }}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) {
    throw new Error('useSession outside SessionProvider');
  }
  return s;
}

/** What the console offers each role (the API enforces the same; this only hides what cannot work). */
export const can = {
  workCases: (r: Role) => r === 'care_manager' || r === 'supervisor' || r === 'admin',
  supervise: (r: Role) => r === 'supervisor' || r === 'admin',
  /** The Reports page (GET /reports/…): supervisors and admins with the members behind each measure, the committee aggregates only. */
  report: (r: Role) => r === 'supervisor' || r === 'admin' || r === 'committee',
};

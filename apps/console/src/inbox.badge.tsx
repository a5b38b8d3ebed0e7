import { useEffect } from 'react';
import { api } from './api.client';
import { useLoad } from './data.hook';

/** Fired by the inbox page when it marks messages read, so the badge follows at once instead of at the next poll. */
export const INBOX_CHANGED = 'careloop:inbox-changed';

export function announceInboxChanged(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED));
}

/** The nav's unread count: polled every 15 s while the tab is visible (GET /inbox/unread-count), hidden at 0. */
export function InboxBadge() {
  const count = useLoad(() => api.get<{ unread: number }>('/inbox/unread-count'), [], 15_000);
  useEffect(() => {
    const reload = () => void count.reload();
    window.addEventListener(INBOX_CHANGED, reload);
    return () => window.removeEventListener(INBOX_CHANGED, reload);
  }, [count.reload]);
  const unread = count.data?.unread ?? 0;
  return unread > 0 ? (
    <span className="badge" aria-label={`${unread} unread`} data-testid="inbox-badge">
      {unread}
    </span>
  ) : null;
}

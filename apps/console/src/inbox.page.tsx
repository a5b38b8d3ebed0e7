import { useState } from 'react';
import type { InboxMessageView, InboxPage as InboxPageView } from '@careloop/contracts';
import { api, query } from './api.client';
import { useLoad } from './data.hook';
import { when } from './format';
import { announceInboxChanged } from './inbox.badge';
import { NotificationPreferencesForm } from './notification-preferences.form';
import { ProblemNotice } from './problem.notice';
import { Link } from './router.nav';

/** The signed-in person's messages (the detail of their notices), newest first, and their delivery preferences. */
export function InboxPage() {
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [more, setMore] = useState<InboxMessageView[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const list = useLoad(
    async () => {
      const page = await api.get<InboxPageView>(`/inbox${query({ unread: unreadOnly ? 'true' : undefined, limit: 50 })}`);
      setMore([]);
      setCursor(page.nextCursor);
      return page;
    },
    [unreadOnly],
    15_000,
  );
  const items = [...(list.data?.items ?? []), ...more];

  const loadMore = async () => {
    if (!cursor) return;
    const page = await api.get<InboxPageView>(`/inbox${query({ unread: unreadOnly ? 'true' : undefined, limit: 50, cursor })}`);
    setMore((m) => [...m, ...page.items]);
    setCursor(page.nextCursor);
  };
  const changed = async () => {
    await list.reload();
    announceInboxChanged();
  };
  const markRead = async (id: string) => {
    await api.post(`/inbox/${id}/read`);
    await changed();
  };
  const markAll = async () => {
    // Only what is shown: a message that arrived since stays unread.
    const newest = list.data?.items[0]?.createdAt ?? new Date().toISOString();
    await api.post('/inbox/read-all', { through: newest });
    await changed();
  };

  return (
    <section aria-labelledby="inbox-title">
      <h1 id="inbox-title">Inbox</h1>
      <p>
        {list.data ? `${list.data.unread} unread` : ''}{' '}
        <label>
          <input type="checkbox" checked={unreadOnly} onChange={(e) => setUnreadOnly(e.target.checked)} /> Unread only
        </label>{' '}
        <button type="button" onClick={() => void markAll()} disabled={!list.data || list.data.unread === 0}>
          Mark all read
        </button>
      </p>
      {list.problem && <ProblemNotice problem={list.problem} />}
      {list.data && items.length === 0 && <h2>No messages</h2>}
      <ul className="inbox" aria-label="Messages">
        {items.map((m) => (
          <li key={m.id}>
            <article aria-label={m.subject} className={m.readAt ? 'message message--read' : 'message message--unread'}>
              <h2>
                {m.readAt ? '' : <span className="visually-hidden">Unread: </span>}
                {m.subject}
              </h2>
              <p>{m.body}</p>
              <p className="muted">
                {when(m.createdAt)}
                {m.link ? (
                  <>
                    {' · '}
                    <Link to={m.link.replace(/^\/app/, '')}>Open</Link>
                  </>
                ) : null}
                {m.readAt ? ` · read ${when(m.readAt)}` : null}
              </p>
              {!m.readAt && (
                <button type="button" onClick={() => void markRead(m.id)}>
                  Mark read
                </button>
              )}
            </article>
          </li>
        ))}
      </ul>
      {cursor && (
        <button type="button" onClick={() => void loadMore()}>
          More
        </button>
      )}
      <NotificationPreferencesForm />
    </section>
  );
}

import { useState } from 'react';
import { WORK_ITEM_KINDS, type TeamList, type TeamView, type WorkItemView, type WorklistPage } from '@careloop/contracts';
import { api, query } from './api.client';
import { ApiProblem } from './api-problem';
import { FOR_TASK } from './case.page';
import { useLoad } from './data.hook';
import { label, relative, when } from './format';
import { FilterSelect } from './filter.select';
import { navigate } from './router.nav';
import { ProblemNotice } from './problem.notice';
import { can, useSession } from './session.context';

type Tab = 'mine' | 'team' | 'person' | 'whole-team';

/**
 * My work (docs/worklists.md): the caller's worklist (`GET /worklist`) in three sections — overdue,
 * due today, upcoming — with claim and release, and "Do it", which opens the case at the form the
 * task calls for. A second tab is the team's unclaimed queue. Supervisors pick a person or their
 * team and see that list (`GET /worklist/staff/:id`, `/worklist/teams/:id`).
 */
export function WorkPage() {
  const { me } = useSession();
  const supervisor = !!me && can.supervise(me.role);
  const [tab, setTab] = useState<Tab>('mine');
  const [kind, setKind] = useState('');
  const [picked, setPicked] = useState('');
  const [notice, setNotice] = useState('');
  const [actionProblem, setActionProblem] = useState<ApiProblem | null>(null);
  const team = useLoad(() => (supervisor ? api.get<TeamList>('/teams') : Promise.resolve({ items: [] } as TeamList)), [supervisor]);
  const teamId = team.data?.items[0]?.id ?? me?.team ?? '';
  const people = useLoad(() => (supervisor && teamId ? api.get<TeamView>(`/teams/${teamId}`) : Promise.resolve(null)), [supervisor, teamId]);

  const path = (): string | null => {
    const filters = { limit: 100, kind };
    if (tab === 'mine') return `/worklist${query({ ...filters, scope: 'mine' })}`;
    if (tab === 'team') return `/worklist${query({ ...filters, scope: 'team' })}`;
    if (tab === 'person') return picked ? `/worklist/staff/${encodeURIComponent(picked)}${query(filters)}` : null;
    return teamId ? `/worklist/teams/${encodeURIComponent(teamId)}${query(filters)}` : null;
  };
  const list = useLoad(() => {
    const p = path();
    return p ? api.get<WorklistPage>(p) : Promise.resolve(null);
  }, [tab, kind, picked, teamId], 15_000);

  const act = async (item: WorkItemView, action: 'claim' | 'release') => {
    setActionProblem(null);
    try {
      await api.post(`/worklist/${encodeURIComponent(item.id)}/${action}`);
      setNotice(action === 'claim' ? `Claimed: ${label(item.kind)} is on your list.` : `Released: ${label(item.kind)} is back in the team queue.`);
      await list.reload();
    } catch (err) {
      setActionProblem(err instanceof ApiProblem ? err : new ApiProblem(0, 'console_error', String(err)));
    }
  };

  const reassign = async (item: WorkItemView, toStaffId: string, reason: string) => {
    setActionProblem(null);
    try {
      await api.post(`/worklist/${encodeURIComponent(item.id)}/reassign`, { toStaffId, reason });
      setNotice(`Reassigned: ${label(item.kind)} is now ${toStaffId}'s.`);
      await list.reload();
    } catch (err) {
      setActionProblem(err instanceof ApiProblem ? err : new ApiProblem(0, 'console_error', String(err)));
    }
  };
  // A supervisor hands work to someone on their team; the API refuses a person of the wrong role (422, shown on the page).
  const assignees = supervisor ? (people.data?.members ?? []) : [];

  const items = list.data?.items ?? [];
  const endOfToday = new Date();
  endOfToday.setUTCHours(24, 0, 0, 0);
  const sections: { title: string; rows: WorkItemView[] }[] = [
    { title: 'Overdue', rows: items.filter((i) => i.overdue) },
    { title: 'Due today', rows: items.filter((i) => !i.overdue && new Date(i.dueAt) < endOfToday) },
    { title: 'Upcoming', rows: items.filter((i) => !i.overdue && new Date(i.dueAt) >= endOfToday) },
  ];
  const tabs: { key: Tab; text: string; show: boolean }[] = [
    { key: 'mine', text: 'My work', show: true },
    { key: 'team', text: 'Team queue', show: true },
    { key: 'person', text: "A person's list", show: supervisor },
    { key: 'whole-team', text: "My team's open work", show: supervisor },
  ];

  return (
    <section aria-labelledby="work-title">
      <div className="page-head">
        <h1 id="work-title">My work</h1>
      </div>
      <div role="tablist" aria-label="Worklists" className="tabs">
        {tabs
          .filter((t) => t.show)
          .map((t) => (
            <button key={t.key} type="button" role="tab" aria-selected={tab === t.key} className={tab === t.key ? 'tab tab--active' : 'tab'} onClick={() => setTab(t.key)}>
              {t.text}
            </button>
          ))}
      </div>
      <form className="filters" aria-label="Filter work" onSubmit={(e) => e.preventDefault()}>
        <FilterSelect label="Kind" value={kind} options={WORK_ITEM_KINDS} onChange={setKind} />
        {tab === 'person' && (
          <label>
            Person
            <select value={picked} onChange={(e) => setPicked(e.target.value)}>
              <option value="">Choose someone…</option>
              {(people.data?.members ?? []).map((m) => (
                <option key={m.id} value={m.id}>
                  {m.displayName} ({m.id})
                </option>
              ))}
            </select>
          </label>
        )}
      </form>
      <p className="done" role="status">
        {notice}
      </p>
      {actionProblem && <ProblemNotice problem={actionProblem} subject="work item" />}
      {list.problem && <ProblemNotice problem={list.problem} />}
      {list.data && (
        <p className="count">
          {list.data.counts.overdue} overdue · {list.data.counts.dueToday} due today · {list.data.counts.open} open
        </p>
      )}
      {list.loading && !list.data ? (
        <p className="loading">Loading work…</p>
      ) : tab === 'person' && !picked ? (
        <p>Choose a person to see what they hold.</p>
      ) : (
        sections.map((s) => (
          <section key={s.title} aria-label={s.title} className="panel">
            <h2>
              {s.title} ({s.rows.length})
            </h2>
            {s.rows.length === 0 ? (
              <p className="muted">Nothing {s.title.toLowerCase()}.</p>
            ) : (
              <ul className="work-items">
                {s.rows.map((i) => (
                  <WorkRow key={i.id} item={i} mine={i.owner.kind === 'person' && i.owner.staffId === me?.sub} onAct={act} assignees={assignees} onReassign={reassign} />
                ))}
              </ul>
            )}
          </section>
        ))
      )}
    </section>
  );
}

/** Where the work of an item without a case is done in the console: its discharge, review or complaint page. */
const SOURCE_PAGE: Partial<Record<WorkItemView['source'], string>> = { discharge: '/discharges', utilization_review: '/utilization-reviews', complaint: '/complaints' };

interface WorkRowProps {
  readonly item: WorkItemView;
  readonly mine: boolean;
  readonly onAct: (i: WorkItemView, a: 'claim' | 'release') => Promise<void>;
  /** Who a supervisor may hand it to (empty for everyone else). */
  readonly assignees: readonly { readonly id: string; readonly displayName: string }[];
  readonly onReassign: (i: WorkItemView, toStaffId: string, reason: string) => Promise<void>;
}

function WorkRow({ item, mine, onAct, assignees, onReassign }: WorkRowProps) {
  const holder = item.owner.kind === 'person' ? item.owner.staffId : `${label(item.owner.role)} queue${item.owner.teamId ? ` of ${item.owner.teamId}` : ''}`;
  const form = FOR_TASK[item.kind];
  return (
    <li className={item.overdue ? 'work-item overdue' : 'work-item'} data-work-item={item.id}>
      <span className="work-kind">{label(item.kind)}</span>
      <span className={`priority priority--${item.priority}`}>{item.priority}</span>
      {item.status === 'suspended' && <span className="badge">paused</span>}
      <span className="sub">
        due {when(item.dueAt)} ({relative(item.dueAt)}) · {holder}
        {item.programCode ? ` · ${item.programCode}` : ''}
      </span>
      <span className="actions">
        {item.owner.kind === 'team' && (
          <button type="button" onClick={() => void onAct(item, 'claim')}>
            Claim
          </button>
        )}
        {mine && (
          <button type="button" className="secondary" onClick={() => void onAct(item, 'release')}>
            Release
          </button>
        )}
        {item.caseId && (
          <button type="button" className="link-button" onClick={() => navigate(`/cases/${item.caseId}`, { carry: form ? { action: form } : {} })}>
            Do it
          </button>
        )}
        {!item.caseId && SOURCE_PAGE[item.source] && (
          <button type="button" className="link-button" onClick={() => navigate(`${SOURCE_PAGE[item.source]}/${encodeURIComponent(item.sourceId)}`)}>
            Do it
          </button>
        )}
      </span>
      {assignees.length > 0 && <ReassignForm item={item} assignees={assignees} onReassign={onReassign} />}
    </li>
  );
}

/** A supervisor's reassignment with its reason (kept in the audit log): POST /worklist/:id/reassign. */
function ReassignForm({ item, assignees, onReassign }: Pick<WorkRowProps, 'item' | 'assignees' | 'onReassign'>) {
  const [to, setTo] = useState('');
  const [reason, setReason] = useState('');
  return (
    <details className="reassign">
      <summary>Reassign</summary>
      <form
        aria-label={`Reassign ${label(item.kind)}`}
        onSubmit={(e) => {
          e.preventDefault();
          void onReassign(item, to, reason);
        }}
      >
        <label>
          To
          <select value={to} onChange={(e) => setTo(e.target.value)} required>
            <option value="">Choose someone…</option>
            {assignees.map((m) => (
              <option key={m.id} value={m.id}>
                {m.displayName} ({m.id})
              </option>
            ))}
          </select>
        </label>
        <label>
          Reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} maxLength={500} />
        </label>
        <button type="submit">Reassign</button>
      </form>
    </details>
  );
}

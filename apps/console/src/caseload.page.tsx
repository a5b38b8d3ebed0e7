import { useMemo, useState } from 'react';
import { CASE_PHASES, RISK_TIERS } from '@careloop/domain';
import { api, query } from './api.client';
import type { CaseSummaryView, Page } from '@careloop/contracts';
import { useLoad } from './data.hook';
import { isPast, label, relative, stepTitle, when } from './format';
import { Link } from './router.nav';
import { useSession } from './session.context';
import { ProblemNotice } from './problem.notice';
import { FilterSelect } from './filter.select';

type SortKey = 'nextDue' | 'riskTier' | 'phase';
const MAX_PAGES = 5;
const TIER_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2 };

/** Every open case the caller may see (the API scopes the list), up to MAX_PAGES pages of 100. */
async function loadCases(filters: { phase: string; riskTier: string; overdue: boolean; careManagerId?: string }): Promise<{ items: CaseSummaryView[]; more: boolean }> {
  const items: CaseSummaryView[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < MAX_PAGES; i++) {
    const page: Page<CaseSummaryView> = await api.get(
      `/cases${query({ limit: 100, cursor, phase: filters.phase, riskTier: filters.riskTier, overdue: filters.overdue || undefined, careManagerId: filters.careManagerId })}`,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) {
      return { items, more: false };
    }
  }
  return { items, more: true };
}

export function sortCases(items: readonly CaseSummaryView[], key: SortKey): CaseSummaryView[] {
  const byKey = (a: CaseSummaryView, b: CaseSummaryView): number => {
    switch (key) {
      case 'nextDue':
        return (a.nextDueAt ?? '9999').localeCompare(b.nextDueAt ?? '9999');
      case 'riskTier':
        return (TIER_ORDER[a.riskTier ?? ''] ?? 3) - (TIER_ORDER[b.riskTier ?? ''] ?? 3);
      case 'phase':
        return CASE_PHASES.indexOf(a.phase) - CASE_PHASES.indexOf(b.phase);
    }
  };
  // Overdue first, always; then the chosen order; then the soonest due.
  return [...items].sort((a, b) => Number(b.overdue) - Number(a.overdue) || byKey(a, b) || (a.nextDueAt ?? '9999').localeCompare(b.nextDueAt ?? '9999'));
}

export function CaseloadPage() {
  const { me } = useSession();
  const [phase, setPhase] = useState('');
  const [riskTier, setRiskTier] = useState('');
  const [overdue, setOverdue] = useState(false);
  const [assigned, setAssigned] = useState<'mine' | 'unassigned' | 'all'>(me?.role === 'care_manager' ? 'mine' : 'all');
  const [sort, setSort] = useState<SortKey>('nextDue');
  const cases = useLoad(() => loadCases({ phase, riskTier, overdue, ...(assigned === 'mine' && me ? { careManagerId: me.sub } : {}) }), [phase, riskTier, overdue, assigned], 15_000);

  const rows = useMemo(() => {
    const items = (cases.data?.items ?? []).filter((c) => c.phase !== 'closed' || phase === 'closed').filter((c) => assigned !== 'unassigned' || c.careManagerId === null);
    return sortCases(items, sort);
  }, [cases.data, sort, assigned, phase]);

  const title = me?.role === 'care_manager' ? 'My caseload' : 'Team cases';
  return (
    <section aria-labelledby="caseload-title">
      <div className="page-head">
        <h1 id="caseload-title">{title}</h1>
        <Link className="button" to="/cases/new">
          New case
        </Link>
      </div>
      <form className="filters" aria-label="Filter cases" onSubmit={(e) => e.preventDefault()}>
        <label>
          Assigned to
          <select value={assigned} onChange={(e) => setAssigned(e.target.value as typeof assigned)}>
            {me?.role === 'care_manager' && <option value="mine">me</option>}
            <option value="unassigned">nobody yet (the pool)</option>
            <option value="all">anyone I may see</option>
          </select>
        </label>
        <FilterSelect label="Phase" value={phase} options={CASE_PHASES} any="any open" onChange={setPhase} />
        <FilterSelect label="Risk tier" value={riskTier} options={RISK_TIERS} onChange={setRiskTier} />
        <label className="inline">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.target.checked)} /> Overdue only
        </label>
        <label>
          Sort by
          <select value={sort} onChange={(e) => setSort(e.target.value as SortKey)} aria-describedby="sort-hint">
            <option value="nextDue">next due date</option>
            <option value="riskTier">risk tier</option>
            <option value="phase">phase</option>
          </select>
        </label>
        <span className="hint" id="sort-hint">
          Overdue cases always come first.
        </span>
      </form>
      {cases.problem && <ProblemNotice problem={cases.problem} />}
      {cases.loading && !cases.data ? (
        <p className="loading">Loading cases…</p>
      ) : (
        <>
          <p className="count" role="status">
            {rows.length} case{rows.length === 1 ? '' : 's'}
            {cases.data?.more ? ' (the first 500; narrow the filters to see others)' : ''}
          </p>
          <div className="table-wrap">
            <table className="cases">
              <caption className="visually-hidden">{title}, overdue first</caption>
              <thead>
                <tr>
                  <th scope="col">Member</th>
                  <th scope="col">Program</th>
                  <th scope="col" aria-sort={sort === 'phase' ? 'ascending' : undefined}>
                    Phase / step
                  </th>
                  <th scope="col" aria-sort={sort === 'riskTier' ? 'ascending' : undefined}>
                    Risk
                  </th>
                  <th scope="col">Care manager</th>
                  <th scope="col" aria-sort={sort === 'nextDue' ? 'ascending' : undefined}>
                    Next due
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((c) => (
                  <tr key={c.id} className={c.overdue ? 'overdue' : undefined}>
                    <td>
                      <Link to={`/cases/${c.id}`}>{c.memberRef}</Link>
                    </td>
                    <td>{c.programCode}</td>
                    <td>
                      {label(c.phase)}
                      {c.step && <span className="sub">{stepTitle(c.step)}</span>}
                      {c.status === 'paused' && <span className="badge">paused</span>}
                    </td>
                    <td>{c.riskTier ? <span className={`tier tier--${c.riskTier}`}>{c.riskTier}</span> : '—'}</td>
                    <td>{c.careManagerId ?? <span className="muted">pool</span>}</td>
                    <td>
                      {when(c.nextDueAt)}
                      {c.nextDueAt && <span className={`sub${isPast(c.nextDueAt) ? ' late' : ''}`}>{c.overdue ? `overdue, ${relative(c.nextDueAt)}` : relative(c.nextDueAt)}</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length === 0 && <p>No cases match.</p>}
        </>
      )}
    </section>
  );
}

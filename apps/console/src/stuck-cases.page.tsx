import { useState } from 'react';
import { RISK_TIERS, STUCK_KINDS, type StuckCaseRow, type StuckKind } from '@careloop/domain';
import { api, query } from './api.client';
import type { Page, StuckCaseSummaryView } from '@careloop/contracts';
import { useLoad } from './data.hook';
import { label, relative, stepTitle, when } from './format';
import { Link } from './router.nav';
import { ProblemNotice } from './problem.notice';
import { FilterSelect } from './filter.select';
import type { RecoveryStep } from '@careloop/domain';

interface Filters {
  readonly kind: string;
  readonly programCode: string;
  readonly careManagerId: string;
  readonly riskTier: string;
  readonly overdueBy: string;
}
const NO_FILTERS: Filters = { kind: '', programCode: '', careManagerId: '', riskTier: '', overdueBy: '' };

/** Supervisors: which open cases are stuck, why and since when (DESIGN §5), with the counts by kind. */
export function StuckCasesPage() {
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [extra, setExtra] = useState<StuckCaseRow[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const { kind, ...common } = filters;
  const summary = useLoad(() => api.get<StuckCaseSummaryView>(`/supervisor/stuck-cases/summary${query(common)}`), [JSON.stringify(common)], 15_000);
  const list = useLoad(
    async () => {
      const page = await api.get<Page<StuckCaseRow>>(`/supervisor/stuck-cases${query({ ...common, kind, limit: 50 })}`);
      setExtra([]);
      setCursor(page.nextCursor);
      return page;
    },
    [JSON.stringify(filters)],
    15_000,
  );
  const rows = [...(list.data?.items ?? []), ...extra];

  const more = async () => {
    if (!cursor) return;
    const page = await api.get<Page<StuckCaseRow>>(`/supervisor/stuck-cases${query({ ...common, kind, limit: 50, cursor })}`);
    setExtra((e) => [...e, ...page.items]);
    setCursor(page.nextCursor);
  };

  const apply = (f: Filters) => {
    setDraft(f);
    setFilters(f);
  };

  return (
    <section aria-labelledby="stuck-title">
      <h1 id="stuck-title">Stuck cases</h1>
      <section aria-labelledby="counts-title" className="counts">
        <h2 id="counts-title" className="visually-hidden">
          Counts by kind
        </h2>
        {summary.problem && <ProblemNotice problem={summary.problem} />}
        <ul>
          {STUCK_KINDS.map((k) => (
            <li key={k}>
              <button type="button" className={`count-card${filters.kind === k ? ' count-card--on' : ''}`} aria-pressed={filters.kind === k} onClick={() => apply({ ...draft, kind: filters.kind === k ? '' : k })} title={summary.data?.kinds[k].meaning}>
                <span className="count-n">{summary.data?.counts[k] ?? '…'}</span>
                <span className="count-label">{label(k)}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <form
        className="filters"
        aria-label="Filter stuck cases"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <FilterSelect label="Kind" value={draft.kind} options={STUCK_KINDS} onChange={(kind) => setDraft({ ...draft, kind })} />
        <label>
          Program
          <input value={draft.programCode} onChange={(e) => setDraft({ ...draft, programCode: e.target.value })} placeholder="e.g. CCM" size={8} />
        </label>
        <label>
          Care manager
          <input value={draft.careManagerId} onChange={(e) => setDraft({ ...draft, careManagerId: e.target.value })} placeholder="e.g. cm-1" size={8} />
        </label>
        <FilterSelect label="Risk tier" value={draft.riskTier} options={RISK_TIERS} onChange={(riskTier) => setDraft({ ...draft, riskTier })} />
        <label>
          Overdue by more than
          <input value={draft.overdueBy} onChange={(e) => setDraft({ ...draft, overdueBy: e.target.value })} placeholder="e.g. 2d" size={6} />
        </label>
        <button type="submit">Apply filters</button>
        <button type="button" className="secondary" onClick={() => apply(NO_FILTERS)}>
          Clear
        </button>
      </form>

      {list.problem && <ProblemNotice problem={list.problem} />}
      {list.problem?.errors.map((e) => (
        <p key={e.field} className="field-errors">
          {e.field}: {e.reason}
        </p>
      ))}
      {list.loading && !list.data ? (
        <p className="loading">Looking for stuck cases…</p>
      ) : (
        <>
          <p className="count" role="status">
            {rows.length}
            {cursor ? '+' : ''} stuck case{rows.length === 1 ? '' : 's'}
            {filters.kind ? ` (${label(filters.kind)})` : ''}
          </p>
          <div className="table-wrap">
            <table className="stuck">
              <thead>
                <tr>
                  <th scope="col">Case</th>
                  <th scope="col">Phase / step</th>
                  <th scope="col">Risk</th>
                  <th scope="col">Care manager</th>
                  <th scope="col">Why</th>
                  <th scope="col">Next due</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.caseId}>
                    <td>
                      <Link to={`/supervisor/cases/${r.caseId}`}>{r.caseId}</Link>
                      <span className="sub">{r.programCode}</span>
                    </td>
                    <td>
                      {label(r.phase)}
                      {r.step && <span className="sub">{stepTitle(r.step as RecoveryStep)}</span>}
                    </td>
                    <td>{r.riskTier ? <span className={`tier tier--${r.riskTier}`}>{r.riskTier}</span> : '—'}</td>
                    <td>{r.careManagerId ?? <span className="muted">none</span>}</td>
                    <td>
                      <ul className="reasons">
                        {r.reasons.map((reason) => (
                          <li key={reason.kind}>
                            <span className={`reason reason--${reason.kind as StuckKind}`}>{label(reason.kind)}</span> {reason.detail}
                            {reason.since && <span className="sub">since {when(reason.since)}</span>}
                          </li>
                        ))}
                      </ul>
                    </td>
                    <td>
                      {r.nextDue ? (
                        <>
                          {label(r.nextDue.kind)} <span className="sub">{relative(r.nextDue.dueAt)}</span>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length === 0 && <p>No stuck cases match.</p>}
          {cursor && (
            <button type="button" className="secondary" onClick={() => void more()}>
              Show more
            </button>
          )}
        </>
      )}
    </section>
  );
}

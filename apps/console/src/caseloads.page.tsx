import { api } from './api.client';
import type { CaseloadListView } from '@careloop/contracts';
import { useLoad } from './data.hook';
import { ProblemNotice } from './problem.notice';

/** Each care manager's open cases against the caseload cap, by risk tier. */
export function CaseloadsPage() {
  const loads = useLoad(() => api.get<CaseloadListView>('/supervisor/caseloads'), [], 30_000);
  const items = [...(loads.data?.items ?? [])].sort((a, b) => b.open / b.cap - a.open / a.cap);
  return (
    <section aria-labelledby="caseloads-title">
      <h1 id="caseloads-title">Caseloads</h1>
      {loads.problem && <ProblemNotice problem={loads.problem} />}
      {loads.loading && !loads.data ? (
        <p className="loading">Loading caseloads…</p>
      ) : items.length === 0 ? (
        <p>No care managers on your team yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="caseloads">
            <thead>
              <tr>
                <th scope="col">Care manager</th>
                <th scope="col">Open / cap</th>
                <th scope="col">Load</th>
                <th scope="col">High</th>
                <th scope="col">Medium</th>
                <th scope="col">Low</th>
                <th scope="col">Not stratified</th>
                <th scope="col">Room</th>
              </tr>
            </thead>
            <tbody>
              {items.map((c) => (
                <tr key={c.careManagerId} className={c.overCap ? 'overdue' : undefined}>
                  <td>{c.careManagerId}</td>
                  <td>
                    {c.open} / {c.cap}
                    {c.overCap && <span className="badge">over cap</span>}
                  </td>
                  <td>
                    <meter min={0} max={c.cap} low={c.cap * 0.8} high={c.cap * 0.95} optimum={0} value={Math.min(c.open, c.cap)} aria-label={`${c.careManagerId}: ${c.open} of ${c.cap}`}>
                      {c.open} of {c.cap}
                    </meter>
                  </td>
                  <td>{c.byRiskTier.high}</td>
                  <td>{c.byRiskTier.medium}</td>
                  <td>{c.byRiskTier.low}</td>
                  <td>{c.byRiskTier.none}</td>
                  <td>{c.available}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

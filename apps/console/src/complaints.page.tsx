import { useState } from 'react';
import { COMPLAINT_OUTCOMES } from '@careloop/domain';
import { COMPLAINT_STATUSES, type ComplaintActionResult, type ComplaintListItem, type ComplaintView } from '@careloop/contracts';
import { api } from './api.client';
import { useLoad } from './data.hook';
import { usePagedList } from './paged-list.hook';
import { FilterSelect } from './filter.select';
import { ActionForm, Field, Select, read } from './form.kit';
import { isPast, label, relative, when } from './format';
import { ProblemNotice } from './problem.notice';
import { Link } from './router.nav';
import { ListFrame } from './work-list.parts';

/** Complaints (GET /complaints): open ones next due first, with the acknowledgement and resolution due times. */
export function ComplaintsPage() {
  const [filters, setFilters] = useState({ status: '', overdue: '' });
  const list = usePagedList<ComplaintListItem>('/complaints', { status: filters.status || undefined, overdue: filters.overdue || undefined });
  return (
    <ListFrame
      id="complaints-title"
      title="Complaints"
      list={list}
      subject="complaint"
      noun={['complaint', 'complaints']}
      empty="No complaints match."
      filters={
        <>
          <FilterSelect label="Status" value={filters.status} any="open" options={COMPLAINT_STATUSES} onChange={(status) => setFilters({ ...filters, status })} />
          <FilterSelect label="Overdue" value={filters.overdue} options={['true', 'false']} onChange={(overdue) => setFilters({ ...filters, overdue })} />
        </>
      }
    >
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Complaint</th>
              <th scope="col">Status</th>
              <th scope="col">Acknowledge by</th>
              <th scope="col">Resolve by</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((c) => (
              <tr key={c.complaintId} className={c.overdue ? 'overdue' : undefined}>
                <td>
                  <Link to={`/complaints/${c.complaintId}`}>{c.complaintId}</Link>
                  <span className="sub">
                    {label(c.subject)} · {label(c.channel)}
                  </span>
                </td>
                <td>{label(c.status)}</td>
                <td className={c.acknowledgementOverdue ? 'late' : undefined}>
                  {c.acknowledgedAt ? `done ${when(c.acknowledgedAt)}` : `${when(c.acknowledgeBy)} (${relative(c.acknowledgeBy)})`}
                  {c.acknowledgementOverdue && <span className="sub late">overdue</span>}
                </td>
                <td className={c.resolutionOverdue ? 'late' : undefined}>
                  {when(c.resolveBy)} <span className="sub">{relative(c.resolveBy)}</span>
                  {c.resolutionOverdue && <span className="sub late">overdue</span>}
                </td>
                <td>
                  {label(c.complainantKind)} {c.complainantId}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ListFrame>
  );
}

/** One complaint (GET /complaints/:id): its due times; acknowledge and resolve. */
export function ComplaintPage({ complaintId }: { complaintId: string }) {
  const view = useLoad(() => api.get<ComplaintView>(`/complaints/${complaintId}`), [complaintId], 15_000);
  const c = view.data;
  const act = async (path: string, body: unknown) => {
    const r = await api.post<ComplaintActionResult>(`/complaints/${complaintId}/${path}`, body);
    void view.reload();
    return `Saved. The complaint is now ${label(r.status).toLowerCase()}.`;
  };
  return (
    <section aria-labelledby="complaint-title">
      <h1 id="complaint-title">Complaint {complaintId}</h1>
      {view.problem && <ProblemNotice problem={view.problem} subject="complaint" />}
      {!c ? (
        !view.problem && <p className="loading">Loading the complaint…</p>
      ) : (
        <>
          <dl className="panel grid">
            <div>
              <dt>Status</dt>
              <dd>{label(c.status)}</dd>
            </div>
            <div>
              <dt>About</dt>
              <dd>
                {label(c.subject)} {c.caseId && <Link to={`/cases/${c.caseId}`}>{c.caseId}</Link>}
              </dd>
            </div>
            <div>
              <dt>From</dt>
              <dd>
                {label(c.complainantKind)} {c.complainantId} ({label(c.channel).toLowerCase()})
              </dd>
            </div>
            <div>
              <dt>Received</dt>
              <dd>{when(c.receivedAt)}</dd>
            </div>
            <div>
              <dt>Acknowledge by</dt>
              <dd className={!c.acknowledgedAt && isPast(c.acknowledgeBy) ? 'late' : undefined}>
                {when(c.acknowledgeBy)} {c.acknowledgedAt ? `— done ${when(c.acknowledgedAt)} by ${c.acknowledgedBy ?? '—'}` : `(${relative(c.acknowledgeBy)})`}
              </dd>
            </div>
            <div>
              <dt>Resolve by</dt>
              <dd className={!c.resolvedAt && isPast(c.resolveBy) ? 'late' : undefined}>
                {when(c.resolveBy)} {c.resolvedAt ? `— resolved ${when(c.resolvedAt)} (${label(c.outcome)})` : `(${relative(c.resolveBy)})`}
              </dd>
            </div>
          </dl>
          <div className="action-grid">
            {c.status === 'received' && <ActionForm title="Acknowledge" submitLabel="Acknowledge" subject="complaint" run={() => act('acknowledge', {})} intro={<p className="hint">You take ownership of the complaint.</p>} />}
            {c.status !== 'resolved' && (
              <ActionForm title="Resolve" submitLabel="Resolve" subject="complaint" run={(d) => act('resolve', { outcome: read.text(d, 'outcome'), resolution: read.text(d, 'resolution') })}>
                <Field name="outcome" label="Outcome">
                  {(p) => <Select {...p} options={COMPLAINT_OUTCOMES} blank="Choose…" />}
                </Field>
                <Field name="resolution" label="What was done">
                  {(p) => <textarea {...p} rows={3} />}
                </Field>
              </ActionForm>
            )}
          </div>
        </>
      )}
    </section>
  );
}

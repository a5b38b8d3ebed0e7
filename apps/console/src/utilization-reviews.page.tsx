import { useState } from 'react';
import { UR_DECISION_KINDS, UR_DOCUMENT_KINDS, UR_URGENCIES } from '@careloop/domain';
import { UR_STATUSES, type UrActionResult, type UtilizationReviewListItem, type UtilizationReviewView } from '@careloop/contracts';
import { api } from './api.client';
import { useLoad } from './data.hook';
import { usePagedList } from './paged-list.hook';
import { FilterSelect } from './filter.select';
import { ActionForm, Field, Select, read } from './form.kit';
import { duration, label, timeLeft, when } from './format';
import { ProblemNotice } from './problem.notice';
import { Link } from './router.nav';
import { can, useSession } from './session.context';
import { ListFrame } from './work-list.parts';

/** The reviewer's queue (GET /utilization-reviews): open reviews, soonest decision first, each with its decision clock. */
export function UtilizationReviewsPage() {
  const [filters, setFilters] = useState({ status: '', urgency: '', overdue: '' });
  const list = usePagedList<UtilizationReviewListItem>('/utilization-reviews', {
    status: filters.status || undefined,
    urgency: filters.urgency || undefined,
    overdue: filters.overdue || undefined,
  });
  return (
    <ListFrame
      id="ur-title"
      title="Utilization reviews"
      list={list}
      subject="review"
      noun={['review', 'reviews']}
      empty="No reviews match."
      filters={
        <>
          <FilterSelect label="Status" value={filters.status} any="open" options={UR_STATUSES} onChange={(status) => setFilters({ ...filters, status })} />
          <FilterSelect label="Urgency" value={filters.urgency} options={UR_URGENCIES} onChange={(urgency) => setFilters({ ...filters, urgency })} />
          <FilterSelect label="Overdue" value={filters.overdue} options={['true', 'false']} onChange={(overdue) => setFilters({ ...filters, overdue })} />
        </>
      }
    >
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Review</th>
              <th scope="col">Status</th>
              <th scope="col">Urgency</th>
              <th scope="col">Decision due</th>
              <th scope="col">Clock</th>
              <th scope="col">Provider</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((r) => (
              <tr key={r.reviewId} className={r.clock.overdue ? 'overdue' : undefined}>
                <td>
                  <Link to={`/utilization-reviews/${r.reviewId}`}>{r.reviewId}</Link>
                  <span className="sub">
                    service {r.serviceCode} × {r.quantity}
                  </span>
                </td>
                <td>{label(r.status)}</td>
                <td>
                  {label(r.urgency)} <span className="sub">{duration(r.clock.windowMs)} to decide</span>
                </td>
                <td>{r.clock.dueAt ? when(r.clock.dueAt) : <span className="muted">clock stopped</span>}</td>
                <td className={r.clock.overdue ? 'late' : undefined}>{r.clock.stopped ? `stopped (${duration(r.clock.remainingMs)} left)` : timeLeft(r.clock.remainingMs)}</td>
                <td>{r.providerId}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ListFrame>
  );
}

/** The decision clock as GET /utilization-reviews/:id reports it (remainingMs as of the answer). */
function DecisionClockPanel({ r }: { r: UtilizationReviewView }) {
  const running = !r.clockStopped && r.decisionDueAt !== null;
  const overdue = running && r.remainingMs < 0;
  return (
    <section className={`panel clock${overdue ? ' clock--overdue' : ''}`} aria-labelledby="clock-title">
      <h2 id="clock-title">Decision clock</h2>
      {running ? (
        <p>
          Decision due <strong>{when(r.decisionDueAt)}</strong> ({label(r.urgency).toLowerCase()}):{' '}
          <strong className={overdue ? 'late' : undefined}>{timeLeft(r.remainingMs)}</strong>
        </p>
      ) : r.pend ? (
        <p>
          Clock stopped while pended: the provider was asked on {when(r.pend.requestedAt)} for {r.pend.missing.map(label).join(', ').toLowerCase()}, by {when(r.pend.dueAt)}.{' '}
          {duration(r.remainingMs)} will be left when it restarts.
        </p>
      ) : (
        <p>No decision pending ({label(r.status).toLowerCase()}).</p>
      )}
      {(r.escalatedAt.near || r.escalatedAt.missed) && (
        <p className="sub">
          {r.escalatedAt.near && `Supervisor warned ${when(r.escalatedAt.near)}. `}
          {r.escalatedAt.missed && `Deadline missed, supervisor told ${when(r.escalatedAt.missed)}.`}
        </p>
      )}
    </section>
  );
}

/** One review: its clock, decisions, and the actions its status allows. */
export function UtilizationReviewPage({ reviewId }: { reviewId: string }) {
  const { me } = useSession();
  const view = useLoad(() => api.get<UtilizationReviewView>(`/utilization-reviews/${reviewId}`), [reviewId], 10_000);
  const r = view.data;
  const refresh = () => void view.reload();
  return (
    <section aria-labelledby="review-title">
      <h1 id="review-title">Review {reviewId}</h1>
      {view.problem && <ProblemNotice problem={view.problem} subject="review" />}
      {!r ? (
        !view.problem && <p className="loading">Loading the review…</p>
      ) : (
        <>
          <dl className="panel grid">
            <div>
              <dt>Status</dt>
              <dd>{label(r.status)}</dd>
            </div>
            <div>
              <dt>Urgency</dt>
              <dd>{label(r.urgency)}</dd>
            </div>
            <div>
              <dt>Service</dt>
              <dd>
                {r.serviceCode} × {r.quantity}
              </dd>
            </div>
            <div>
              <dt>Provider</dt>
              <dd>{r.providerId}</dd>
            </div>
            <div>
              <dt>Received</dt>
              <dd>{when(r.receivedAt)}</dd>
            </div>
            <div>
              <dt>Case</dt>
              <dd>{r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.caseId}</Link> : '—'}</dd>
            </div>
            <div>
              <dt>Documents</dt>
              <dd>{r.documentCount}</dd>
            </div>
          </dl>
          <DecisionClockPanel r={r} />
          {r.decisions.length > 0 && (
            <section aria-labelledby="decisions-title">
              <h2 id="decisions-title">Decisions</h2>
              <ul>
                {r.decisions.map((d) => (
                  <li key={d.level}>
                    {label(d.level)}: <strong>{label(d.decision.kind)}</strong> by {d.reviewerId}, {when(d.decidedAt)} ({d.onTime ? 'on time' : 'late'})
                    {'reason' in d.decision && <span className="sub">{d.decision.reason}</span>}
                  </li>
                ))}
              </ul>
              {r.appealableUntil && <p className="sub">Appealable until {when(r.appealableUntil)}.</p>}
            </section>
          )}
          <div className="action-grid">
            {r.status === 'pended' && <SupplyInformationForm reviewId={reviewId} onDone={refresh} />}
            {(r.status === 'in_review' || r.status === 'appeal_review') && me && can.supervise(me.role) && <DecideForm reviewId={reviewId} onDone={refresh} />}
            {r.status === 'decided' && r.appealableUntil && <AppealForm reviewId={reviewId} onDone={refresh} />}
          </div>
        </>
      )}
    </section>
  );
}

async function act(path: string, body: unknown, onDone: () => void): Promise<string> {
  const res = await api.post<UrActionResult>(path, body);
  onDone();
  return `Saved. The review is now ${label(res.status).toLowerCase()}.`;
}

function DecideForm({ reviewId, onDone }: { reviewId: string; onDone: () => void }) {
  return (
    <ActionForm
      title="Decide"
      submitLabel="Record the decision"
      subject="review"
      run={(d) =>
        act(
          `/utilization-reviews/${reviewId}/decision`,
          { kind: read.text(d, 'kind'), reason: read.text(d, 'reason'), approvedQuantity: read.number(d, 'approvedQuantity'), approvedDescription: read.text(d, 'approvedDescription') },
          onDone,
        )
      }
    >
      <Field name="kind" label="Decision">
        {(p) => <Select {...p} options={UR_DECISION_KINDS} blank="Choose…" />}
      </Field>
      <Field name="reason" label="Reason" hint="Required to deny or partially approve.">
        {(p) => <textarea {...p} rows={2} />}
      </Field>
      <Field name="approvedQuantity" label="Approved quantity" hint="Partial approval only.">
        {(p) => <input {...p} inputMode="numeric" size={6} />}
      </Field>
      <Field name="approvedDescription" label="What is approved" hint="Partial approval only.">
        {(p) => <input {...p} />}
      </Field>
    </ActionForm>
  );
}

function SupplyInformationForm({ reviewId, onDone }: { reviewId: string; onDone: () => void }) {
  return (
    <ActionForm
      title="Supply the missing information"
      submitLabel="Send"
      subject="review"
      run={(d) => {
        const codes = read.text(d, 'diagnosisCodes');
        const title = read.text(d, 'documents[0].title');
        const reference = read.text(d, 'documents[0].reference');
        const documents = title || reference ? [{ id: `doc-${Date.now()}`, kind: read.text(d, 'documents[0].kind'), title, reference }] : undefined;
        return act(`/utilization-reviews/${reviewId}/information`, { diagnosisCodes: codes ? codes.split(/[\s,]+/) : undefined, documents }, onDone);
      }}
    >
      <Field name="diagnosisCodes" label="Diagnosis codes" hint="ICD-10, separated by commas.">
        {(p) => <input {...p} />}
      </Field>
      <Field name="documents[0].kind" label="Document kind">
        {(p) => <Select {...p} options={UR_DOCUMENT_KINDS} />}
      </Field>
      <Field name="documents[0].title" label="Document title">
        {(p) => <input {...p} />}
      </Field>
      <Field name="documents[0].reference" label="Document reference" hint="Document-store id or URI.">
        {(p) => <input {...p} />}
      </Field>
    </ActionForm>
  );
}

function AppealForm({ reviewId, onDone }: { reviewId: string; onDone: () => void }) {
  return (
    <ActionForm title="Appeal" submitLabel="Appeal the decision" subject="review" run={(d) => act(`/utilization-reviews/${reviewId}/appeal`, { reason: read.text(d, 'reason') }, onDone)}>
      <Field name="reason" label="Why">
        {(p) => <textarea {...p} rows={2} />}
      </Field>
    </ActionForm>
  );
}

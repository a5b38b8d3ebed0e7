import { useEffect, useRef, useState } from 'react';
import type { MeasureSubject } from '@careloop/domain';
import type { MeasureMembersView, MeasureValueView } from '@careloop/contracts';
import { api, query } from './api.client';
import { useLoad } from './data.hook';
import { FilterSelect } from './filter.select';
import { day, label, when } from './format';
import { ProblemNotice } from './problem.notice';
import { Link } from './router.nav';
import { periodText } from './report.format';

const OUTCOMES = ['not_met', 'met', 'excluded'] as const;

/** Where a drill-down row's subject opens (a care manager has no page of their own). */
function subjectPath(subject: MeasureSubject, id: string): string | null {
  switch (subject) {
    case 'case':
      return `/cases/${id}`;
    case 'discharge':
      return `/discharges/${id}`;
    case 'review':
      return `/utilization-reviews/${id}`;
    case 'complaint':
      return `/complaints/${id}`;
    case 'care_manager':
      return null;
  }
}

/**
 * The drill-down (GET /reports/measures/:id/members): who counts in a measure for a period, with the
 * outcome, due and done times and the engine's PHI-free detail. Supervisors and admins only; the
 * committee sees aggregates. Focus moves to its heading when it opens.
 */
export function MeasureMembers({ measure, params, onClose }: { measure: MeasureValueView; params: Record<string, string>; onClose: () => void }) {
  const path = `/reports/measures/${measure.measureId}/members`;
  const view = useLoad(() => api.get<MeasureMembersView>(`${path}${query(params)}`), [path, JSON.stringify(params)]);
  const [outcome, setOutcome] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [measure.measureId, JSON.stringify(params)]);
  const rows = (view.data?.rows ?? []).filter((r) => !outcome || r.outcome === outcome);
  return (
    <section className="panel members" aria-labelledby="members-title">
      <div className="page-head">
        <h2 id="members-title" ref={heading} tabIndex={-1}>
          Members: {measure.title}
          {view.data && <span className="sub">{periodText(view.data.period, day)}</span>}
        </h2>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="filters">
        <FilterSelect label="Outcome" value={outcome} options={OUTCOMES} onChange={setOutcome} />
        <a href={`${path}${query({ ...params, format: 'csv' })}`} download>
          Download CSV
        </a>
      </div>
      {view.problem && <ProblemNotice problem={view.problem} subject="measure" />}
      {!view.data ? (
        !view.problem && <p className="loading">Loading the members…</p>
      ) : (
        <>
          <p className="count" role="status">
            {rows.length} {measure.subject === 'care_manager' ? 'care manager' : label(measure.subject).toLowerCase()}
            {rows.length === 1 ? '' : 's'}
            {outcome ? ` (${label(outcome).toLowerCase()})` : ''}
          </p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">{label(measure.subject)}</th>
                  <th scope="col">Case</th>
                  <th scope="col">Outcome</th>
                  <th scope="col">Due</th>
                  <th scope="col">Done</th>
                  <th scope="col">Detail</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => {
                  const to = subjectPath(measure.subject, r.subjectId);
                  return (
                    <tr key={`${r.subjectId}:${r.stratum ?? ''}`} className={r.outcome === 'not_met' ? 'overdue' : undefined} data-member-row={r.subjectId}>
                      <td>
                        {to ? <Link to={to}>{r.subjectId}</Link> : r.subjectId}
                        {(r.programCode || r.teamId) && <span className="sub">{[r.programCode, r.teamId && `team ${r.teamId}`].filter(Boolean).join(' · ')}</span>}
                      </td>
                      <td>{r.caseId ? <Link to={`/cases/${r.caseId}`}>{r.caseId}</Link> : '—'}</td>
                      <td className={r.outcome === 'not_met' ? 'late' : undefined}>
                        {label(r.outcome)}
                        {r.stratum && <span className="sub">{label(r.stratum)}</span>}
                      </td>
                      <td>{when(r.dueAt)}</td>
                      <td>{when(r.doneAt)}</td>
                      <td>{r.detail}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

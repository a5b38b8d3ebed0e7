import type { ApiProblem } from './api.client';
import type { CarePlan } from '@careloop/domain';
import type { CaseDocumentationView } from '@careloop/contracts';
import { day, label, when } from './format';
import { ProblemNotice } from './problem.notice';

function PlanBody({ plan }: { plan: CarePlan }) {
  return (
    <div className="plan-body">
      <h4>Problems</h4>
      <ul>
        {plan.problems.map((p) => (
          <li key={p.id}>
            <span className="plan-id">{p.id}</span> {p.description} <span className="muted">({p.domain})</span>
          </li>
        ))}
      </ul>
      <h4>Goals</h4>
      <ul>
        {plan.goals.map((g) => (
          <li key={g.id}>
            <span className="plan-id">{g.id}</span> {g.description} <span className="muted">— target {day(g.targetDate)}; addresses {g.problemIds.join(', ')}</span>
          </li>
        ))}
      </ul>
      <h4>Interventions</h4>
      <ul>
        {plan.interventions.map((i) => (
          <li key={i.id}>
            <span className="plan-id">{i.id}</span> {i.description} <span className="muted">— {label(i.owner)}; serves {i.goalIds.join(', ')}</span>
          </li>
        ))}
      </ul>
      {plan.referrals.length > 0 && (
        <>
          <h4>Referrals</h4>
          <ul>
            {plan.referrals.map((r) => (
              <li key={r.id}>
                <span className="plan-id">{r.id}</span> {r.specialty}: {r.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** The active plan in full, and every version with who proposed it and its consent. */
export function CarePlanSection({ records, activeVersion }: { records: CaseDocumentationView | null; activeVersion: number | null }) {
  const versions = records?.planVersions ?? [];
  const active = versions.find((v) => v.version === activeVersion);
  return (
    <section aria-labelledby="plan-title" className="panel">
      <h2 id="plan-title">Care plan</h2>
      {versions.length === 0 ? (
        <p>No plan yet.</p>
      ) : (
        <>
          {active ? (
            <>
              <h3>Active: version {active.version}</h3>
              <PlanBody plan={active.plan} />
            </>
          ) : (
            <p>No version is active yet: a plan becomes active once consent is recorded.</p>
          )}
          <h3>Versions</h3>
          <ul className="versions">
            {versions.map((v) => (
              <li key={v.version}>
                <details>
                  <summary>
                    Version {v.version}
                    {v.version === activeVersion ? ' (active)' : ''} — proposed by {v.proposedBy} {when(v.proposedAt)};{' '}
                    {v.consentedAt ? `consent recorded ${when(v.consentedAt)}` : 'no consent yet'}
                  </summary>
                  <PlanBody plan={v.plan} />
                </details>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** Notes and call records, provider reports, notifications. */
export function CaseRecordsSections({ records, problem }: { records: CaseDocumentationView | null; problem: ApiProblem | null }) {
  if (!records) {
    return problem && problem.status !== 404 ? <ProblemNotice problem={problem} /> : null;
  }
  return (
    <>
      <section aria-labelledby="notes-title" className="panel">
        <h2 id="notes-title">Notes and call records</h2>
        {records.notes.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul className="notes">
            {records.notes.map((n) => (
              <li key={n.seq}>
                <p className="muted">
                  {label(n.kind)} by {n.authorId}, {when(n.writtenAt)}
                </p>
                <p className="note-text">{n.text}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="reports-title" className="panel">
        <h2 id="reports-title">Provider reports</h2>
        {records.providerReports.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul className="notes">
            {records.providerReports.map((r) => (
              <li key={r.seq}>
                <p className="muted">
                  From {r.providerId}, {when(r.at)}, recorded by {r.recordedBy}; {r.discussedWithMember ? 'discussed with the member' : 'not yet discussed with the member'}
                </p>
                <p className="note-text">{r.summary}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="notifications-title" className="panel">
        <h2 id="notifications-title">Notifications</h2>
        {records.notifications.length === 0 ? (
          <p>None sent.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">What</th>
                <th scope="col">To</th>
                <th scope="col">Status</th>
                <th scope="col">Created</th>
                <th scope="col">Delivered</th>
              </tr>
            </thead>
            <tbody>
              {records.notifications.map((n) => (
                <tr key={n.key} className={n.status === 'failed' ? 'overdue' : undefined}>
                  <td>{label(n.template)}</td>
                  <td>
                    {n.audience} <span className="sub">{n.channel}</span>
                  </td>
                  <td>
                    {n.status}
                    {n.attempts > 1 ? ` (${n.attempts} attempts)` : ''}
                  </td>
                  <td>{when(n.createdAt)}</td>
                  <td>{when(n.deliveredAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}

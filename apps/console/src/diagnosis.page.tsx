import { api } from './api.client';
import type { CaseDiagnosisView, CaseloadListView, CaseStateView } from '@careloop/contracts';
import { useLoad } from './data.hook';
import { isPast, label, relative, stepTitle, when } from './format';
import { Link } from './router.nav';
import { ProblemNotice } from './problem.notice';
import { ExtendForm, NudgeForm, RetryForm, SupervisorCloseForm, SupervisorReassignForm } from './supervisor-actions.forms';

/** Why a case is stuck (workflow, activities, notifications, tasks, last events) and the supervisor's actions. */
export function DiagnosisPage({ caseId }: { caseId: string }) {
  const diagnosis = useLoad(() => api.get<CaseDiagnosisView>(`/supervisor/cases/${caseId}/diagnosis`), [caseId], 10_000);
  const view = useLoad(() => api.get<CaseStateView>(`/cases/${caseId}`), [caseId], 10_000);
  const caseloads = useLoad(() => api.get<CaseloadListView>('/supervisor/caseloads'), [], 30_000);

  if (diagnosis.loading && !diagnosis.data) {
    return <p className="loading">Loading the diagnosis…</p>;
  }
  if (!diagnosis.data) {
    return (
      <section>
        <h1>Case diagnosis</h1>
        {diagnosis.problem && <ProblemNotice problem={diagnosis.problem} />}
        <p>
          <Link to="/supervisor/stuck">Back to stuck cases</Link>
        </p>
      </section>
    );
  }
  const d = diagnosis.data;
  const c = view.data;
  const onDone = () => {
    void diagnosis.reload();
    void view.reload();
    void caseloads.reload();
  };
  const open = d.workflow.status === 'RUNNING';

  return (
    <article aria-labelledby="diag-title" className="case">
      <header className="case-head">
        <div>
          <h1 id="diag-title">Case diagnosis</h1>
          <p className="muted">
            case <code>{d.caseId}</code>
          </p>
        </div>
        {c && (
          <div className="phase-badges">
            <span className={`phase phase--${c.phase}`}>{label(c.phase)}</span>
            {c.step && <span className="step">Step {stepTitle(c.step)}</span>}
            {c.riskTier && <span className={`tier tier--${c.riskTier}`}>{c.riskTier} risk</span>}
          </div>
        )}
        <Link className="button secondary" to={`/cases/${d.caseId}`}>
          Open the case
        </Link>
      </header>
      {diagnosis.problem && <ProblemNotice problem={diagnosis.problem} />}

      <section className="panel" aria-labelledby="state-title">
        <h2 id="state-title">State</h2>
        <dl className="summary">
          <dt>Care manager</dt>
          <dd data-testid="diagnosis-care-manager">{c ? (c.careManagerId ?? 'none') : '…'}</dd>
          <dt>Workflow</dt>
          <dd>
            {label(d.workflow.status.toLowerCase())}, {d.workflow.historyLength} history events
          </dd>
          <dt>Reported problems</dt>
          <dd>{d.workflow.reportedProblems.length ? d.workflow.reportedProblems.join('; ') : 'none'}</dd>
          <dt>Flags</dt>
          <dd>{d.workflow.flags.length ? d.workflow.flags.map(label).join(', ') : 'none'}</dd>
          <dt>Read from</dt>
          <dd>{d.source === 'workflow' ? 'the workflow' : 'the database (the workflow cannot answer)'}</dd>
        </dl>
      </section>

      <section className="panel" aria-labelledby="dtasks-title">
        <h2 id="dtasks-title">Open tasks</h2>
        {d.openTasks.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul className="reasons">
            {d.openTasks.map((t) => (
              <li key={t.key} className={isPast(t.dueAt) ? 'late' : undefined}>
                {label(t.kind)} <code>{t.key}</code> — due {when(t.dueAt)} ({isPast(t.dueAt) ? `overdue, ${relative(t.dueAt)}` : relative(t.dueAt)})
              </li>
            ))}
          </ul>
        )}
      </section>

      {(d.pendingActivities.length > 0 || d.failedNotifications.length > 0) && (
        <section className="panel" aria-labelledby="failing-title">
          <h2 id="failing-title">Failing work</h2>
          <ul className="reasons">
            {d.pendingActivities.map((a) => (
              <li key={a.activityId}>
                Activity {a.activityType ?? a.activityId}: attempt {a.attempt}
                {a.maximumAttempts ? ` of ${a.maximumAttempts}` : ''}
                {a.lastFailure ? ` — last failure: ${a.lastFailure}` : ''}
                {a.nextAttemptScheduleTime ? ` — next try ${relative(a.nextAttemptScheduleTime)}` : ''}
              </li>
            ))}
            {d.failedNotifications.map((n) => (
              <li key={n.key}>
                Notification {label(n.template)} to {n.audience}: {n.attempts} attempts{n.lastError ? ` — ${n.lastError}` : ''}
                {n.since ? ` — failing since ${when(n.since)}` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      {open && (
        <section className="panel" aria-labelledby="sup-actions-title">
          <h2 id="sup-actions-title">Actions</h2>
          <div className="action-grid">
            <SupervisorReassignForm caseId={caseId} onDone={onDone} caseloads={caseloads.data?.items ?? []} current={c?.careManagerId ?? null} />
            <ExtendForm caseId={caseId} onDone={onDone} tasks={d.openTasks} />
            <NudgeForm caseId={caseId} onDone={onDone} tasks={d.openTasks} />
            <RetryForm caseId={caseId} onDone={onDone} />
            <SupervisorCloseForm caseId={caseId} onDone={onDone} />
          </div>
        </section>
      )}

      <section className="panel" aria-labelledby="events-title">
        <h2 id="events-title">Last events</h2>
        <ol className="timeline" reversed>
          {[...d.lastEvents].reverse().map((e) => (
            <li key={e.seq}>
              <time dateTime={e.at}>{when(e.at)}</time> <span className="kind">{label(e.kind)}</span> {e.summary} <span className="muted">by {e.actorId}</span>
            </li>
          ))}
        </ol>
      </section>

      <section className="panel" aria-labelledby="sup-history-title">
        <h2 id="sup-history-title">Supervisor actions</h2>
        {d.supervisorActions.length === 0 ? (
          <p>None yet.</p>
        ) : (
          <ul className="reasons">
            {d.supervisorActions.map((a, i) => (
              <li key={`${a.at}:${i}`}>
                {when(a.at)}: {label(a.action)} by {a.actorId} — “{a.reason}” ({label(a.outcome)})
              </li>
            ))}
          </ul>
        )}
      </section>
    </article>
  );
}

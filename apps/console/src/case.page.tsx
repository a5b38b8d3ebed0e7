import { useState, type ReactNode } from 'react';
import { RECOVERY_STEP_INFO } from '@careloop/domain';
import { api } from './api.client';
import type { CaseDocumentationView, CaseStateView, Page, TimelineEntryView } from '@careloop/contracts';
import type { ActionProps } from './case-action';
import { useLoad } from './data.hook';
import { day, isPast, label, relative, stepTitle, when } from './format';
import { AssessmentForm, AttemptForm, ScreeningForm } from './outreach.forms';
import { ConsentForm, PlanForm } from './care-plan.forms';
import { ContactForm, GoalProgressForm, InterventionForm, MemberDiscussionForm, PlanReviewForm, ProgressEventForm, ProviderReportForm, SupplementalInfoForm } from './recovery.forms';
import { CloseForm, NoteForm, PauseForm, PcpForm, ReassignForm } from './case-admin.forms';
import { CaseRecordsSections, CarePlanSection } from './case-records.view';
import { ProblemNotice } from './problem.notice';
import { Link, takeCarried } from './router.nav';
import { can, useSession } from './session.context';

type Ctx = ActionProps & { readonly view: CaseStateView; readonly records: CaseDocumentationView | null };

/** Every care-team action of the lifecycle, by name; the forms due now are offered first. */
const ACTIONS: readonly { key: string; label: string; render: (c: Ctx) => ReactNode }[] = [
  { key: 'attempt', label: 'Record an outreach attempt', render: (c) => <AttemptForm {...c} attempts={c.view.attempts} /> },
  { key: 'screening', label: 'Submit the screening', render: (c) => <ScreeningForm {...c} /> },
  { key: 'assessment', label: 'Submit an assessment or reassessment', render: (c) => <AssessmentForm {...c} reassessment={c.view.phase === 'recovery_support'} /> },
  { key: 'plan', label: 'Write or revise the care plan', render: (c) => <PlanForm {...c} latest={c.records?.planVersions[0]?.plan ?? null} /> },
  { key: 'consent', label: 'Record consent to a plan version', render: (c) => <ConsentForm {...c} versions={Array.from({ length: c.view.latestPlanVersion ?? 0 }, (_, i) => (c.view.latestPlanVersion ?? 0) - i)} /> },
  { key: 'discussion', label: 'Member discussion (step 2)', render: (c) => <MemberDiscussionForm {...c} /> },
  { key: 'contact', label: 'Record a contact (step 3)', render: (c) => <ContactForm {...c} /> },
  { key: 'intervention', label: 'Record an intervention (step 4)', render: (c) => <InterventionForm {...c} /> },
  { key: 'report', label: 'Record a provider report (step 5)', render: (c) => <ProviderReportForm {...c} /> },
  { key: 'progress', label: 'Progress, symptom or adherence event (step 6)', render: (c) => <ProgressEventForm {...c} /> },
  { key: 'supplemental', label: 'Supplemental information received (step 8)', render: (c) => <SupplementalInfoForm {...c} /> },
  { key: 'review', label: 'Periodic plan review', render: (c) => <PlanReviewForm {...c} /> },
  { key: 'goal', label: "Record a goal's progress", render: (c) => <GoalProgressForm {...c} goals={c.records?.planVersions[0]?.plan.goals ?? []} /> },
  { key: 'note', label: 'Add a note or call record', render: (c) => <NoteForm {...c} /> },
  { key: 'pause', label: 'Pause or resume', render: (c) => <PauseForm {...c} paused={c.view.status === 'paused'} /> },
  { key: 'pcp', label: 'Record a new PCP', render: (c) => <PcpForm {...c} /> },
  { key: 'reassign', label: 'Reassign to another care manager', render: (c) => <ReassignForm {...c} /> },
  { key: 'close', label: 'Close the case', render: (c) => <CloseForm {...c} /> },
];

/** Which action an open task asks for. */
/** The form each open task calls for (also what My work's "Do it" opens: work.page.tsx). */
export const FOR_TASK: Record<string, string> = {
  outreach_attempt: 'attempt',
  screening: 'screening',
  assessment: 'assessment',
  reassessment: 'assessment',
  care_plan: 'plan',
  plan_consent: 'consent',
  member_discussion: 'discussion',
  contact: 'contact',
  supplemental_info: 'supplemental',
  plan_review: 'review',
};

/** Periodic reviews are offered up front only when they come close; the flow's own next step always is. */
const PERIODIC = new Set(['plan_review', 'reassessment']);
const SOON_MS = 14 * 86_400_000;
const dueSoon = (t: { kind: string; dueAt: string }) => !PERIODIC.has(t.kind) || new Date(t.dueAt).getTime() - Date.now() < SOON_MS;

async function loadTimeline(caseId: string): Promise<{ items: TimelineEntryView[]; more: boolean }> {
  const items: TimelineEntryView[] = [];
  let after = '0';
  for (let i = 0; i < 5; i++) {
    const page = await api.get<Page<TimelineEntryView>>(`/cases/${caseId}/timeline?after=${after}&limit=200`);
    items.push(...page.items);
    if (!page.nextCursor) {
      return { items, more: false };
    }
    after = page.nextCursor;
  }
  return { items, more: true };
}

export function CasePage({ caseId }: { caseId: string }) {
  const { me } = useSession();
  const view = useLoad(() => api.get<CaseStateView>(`/cases/${caseId}`), [caseId], 5_000);
  const records = useLoad(() => api.get<CaseDocumentationView>(`/cases/${caseId}/records`), [caseId], 15_000);
  const timeline = useLoad(() => loadTimeline(caseId), [caseId], 15_000);
  // My work's "Do it" hands over the form to open (router carry: in memory, never in the URL).
  const [chosen, setChosen] = useState(() => takeCarried().action ?? '');
  const [notice, setNotice] = useState('');

  if (view.loading && !view.data) {
    return <p className="loading">Loading the case…</p>;
  }
  if (!view.data) {
    return (
      <section>
        <h1>Case</h1>
        {view.problem && <ProblemNotice problem={view.problem} />}
        <p>
          <Link to="/caseload">Back to the caseload</Link>
        </p>
      </section>
    );
  }
  const c = view.data;
  const onDone = (message?: string) => {
    setNotice(message ?? '');
    void view.reload();
    void records.reload();
    void timeline.reload();
    // The workflow writes the read model a moment after it answers: look again shortly.
    window.setTimeout(() => {
      void records.reload();
      void timeline.reload();
    }, 1_500);
  };
  const ctx: Ctx = { caseId, onDone, view: c, records: records.data };
  const closed = c.phase === 'closed';
  const dueKeys = [...new Set(c.openTasks.filter(dueSoon).map((t) => FOR_TASK[t.kind]).filter((k): k is string => !!k))];

  return (
    <article className="case" aria-labelledby="case-title">
      <header className="case-head">
        <div>
          <h1 id="case-title">{c.record?.memberRef ?? 'New case'}</h1>
          <p className="muted">
            {c.programCode} · case <code>{c.id}</code>
          </p>
        </div>
        <div className="phase-badges">
          <span className={`phase phase--${c.phase}`}>{label(c.phase)}</span>
          {c.step && <span className="step">Step {stepTitle(c.step)}</span>}
          {c.status === 'paused' && <span className="badge">paused</span>}
          {c.riskTier && <span className={`tier tier--${c.riskTier}`}>{c.riskTier} risk</span>}
        </div>
        {me && can.supervise(me.role) && (
          <Link className="button secondary" to={`/supervisor/cases/${c.id}`}>
            Diagnosis and supervisor actions
          </Link>
        )}
      </header>
      {view.problem && <ProblemNotice problem={view.problem} />}

      <section aria-labelledby="summary-title" className="panel">
        <h2 id="summary-title">Summary</h2>
        <dl className="summary">
          <dt>Care manager</dt>
          <dd>{c.careManagerId ?? 'not assigned (care-team pool)'}</dd>
          <dt>Point of contact</dt>
          <dd>{c.pointOfContact}</dd>
          <dt>PCP</dt>
          <dd>{c.pcpId ?? '—'}</dd>
          <dt>Enrolled</dt>
          <dd>{day(c.record?.enrollmentDate)}</dd>
          <dt>Screening due</dt>
          <dd>{when(c.screeningDueAt)}</dd>
          <dt>Next due</dt>
          <dd className={isPast(c.nextDueAt) ? 'late' : undefined}>
            {when(c.nextDueAt)} {c.nextDueAt && <span className="sub">{relative(c.nextDueAt)}</span>}
          </dd>
          <dt>Care plan</dt>
          <dd>{c.activePlanVersion ? `version ${c.activePlanVersion} active` : c.latestPlanVersion ? `version ${c.latestPlanVersion} awaiting consent` : 'none yet'}</dd>
          <dt>Last progress</dt>
          <dd>{when(c.lastProgressAt)}</dd>
          {c.closureReason && (
            <>
              <dt>Closed</dt>
              <dd>{label(c.closureReason)}</dd>
            </>
          )}
        </dl>
        {c.riskReasons.length > 0 && (
          <>
            <h3>Why this risk tier</h3>
            <ul className="reasons">
              {c.riskReasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        )}
        {c.step && <p className="hint">{RECOVERY_STEP_INFO[c.step].summary}</p>}
      </section>

      <section aria-labelledby="tasks-title" className="panel">
        <h2 id="tasks-title">Open tasks</h2>
        {c.openTasks.length === 0 ? (
          <p>Nothing is due.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Due</th>
                <th scope="col">Opened</th>
              </tr>
            </thead>
            <tbody>
              {c.openTasks.map((t) => (
                <tr key={t.key} className={isPast(t.dueAt) ? 'overdue' : undefined}>
                  <td>
                    {label(t.kind)} <span className="sub">{t.key}</span>
                  </td>
                  <td>
                    {when(t.dueAt)} <span className={`sub${isPast(t.dueAt) ? ' late' : ''}`}>{isPast(t.dueAt) ? `overdue, ${relative(t.dueAt)}` : relative(t.dueAt)}</span>
                    {t.missedAt ? <span className="sub late"> · missed, escalated to the supervisor</span> : t.remindedAt ? <span className="sub"> · reminded</span> : null}
                  </td>
                  <td>{when(t.openedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {!closed && (
        <section aria-labelledby="act-title" className="panel">
          <h2 id="act-title">Act on this case</h2>
          <p id="case-notice" className="done" role="status">
            {notice}
          </p>
          {dueKeys.length > 0 && <p className="hint">Due now: {dueKeys.map((k) => ACTIONS.find((a) => a.key === k)?.label).join('; ')}.</p>}
          <div className="due-forms">
            {dueKeys.map((k) => (
              <div key={`${k}:${c.latestPlanVersion ?? 0}`}>{ACTIONS.find((a) => a.key === k)!.render(ctx)}</div>
            ))}
          </div>
          <div className="field">
            <label htmlFor="other-action">Another action</label>
            <select id="other-action" value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">Choose an action…</option>
              {ACTIONS.filter((a) => !dueKeys.includes(a.key)).map((a) => (
                <option key={a.key} value={a.key}>
                  {a.label}
                </option>
              ))}
            </select>
          </div>
          {chosen && !dueKeys.includes(chosen) && <div key={chosen}>{ACTIONS.find((a) => a.key === chosen)!.render(ctx)}</div>}
        </section>
      )}

      <CarePlanSection records={records.data} activeVersion={c.activePlanVersion} />

      <section aria-labelledby="attempts-title" className="panel">
        <h2 id="attempts-title">Outreach attempts</h2>
        {c.attempts.length === 0 ? (
          <p>No attempts yet.</p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Channel</th>
                <th scope="col">Started</th>
                <th scope="col">Outcome</th>
                <th scope="col">Recorded</th>
              </tr>
            </thead>
            <tbody>
              {c.attempts.map((a) => (
                <tr key={a.number}>
                  <td>{a.number}</td>
                  <td>{a.channel}</td>
                  <td>{when(a.startedAt)}</td>
                  <td>{a.outcome ? label(a.outcome) : 'awaiting outcome'}</td>
                  <td>{when(a.recordedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="timeline-title" className="panel">
        <h2 id="timeline-title">Timeline</h2>
        {timeline.problem && timeline.problem.status !== 404 && <ProblemNotice problem={timeline.problem} />}
        {!timeline.data?.items.length ? (
          <p>{timeline.problem?.status === 404 ? 'The timeline appears once the case is stored (a moment after it starts).' : 'Nothing recorded yet.'}</p>
        ) : (
          <ol className="timeline" reversed>
            {[...timeline.data.items].reverse().map((e) => (
              <li key={e.seq}>
                <time dateTime={e.at}>{when(e.at)}</time> <span className="kind">{label(e.kind)}</span> {e.summary} <span className="muted">by {e.actorId}</span>
              </li>
            ))}
          </ol>
        )}
        {timeline.data?.more && <p className="hint">Showing the first 1000 entries.</p>}
      </section>

      <CaseRecordsSections records={records.data} problem={records.problem} />
    </article>
  );
}

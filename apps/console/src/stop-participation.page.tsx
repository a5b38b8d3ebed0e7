import type { CaseActionResult, StopParticipationListItem } from '@careloop/contracts';
import { api } from './api.client';
import { usePagedList } from './paged-list.hook';
import { ActionForm, Field, Select, read } from './form.kit';
import { label, relative, when } from './format';
import { Link } from './router.nav';
import { ListFrame } from './work-list.parts';

/**
 * Supervisors: providers' open requests that the patient stop participating
 * (GET /supervisor/stop-participation-requests), soonest decision first; each
 * decided in place (approve closes the case, reject keeps it open).
 */
export function StopParticipationPage() {
  const list = usePagedList<StopParticipationListItem>('/supervisor/stop-participation-requests', {});
  return (
    <ListFrame id="stop-title" title="Stop-participation decisions" list={list} noun={['open request', 'open requests']} empty="No requests wait for a decision.">
      {list.rows.map((r) => (
        <article key={`${r.caseId}/${r.requestId}`} className={`panel${r.overdue ? ' overdue' : ''}`} aria-labelledby={`req-${r.caseId}-${r.requestId}`}>
          <h2 id={`req-${r.caseId}-${r.requestId}`}>
            {r.requestId} on <Link to={`/supervisor/cases/${r.caseId}`}>{r.caseId}</Link>
          </h2>
          <p>
            From provider {r.providerId ?? 'unknown'}, received {when(r.receivedAt)}. Care manager {r.careManagerId ?? 'none'} · {r.programCode}.
          </p>
          <p className={r.overdue ? 'late' : undefined}>
            Decision due {when(r.decisionDueAt)} ({relative(r.decisionDueAt)}){r.overdue ? ' — overdue' : ''}
          </p>
          <ActionForm
            title="Decide"
            submitLabel="Record the decision"
            run={async (d) => {
              const res = await api.post<CaseActionResult>(`/supervisor/cases/${r.caseId}/stop-participation-requests/${r.requestId}/decision`, {
                decision: read.text(d, 'decision'),
                reason: read.text(d, 'reason'),
              });
              void list.reload();
              return `Decided. The case is in ${label(res.phase).toLowerCase()}.`;
            }}
          >
            <Field name="decision" label="Decision" hint="Approve closes the case (closure reason provider request); reject keeps it open.">
              {(p) => <Select {...p} options={['approve', 'reject']} blank="Choose…" />}
            </Field>
            <Field name="reason" label="Reason" hint="Told to the provider; stored in the audit log. No clinical details.">
              {(p) => <textarea {...p} rows={2} />}
            </Field>
          </ActionForm>
        </article>
      ))}
    </ListFrame>
  );
}

import { useState } from 'react';
import { TRANSITION_TASK_LABELS, type TransitionTask } from '@careloop/domain';
import { DISCHARGE_STATUSES, type DischargeListItem, type DischargeStatusView, type TransitionTaskView } from '@careloop/contracts';
import { api } from './api.client';
import { useLoad } from './data.hook';
import { usePagedList } from './paged-list.hook';
import { FilterSelect } from './filter.select';
import { ActionForm, Field, read } from './form.kit';
import { label, relative, when } from './format';
import { ProblemNotice } from './problem.notice';
import { Link } from './router.nav';
import { ListFrame, TaskStatus } from './work-list.parts';

/**
 * Discharges (GET /discharges): the transition-of-care tasks of the cases the
 * user may see, each with its deadline; overdue ones marked.
 */
export function DischargesPage() {
  const [filters, setFilters] = useState({ status: '', overdue: '' });
  const list = usePagedList<DischargeListItem>('/discharges', { status: filters.status || undefined, overdue: filters.overdue || undefined });
  return (
    <ListFrame
      id="discharges-title"
      title="Discharges"
      list={list}
      subject="discharge"
      noun={['discharge', 'discharges']}
      empty="No discharges match."
      filters={
        <>
          <FilterSelect label="Status" value={filters.status} options={DISCHARGE_STATUSES} onChange={(status) => setFilters({ ...filters, status })} />
          <FilterSelect label="Overdue" value={filters.overdue} options={['true', 'false']} onChange={(overdue) => setFilters({ ...filters, overdue })} />
        </>
      }
    >
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Discharge</th>
              <th scope="col">Discharged</th>
              <th scope="col">Status</th>
              <th scope="col">Transition-of-care tasks</th>
              <th scope="col">Care manager</th>
            </tr>
          </thead>
          <tbody>
            {list.rows.map((d) => (
              <tr key={d.dischargeId} className={d.overdue ? 'overdue' : undefined}>
                <td>
                  <Link to={`/discharges/${d.dischargeId}`}>{d.dischargeId}</Link>
                  <span className="sub">
                    <Link to={`/cases/${d.caseId}`}>{d.caseId}</Link> · {d.programCode}
                  </span>
                </td>
                <td>{when(d.dischargedAt)}</td>
                <td>
                  {label(d.status)}
                  {d.overdue && <span className="sub late">overdue</span>}
                </td>
                <td>
                  <ul className="reasons">
                    {d.tasks.map((t) => (
                      <li key={t.task}>
                        {taskTitle(t.task)}: <TaskStatus status={t.status} overdue={t.overdue} />{' '}
                        <span className="sub">
                          due {when(t.dueAt)} ({relative(t.dueAt)})
                        </span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>{d.careManagerId ?? <span className="muted">none</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ListFrame>
  );
}

/** `member_contact` → `Contact with the member`. */
const taskTitle = (task: TransitionTask) => label(TRANSITION_TASK_LABELS[task]);

const OPEN: readonly TransitionTaskView['status'][] = ['open', 'missed', 'escalated'];

/** One discharge (GET /discharges/:id, from its workflow): the tasks with their deadlines; a task is recorded done here. */
export function DischargePage({ dischargeId }: { dischargeId: string }) {
  const view = useLoad(() => api.get<DischargeStatusView & { workflowStatus: string }>(`/discharges/${dischargeId}`), [dischargeId], 15_000);
  const d = view.data;
  return (
    <section aria-labelledby="discharge-title">
      <h1 id="discharge-title">Discharge {dischargeId}</h1>
      {view.problem && <ProblemNotice problem={view.problem} subject="discharge" />}
      {!d ? (
        !view.problem && <p className="loading">Loading the discharge…</p>
      ) : (
        <>
          <dl className="panel grid">
            <div>
              <dt>Case</dt>
              <dd>
                <Link to={`/cases/${d.caseId}`}>{d.caseId}</Link>
              </dd>
            </div>
            <div>
              <dt>Program</dt>
              <dd>{d.programCode}</dd>
            </div>
            <div>
              <dt>Discharged</dt>
              <dd>{when(d.dischargedAt)}</dd>
            </div>
            <div>
              <dt>Status</dt>
              <dd>{label(d.status)}</dd>
            </div>
            {d.cancelledAt && (
              <div>
                <dt>Cancelled by the sender</dt>
                <dd>{when(d.cancelledAt)}</dd>
              </div>
            )}
          </dl>
          <h2>Transition-of-care tasks</h2>
          <div className="table-wrap">
            <table className="toc-tasks">
              <thead>
                <tr>
                  <th scope="col">Task</th>
                  <th scope="col">Status</th>
                  <th scope="col">Deadline</th>
                  <th scope="col">Done</th>
                </tr>
              </thead>
              <tbody>
                {d.tasks.map((t) => (
                  <tr key={t.task} className={t.status === 'missed' || t.status === 'escalated' ? 'overdue' : undefined} data-task={t.task}>
                    <th scope="row">{taskTitle(t.task)}</th>
                    <td>
                      <TaskStatus status={t.status} overdue={t.status === 'missed' || t.status === 'escalated'} />
                    </td>
                    <td>
                      {when(t.dueAt)} <span className="sub">{relative(t.dueAt)}</span>
                    </td>
                    <td>{t.completedAt ? `${when(t.completedAt)} by ${t.completedBy ?? '—'}${t.late ? ' (late)' : ''}` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="action-grid">
            {d.tasks
              .filter((t) => OPEN.includes(t.status))
              .map((t) => (
                <CompleteTaskForm key={t.task} dischargeId={dischargeId} task={t.task} onDone={() => void view.reload()} />
              ))}
          </div>
        </>
      )}
    </section>
  );
}

function CompleteTaskForm({ dischargeId, task, onDone }: { dischargeId: string; task: TransitionTask; onDone: () => void }) {
  return (
    <ActionForm
      title={`Done: ${TRANSITION_TASK_LABELS[task]}`}
      submitLabel="Record as done"
      subject="discharge"
      run={async (data) => {
        const local = read.text(data, 'completedAt');
        await api.post(`/discharges/${dischargeId}/tasks/${task}`, local ? { completedAt: new Date(local).toISOString() } : {});
        onDone();
        return 'Recorded.';
      }}
    >
      <Field name="completedAt" label="Done at" hint="Leave empty for now.">
        {(p) => <input {...p} type="datetime-local" />}
      </Field>
    </ActionForm>
  );
}

import { DIRECT_CLOSURE_REASONS } from '@careloop/domain';
import { api } from './api.client';
import type { CaseActionResult, CaseloadSummaryView, CaseTaskView, RetryNowResult } from '@careloop/contracts';
import { finish } from './case-action';
import { ActionForm, Check, Field, Select, read } from './form.kit';
import { label } from './format';

/** Supervisor actions (DESIGN §5): each states its reason, which is audited with the action. */

interface Props {
  readonly caseId: string;
  readonly onDone: () => void;
}

async function supervise(caseId: string, action: string, body: Record<string, unknown>): Promise<string> {
  // Every action answers where the case now stands, except retry (what it restarted).
  const r = await api.post<CaseActionResult | RetryNowResult>(`/supervisor/cases/${caseId}/${action}`, body);
  return 'phase' in r ? `Done. The case is in ${label(r.phase).toLowerCase()}.` : 'Done.';
}

function Reason() {
  return (
    <Field name="reason" label="Reason" hint="Required; stored with the action in the audit log. No clinical details.">
      {(p) => <textarea {...p} rows={2} required />}
    </Field>
  );
}

export function SupervisorReassignForm({ caseId, onDone, caseloads, current }: Props & { caseloads: readonly CaseloadSummaryView[]; current: string | null }) {
  const options = caseloads.filter((c) => c.careManagerId !== current);
  return (
    <ActionForm
      title="Reassign"
      submitLabel="Reassign"
      run={(d) => supervise(caseId, 'reassign', { careManagerId: read.text(d, 'careManagerId'), reason: read.text(d, 'reason'), overrideCap: read.bool(d, 'overrideCap') || undefined }).then(finish(onDone))}
    >
      <Field name="careManagerId" label="New care manager">
        {(p) => (
          <select {...p} defaultValue="">
            <option value="">Choose…</option>
            {options.map((c) => (
              <option key={c.careManagerId} value={c.careManagerId}>
                {c.careManagerId} — {c.open}/{c.cap}
                {c.overCap || c.available === 0 ? ' (at cap)' : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Reason />
      <Check name="overrideCap" label="Assign even above the caseload cap (say why in the reason)" />
    </ActionForm>
  );
}

function TaskField({ tasks }: { tasks: readonly CaseTaskView[] }) {
  return (
    <Field name="taskKey" label="Task">
      {(p) => <Select {...p} options={tasks.map((t) => t.key)} blank={tasks.length ? 'Choose…' : 'No open tasks'} />}
    </Field>
  );
}

export function ExtendForm({ caseId, onDone, tasks }: Props & { tasks: readonly CaseTaskView[] }) {
  return (
    <ActionForm
      title="Extend a due date"
      submitLabel="Extend"
      run={(d) => {
        const local = read.text(d, 'dueAt');
        return supervise(caseId, 'extend-due-date', { taskKey: read.text(d, 'taskKey'), dueAt: local ? new Date(local).toISOString() : undefined, reason: read.text(d, 'reason') }).then(finish(onDone));
      }}
    >
      <TaskField tasks={tasks} />
      <Field name="dueAt" label="New due time" hint="Later than the current one.">
        {(p) => <input {...p} type="datetime-local" />}
      </Field>
      <Reason />
    </ActionForm>
  );
}

export function NudgeForm({ caseId, onDone, tasks }: Props & { tasks: readonly CaseTaskView[] }) {
  return (
    <ActionForm title="Nudge the care team" submitLabel="Nudge" intro={<p className="hint">Sends the task notification again.</p>} run={(d) => supervise(caseId, 'nudge', { taskKey: read.text(d, 'taskKey'), reason: read.text(d, 'reason') }).then(finish(onDone))}>
      <TaskField tasks={tasks} />
      <Reason />
    </ActionForm>
  );
}

export function RetryForm({ caseId, onDone }: Props) {
  return (
    <ActionForm title="Retry now" submitLabel="Retry" intro={<p className="hint">Restarts retrying activities at once and queues given-up notifications again.</p>} run={(d) => supervise(caseId, 'retry', { reason: read.text(d, 'reason') }).then(finish(onDone))}>
      <Reason />
    </ActionForm>
  );
}

export function SupervisorCloseForm({ caseId, onDone }: Props) {
  return (
    <ActionForm title="Close the case" submitLabel="Close case" run={(d) => supervise(caseId, 'close', { closureReason: read.text(d, 'closureReason'), reason: read.text(d, 'reason') }).then(finish(onDone))}>
      <Field name="closureReason" label="Closure reason">
        {(p) => <Select {...p} options={DIRECT_CLOSURE_REASONS} blank="Choose…" />}
      </Field>
      <Reason />
    </ActionForm>
  );
}

import { DIRECT_CLOSURE_REASONS } from '@careloop/domain';
import { act, finish, type ActionProps } from './case-action';
import { ActionForm, Field, Select, read } from './form.kit';

/** Actions at any phase: notes, pause and resume, PCP change, reassignment, closure. */

export function NoteForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm title="Add a note or call record" submitLabel="Add" run={(d) => act(caseId, 'notes', { kind: read.text(d, 'kind'), text: read.text(d, 'text') }).then(finish(onDone))}>
      <Field name="kind" label="Kind">
        {(p) => <Select {...p} options={['note', 'call_record']} />}
      </Field>
      <Field name="text" label="Text">
        {(p) => <textarea {...p} rows={4} />}
      </Field>
    </ActionForm>
  );
}

export function PauseForm({ caseId, onDone, paused }: ActionProps & { paused: boolean }) {
  if (paused) {
    return <ActionForm title="Resume the case" submitLabel="Resume" run={() => act(caseId, 'resume').then(finish(onDone))} intro={<p className="hint">Outreach and contact tasks start again.</p>} />;
  }
  return (
    <ActionForm title="Pause the case" submitLabel="Pause" run={(d) => act(caseId, 'pause', { reason: read.text(d, 'reason') }).then(finish(onDone))} intro={<p className="hint">For example an inpatient stay: no new outreach or contact tasks until resumed.</p>}>
      <Field name="reason" label="Reason">
        {(p) => <input {...p} />}
      </Field>
    </ActionForm>
  );
}

export function PcpForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm title="Record a new PCP" submitLabel="Change PCP" intro={<p className="hint">The plan and referrals carry over; the new PCP is informed.</p>} run={(d) => act(caseId, 'pcp', { pcpId: read.text(d, 'pcpId') }).then(finish(onDone))}>
      <Field name="pcpId" label="PCP id">
        {(p) => <input {...p} />}
      </Field>
    </ActionForm>
  );
}

export function ReassignForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm title="Hand the case to another care manager" submitLabel="Reassign" run={(d) => act(caseId, 'reassign', { careManagerId: read.text(d, 'careManagerId'), reason: read.text(d, 'reason') }).then(finish(onDone))}>
      <Field name="careManagerId" label="Care manager id">
        {(p) => <input {...p} />}
      </Field>
      <Field name="reason" label="Reason">
        {(p) => <input {...p} />}
      </Field>
    </ActionForm>
  );
}

export function CloseForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm title="Close the case" submitLabel="Close case" intro={<p className="hint">Closing is final; the history stays readable.</p>} run={(d) => act(caseId, 'close', { reason: read.text(d, 'reason'), detail: read.text(d, 'detail') }).then(finish(onDone))}>
      <Field name="reason" label="Closure reason">
        {(p) => <Select {...p} options={DIRECT_CLOSURE_REASONS} blank="Choose…" />}
      </Field>
      <Field name="detail" label="Detail (optional)">
        {(p) => <textarea {...p} rows={2} />}
      </Field>
    </ActionForm>
  );
}

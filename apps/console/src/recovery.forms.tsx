import { CONTACT_CHANNELS, GOAL_STATUSES, MEMBER_DISCUSSION_OUTCOMES, PLAN_REVIEW_OUTCOMES } from '@careloop/domain';
import { act, finish, type ActionProps } from './case-action';
import { ActionForm, Check, Field, Select, read } from './form.kit';

/** The recovery-support steps' actions (seed 003): discussion, contacts, interventions, reports, monitoring, reviews. */

function Summary({ name = 'summary', label = 'Summary (optional)', required }: { name?: string; label?: string; required?: boolean }) {
  return <Field name={name} label={label}>{(p) => <textarea {...p} rows={3} required={required} />}</Field>;
}

export function MemberDiscussionForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm title="Discuss the plan with the member" submitLabel="Record discussion" run={(d) => act(caseId, 'member-discussion', { outcome: read.text(d, 'outcome'), summary: read.text(d, 'summary') }).then(finish(onDone))}>
      <Field name="outcome" label="Outcome" hint="Concerns send the plan back for re-evaluation.">
        {(p) => <Select {...p} options={MEMBER_DISCUSSION_OUTCOMES} blank="Choose…" />}
      </Field>
      <Summary />
    </ActionForm>
  );
}

export function ContactForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm title="Record a contact" submitLabel="Record contact" run={(d) => act(caseId, 'contacts', { channel: read.text(d, 'channel'), outcome: read.text(d, 'outcome'), summary: read.text(d, 'summary') }).then(finish(onDone))}>
      <Field name="channel" label="Channel">
        {(p) => <Select {...p} options={CONTACT_CHANNELS} />}
      </Field>
      <Field name="outcome" label="Outcome">
        {(p) => <Select {...p} options={['completed', 'missed']} />}
      </Field>
      <Summary />
    </ActionForm>
  );
}

export function InterventionForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm title="Record an intervention" submitLabel="Record intervention" run={(d) => act(caseId, 'interventions', { kind: read.text(d, 'kind'), description: read.text(d, 'description') }).then(finish(onDone))}>
      <Field name="kind" label="Kind">
        {(p) => <Select {...p} options={['referral', 'utilization_review', 'education', 'medication_review', 'other']} />}
      </Field>
      <Summary name="description" label="Description" required />
    </ActionForm>
  );
}

export function ProviderReportForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm
      title="Record a provider report"
      submitLabel="Record report"
      intro={<p className="hint">The report is forwarded to the treating physician.</p>}
      run={(d) => act(caseId, 'provider-reports', { providerId: read.text(d, 'providerId'), summary: read.text(d, 'summary'), discussedWithMember: read.bool(d, 'discussedWithMember') }).then(finish(onDone))}
    >
      <Field name="providerId" label="Provider id" hint="For example prov-9.">
        {(p) => <input {...p} />}
      </Field>
      <Summary label="Report summary" required />
      <Check name="discussedWithMember" label="Recommendations discussed with the member" />
    </ActionForm>
  );
}

export function ProgressEventForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm
      title="Record progress, a symptom increase or an adherence change"
      submitLabel="Record event"
      intro={<p className="hint">Symptom increases and adherence variations notify the provider; “behind expected course” requests supplemental information.</p>}
      run={(d) => act(caseId, 'progress-events', { kind: read.text(d, 'kind'), detail: read.text(d, 'detail') }).then(finish(onDone))}
    >
      <Field name="kind" label="Kind">
        {(p) => <Select {...p} options={['progress', 'symptom_increase', 'adherence_variation', 'behind_expected_course']} />}
      </Field>
      <Summary name="detail" label="Detail" required />
    </ActionForm>
  );
}

export function SupplementalInfoForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm title="Supplemental information received" submitLabel="Record information" run={(d) => act(caseId, 'supplemental-info', { summary: read.text(d, 'summary') }).then(finish(onDone))}>
      <Summary label="What the treating physician sent" required />
    </ActionForm>
  );
}

export function PlanReviewForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm title="Periodic plan review" submitLabel="Record review" run={(d) => act(caseId, 'plan-review', { outcome: read.text(d, 'outcome'), summary: read.text(d, 'summary') }).then(finish(onDone))}>
      <Field name="outcome" label="Outcome" hint="Revise sends the plan back to step 7 with a care-plan task.">
        {(p) => <Select {...p} options={PLAN_REVIEW_OUTCOMES} />}
      </Field>
      <Summary />
    </ActionForm>
  );
}

export function GoalProgressForm({ caseId, onDone, goals }: ActionProps & { readonly goals: readonly { readonly id: string; readonly description: string }[] }) {
  if (goals.length === 0) {
    return <p className="hint">The plan has no goals yet.</p>;
  }
  return (
    <ActionForm
      title="Record a goal's progress"
      submitLabel="Record progress"
      intro={<p className="hint">The committee's updates count goals met and behind (no goal text leaves the case).</p>}
      run={(d) => act(caseId, `goals/${encodeURIComponent(read.text(d, 'goalId') ?? '')}/progress`, { status: read.text(d, 'status'), note: read.text(d, 'note') }).then(finish(onDone))}
    >
      <Field name="goalId" label="Goal">
        {(p) => <Select {...p} options={goals.map((g) => g.id)} />}
      </Field>
      <Field name="status" label="Status" hint="Open again undoes met or behind.">
        {(p) => <Select {...p} options={GOAL_STATUSES} blank="Choose…" />}
      </Field>
      <Summary name="note" label="Note (optional)" />
    </ActionForm>
  );
}

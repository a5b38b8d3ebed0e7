import { useState } from 'react';
import type { CarePlan } from '@careloop/domain';
import { act, finish, type ActionProps } from './case-action';
import { ActionForm, Check, Field, GroupErrors, Select, read } from './form.kit';
import { addDays, today } from './format';

const DOMAINS = ['physical', 'behavioral', 'social', 'cultural', 'caregiver'] as const;
const OWNERS = ['care_manager', 'member', 'provider', 'caregiver'] as const;

/**
 * The plan being written: a mutable copy of a CarePlan whose fields hold what
 * the inputs hold (any string) until the API validates the proposal and
 * answers field errors on `plan.…` paths.
 */
interface PlanDraft {
  problems: { id: string; description: string; domain: string }[];
  goals: { id: string; problemIds: string[]; description: string; targetDate: string }[];
  interventions: { id: string; goalIds: string[]; description: string; owner: string }[];
  referrals: { id: string; specialty: string; reason: string }[];
}

function draftOf(plan: CarePlan): PlanDraft {
  return {
    problems: plan.problems.map((p) => ({ ...p })),
    goals: plan.goals.map((g) => ({ ...g, problemIds: [...g.problemIds] })),
    interventions: plan.interventions.map((i) => ({ ...i, goalIds: [...i.goalIds] })),
    referrals: plan.referrals.map((r) => ({ ...r })),
  };
}

function starterPlan(): PlanDraft {
  return {
    problems: [{ id: 'p1', description: '', domain: 'physical' }],
    goals: [{ id: 'g1', problemIds: ['p1'], description: '', targetDate: addDays(today(), 90) }],
    interventions: [{ id: 'i1', goalIds: ['g1'], description: '', owner: 'care_manager' }],
    referrals: [],
  };
}

function nextId(prefix: string, items: readonly { id: string }[]): string {
  let n = items.length + 1;
  while (items.some((i) => i.id === `${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/**
 * Propose a care plan version: problems, goals (with target dates) linked to
 * problems, interventions linked to goals, referrals. A revision starts from
 * the latest version; every version is kept.
 */
export function PlanForm({ caseId, onDone, latest }: ActionProps & { latest: CarePlan | null }) {
  const [plan, setPlan] = useState<PlanDraft>(() => (latest ? draftOf(latest) : starterPlan()));
  const edit = (change: (p: PlanDraft) => void) =>
    setPlan((p) => {
      const copy = structuredClone(p);
      change(copy);
      return copy;
    });

  return (
    <ActionForm
      title={latest ? 'Revise the care plan' : 'Write the care plan'}
      submitLabel="Propose plan"
      resetOnSuccess={false}
      run={() => act(caseId, 'plan', { plan }).then(finish(onDone))}
      className="plan-form"
    >
      <fieldset>
        <legend>Problems</legend>
        {plan.problems.map((pr, i) => (
          <div className="plan-item" key={pr.id}>
            <span className="plan-id">{pr.id}</span>
            <Field name={`plan.problems[${i}].description`} label={`Problem ${pr.id}`}>
              {(p) => <input {...p} value={pr.description} onChange={(e) => edit((x) => (x.problems[i]!.description = e.target.value))} />}
            </Field>
            <Field name={`plan.problems[${i}].domain`} label="Domain">
              {(p) => <Select {...p} options={DOMAINS} value={pr.domain} onChange={(e) => edit((x) => (x.problems[i]!.domain = e.target.value))} />}
            </Field>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => edit((x) => x.problems.push({ id: nextId('p', x.problems), description: '', domain: 'physical' }))}>
          Add a problem
        </button>
      </fieldset>

      <fieldset>
        <legend>Goals</legend>
        {plan.goals.map((g, i) => (
          <div className="plan-item" key={g.id}>
            <span className="plan-id">{g.id}</span>
            <Field name={`plan.goals[${i}].description`} label={`Goal ${g.id}`}>
              {(p) => <input {...p} value={g.description} onChange={(e) => edit((x) => (x.goals[i]!.description = e.target.value))} />}
            </Field>
            <Field name={`plan.goals[${i}].targetDate`} label="Target date">
              {(p) => <input {...p} type="date" value={g.targetDate} onChange={(e) => edit((x) => (x.goals[i]!.targetDate = e.target.value))} />}
            </Field>
            <fieldset className="links">
              <legend>Addresses problems</legend>
              {plan.problems.map((pr) => (
                <label key={pr.id} className="inline">
                  <input type="checkbox" name={`plan.goals[${i}].problemIds`} checked={g.problemIds.includes(pr.id)} onChange={() => edit((x) => (x.goals[i]!.problemIds = toggle(x.goals[i]!.problemIds, pr.id)))} /> {pr.id}
                </label>
              ))}
              <GroupErrors name={`plan.goals[${i}].problemIds`} />
            </fieldset>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => edit((x) => x.goals.push({ id: nextId('g', x.goals), problemIds: [], description: '', targetDate: addDays(today(), 90) }))}>
          Add a goal
        </button>
      </fieldset>

      <fieldset>
        <legend>Interventions</legend>
        {plan.interventions.map((iv, i) => (
          <div className="plan-item" key={iv.id}>
            <span className="plan-id">{iv.id}</span>
            <Field name={`plan.interventions[${i}].description`} label={`Intervention ${iv.id}`}>
              {(p) => <input {...p} value={iv.description} onChange={(e) => edit((x) => (x.interventions[i]!.description = e.target.value))} />}
            </Field>
            <Field name={`plan.interventions[${i}].owner`} label="Owner">
              {(p) => <Select {...p} options={OWNERS} value={iv.owner} onChange={(e) => edit((x) => (x.interventions[i]!.owner = e.target.value))} />}
            </Field>
            <fieldset className="links">
              <legend>Serves goals</legend>
              {plan.goals.map((g) => (
                <label key={g.id} className="inline">
                  <input type="checkbox" name={`plan.interventions[${i}].goalIds`} checked={iv.goalIds.includes(g.id)} onChange={() => edit((x) => (x.interventions[i]!.goalIds = toggle(x.interventions[i]!.goalIds, g.id)))} /> {g.id}
                </label>
              ))}
              <GroupErrors name={`plan.interventions[${i}].goalIds`} />
            </fieldset>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => edit((x) => x.interventions.push({ id: nextId('i', x.interventions), goalIds: [], description: '', owner: 'care_manager' }))}>
          Add an intervention
        </button>
      </fieldset>

      <fieldset>
        <legend>Referrals</legend>
        {plan.referrals.map((r, i) => (
          <div className="plan-item" key={r.id}>
            <span className="plan-id">{r.id}</span>
            <Field name={`plan.referrals[${i}].specialty`} label={`Referral ${r.id}: specialty`}>
              {(p) => <input {...p} value={r.specialty} onChange={(e) => edit((x) => (x.referrals[i]!.specialty = e.target.value))} />}
            </Field>
            <Field name={`plan.referrals[${i}].reason`} label="Reason">
              {(p) => <input {...p} value={r.reason} onChange={(e) => edit((x) => (x.referrals[i]!.reason = e.target.value))} />}
            </Field>
            <button type="button" className="secondary" onClick={() => edit((x) => x.referrals.splice(i, 1))}>
              Remove referral {r.id}
            </button>
          </div>
        ))}
        <button type="button" className="secondary" onClick={() => edit((x) => x.referrals.push({ id: nextId('r', x.referrals), specialty: '', reason: '' }))}>
          Add a referral
        </button>
      </fieldset>
    </ActionForm>
  );
}

/** Consent makes a proposed version the active plan. */
export function ConsentForm({ caseId, onDone, versions }: ActionProps & { versions: readonly number[] }) {
  const options = versions.map(String);
  return (
    <ActionForm
      title="Record consent to the plan"
      submitLabel="Record consent"
      run={(d) =>
        act(caseId, `plan/${read.text(d, 'planVersion') ?? '0'}/consent`, {
          consent: {
            consentGiven: read.bool(d, 'consent.consentGiven'),
            consentedBy: read.text(d, 'consent.consentedBy'),
            memberInvolved: read.bool(d, 'consent.memberInvolved'),
            familyOrGuardianInvolved: read.bool(d, 'consent.familyOrGuardianInvolved'),
          },
        }).then(finish(onDone))
      }
    >
      <Field name="planVersion" label="Plan version">
        {(p) => <Select {...p} options={options.length ? options : ['1']} defaultValue={options[0]} />}
      </Field>
      <Field name="consent.consentedBy" label="Consent given by">
        {(p) => <Select {...p} options={['member', 'guardian']} />}
      </Field>
      <Check name="consent.consentGiven" label="Consent given" />
      <Check name="consent.memberInvolved" label="The member took part in planning" />
      <Check name="consent.familyOrGuardianInvolved" label="Family or guardian took part in planning" />
    </ActionForm>
  );
}

import { CONTACT_OUTCOMES } from '@careloop/domain';
import type { AttemptView } from '@careloop/contracts';
import { act, finish, type ActionProps } from './case-action';
import { ActionForm, Check, Field, Select, read } from './form.kit';

/** Screening: record how an outreach attempt went. */
export function AttemptForm({ caseId, onDone, attempts }: ActionProps & { attempts: readonly AttemptView[] }) {
  const open = attempts.filter((a) => a.outcome === null);
  const numbers = (open.length ? open : attempts).map((a) => String(a.number));
  return (
    <ActionForm
      title="Record an outreach attempt"
      submitLabel="Record outcome"
      run={(d) => act(caseId, `attempts/${read.text(d, 'attemptNumber') ?? '0'}/outcome`, { outcome: read.text(d, 'outcome'), note: read.text(d, 'note') }).then(finish(onDone))}
    >
      <Field name="attemptNumber" label="Attempt">
        {(p) => <Select {...p} options={numbers.length ? numbers : ['1']} defaultValue={numbers.at(-1)} />}
      </Field>
      <Field name="outcome" label="Outcome">
        {(p) => <Select {...p} options={CONTACT_OUTCOMES} blank="Choose…" />}
      </Field>
      <Field name="note" label="Note (optional)">
        {(p) => <textarea {...p} rows={2} />}
      </Field>
    </ActionForm>
  );
}

export function ScreeningForm({ caseId, onDone }: ActionProps) {
  return (
    <ActionForm
      title="Initial screening"
      submitLabel="Submit screening"
      run={(d) =>
        act(caseId, 'screening', {
          answers: {
            selfRatedHealth: read.text(d, 'answers.selfRatedHealth'),
            hospitalizedLast12Months: read.bool(d, 'answers.hospitalizedLast12Months'),
            chronicConditionCount: read.number(d, 'answers.chronicConditionCount'),
            behavioralHealthConcern: read.bool(d, 'answers.behavioralHealthConcern'),
            socialNeedsConcern: read.bool(d, 'answers.socialNeedsConcern'),
            preferredLanguage: read.text(d, 'answers.preferredLanguage'),
          },
        }).then(finish(onDone))
      }
    >
      <Field name="answers.selfRatedHealth" label="Self-rated health">
        {(p) => <Select {...p} options={['excellent', 'good', 'fair', 'poor']} blank="Choose…" />}
      </Field>
      <Field name="answers.chronicConditionCount" label="Number of chronic conditions">
        {(p) => <input {...p} type="number" min={0} max={50} inputMode="numeric" />}
      </Field>
      <Field name="answers.preferredLanguage" label="Preferred language" hint="A language tag such as en, es or vi.">
        {(p) => <input {...p} defaultValue="en" />}
      </Field>
      <Check name="answers.hospitalizedLast12Months" label="Hospitalized in the last 12 months" />
      <Check name="answers.behavioralHealthConcern" label="Behavioral health concern" />
      <Check name="answers.socialNeedsConcern" label="Social needs concern" />
    </ActionForm>
  );
}

const NUMBERS: readonly [string, string, number][] = [
  ['physical.chronicConditions', 'Chronic conditions', 50],
  ['physical.hospitalAdmissionsLast12Months', 'Hospital admissions, last 12 months', 365],
  ['physical.emergencyVisitsLast6Months', 'Emergency visits, last 6 months', 365],
  ['physical.activeMedications', 'Active medications', 100],
  ['physical.adlDependencies', 'ADL dependencies (0-6)', 6],
];

const CHECKS: readonly [string, string][] = [
  ['behavioral.substanceUseDisorder', 'Substance use disorder'],
  ['behavioral.seriousMentalIllness', 'Serious mental illness'],
  ['social.housingInstability', 'Housing instability'],
  ['social.foodInsecurity', 'Food insecurity'],
  ['social.transportationBarrier', 'Transportation barrier'],
  ['social.needsLtss', 'Needs long-term services and supports'],
  ['social.livesAlone', 'Lives alone'],
  ['cultural.interpreterNeeded', 'Interpreter needed'],
  ['caregiver.hasCaregiverOrGuardian', 'Has a caregiver or guardian'],
  ['caregiver.legalGuardian', 'Has a legal guardian'],
];

/** Needs and diagnostic assessment (in recovery support: a reassessment). Answers with the risk tier. */
export function AssessmentForm({ caseId, onDone, reassessment }: ActionProps & { reassessment?: boolean }) {
  return (
    <ActionForm
      title={reassessment ? 'Reassessment' : 'Needs assessment'}
      submitLabel="Submit assessment"
      run={(d) => {
        const answers: Record<string, Record<string, unknown>> = { physical: {}, behavioral: {}, social: {}, cultural: {}, caregiver: {} };
        const put = (path: string, value: unknown) => {
          const [group, key] = path.split('.') as [string, string];
          if (value !== undefined) {
            answers[group]![key] = value;
          }
        };
        NUMBERS.forEach(([path]) => put(path, read.number(d, `answers.${path}`)));
        put('behavioral.phq9Score', read.number(d, 'answers.behavioral.phq9Score'));
        CHECKS.forEach(([path]) => put(path, read.bool(d, `answers.${path}`)));
        put('cultural.preferredLanguage', read.text(d, 'answers.cultural.preferredLanguage'));
        return act(caseId, 'assessment', { answers }).then(finish(onDone));
      }}
    >
      <fieldset>
        <legend>Physical health</legend>
        <div className="grid">
          {NUMBERS.map(([path, text, max]) => (
            <Field key={path} name={`answers.${path}`} label={text}>
              {(p) => <input {...p} type="number" min={0} max={max} inputMode="numeric" />}
            </Field>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>Behavioral health</legend>
        <Field name="answers.behavioral.phq9Score" label="PHQ-9 score (optional, 0-27)">
          {(p) => <input {...p} type="number" min={0} max={27} inputMode="numeric" />}
        </Field>
        {CHECKS.filter(([p]) => p.startsWith('behavioral.')).map(([path, text]) => (
          <Check key={path} name={`answers.${path}`} label={text} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Social needs and LTSS</legend>
        {CHECKS.filter(([p]) => p.startsWith('social.')).map(([path, text]) => (
          <Check key={path} name={`answers.${path}`} label={text} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Cultural and linguistic needs</legend>
        <Field name="answers.cultural.preferredLanguage" label="Preferred language">
          {(p) => <input {...p} defaultValue="en" />}
        </Field>
        {CHECKS.filter(([p]) => p.startsWith('cultural.')).map(([path, text]) => (
          <Check key={path} name={`answers.${path}`} label={text} />
        ))}
      </fieldset>
      <fieldset>
        <legend>Caregiver and guardian</legend>
        {CHECKS.filter(([p]) => p.startsWith('caregiver.')).map(([path, text]) => (
          <Check key={path} name={`answers.${path}`} label={text} />
        ))}
      </fieldset>
    </ActionForm>
  );
}

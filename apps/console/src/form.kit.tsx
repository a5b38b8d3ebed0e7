import { createContext, useContext, useId, useRef, useState, type FormEvent, type ReactElement, type ReactNode, type SelectHTMLAttributes } from 'react';
import { ApiProblem } from './api.client';

/**
 * Forms of the console: each submits one API action and shows the API's own
 * answer — a 400's `errors[]` next to the field it names (inputs are named
 * by their API path, e.g. `answers.selfRatedHealth`), a 409's `detail`
 * (the workflow's reason) at the top of the form.
 */

const ProblemContext = createContext<ApiProblem | null>(null);

export interface InputProps {
  readonly id: string;
  readonly name: string;
  readonly 'aria-invalid'?: boolean;
  readonly 'aria-describedby'?: string;
}

/**
 * One input with its label, hint and the API's reasons for it. `errorHelp`
 * turns a refusal of this field into what to do next (e.g. a link to where
 * it is fixed); it is shown under the reasons, and only when there are some.
 */
export function Field({
  name,
  label,
  hint,
  errorHelp,
  children,
}: {
  name: string;
  label: string;
  hint?: string;
  errorHelp?: (problem: ApiProblem) => ReactNode;
  children: (props: InputProps) => ReactElement;
}) {
  const problem = useContext(ProblemContext);
  const id = useId();
  const reasons = problem?.reasonsFor(name) ?? [];
  const help = problem && reasons.length && errorHelp ? errorHelp(problem) : null;
  const describedBy = [hint ? `${id}-hint` : '', reasons.length ? `${id}-error` : '', help ? `${id}-help` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${reasons.length ? ' field--invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {children({ id, name, ...(reasons.length ? { 'aria-invalid': true } : {}), ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      <FieldErrors id={`${id}-error`} reasons={reasons} />
      {help && (
        <div className="field-help" id={`${id}-help`}>
          {help}
        </div>
      )}
    </div>
  );
}

/** A yes/no question as a checkbox, label after the box. */
export function Check({ name, label, defaultChecked, checked, onChange, value = 'true' }: { name: string; label: string; defaultChecked?: boolean; checked?: boolean; onChange?: (checked: boolean) => void; value?: string }) {
  const problem = useContext(ProblemContext);
  const id = useId();
  const reasons = problem?.reasonsFor(name) ?? [];
  return (
    <div className={`check${reasons.length ? ' field--invalid' : ''}`}>
      <input
        type="checkbox"
        id={id}
        name={name}
        value={value}
        {...(checked === undefined ? { defaultChecked } : { checked, onChange: (e) => onChange?.(e.target.checked) })}
        {...(reasons.length ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {})} />
      <label htmlFor={id}>{label}</label>
      <FieldErrors id={`${id}-error`} reasons={reasons} />
    </div>
  );
}

/** Errors of a field that is a group (checkbox lists): shown under the group. */
export function GroupErrors({ name }: { name: string }) {
  const problem = useContext(ProblemContext);
  const id = useId();
  return <FieldErrors id={id} reasons={problem?.reasonsFor(name) ?? []} />;
}

function FieldErrors({ id, reasons }: { id: string; reasons: readonly string[] }) {
  if (!reasons.length) {
    return null;
  }
  return (
    <ul className="field-errors" id={id}>
      {reasons.map((r) => (
        <li key={r}>{r}</li>
      ))}
    </ul>
  );
}

export function Select({ options, blank, ...props }: InputProps & SelectHTMLAttributes<HTMLSelectElement> & { options: readonly string[]; blank?: string }) {
  return (
    <select {...props}>
      {blank !== undefined && <option value="">{blank}</option>}
      {options.map((o) => (
        <option key={o} value={o}>
          {o.replace(/_/g, ' ')}
        </option>
      ))}
    </select>
  );
}

/**
 * One action: `run` turns the form's data into an API call and returns what to
 * say on success. Pending disables the button; problems render in place.
 */
export function ActionForm({
  title,
  submitLabel,
  run,
  children,
  intro,
  resetOnSuccess = true,
  className,
  subject,
}: {
  title: string;
  submitLabel: string;
  run: (data: FormData) => Promise<string>;
  children?: ReactNode;
  intro?: ReactNode;
  resetOnSuccess?: boolean;
  className?: string;
  /** What a 404 or 412 is about ("case" unless said). */
  subject?: string;
}) {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const headingId = useId();

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    setPending(true);
    setDone(null);
    try {
      const message = await run(new FormData(form));
      setProblem(null);
      setDone(message);
      if (resetOnSuccess) {
        form.reset();
      }
    } catch (err) {
      setProblem(err instanceof ApiProblem ? err : new ApiProblem(0, 'console_error', err instanceof Error ? err.message : String(err)));
    } finally {
      setPending(false);
    }
  };

  // Field errors the form has no input for (e.g. a nested rule) are listed with the summary.
  const unplaced = problem?.errors.filter((e) => !formRef.current?.querySelector(`[name="${CSS.escape(e.field)}"]`)) ?? [];

  return (
    <form ref={formRef} className={`action-form ${className ?? ''}`} aria-labelledby={headingId} onSubmit={(e) => void onSubmit(e)} noValidate>
      <h3 id={headingId}>{title}</h3>
      {intro}
      {problem && (
        <div className="problem" role="alert">
          <p>{problemText(problem, subject)}</p>
          {unplaced.length > 0 && (
            <ul>
              {unplaced.map((e) => (
                <li key={`${e.field}:${e.reason}`}>
                  <code>{e.field}</code>: {e.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <ProblemContext.Provider value={problem}>{children}</ProblemContext.Provider>
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {pending ? 'Saving…' : submitLabel}
        </button>
        <span className="done" role="status">
          {done}
        </span>
      </div>
    </form>
  );
}

/** What to tell the user about a refused request. */
export function problemText(p: ApiProblem, subject = 'case'): string {
  switch (p.status) {
    case 400:
      return p.errors.length ? 'Please correct the fields marked below.' : p.detail;
    case 403:
      return 'Your role may not do this.';
    case 404:
      return `This ${subject} was not found, or it is not yours to see.`;
    case 409:
      return p.detail;
    case 412:
      return `Someone else changed this ${subject} since you opened it.`;
    case 429:
      return 'Too many requests; wait a minute and try again.';
    default:
      return p.detail;
  }
}

/** FormData readers: the API wants typed values, forms hold strings. */
export const read = {
  text: (d: FormData, name: string): string | undefined => {
    const v = d.get(name);
    return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
  },
  /** A number when the field holds one; otherwise the raw text, so the API names the field. */
  number: (d: FormData, name: string): number | string | undefined => {
    const v = read.text(d, name);
    return v === undefined ? undefined : Number.isFinite(Number(v)) ? Number(v) : v;
  },
  bool: (d: FormData, name: string): boolean => d.get(name) === 'true',
};

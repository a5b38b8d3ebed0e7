import { useState, type ReactNode } from 'react';
import {
  MEMBER_CONTACT_METHODS,
  MEMBER_IDENTIFIER_KINDS,
  PHONE_USES,
  RECORDED_SEXES,
  REPRESENTATIVE_AUTHORITIES,
  REPRESENTATIVE_RELATIONSHIPS,
  WEEKDAYS,
} from '@careloop/domain';
import type { MemberView } from '@careloop/contracts';
import { api, ApiProblem } from './api.client';
import { ActionForm, Check, Field, GroupErrors, Select } from './form.kit';
import { label } from './format';
import { blankPhone, blankRepresentative, blankSpan, blankWindow, onInputs, toInput, type MemberDraft } from './member.draft';
import { navigate } from './router.nav';

type Edit = (change: (d: MemberDraft) => void) => void;

/**
 * Create and edit, one form: every MemberInput field, repeatable phones,
 * identifiers, contact windows, representatives and spans. Inputs are named
 * by their API path (`phones[0].number`), so the API's 400 field errors show
 * next to each. An edit is a PUT with If-Match; a 412 offers to reload.
 */
export function MemberForm({ initial, memberId, etag, onReload }: { initial: MemberDraft; memberId?: string; etag?: string; onReload?: () => void }) {
  const [d, setD] = useState(initial);
  const [stale, setStale] = useState(false);
  const edit: Edit = (change) =>
    setD((prev) => {
      const next = structuredClone(prev);
      change(next);
      return next;
    });

  const save = async (): Promise<string> => {
    try {
      const saved =
        memberId && etag ? (await api.putIfMatch<MemberView>(`/members/${memberId}`, toInput(d), etag)).body : await api.post<MemberView>('/members', toInput(d));
      const message = memberId ? `Saved: version ${saved.version}.` : 'Member registered.';
      navigate(`/members/${saved.id}`, { carry: { notice: message } });
      return message;
    } catch (err) {
      if (err instanceof ApiProblem) {
        setStale(err.status === 412);
        throw onInputs(err);
      }
      throw err;
    }
  };

  return (
    <ActionForm
      title={memberId ? 'Edit the member record' : 'Register a member'}
      submitLabel={memberId ? 'Save changes' : 'Register member'}
      resetOnSuccess={false}
      className="member-form"
      subject="member"
      run={save}
      intro={
        stale && onReload ? (
          <p className="stale">
            Your changes are not saved. <button type="button" className="secondary" onClick={onReload}>Reload the latest version</button> (your edits here are discarded).
          </p>
        ) : (
          <p className="hint">Fields marked optional may stay blank. Phone numbers are international (E.164), e.g. +1 312 555 0100.</p>
        )
      }
    >
      <Identity d={d} edit={edit} />
      <Contact d={d} edit={edit} />
      <Representatives d={d} edit={edit} />
      <Coverage d={d} edit={edit} />
    </ActionForm>
  );
}

function Text({ name, label: text, value, onChange, type = 'text', hint, autoComplete = 'off' }: { name: string; label: string; value: string; onChange: (v: string) => void; type?: string; hint?: string; autoComplete?: string }) {
  return (
    <Field name={name} label={text} {...(hint ? { hint } : {})}>
      {(p) => <input {...p} type={type} value={value} autoComplete={autoComplete} onChange={(e) => onChange(e.target.value)} />}
    </Field>
  );
}

function Choice<T extends string>({ name, label: text, value, options, onChange, blank }: { name: string; label: string; value: T | ''; options: readonly T[]; onChange: (v: T) => void; blank?: string }) {
  return (
    <Field name={name} label={text}>
      {(p) => <Select {...p} options={options} value={value} onChange={(e) => onChange(e.target.value as T)} {...(blank !== undefined ? { blank } : {})} />}
    </Field>
  );
}

/** Checkboxes for a list field (`representatives[0].authorities`): one group, its errors once under it. */
function CheckGroup<T extends string>({ name, legend, options, value, onChange }: { name: string; legend: string; options: readonly T[]; value: readonly T[]; onChange: (v: T[]) => void }) {
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {options.map((o) => (
        <label key={o} className="inline">
          <input type="checkbox" name={name} value={o} checked={value.includes(o)} onChange={(e) => onChange(e.target.checked ? options.filter((x) => x === o || value.includes(x)) : value.filter((x) => x !== o))} />
          {label(o)}
        </label>
      ))}
      <GroupErrors name={name} />
    </fieldset>
  );
}

/** A fieldset of repeatable entries with add and remove buttons. */
function Repeat<T>({ legend, noun, items, render, add, remove, addLabel, empty }: { legend: string; noun: string; items: readonly T[]; render: (item: T, i: number) => ReactNode; add: () => void; remove: (i: number) => void; addLabel: string; empty?: string }) {
  return (
    <fieldset className="repeat">
      <legend>{legend}</legend>
      {items.length === 0 && empty && <p className="hint">{empty}</p>}
      {items.map((item, i) => (
        <div className="repeat-item" key={i}>
          <div className="grid">{render(item, i)}</div>
          <button type="button" className="secondary" onClick={() => remove(i)} aria-label={`Remove ${noun} ${i + 1}`}>
            Remove
          </button>
        </div>
      ))}
      <button type="button" className="secondary" onClick={add}>
        {addLabel}
      </button>
    </fieldset>
  );
}

function Identity({ d, edit }: { d: MemberDraft; edit: Edit }) {
  return (
    <>
      <fieldset>
        <legend>Name and demographics</legend>
        <div className="grid">
          <Text name="name.given" label="Given names" hint="Separated by spaces." value={d.given} onChange={(v) => edit((x) => void (x.given = v))} />
          <Text name="name.family" label="Family name" value={d.family} onChange={(v) => edit((x) => void (x.family = v))} />
          <Text name="name.preferred" label="Preferred name (optional)" value={d.preferred} onChange={(v) => edit((x) => void (x.preferred = v))} />
          <Text name="birthDate" label="Birth date" type="date" value={d.birthDate} onChange={(v) => edit((x) => void (x.birthDate = v))} />
          <Choice name="sex" label="Sex (as recorded by the plan)" value={d.sex} options={RECORDED_SEXES} blank="choose…" onChange={(v) => edit((x) => void (x.sex = v))} />
          <Text name="genderIdentity" label="Gender identity (optional)" value={d.genderIdentity} onChange={(v) => edit((x) => void (x.genderIdentity = v))} />
        </div>
      </fieldset>
      <Repeat
        legend="Identifiers"
        noun="identifier"
        items={d.identifiers}
        addLabel="Add an identifier"
        add={() => edit((x) => void x.identifiers.push({ kind: 'other', value: '', system: '' }))}
        remove={(i) => edit((x) => void x.identifiers.splice(i, 1))}
        render={(id, i) => (
          <>
            <Choice name={`identifiers[${i}].kind`} label={`Identifier ${i + 1}: kind`} value={id.kind} options={MEMBER_IDENTIFIER_KINDS} onChange={(v) => edit((x) => void (x.identifiers[i]!.kind = v))} />
            <Text name={`identifiers[${i}].value`} label={id.kind === 'plan' ? 'Plan member id' : `Identifier ${i + 1}: value`} value={id.value} onChange={(v) => edit((x) => void (x.identifiers[i]!.value = v))} />
            <Text name={`identifiers[${i}].system`} label={`Identifier ${i + 1}: issuing system (optional)`} value={id.system} onChange={(v) => edit((x) => void (x.identifiers[i]!.system = v))} />
          </>
        )}
      />
    </>
  );
}

function Contact({ d, edit }: { d: MemberDraft; edit: Edit }) {
  return (
    <>
      <fieldset>
        <legend>How to reach the member</legend>
        <div className="grid">
          <Choice name="contactPreferences.method" label="Preferred contact method" value={d.method} options={MEMBER_CONTACT_METHODS} onChange={(v) => edit((x) => void (x.method = v))} />
          <Text name="contactPreferences.timeZone" label="Member's time zone" hint="IANA name, e.g. America/Chicago." value={d.timeZone} onChange={(v) => edit((x) => void (x.timeZone = v))} />
          <Text name="preferredLanguage" label="Preferred language" hint="BCP 47, e.g. es or en-US." value={d.preferredLanguage} onChange={(v) => edit((x) => void (x.preferredLanguage = v))} />
          <Text name="email" label="Email (optional)" type="email" value={d.email} onChange={(v) => edit((x) => void (x.email = v))} />
        </div>
        <Check name="interpreterNeeded" label="Needs an interpreter" checked={d.interpreterNeeded} onChange={(v) => edit((x) => void (x.interpreterNeeded = v))} />
        <Check name="portal" label="Has an active portal account" checked={d.portal} onChange={(v) => edit((x) => void (x.portal = v))} />
      </fieldset>
      <Repeat
        legend="Phones"
        noun="phone"
        items={d.phones}
        addLabel="Add a phone"
        empty="No phone."
        add={() => edit((x) => void x.phones.push(blankPhone()))}
        remove={(i) => edit((x) => void x.phones.splice(i, 1))}
        render={(p, i) => (
          <>
            <Text name={`phones[${i}].number`} label={`Phone ${i + 1}: number`} type="tel" value={p.number} onChange={(v) => edit((x) => void (x.phones[i]!.number = v))} />
            <Choice name={`phones[${i}].use`} label={`Phone ${i + 1}: use`} value={p.use} options={PHONE_USES} onChange={(v) => edit((x) => void (x.phones[i]!.use = v))} />
            <Check name={`phones[${i}].smsOk`} label={`Phone ${i + 1}: text messages OK`} checked={p.smsOk} onChange={(v) => edit((x) => void (x.phones[i]!.smsOk = v))} />
          </>
        )}
      />
      <Repeat
        legend="Contact windows"
        noun="contact window"
        items={d.windows}
        addLabel="Add a contact window"
        empty="No windows: any reasonable time."
        add={() => edit((x) => void x.windows.push(blankWindow()))}
        remove={(i) => edit((x) => void x.windows.splice(i, 1))}
        render={(w, i) => (
          <>
            <CheckGroup name={`contactPreferences.windows[${i}].days`} legend={`Window ${i + 1}: days`} options={WEEKDAYS} value={w.days} onChange={(v) => edit((x) => void (x.windows[i]!.days = v))} />
            <Text name={`contactPreferences.windows[${i}].from`} label={`Window ${i + 1}: from`} type="time" value={w.from} onChange={(v) => edit((x) => void (x.windows[i]!.from = v))} />
            <Text name={`contactPreferences.windows[${i}].to`} label={`Window ${i + 1}: to`} type="time" value={w.to} onChange={(v) => edit((x) => void (x.windows[i]!.to = v))} />
          </>
        )}
      />
      <fieldset>
        <legend>Address (optional)</legend>
        <div className="grid">
          <Field name="address.lines" label="Street lines">
            {(p) => <textarea {...p} rows={2} value={d.address.lines} onChange={(e) => edit((x) => void (x.address.lines = e.target.value))} />}
          </Field>
          <Text name="address.city" label="City" value={d.address.city} onChange={(v) => edit((x) => void (x.address.city = v))} />
          <Text name="address.state" label="State" value={d.address.state} onChange={(v) => edit((x) => void (x.address.state = v))} />
          <Text name="address.postalCode" label="Postal code" value={d.address.postalCode} onChange={(v) => edit((x) => void (x.address.postalCode = v))} />
          <Text name="address.country" label="Country (optional)" value={d.address.country} onChange={(v) => edit((x) => void (x.address.country = v))} />
        </div>
      </fieldset>
    </>
  );
}

function Representatives({ d, edit }: { d: MemberDraft; edit: Edit }) {
  return (
    <Repeat
      legend="Authorised representatives"
        noun="representative"
      items={d.representatives}
      addLabel="Add a representative"
      empty="No authorised representative."
      add={() => edit((x) => void x.representatives.push(blankRepresentative()))}
      remove={(i) => edit((x) => void x.representatives.splice(i, 1))}
      render={(r, i) => {
        const at = `representatives[${i}]`;
        const n = `Representative ${i + 1}`;
        const set = (change: (rep: MemberDraft['representatives'][number]) => void) => edit((x) => change(x.representatives[i]!));
        return (
          <>
            <Text name={`${at}.name`} label={`${n}: name`} value={r.name} onChange={(v) => set((rep) => void (rep.name = v))} />
            <Choice name={`${at}.relationship`} label={`${n}: relationship`} value={r.relationship} options={REPRESENTATIVE_RELATIONSHIPS} blank="choose…" onChange={(v) => set((rep) => void (rep.relationship = v))} />
            <CheckGroup name={`${at}.authorities`} legend={`${n}: may`} options={REPRESENTATIVE_AUTHORITIES} value={r.authorities} onChange={(v) => set((rep) => void (rep.authorities = v))} />
            <Text name={`${at}.validFrom`} label={`${n}: valid from`} type="date" value={r.validFrom} onChange={(v) => set((rep) => void (rep.validFrom = v))} />
            <Text name={`${at}.validUntil`} label={`${n}: valid until (blank: until revoked)`} type="date" value={r.validUntil} onChange={(v) => set((rep) => void (rep.validUntil = v))} />
            <Text name={`${at}.phone`} label={`${n}: phone (optional)`} type="tel" value={r.phone} onChange={(v) => set((rep) => void (rep.phone = v))} />
            <Text name={`${at}.email`} label={`${n}: email (optional)`} type="email" value={r.email} onChange={(v) => set((rep) => void (rep.email = v))} />
            <Text name={`${at}.preferredLanguage`} label={`${n}: language (optional)`} value={r.preferredLanguage} onChange={(v) => set((rep) => void (rep.preferredLanguage = v))} />
          </>
        );
      }}
    />
  );
}

function Coverage({ d, edit }: { d: MemberDraft; edit: Edit }) {
  return (
    <>
      <fieldset>
        <legend>Primary care</legend>
        <Text name="pcpProviderId" label="PCP (provider directory id, optional)" value={d.pcpProviderId} onChange={(v) => edit((x) => void (x.pcpProviderId = v))} />
      </fieldset>
      <Repeat
        legend="Eligibility"
        noun="eligibility span"
        items={d.eligibility}
        addLabel="Add an eligibility span"
        empty="No eligibility recorded."
        add={() => edit((x) => void x.eligibility.push({ coverage: '', ...blankSpan() }))}
        remove={(i) => edit((x) => void x.eligibility.splice(i, 1))}
        render={(e, i) => (
          <>
            <Text name={`eligibility[${i}].coverage`} label={`Eligibility ${i + 1}: coverage`} hint="e.g. Medicaid" value={e.coverage} onChange={(v) => edit((x) => void (x.eligibility[i]!.coverage = v))} />
            <Text name={`eligibility[${i}].start`} label={`Eligibility ${i + 1}: start`} type="date" value={e.start} onChange={(v) => edit((x) => void (x.eligibility[i]!.start = v))} />
            <Text name={`eligibility[${i}].end`} label={`Eligibility ${i + 1}: end (blank: open)`} type="date" value={e.end} onChange={(v) => edit((x) => void (x.eligibility[i]!.end = v))} />
          </>
        )}
      />
      <Repeat
        legend="Program enrollments"
        noun="enrollment span"
        items={d.enrollments}
        addLabel="Add an enrollment span"
        empty="No program enrollment recorded."
        add={() => edit((x) => void x.enrollments.push({ programCode: '', ...blankSpan() }))}
        remove={(i) => edit((x) => void x.enrollments.splice(i, 1))}
        render={(e, i) => (
          <>
            <Text name={`enrollments[${i}].programCode`} label={`Enrollment ${i + 1}: program code`} hint="e.g. CCM" value={e.programCode} onChange={(v) => edit((x) => void (x.enrollments[i]!.programCode = v))} />
            <Text name={`enrollments[${i}].start`} label={`Enrollment ${i + 1}: start`} type="date" value={e.start} onChange={(v) => edit((x) => void (x.enrollments[i]!.start = v))} />
            <Text name={`enrollments[${i}].end`} label={`Enrollment ${i + 1}: end (blank: open)`} type="date" value={e.end} onChange={(v) => edit((x) => void (x.enrollments[i]!.end = v))} />
          </>
        )}
      />
    </>
  );
}

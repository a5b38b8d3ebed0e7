import { api } from './api.client';
import type { CaseStateView } from '@careloop/contracts';
import { ActionForm, Field, read } from './form.kit';
import { today } from './format';
import { useState } from 'react';
import { navigate, takeCarried } from './router.nav';

/** Enrol a member: starts the case workflow (or finds the member's open case in the program). */
export function NewCasePage() {
  // "Start a case" on a member page hands over the plan id in memory (never in the URL).
  const [carried] = useState(takeCarried);
  return (
    <section aria-labelledby="new-case-title">
      <h1 id="new-case-title">New case</h1>
      <ActionForm
        title="Enrol a member in a program"
        submitLabel="Start case"
        resetOnSuccess={false}
        intro={<p className="hint">If the member already has an open case in the program, you are taken to it.</p>}
        run={async (d) => {
          const created = await api.post<CaseStateView>('/cases', {
            memberRef: read.text(d, 'memberRef') ?? '',
            programCode: read.text(d, 'programCode') ?? '',
            enrollmentDate: read.text(d, 'enrollmentDate') ?? '',
          });
          navigate(`/cases/${created.id}`);
          return 'Case started.';
        }}
      >
        <Field name="memberRef" label="Member reference" hint="The health plan's member identifier, e.g. M-000123.">
          {(p) => <input {...p} autoComplete="off" defaultValue={carried.memberRef} required />}
        </Field>
        <Field name="programCode" label="Program code">
          {(p) => <input {...p} defaultValue="CCM" required />}
        </Field>
        <Field name="enrollmentDate" label="Enrollment date" hint="The 90-day screening deadline runs from this date.">
          {(p) => <input {...p} type="date" defaultValue={today()} required />}
        </Field>
      </ActionForm>
    </section>
  );
}

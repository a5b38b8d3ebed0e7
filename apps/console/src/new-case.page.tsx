import { api, ApiProblem } from './api.client';
import type { CaseStateView } from '@careloop/contracts';
import { ActionForm, Field, read } from './form.kit';
import { today } from './format';
import { useState } from 'react';
import { Link, navigate, takeCarried } from './router.nav';

/** POST /cases refuses a memberRef the member registry does not know (issue 16). */
const MEMBER_NOT_REGISTERED = 'member_not_registered';

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
          const created = await api
            .post<CaseStateView>('/cases', {
              memberRef: read.text(d, 'memberRef') ?? '',
              programCode: read.text(d, 'programCode') ?? '',
              enrollmentDate: read.text(d, 'enrollmentDate') ?? '',
            })
            .catch(unregisteredMember);
          navigate(`/cases/${created.id}`);
          return 'Case started.';
        }}
      >
        <Field name="memberRef" label="Member reference" hint="The health plan's member identifier, e.g. M-000123." errorHelp={memberRefHelp}>
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

/**
 * The API's 422 says it for an API client ("the memberRef names no registered
 * member"); the care manager is told in the form's words, at the field. The
 * value itself is never repeated (a plan member id is PHI), nor put in a link.
 */
function unregisteredMember(err: unknown): never {
  if (err instanceof ApiProblem && err.code === MEMBER_NOT_REGISTERED) {
    throw new ApiProblem(err.status, err.code, 'No registered member has this member reference. Find the member, or register them, then start the case.', [
      { field: 'memberRef', reason: 'No registered member has this member reference.' },
    ]);
  }
  throw err;
}

function memberRefHelp(problem: ApiProblem) {
  if (problem.code !== MEMBER_NOT_REGISTERED) {
    return null;
  }
  return (
    <p>
      Check the reference, <Link to="/members">find the member</Link> by name and birth date, or <Link to="/members/new">register a member</Link>; a member's page
      has <q>Start a case</q>.
    </p>
  );
}

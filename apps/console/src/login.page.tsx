import { useState } from 'react';
import { ActionForm, Field, Select, read } from './form.kit';
import type { Role } from '@careloop/contracts';
import { useSession } from './session.context';

/** The demo roster (config/staff.demo.json) and the roles the console serves. */
const DEMO_USERS: readonly { sub: string; role: Role; label: string }[] = [
  { sub: 'cm-1', role: 'care_manager', label: 'cm-1 — care manager, team north' },
  { sub: 'cm-2', role: 'care_manager', label: 'cm-2 — care manager, team north' },
  { sub: 'cm-3', role: 'care_manager', label: 'cm-3 — care manager, team south' },
  { sub: 'sup-1', role: 'supervisor', label: 'sup-1 — supervisor, team north' },
  { sub: 'admin-1', role: 'admin', label: 'admin-1 — administrator' },
  { sub: 'committee-1', role: 'committee', label: 'committee-1 — quality committee (reports)' },
];

const ROLES: readonly Role[] = ['care_manager', 'supervisor', 'admin', 'committee'];

/**
 * Local sign-in (`POST /auth/dev-login`): exists only while the API runs on
 * the local signing secret. With an identity provider the API has no such
 * route and this page says so.
 */
export function LoginPage() {
  const { signIn, expired } = useSession();
  const [custom, setCustom] = useState(false);
  return (
    <main className="login" id="main">
      <h1>CareLoop console</h1>
      <p>Sign in with a demo user. This local sign-in uses the API&apos;s development signing secret and is switched off in production.</p>
      {expired && (
        <p className="problem" role="alert">
          Your session has ended. Please sign in again.
        </p>
      )}
      <ActionForm
        title="Sign in"
        submitLabel="Sign in"
        resetOnSuccess={false}
        run={async (d) => {
          const picked = DEMO_USERS.find((u) => u.sub === read.text(d, 'user'));
          const who = custom || !picked ? { sub: read.text(d, 'sub') ?? '', role: (read.text(d, 'role') ?? '') as Role, ...(read.text(d, 'team') ? { team: read.text(d, 'team') } : {}) } : { sub: picked.sub, role: picked.role };
          try {
            await signIn(who);
          } catch (err) {
            if (err instanceof Error && 'status' in err && err.status === 404) {
              throw new Error('Local sign-in is off: this API verifies tokens from your identity provider.');
            }
            throw err;
          }
          return 'Signed in.';
        }}
      >
        <div className="check">
          <input type="checkbox" id="custom-user" checked={custom} onChange={(e) => setCustom(e.target.checked)} />
          <label htmlFor="custom-user">Another user (type the id, role and team)</label>
        </div>
        {custom ? (
          <>
            <Field name="sub" label="User id">
              {(p) => <input {...p} autoComplete="username" required />}
            </Field>
            <Field name="role" label="Role">
              {(p) => <Select {...p} options={ROLES} />}
            </Field>
            <Field name="team" label="Team" hint="Care managers and supervisors; leave empty to take it from the staff roster.">
              {(p) => <input {...p} />}
            </Field>
          </>
        ) : (
          <Field name="user" label="Demo user">
            {(p) => (
              <select {...p}>
                {DEMO_USERS.map((u) => (
                  <option key={u.sub} value={u.sub}>
                    {u.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
      </ActionForm>
    </main>
  );
}

import { useState } from 'react';
import type { AuthorisedRepresentative, MemberDuplicateFlag, MemberVersionView, MemberView } from '@careloop/contracts';
import { DUPLICATE_RESOLUTIONS, type CasePhase, type CaseStatus, type MemberContactMethod } from '@careloop/domain';
import { api } from './api.client';
import { useLoad } from './data.hook';
import { ActionForm, Field, read, Select } from './form.kit';
import { day, label, today, when } from './format';
import { VersionHistory } from './member-history.view';
import { fullName } from './member-search.page';
import { draftOf, emptyDraft } from './member.draft';
import { MemberForm } from './member.form';
import { ProblemNotice } from './problem.notice';
import { Link, navigate, takeCarried } from './router.nav';

/** A row of GET /members/:id/cases. */
interface MemberCaseRow {
  readonly id: string;
  readonly programCode: string;
  readonly phase: CasePhase;
  readonly status: CaseStatus;
  readonly openedAt?: string | null;
  readonly closedAt?: string | null;
  readonly careManagerId?: string | null;
}

interface ProviderEntry {
  readonly name: string;
  readonly role?: string;
  readonly organisation?: string;
}

const METHOD_TEXT: Record<MemberContactMethod, string> = { phone: 'Phone call', sms: 'Text message (SMS)', email: 'Email (no health details)', portal: 'Portal message', letter: 'Letter' };

const planIdOf = (m: MemberView) => m.identifiers.find((i) => i.kind === 'plan')?.value ?? '';
const withinSpan = (from: string, until: string | null, onDay: string) => from <= onDay && (until === null || onDay <= until);

/** The provider directory may not answer (not deployed, or no entry): the PCP is then shown by its id. */
async function providerOrNull(id: string): Promise<ProviderEntry | null> {
  try {
    return await api.get<ProviderEntry>(`/providers/${encodeURIComponent(id)}`);
  } catch {
    return null;
  }
}

export function MemberPage({ memberId }: { memberId: string }) {
  const [notice] = useState(() => takeCarried().notice ?? '');
  const member = useLoad(() => api.get<MemberView>(`/members/${memberId}`), [memberId]);
  const versions = useLoad(() => api.get<MemberVersionView[]>(`/members/${memberId}/versions`), [memberId]);
  const cases = useLoad(() => api.get<MemberCaseRow[]>(`/members/${memberId}/cases`), [memberId], 10_000);
  const pcpId = member.data?.pcpProviderId ?? null;
  const pcp = useLoad(() => (pcpId ? providerOrNull(pcpId) : Promise.resolve(null)), [pcpId]);

  if (member.loading && !member.data) {
    return <p className="loading">Loading the member…</p>;
  }
  if (!member.data) {
    return (
      <section>
        <h1>Member</h1>
        {member.problem && <ProblemNotice problem={member.problem} subject="member" />}
        <p>
          <Link to="/members">Back to the member search</Link>
        </p>
      </section>
    );
  }
  const m = member.data;
  const planId = planIdOf(m);
  return (
    <article className="member" aria-labelledby="member-title">
      <header className="case-head">
        <div>
          <h1 id="member-title">{fullName(m.name)}</h1>
          <p className="muted">
            Plan member id {planId || '—'} · record <code>{m.id}</code> · version {m.version}
          </p>
        </div>
        <div className="phase-badges">
          <Link className="button secondary" to={`/members/${m.id}/edit`}>
            Edit
          </Link>
          <button type="button" onClick={() => navigate('/cases/new', { carry: { memberRef: planId } })} disabled={!planId}>
            Start a case
          </button>
        </div>
      </header>
      <p className="done" role="status" id="member-notice">
        {notice}
      </p>

      <ContactPanel m={m} />

      <section className="panel" aria-labelledby="member-demographics">
        <h2 id="member-demographics">Demographics</h2>
        <dl className="summary">
          <dt>Name</dt>
          <dd>
            {m.name.given.join(' ')} {m.name.family}
          </dd>
          <dt>Preferred name</dt>
          <dd>{m.name.preferred ?? '—'}</dd>
          <dt>Birth date</dt>
          <dd>{day(m.birthDate)}</dd>
          <dt>Sex</dt>
          <dd>{label(m.sex)}</dd>
          <dt>Gender identity</dt>
          <dd>{m.genderIdentity ?? '—'}</dd>
          <dt>Identifiers</dt>
          <dd>
            {m.identifiers.map((i) => (
              <span className="sub" key={`${i.kind}:${i.value}`}>
                {label(i.kind)}: {i.value}
                {i.system ? ` (${i.system})` : ''}
              </span>
            ))}
          </dd>
          <dt>Address</dt>
          <dd>{m.address ? [...m.address.lines, `${m.address.city}, ${m.address.state} ${m.address.postalCode}`, m.address.country ?? ''].filter(Boolean).join(' · ') : '—'}</dd>
          <dt>PCP</dt>
          <dd>
            {m.pcpProviderId ? (
              pcp.data ? (
                <>
                  {pcp.data.name}
                  <span className="sub">{[pcp.data.role, pcp.data.organisation].filter(Boolean).join(', ')}</span>
                </>
              ) : (
                <code>{m.pcpProviderId}</code>
              )
            ) : (
              '—'
            )}
          </dd>
        </dl>
      </section>

      <Representatives reps={m.representatives} />
      <Spans m={m} />
      <DuplicateFlags m={m} onResolved={() => void member.reload()} />

      <section className="panel" aria-labelledby="member-cases">
        <h2 id="member-cases">Cases</h2>
        {cases.problem && <ProblemNotice problem={cases.problem} />}
        {cases.data && cases.data.length === 0 && <p>No cases yet.</p>}
        {cases.data && cases.data.length > 0 && (
          <table aria-labelledby="member-cases">
            <thead>
              <tr>
                <th scope="col">Case</th>
                <th scope="col">Program</th>
                <th scope="col">Phase</th>
                <th scope="col">Opened</th>
                <th scope="col">Closed</th>
                <th scope="col">Care manager</th>
              </tr>
            </thead>
            <tbody>
              {cases.data.map((c) => (
                <tr key={c.id}>
                  <td>
                    <Link to={`/cases/${c.id}`}>
                      <code>{c.id}</code>
                    </Link>
                  </td>
                  <td>{c.programCode}</td>
                  <td>
                    {label(c.phase)}
                    {c.status === 'paused' && <span className="badge">paused</span>}
                  </td>
                  <td>{when(c.openedAt)}</td>
                  <td>{when(c.closedAt)}</td>
                  <td>{c.careManagerId ?? <span className="muted">pool</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section className="panel" aria-labelledby="member-history">
        <h2 id="member-history">Version history</h2>
        {versions.problem && <ProblemNotice problem={versions.problem} subject="member" />}
        {versions.data && <VersionHistory versions={versions.data} />}
      </section>
    </article>
  );
}

/** Whom to call and how: first on the page, because it is what a care manager needs before every outreach. */
function ContactPanel({ m }: { m: MemberView }) {
  const prefs = m.contactPreferences;
  return (
    <section className="panel contact-panel" aria-labelledby="member-contact">
      <h2 id="member-contact">Whom to call and how</h2>
      <dl className="summary">
        <dt>Preferred method</dt>
        <dd className="reason" id="member-method">
          {METHOD_TEXT[prefs.method]}
        </dd>
        <dt>Language</dt>
        <dd>
          {m.preferredLanguage}
          {m.interpreterNeeded ? <strong> · interpreter needed</strong> : ' · no interpreter needed'}
        </dd>
        <dt>When</dt>
        <dd>
          {prefs.windows.length === 0
            ? 'Any time'
            : prefs.windows.map((w, i) => (
                <span className="sub" key={i}>
                  {w.days.map(label).join(', ')} {w.from}–{w.to}
                </span>
              ))}
          <span className="sub">time zone {prefs.timeZone}</span>
        </dd>
        <dt>Phones</dt>
        <dd>
          {m.phones.length === 0
            ? '—'
            : m.phones.map((p) => (
                <span className="sub" key={p.number}>
                  {p.number} ({p.use}
                  {p.smsOk ? ', text messages OK' : ', no text messages'})
                </span>
              ))}
        </dd>
        <dt>Email</dt>
        <dd>{m.email ?? '—'}</dd>
        <dt>Portal</dt>
        <dd>{m.portal ? 'Active portal account' : 'No portal account'}</dd>
      </dl>
    </section>
  );
}

function Representatives({ reps }: { reps: readonly AuthorisedRepresentative[] }) {
  return (
    <section className="panel" aria-labelledby="member-reps">
      <h2 id="member-reps">Authorised representatives</h2>
      {reps.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <table aria-labelledby="member-reps">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Relationship</th>
              <th scope="col">May</th>
              <th scope="col">Valid</th>
              <th scope="col">Contact</th>
            </tr>
          </thead>
          <tbody>
            {reps.map((r) => (
              <tr key={r.id}>
                <td>{r.name}</td>
                <td>{label(r.relationship)}</td>
                <td>{r.authorities.map(label).join(', ')}</td>
                <td>
                  {day(r.validFrom)} – {r.validUntil ? day(r.validUntil) : 'until revoked'}
                  {!withinSpan(r.validFrom, r.validUntil, today()) && <span className="sub late">not in force today</span>}
                </td>
                <td>
                  {[r.phone, r.email].filter(Boolean).join(' · ') || '—'}
                  {r.preferredLanguage && <span className="sub">language {r.preferredLanguage}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Spans({ m }: { m: MemberView }) {
  const rows = [...m.eligibility.map((e) => ({ kind: 'Eligibility', what: e.coverage, start: e.start, end: e.end })), ...m.enrollments.map((e) => ({ kind: 'Enrollment', what: e.programCode, start: e.start, end: e.end }))];
  return (
    <section className="panel" aria-labelledby="member-spans">
      <h2 id="member-spans">Eligibility and enrollment</h2>
      {rows.length === 0 ? (
        <p>None recorded.</p>
      ) : (
        <table aria-labelledby="member-spans">
          <thead>
            <tr>
              <th scope="col">Kind</th>
              <th scope="col">Coverage / program</th>
              <th scope="col">Start</th>
              <th scope="col">End</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td>{r.kind}</td>
                <td>{r.what}</td>
                <td>{day(r.start)}</td>
                <td>{r.end ? day(r.end) : 'open'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Open flags naming this member; the other member is linked so a person can compare and resolve. */
function DuplicateFlags({ m, onResolved }: { m: MemberView; onResolved: () => void }) {
  const flags = useLoad(
    () => (m.openDuplicateFlags.length ? api.get<MemberDuplicateFlag[]>('/member-duplicates?status=open').then((all) => all.filter((f) => m.openDuplicateFlags.includes(f.id))) : Promise.resolve([])),
    [m.id, m.openDuplicateFlags.join()],
  );
  if (m.openDuplicateFlags.length === 0) {
    return null;
  }
  return (
    <section className="panel duplicate-flags" aria-labelledby="member-duplicates">
      <h2 id="member-duplicates">Possible duplicates ({m.openDuplicateFlags.length} open)</h2>
      {flags.problem && (
        <p>
          Flags {m.openDuplicateFlags.join(', ')} are open; their details could not be read ({flags.problem.status === 403 ? 'your role may not review duplicates' : flags.problem.detail}).
        </p>
      )}
      <ul>
        {(flags.data ?? []).map((f) => {
          const other = f.memberIds.find((id) => id !== m.id) ?? f.memberIds[1];
          return (
            <li key={f.id}>
              {label(f.reason)}: <Link to={`/members/${other}`}>{other}</Link>, flagged {when(f.flaggedAt)} by {f.flaggedBy}
              <ActionForm
                title={`Resolve flag ${f.id}`}
                submitLabel="Resolve"
                subject="duplicate flag"
                intro={<p className="hint">Compare both records first. Nothing is merged: “same person” records the finding for follow-up.</p>}
                run={async (d) => {
                  await api.post(`/member-duplicates/${f.id}/resolve`, { resolution: read.text(d, 'resolution') ?? '' });
                  onResolved();
                  return 'Resolved.';
                }}
              >
                <Field name="resolution" label="Resolution">
                  {(p) => <Select {...p} options={DUPLICATE_RESOLUTIONS} blank="choose…" />}
                </Field>
              </ActionForm>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function MemberEditPage({ memberId }: { memberId: string }) {
  const [generation, setGeneration] = useState(0);
  const member = useLoad(() => api.getVersioned<MemberView>(`/members/${memberId}`), [memberId, generation]);
  if (member.loading && !member.data) {
    return <p className="loading">Loading the member…</p>;
  }
  if (!member.data) {
    return (
      <section>
        <h1>Edit member</h1>
        {member.problem && <ProblemNotice problem={member.problem} subject="member" />}
      </section>
    );
  }
  const { body, etag } = member.data;
  return (
    <section aria-labelledby="member-edit-title">
      <h1 id="member-edit-title">Edit {fullName(body.name)}</h1>
      <p>
        <Link to={`/members/${memberId}`}>Back to the member page</Link> (without saving)
      </p>
      {/* The key remounts the form with the reloaded record after a 412. */}
      <MemberForm
        key={`${body.version}:${generation}`}
        initial={draftOf(body)}
        memberId={memberId}
        etag={etag ?? `"${body.version}"`}
        onReload={() => setGeneration((g) => g + 1)}
      />
    </section>
  );
}

export function MemberNewPage() {
  return (
    <section aria-labelledby="member-new-title">
      <h1 id="member-new-title">Register a member</h1>
      <MemberForm initial={emptyDraft(Intl.DateTimeFormat().resolvedOptions().timeZone)} />
    </section>
  );
}

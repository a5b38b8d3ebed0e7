import type { MemberInput, MemberVersionView } from '@careloop/contracts';
import { when } from './format';

const FIELD_LABELS: Record<keyof MemberInput, string> = {
  identifiers: 'Identifiers',
  name: 'Name',
  birthDate: 'Birth date',
  sex: 'Sex',
  genderIdentity: 'Gender identity',
  address: 'Address',
  phones: 'Phones',
  email: 'Email',
  portal: 'Portal account',
  contactPreferences: 'Contact preferences',
  preferredLanguage: 'Preferred language',
  interpreterNeeded: 'Interpreter needed',
  representatives: 'Representatives',
  pcpProviderId: 'PCP',
  eligibility: 'Eligibility',
  enrollments: 'Enrollments',
};

/** Top-level fields whose values differ between two versions of the record. */
export function changedFields(older: MemberInput, newer: MemberInput): (keyof MemberInput)[] {
  return (Object.keys(FIELD_LABELS) as (keyof MemberInput)[]).filter((k) => JSON.stringify(older[k] ?? null) !== JSON.stringify(newer[k] ?? null));
}

/** A value of the record as plain text (the history shows what it was before a change). */
function show(value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '(none)';
  }
  return typeof value === 'string' ? value : JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ');
}

/**
 * Every version, newest first: who changed the record and when, which
 * fields the change touched, and the values they had before it.
 */
export function VersionHistory({ versions }: { versions: readonly MemberVersionView[] }) {
  const sorted = [...versions].sort((a, b) => b.version - a.version);
  return (
    <ol className="versions member-versions">
      {sorted.map((v, i) => {
        const previous = sorted[i + 1];
        const changed = previous ? changedFields(previous.record, v.record) : [];
        return (
          <li key={v.version}>
            <details>
              <summary>
                Version {v.version} · <time dateTime={v.changedAt}>{when(v.changedAt)}</time> · by {v.changedBy}
                {previous ? ` · changed ${changed.map((k) => FIELD_LABELS[k].toLowerCase()).join(', ') || 'nothing visible'}` : ' · registered'}
              </summary>
              {previous && changed.length > 0 && (
                <dl className="summary">
                  {changed.map((k) => (
                    <div key={k} className="contents">
                      <dt>{FIELD_LABELS[k]} before</dt>
                      <dd>{show(previous.record[k])}</dd>
                      <dt>after</dt>
                      <dd>{show(v.record[k])}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </details>
          </li>
        );
      })}
    </ol>
  );
}

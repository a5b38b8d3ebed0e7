import { useState } from 'react';
import type { MemberSummary } from '@careloop/contracts';
import { api, ApiProblem, query } from './api.client';
import { ActionForm, Field, read } from './form.kit';
import { day } from './format';
import { Link } from './router.nav';

/**
 * Find a member by plan member id, or by family name and birth date (and
 * given name). The search terms are PHI: they live in this component's
 * state and go to the API as a query on a fetch, never into the page's URL
 * or history (GET /members?… is the API's, not the browser's address).
 */
export function MemberSearchPage() {
  const [results, setResults] = useState<readonly MemberSummary[] | null>(null);

  const search = async (params: Record<string, string | undefined>): Promise<string> => {
    setResults(null);
    const found = await api.get<MemberSummary[]>(`/members${query(params)}`);
    setResults(found);
    return found.length === 1 ? '1 member found.' : `${found.length} members found.`;
  };

  return (
    <section aria-labelledby="member-search-title">
      <div className="page-head">
        <h1 id="member-search-title">Members</h1>
        <Link className="button" to="/members/new">
          Register a member
        </Link>
      </div>
      <div className="action-grid">
        <ActionForm title="Find by plan member id" submitLabel="Search" resetOnSuccess={false} run={(d) => search({ planMemberId: read.text(d, 'planMemberId') ?? '' })}>
          <Field name="planMemberId" label="Plan member id" hint="The health plan's member identifier, e.g. M-000123.">
            {(p) => <input {...p} autoComplete="off" />}
          </Field>
        </ActionForm>
        <ActionForm
          title="Find by name and birth date"
          submitLabel="Search"
          resetOnSuccess={false}
          run={(d) => search({ family: read.text(d, 'family'), birthDate: read.text(d, 'birthDate'), given: read.text(d, 'given') }).catch(byNameProblem)}
        >
          <Field name="family" label="Family name">
            {(p) => <input {...p} autoComplete="off" />}
          </Field>
          <Field name="birthDate" label="Birth date">
            {(p) => <input {...p} type="date" />}
          </Field>
          <Field name="given" label="Given name (optional)">
            {(p) => <input {...p} autoComplete="off" />}
          </Field>
        </ActionForm>
      </div>
      {results && <SearchResults results={results} />}
    </section>
  );
}

/** An empty name search is answered as "give planMemberId, or family and birthDate": said at this form's own inputs. */
function byNameProblem(err: unknown): never {
  if (err instanceof ApiProblem && err.reasonsFor('planMemberId').length > 0) {
    throw new ApiProblem(err.status, err.code, err.detail, [
      { field: 'family', reason: 'Family name is required to search by name.' },
      { field: 'birthDate', reason: 'Birth date is required to search by name.' },
    ]);
  }
  throw err;
}

function SearchResults({ results }: { results: readonly MemberSummary[] }) {
  if (results.length === 0) {
    return (
      <div className="panel" aria-labelledby="member-results-title">
        <h2 id="member-results-title">No member found</h2>
        <p>Check the spelling and the birth date, or search by the plan member id. A member who is not in the registry yet can be registered.</p>
      </div>
    );
  }
  return (
    <div className="table-wrap">
      <h2 id="member-results-title">Results</h2>
      <table aria-labelledby="member-results-title">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Birth date</th>
            <th scope="col">Plan member id</th>
            <th scope="col">Language</th>
          </tr>
        </thead>
        <tbody>
          {results.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/members/${m.id}`}>{fullName(m.name)}</Link>
              </td>
              <td>{day(m.birthDate)}</td>
              <td>{m.planMemberId ?? '—'}</td>
              <td>{m.preferredLanguage}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Family name first, as care teams search: "Rivera, Ana María (Annie)". */
export function fullName(n: { readonly given: readonly string[]; readonly family: string; readonly preferred?: string }): string {
  return `${n.family}, ${n.given.join(' ')}${n.preferred ? ` (${n.preferred})` : ''}`;
}

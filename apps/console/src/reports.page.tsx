import { useState } from 'react';
import type { MeasureReportView, MeasureValueView } from '@careloop/contracts';
import { api, query } from './api.client';
import { useLoad } from './data.hook';
import { day, label } from './format';
import { MeasureMembers } from './measure-members.view';
import { MeasureTrendChart } from './measure-trend.chart';
import { ProblemNotice } from './problem.notice';
import { SUPPRESSED_TEXT, amountText, byGroup, lastDayOf, periodParams, periodText, previousMonth, targetText, trendRange, valueText, verdictText, type PeriodChoice } from './report.format';
import { can, useSession } from './session.context';

interface Choice {
  readonly kind: 'month' | 'days';
  readonly month: string;
  readonly from: string;
  readonly to: string;
  readonly programCode: string;
  readonly teamId: string;
}

function initialChoice(): Choice {
  const month = previousMonth();
  return { kind: 'month', month, from: `${month}-01`, to: lastDayOf(month), programCode: '', teamId: '' };
}

const periodOf = (c: Choice): PeriodChoice => (c.kind === 'month' ? { kind: 'month', month: c.month } : { kind: 'days', from: c.from, to: c.to });
const filterOf = (c: Choice): Record<string, string> => ({ ...(c.programCode ? { programCode: c.programCode } : {}), ...(c.teamId ? { teamId: c.teamId } : {}) });

/** Which measure's members are open, for which period (the report's, or a month of its trend). */
interface Drill {
  readonly measureId: string;
  readonly params: Record<string, string>;
}

/**
 * Reports (issue 18; docs/reporting.md): the compliance and quality measures for a period
 * (GET /reports/measures), grouped, each against its target with its trend by month and, for
 * supervisors and admins, the members behind it. The committee sees aggregates only: small cells
 * come suppressed from the API and there is no drill-down.
 */
export function ReportsPage() {
  const { me } = useSession();
  const drillable = !!me && can.supervise(me.role);
  // The API scopes a supervisor to their own team (another teamId: 403); without one it answers for it.
  const ownTeam = me?.role === 'supervisor' ? me.team : null;
  const [draft, setDraft] = useState<Choice>(initialChoice);
  const [applied, setApplied] = useState<Choice>(draft);
  const [drill, setDrill] = useState<Drill | null>(null);
  const params = { ...periodParams(periodOf(applied)), ...filterOf(applied) };
  const report = useLoad(() => api.get<MeasureReportView>(`/reports/measures${query(params)}`), [JSON.stringify(params)]);
  const range = trendRange(periodOf(applied));
  // Snapshots are kept per program and per team, not per pair: with both (a supervisor is always their team) there is no trend.
  const trendable = !(applied.programCode && (ownTeam ?? applied.teamId));

  return (
    <section aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      <form
        className="filters"
        aria-label="Report period and filters"
        onSubmit={(e) => {
          e.preventDefault();
          setApplied(draft);
          setDrill(null);
        }}
      >
        <fieldset className="period-kind">
          <legend>Period</legend>
          <label className="inline">
            <input type="radio" name="period-kind" checked={draft.kind === 'month'} onChange={() => setDraft({ ...draft, kind: 'month' })} /> A month
          </label>
          <label className="inline">
            <input type="radio" name="period-kind" checked={draft.kind === 'days'} onChange={() => setDraft({ ...draft, kind: 'days' })} /> From – to
          </label>
        </fieldset>
        {draft.kind === 'month' ? (
          <label>
            Month
            <input type="month" value={draft.month} required onChange={(e) => setDraft({ ...draft, month: e.target.value })} />
          </label>
        ) : (
          <>
            <label>
              From
              <input type="date" value={draft.from} required onChange={(e) => setDraft({ ...draft, from: e.target.value })} />
            </label>
            <label>
              To
              <input type="date" value={draft.to} required onChange={(e) => setDraft({ ...draft, to: e.target.value })} />
            </label>
          </>
        )}
        <label>
          Program
          <input value={draft.programCode} onChange={(e) => setDraft({ ...draft, programCode: e.target.value })} placeholder="all, or e.g. CCM" size={10} />
        </label>
        {ownTeam ? (
          <label>
            Team
            <input value={ownTeam} readOnly size={10} aria-describedby="own-team-hint" />
            <span id="own-team-hint" className="hint">
              a supervisor reports on their own team
            </span>
          </label>
        ) : (
          <label>
            Team
            <input value={draft.teamId} onChange={(e) => setDraft({ ...draft, teamId: e.target.value })} placeholder="all, or e.g. north" size={10} />
          </label>
        )}
        <button type="submit">Show</button>
        <span className="downloads">
          <a href={`/reports/measures${query({ ...params, format: 'csv' })}`} download>
            Download CSV
          </a>{' '}
          <a href={`/reports/measures${query({ ...params, format: 'fhir' })}`} download>
            FHIR MeasureReports
          </a>
        </span>
      </form>

      {report.problem && <ProblemNotice problem={report.problem} subject="report" />}
      {report.problem?.errors.map((e) => (
        <p key={e.field} className="field-errors">
          {e.field}: {e.reason}
        </p>
      ))}
      {!report.data ? (
        !report.problem && <p className="loading">Computing the measures…</p>
      ) : (
        <>
          <p className="count" role="status">
            {periodText(report.data.period, day)} (UTC) · program {report.data.filter.programCode ?? 'all'} · team {report.data.filter.teamId ?? 'all'}
            {!drillable && ' · aggregates only: counts of 1 to 10 are suppressed'}
          </p>
          {!trendable && <p className="hint">Trends are kept per program or per team, not both: clear the program {ownTeam ? '' : 'or the team '}to see them.</p>}
          {byGroup(report.data.measures).map((g) => (
            <section key={g.group} aria-labelledby={`group-${g.group}`} className="measure-group">
              <h2 id={`group-${g.group}`}>{label(g.group)}</h2>
              <div className="measures">
                {g.items.map((m) => (
                  <MeasureCard
                    key={m.measureId}
                    measure={m}
                    range={trendable ? range : null}
                    filter={filterOf(applied)}
                    drill={drill?.measureId === m.measureId ? drill.params : null}
                    onDrill={drillable ? (p) => setDrill(p && { measureId: m.measureId, params: p }) : undefined}
                    reportParams={params}
                  />
                ))}
              </div>
            </section>
          ))}
        </>
      )}
    </section>
  );
}

function MeasureCard({
  measure: m,
  range,
  filter,
  drill,
  onDrill,
  reportParams,
}: {
  measure: MeasureValueView;
  range: { from: string; to: string } | null;
  filter: Record<string, string>;
  drill: Record<string, string> | null;
  onDrill?: (params: Record<string, string> | null) => void;
  reportParams: Record<string, string>;
}) {
  const verdict = verdictText(m, m.meetsTarget);
  const state = m.suppressed ? 'suppressed' : m.meetsTarget === null ? 'none' : m.meetsTarget ? 'met' : 'missed';
  return (
    <article className={`measure measure--${state}${drill ? ' measure--drilled' : ''}`} aria-labelledby={`measure-${m.measureId}`} data-measure={m.measureId}>
      <h3 id={`measure-${m.measureId}`}>{m.title}</h3>
      <p className="measure-now">
        <span className="measure-value">{m.suppressed ? SUPPRESSED_TEXT : valueText(m, m.value)}</span>
        {!m.suppressed && m.denominator === 0 && <span className="sub">nothing due in the period</span>}
        {!m.suppressed && verdict && <span className={`verdict verdict--${state}`}>{verdict}</span>}
        <span className="sub">{targetText(m)}</span>
      </p>
      {!m.suppressed && (
        <dl className="measure-counts">
          <div>
            <dt>{m.scoring === 'duration' ? 'Total hours' : 'Numerator'}</dt>
            <dd>{amountText(m.numerator)}</dd>
          </div>
          <div>
            <dt>{m.scoring === 'duration' ? 'Decided' : 'Denominator'}</dt>
            <dd>{amountText(m.denominator)}</dd>
          </div>
          {m.scoring === 'duration' && (
            <div>
              <dt>Median</dt>
              <dd>{valueText(m, m.median)}</dd>
            </div>
          )}
        </dl>
      )}
      {m.strata.length > 0 && (
        <div className="table-wrap">
          <table className="strata">
            <caption className="visually-hidden">{m.title}: by stratum</caption>
            <thead>
              <tr>
                <th scope="col">Stratum</th>
                <th scope="col">Numerator</th>
                <th scope="col">Denominator</th>
                <th scope="col">Value</th>
              </tr>
            </thead>
            <tbody>
              {m.strata.map((s) => (
                <tr key={s.code}>
                  <th scope="row">{label(s.code)}</th>
                  {s.suppressed ? (
                    <td colSpan={3} className="suppressed">
                      {SUPPRESSED_TEXT}
                    </td>
                  ) : (
                    <>
                      <td>{amountText(s.numerator)}</td>
                      <td>{amountText(s.denominator)}</td>
                      <td>{valueText(m, s.value)}</td>
                    </>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {onDrill && (
        <p>
          <button type="button" className="secondary" onClick={() => onDrill(reportParams)} aria-expanded={drill !== null} aria-label={`Members: ${m.title}`}>
            Members
          </button>
        </p>
      )}
      {drill && onDrill && <MeasureMembers measure={m} params={drill} onClose={() => onDrill(null)} />}
      {range && <MeasureTrendChart measure={m} range={range} filter={filter} onMonth={onDrill && ((month) => onDrill({ period: month, ...filter }))} />}
      <p className="sub source">Source: {m.source}</p>
    </article>
  );
}

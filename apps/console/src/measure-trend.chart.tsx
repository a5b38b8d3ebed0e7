import { Bar, BarChart, CartesianGrid, Cell, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { MeasureTrendView, MeasureValueView } from '@careloop/contracts';
import { api, query } from './api.client';
import { useLoad } from './data.hook';
import { ProblemNotice } from './problem.notice';
import { SUPPRESSED_TEXT, amountText, chartValue, meets, monthText, monthsOf, targetText, valueText } from './report.format';

const MET = '#17632a';
const MISSED = '#a4151b';
const NEUTRAL = '#0b5cad';

/**
 * One measure's trend (GET /reports/trends, from the nightly snapshots) as a bar per month with the
 * target as a dashed reference line, and the same numbers as a table below it: the chart is a
 * picture, the table is what screen readers and keyboards use. `onMonth` (absent for the committee)
 * opens a month's members: a click on its bar, or its row's button.
 */
export function MeasureTrendChart({ measure, range, filter, onMonth }: { measure: MeasureValueView; range: { from: string; to: string }; filter: Record<string, string>; onMonth?: (month: string) => void }) {
  const params = { measureId: measure.measureId, ...range, granularity: 'month', ...filter };
  const trend = useLoad(() => api.get<MeasureTrendView>(`/reports/trends${query(params)}`), [JSON.stringify(params)]);
  const headingId = `trend-${measure.measureId}`;
  if (trend.problem) {
    return <ProblemNotice problem={trend.problem} subject="trend" />;
  }
  if (!trend.data) {
    return <p className="loading">Loading the trend…</p>;
  }
  const t = trend.data;
  const points = t.points.map((p) => ({ ...p, shown: chartValue(measure, p.value) }));
  // Every month of the range on the axis; a month without snapshots (or suppressed) has no bar.
  const byMonth = new Map(points.map((p) => [p.period, p]));
  const bars = monthsOf(range).map((period) => byMonth.get(period) ?? { period, shown: null });
  const target = chartValue(measure, t.target);
  const unit = measure.scoring === 'proportion' ? '%' : measure.scoring === 'duration' ? ' h' : '';
  return (
    <figure className="trend" aria-labelledby={headingId}>
      <figcaption id={headingId}>
        By month, {monthText(range.from.slice(0, 7))} – {monthText(range.to.slice(0, 7))} ({targetText(measure)})
      </figcaption>
      {points.length === 0 ? (
        <p className="muted">No snapshots for these months yet (they are taken nightly).</p>
      ) : (
        <div className="trend-chart" data-measure-chart={measure.measureId} aria-hidden="true">
          <ResponsiveContainer width="100%" height={170}>
            <BarChart data={bars} margin={{ top: 8, right: 12, bottom: 0, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="period" tickFormatter={monthText} fontSize={11} />
              <YAxis fontSize={11} width={40} unit={unit} domain={measure.scoring === 'proportion' ? [0, 100] : [0, 'auto']} />
              <Tooltip formatter={(v) => (typeof v === 'number' ? `${v}${unit}` : String(v))} labelFormatter={(l) => monthText(String(l))} isAnimationActive={false} />
              {target !== null && <ReferenceLine y={target} stroke="#6b4a00" strokeDasharray="6 3" label={{ value: 'target', position: 'insideTopRight', fontSize: 11 }} ifOverflow="extendDomain" />}
              {/* minPointSize: a month at 0 still shows (and can be clicked), unlike a month without data. */}
              <Bar dataKey="shown" name={measure.title} isAnimationActive={false} minPointSize={(v: unknown) => (typeof v === 'number' ? 3 : 0)} maxBarSize={36} cursor={onMonth ? 'pointer' : undefined} onClick={onMonth ? (_item, index) => onMonth(bars[index]!.period) : undefined}>
                {bars.map((p) => {
                  const ok = 'value' in p ? meets(measure, p.value) : null;
                  return <Cell key={p.period} fill={ok === null ? NEUTRAL : ok ? MET : MISSED} />;
                })}
              </Bar>
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
      {points.length > 0 && (
        <div className="table-wrap">
          <table className="trend-table">
            <caption className="visually-hidden">{measure.title}: by month</caption>
            <thead>
              <tr>
                <th scope="col">Period</th>
                <th scope="col">Numerator</th>
                <th scope="col">Denominator</th>
                <th scope="col">Value</th>
                {onMonth && <th scope="col">Members</th>}
              </tr>
            </thead>
            <tbody>
              {points.map((p) => (
                <tr key={p.period}>
                  <th scope="row">{monthText(p.period)}</th>
                  {p.suppressed ? (
                    <td colSpan={3} className="suppressed">
                      {SUPPRESSED_TEXT}
                    </td>
                  ) : (
                    <>
                      <td>{amountText(p.numerator)}</td>
                      <td>{amountText(p.denominator)}</td>
                      <td>{valueText(measure, p.value)}</td>
                    </>
                  )}
                  {onMonth && (
                    <td>
                      <button type="button" className="link" onClick={() => onMonth(p.period)} aria-label={`Members of ${monthText(p.period)}`}>
                        Members
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </figure>
  );
}

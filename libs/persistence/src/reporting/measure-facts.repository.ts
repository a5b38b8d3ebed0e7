import type { DataSource } from 'typeorm';
import { TRANSITION_TASKS } from '@careloop/domain';
import type { CaseFacts, ComplaintFacts, DischargeFacts, MeasureFactsReader, MeasureFilter, MeasureInput, ReportPeriod, ReviewFacts } from '@careloop/domain';
import { selectRows } from '../sql.query';
import { SqlFilter } from '../sql.filter';
import { FACTS_HORIZON_DAYS, MEASURE_EVENT_KINDS, isoText, measureEventData } from './measure-facts.sql';

/** Cases per statement: the timelines of a year come in pages, so no single answer holds them all as text. */
const CASE_PAGE = 5_000;
/** Pages read at once (two connections of the pool). */
const PAGES_IN_FLIGHT = 2;

type CaseRow = Omit<CaseFacts, 'events'> & { readonly events: CaseFacts['events'] };
type DischargeRow = Omit<DischargeFacts, 'tasks'> & { readonly done: Record<string, string> | null };

/**
 * The facts a report reads (issue 18, docs/reporting.md), from Postgres: the read model rows and the
 * case timelines, cut at `period.end` (nothing that happened after it is read, so a closed period
 * gives the same report on every run), restricted by the filter in SQL.
 *
 * Which items can matter for a period (start, end]: the engine counts an item in the period holding
 * its due instant (or decision instant), and no due instant lies more than FACTS_HORIZON_DAYS (120)
 * days after the item's anchor: the screening deadline is 90 days after enrollment (every later case
 * clock is shorter), the committee measure looks back 28 days, the transition-of-care tasks are due
 * within 30 days of the discharge. So a case closed before `start - 120 days` has nothing left to
 * count, nor has a discharge older than that; reviews and complaints are selected by their own due
 * and decision instants.
 *
 * PHI stays in the database: the timeline's data is projected per kind (measure-facts.sql.ts) to the
 * codes and times the engine reads (a risk tier, not the answers; the consent flags, not the plan).
 */
export class MeasureFactsRepository implements MeasureFactsReader {
  constructor(private readonly dataSource: DataSource) {}

  async read(period: ReportPeriod, filter: MeasureFilter): Promise<MeasureInput> {
    const [cases, discharges, reviews, complaints] = await Promise.all([this.cases(period, filter), this.discharges(period, filter), this.reviews(period, filter), this.complaints(period, filter)]);
    return { period, cases, discharges, reviews, complaints };
  }

  /**
   * Cases opened by `end` and not closed before the horizon, each with its timeline up to `end` (all
   * episodes, by at then seq). The ids come first (one index scan); the timelines then in pages of
   * CASE_PAGE cases, PAGES_IN_FLIGHT at a time, so Postgres builds one page while the API parses
   * another (building the JSON is most of a large read: BENCHMARKS.md, "Quality measures").
   */
  private async cases(period: ReportPeriod, filter: MeasureFilter): Promise<CaseFacts[]> {
    const f = new SqlFilter();
    const end = f.param(period.end);
    const horizon = `(${f.param(period.start)}::timestamptz - interval '${FACTS_HORIZON_DAYS} days')`;
    // The row is the latest episode's: a case re-enrolled after `end` is kept (its earlier episode may count).
    f.where(`(c.opened_at <= ${end}::timestamptz OR EXISTS (SELECT 1 FROM case_events o WHERE o.case_id = c.id AND o.kind = 'case_opened' AND o.at <= ${end}::timestamptz))`);
    f.where(`(c.phase <> 'closed' OR c.phase_changed_at >= ${horizon} OR c.opened_at > ${end}::timestamptz)`);
    filterCases(f, filter, 'c');
    const ids = (await selectRows<{ id: string }>(this.dataSource, `SELECT c.id FROM cases c ${f.clause} ORDER BY c.id`, f.params)).map((r) => r.id);
    const pages: string[][] = [];
    for (let i = 0; i < ids.length; i += CASE_PAGE) pages.push(ids.slice(i, i + CASE_PAGE));
    const read = (page: readonly string[]) =>
      selectRows<CaseRow>(
        this.dataSource,
        `SELECT c.id AS "caseId", c.member_id AS "memberId", c.program_code AS "programCode", c.team_id AS "teamId",
                coalesce((SELECT json_agg(json_build_object('episodeId', e.episode_id, 'seq', e.seq, 'at', ${isoText('e.at')}, 'kind', e.kind, 'data', ${measureEventData('e')})
                                          ORDER BY e.at, e.seq)
                          FROM case_events e WHERE e.case_id = c.id AND e.at <= $2::timestamptz AND e.kind = ANY($3::varchar[])), '[]'::json) AS events
         FROM cases c WHERE c.id = ANY($1::varchar[])
         ORDER BY c.id`,
        [page, period.end, MEASURE_EVENT_KINDS],
      );
    const answered: CaseRow[][] = new Array(pages.length);
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(PAGES_IN_FLIGHT, pages.length) }, async () => {
        while (next < pages.length) {
          const i = next++;
          answered[i] = await read(pages[i]!);
        }
      }),
    );
    // A case with nothing on its timeline by `end` (its events not written yet) has nothing to count.
    return answered.flat().filter((r) => r.events.length > 0);
  }

  /**
   * Discharges of the horizon, with when each transition-of-care task was done. The done time is the
   * discharge workflow's report on the case timeline (`external_event_recorded`, eventKind
   * `transition_task_done`): its `occurredAt` is the completion the care team recorded (backdated
   * `completedAt` included, since issue 18), whereas the work item's `closed_at` is when the report
   * reached the case. A report recorded after `end`, or done after it, is not read.
   */
  private discharges(period: ReportPeriod, filter: MeasureFilter): Promise<DischargeFacts[]> {
    const f = new SqlFilter();
    const end = f.param(period.end);
    f.where(`d.discharged_at <= ${end}::timestamptz`);
    f.where(`d.discharged_at > ${f.param(period.start)}::timestamptz - interval '${FACTS_HORIZON_DAYS} days'`);
    if (filter.programCode !== undefined) f.where(`coalesce(c.program_code, d.program_code) = ${f.param(filter.programCode)}`);
    if (filter.teamId !== undefined) f.where(`c.team_id = ${f.param(filter.teamId)}`);
    return selectRows<DischargeRow>(
      this.dataSource,
      `SELECT d.discharge_id AS "dischargeId", d.case_id AS "caseId", c.member_id AS "memberId", coalesce(c.program_code, d.program_code) AS "programCode",
              c.team_id AS "teamId", ${isoText('d.discharged_at')} AS "dischargedAt",
              CASE WHEN d.cancelled_at <= ${end}::timestamptz THEN ${isoText('d.cancelled_at')} END AS "cancelledAt",
              (SELECT json_object_agg(r.task, r.done_at) FROM (
                 SELECT split_part(ev.data->>'key', ':', 2) AS task, ${isoText(`min((ev.data->>'occurredAt')::timestamptz)`)} AS done_at
                 FROM case_events ev
                 WHERE ev.case_id = d.case_id AND ev.kind = 'external_event_recorded' AND ev.data->>'reference' = d.discharge_id
                   AND ev.data->>'eventKind' = 'transition_task_done' AND ev.at <= ${end}::timestamptz
                   AND (ev.data->>'occurredAt')::timestamptz <= ${end}::timestamptz
                 GROUP BY 1) r) AS done
       FROM discharge_events d LEFT JOIN cases c ON c.id = d.case_id
       ${f.clause}
       ORDER BY d.discharged_at, d.discharge_id`,
      f.params,
    ).then((rows) =>
      rows.map(({ done, ...d }) => ({
        ...d,
        tasks: Object.fromEntries(TRANSITION_TASKS.map((t) => [t, { doneAt: done?.[t] ?? null }])),
      })),
    );
  }

  /**
   * Reviews received by `end` with a due or decision instant after `start` (or received in the
   * period, or pended: a stopped clock has no due instant yet), with their decisions made by `end`.
   * `decisionDueAt` is the initial decision's own due time once one exists, even when it was made after
   * `end` (its outcome is not passed): after an appeal the review's decision_due_at is the appeal's.
   * The program and team are the case's (a review without a case has none).
   */
  private reviews(period: ReportPeriod, filter: MeasureFilter): Promise<ReviewFacts[]> {
    const f = new SqlFilter();
    const end = f.param(period.end);
    const start = f.param(period.start);
    f.where(`r.received_at <= ${end}::timestamptz`);
    f.where(
      `(r.received_at > ${start}::timestamptz OR r.decision_due_at > ${start}::timestamptz OR r.status = 'pended'
        OR EXISTS (SELECT 1 FROM utilization_review_decisions x WHERE x.review_id = r.id AND (x.decided_at > ${start}::timestamptz OR x.due_at > ${start}::timestamptz)))`,
    );
    filterCases(f, filter, 'c');
    return selectRows<ReviewFacts>(
      this.dataSource,
      `SELECT r.id AS "reviewId", r.case_id AS "caseId", c.member_id AS "memberId", c.program_code AS "programCode", c.team_id AS "teamId",
              r.urgency, ${isoText('r.received_at')} AS "receivedAt", ${isoText(`COALESCE((SELECT i.due_at FROM utilization_review_decisions i WHERE i.review_id = r.id AND i.level = 'initial'), r.decision_due_at)`)} AS "decisionDueAt", r.status,
              coalesce((SELECT json_agg(json_build_object('level', x.level, 'kind', x.kind, 'reason', x.reason, 'decidedAt', ${isoText('x.decided_at')},
                                                          'dueAt', ${isoText('x.due_at')}, 'onTime', x.on_time) ORDER BY x.decided_at, x.level)
                        FROM utilization_review_decisions x WHERE x.review_id = r.id AND x.decided_at <= ${end}::timestamptz), '[]'::json) AS decisions
       FROM utilization_reviews r LEFT JOIN cases c ON c.id = r.case_id
       ${f.clause}
       ORDER BY r.received_at, r.id`,
      f.params,
    );
  }

  /** Complaints received by `end` whose acknowledgement or resolution falls due after `start`; what was done after `end` reads as not done. */
  private complaints(period: ReportPeriod, filter: MeasureFilter): Promise<ComplaintFacts[]> {
    const f = new SqlFilter();
    const end = f.param(period.end);
    f.where(`x.received_at <= ${end}::timestamptz`);
    f.where(`greatest(x.received_at, x.acknowledge_by, x.resolve_by) > ${f.param(period.start)}::timestamptz`);
    filterCases(f, filter, 'c');
    const doneBy = (field: string) => `CASE WHEN (x.view->>'${field}')::timestamptz <= ${end}::timestamptz THEN ${isoText(`(x.view->>'${field}')::timestamptz`)} END`;
    return selectRows<ComplaintFacts>(
      this.dataSource,
      `SELECT x.id AS "complaintId", x.case_id AS "caseId", c.member_id AS "memberId", c.program_code AS "programCode", c.team_id AS "teamId",
              ${isoText('x.received_at')} AS "receivedAt", ${isoText('x.acknowledge_by')} AS "acknowledgeBy", ${doneBy('acknowledgedAt')} AS "acknowledgedAt",
              ${isoText('x.resolve_by')} AS "resolveBy", ${doneBy('resolvedAt')} AS "resolvedAt"
       FROM complaints x LEFT JOIN cases c ON c.id = x.case_id
       ${f.clause}
       ORDER BY x.received_at, x.id`,
      f.params,
    );
  }
}

/** The report's program and team, on the `cases` row aliased `alias` (an item without a case matches no filter). */
function filterCases(f: SqlFilter, filter: MeasureFilter, alias: string): void {
  if (filter.programCode !== undefined) f.where(`${alias}.program_code = ${f.param(filter.programCode)}`);
  if (filter.teamId !== undefined) f.where(`${alias}.team_id = ${f.param(filter.teamId)}`);
}

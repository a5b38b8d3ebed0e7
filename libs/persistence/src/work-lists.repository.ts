import type { DataSource } from 'typeorm';
import { DISCHARGE_REPORT_KINDS, type ComplaintView, type DischargeStatus, type UtilizationReviewView } from '@careloop/contracts';
import { TRANSITION_TASKS, type TransitionTask } from '@careloop/domain';
import { selectRows } from './sql.query';
import { SqlFilter, visibleCaseCondition, type CaseListScope } from './sql.filter';

/** Keyset position: the sort value of the page's last row (ISO time, or null for "no due time") and its id. */
export interface ListPosition {
  readonly at: string | null;
  readonly id: string;
}

export interface DischargeListFilters {
  readonly status?: DischargeStatus;
  readonly overdue?: boolean;
  readonly caseId?: string;
  readonly teamId?: string;
  /** Absent: every discharge (admin). */
  readonly scope?: CaseListScope;
}

/** A stored discharge with its task outcomes as the case timeline recorded them. */
export interface StoredDischarge {
  readonly dischargeId: string;
  readonly caseId: string;
  readonly programCode: string;
  readonly format: string;
  readonly dischargedAt: Date;
  readonly cancelledAt: Date | null;
  readonly teamId: string | null;
  readonly careManagerId: string | null;
  readonly status: DischargeStatus;
  readonly overdue: boolean;
  readonly done: TransitionTask[];
  readonly missed: TransitionTask[];
  readonly escalated: TransitionTask[];
}

export interface ReviewListFilters {
  readonly statuses: readonly string[];
  readonly urgency?: string;
  readonly overdue?: boolean;
  /** A provider lists only the reviews they submitted. */
  readonly providerId?: string;
}

export interface ComplaintListFilters {
  readonly statuses: readonly string[];
  readonly overdue?: boolean;
}

export interface StoredStopRequest {
  readonly caseId: string;
  readonly requestId: string;
  readonly providerId: string | null;
  readonly programCode: string;
  readonly teamId: string | null;
  readonly careManagerId: string | null;
  readonly receivedAt: Date;
  readonly decisionDueAt: Date;
}

/** `status IS NOT overdue`: SQL of "a clock of the complaint has passed". */
const COMPLAINT_OVERDUE = `((x.status = 'received' AND x.acknowledge_by < now()) OR (x.status <> 'resolved' AND x.resolve_by < now()))`;
/** The review's decision clock runs (not pended, not decided) and has passed. */
const REVIEW_OVERDUE = `(x.status IN ('in_review', 'appeal_review') AND x.decision_due_at < now())`;

/**
 * "Team X's": the case belongs to team X, or its care manager is on team X
 * (cases started by a discharge feed or by an admin often have no team of their own).
 */
function teamCondition(f: SqlFilter, teamId: string): string {
  const team = f.param(teamId);
  return `(c.team_id = ${team} OR EXISTS (SELECT 1 FROM staff s WHERE s.id = c.care_manager_id AND s.team = ${team}))`;
}

/**
 * The lists of work without a worklist of its own (issue 17), from the read
 * models the workflows keep: discharge_events with the discharge's reports on
 * the case timeline, utilization_reviews, complaints, and the case_tasks of
 * stop-participation requests. Keyset-paged on an index (migration
 * 1796330000000), never a workflow query per row.
 */
export class WorkListsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Discharges, newest first. A task's outcome is what the discharge workflow
   * reported to the case (DISCHARGE_REPORT_KINDS); a report to a case that had
   * closed was dropped by the case, so such a discharge shows its tasks open.
   */
  async discharges(filters: DischargeListFilters, after: ListPosition | null, limit: number): Promise<StoredDischarge[]> {
    const inner = new SqlFilter();
    if (filters.scope) inner.where(visibleCaseCondition(inner, filters.scope));
    if (filters.caseId !== undefined) inner.where(`e.case_id = ${inner.param(filters.caseId)}`);
    if (filters.teamId !== undefined) inner.where(teamCondition(inner, filters.teamId));
    if (after) inner.where(`(e.discharged_at, e.discharge_id) < (${inner.param(after.at)}::timestamptz, ${inner.param(after.id)})`);
    const kinds = [DISCHARGE_REPORT_KINDS.reported, DISCHARGE_REPORT_KINDS.done, DISCHARGE_REPORT_KINDS.missed, DISCHARGE_REPORT_KINDS.escalated].map((k) => inner.param(k));
    const [reported, done, missed, escalated] = kinds;
    const taskCount = inner.param(TRANSITION_TASKS.length);
    const outer: string[] = [];
    if (filters.status !== undefined) outer.push(`d.status = ${inner.param(filters.status)}`);
    if (filters.overdue !== undefined) outer.push(`d.overdue = ${inner.param(filters.overdue)}`);
    return selectRows<StoredDischarge>(
      this.dataSource,
      `SELECT * FROM (
         SELECT e.discharge_id AS "dischargeId", e.case_id AS "caseId", e.program_code AS "programCode", e.format,
                e.discharged_at AS "dischargedAt", e.cancelled_at AS "cancelledAt", c.team_id AS "teamId", c.care_manager_id AS "careManagerId",
                o.done, o.missed, o.escalated,
                CASE WHEN e.cancelled_at IS NOT NULL THEN 'cancelled'
                     WHEN NOT o.reported THEN 'ensuring_case'
                     WHEN cardinality(ARRAY(SELECT unnest(o.done) UNION SELECT unnest(o.escalated))) >= ${taskCount} THEN 'completed'
                     ELSE 'in_progress' END AS status,
                (e.cancelled_at IS NULL AND EXISTS (SELECT unnest(o.missed || o.escalated) EXCEPT SELECT unnest(o.done))) AS overdue
         FROM discharge_events e
         LEFT JOIN cases c ON c.id = e.case_id
         CROSS JOIN LATERAL (
           SELECT coalesce(bool_or(r.kind = ${reported}), false) AS reported,
                  coalesce(array_agg(DISTINCT r.task) FILTER (WHERE r.kind = ${done}), '{}') AS done,
                  coalesce(array_agg(DISTINCT r.task) FILTER (WHERE r.kind = ${missed}), '{}') AS missed,
                  coalesce(array_agg(DISTINCT r.task) FILTER (WHERE r.kind = ${escalated}), '{}') AS escalated
           FROM (SELECT ev.data->>'eventKind' AS kind, split_part(ev.data->>'key', ':', 2)::text AS task FROM case_events ev
                 WHERE ev.case_id = e.case_id AND ev.kind = 'external_event_recorded' AND ev.data->>'reference' = e.discharge_id) r
         ) o
         ${inner.clause}
       ) d ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
       ORDER BY d."dischargedAt" DESC, d."dischargeId" DESC LIMIT ${inner.param(limit)}`,
      inner.params,
    );
  }

  /** The reviewer's queue: by decision due time, soonest first; pended reviews (clock stopped) after every running clock. */
  async utilizationReviews(filters: ReviewListFilters, after: ListPosition | null, limit: number): Promise<UtilizationReviewView[]> {
    const f = new SqlFilter();
    f.where(`x.status = ANY(${f.param(filters.statuses)}::varchar[])`);
    if (filters.urgency !== undefined) f.where(`x.urgency = ${f.param(filters.urgency)}`);
    if (filters.providerId !== undefined) f.where(`x.provider_id = ${f.param(filters.providerId)}`);
    if (filters.overdue !== undefined) f.where(`${filters.overdue ? '' : 'NOT '}${REVIEW_OVERDUE}`);
    const due = `coalesce(x.decision_due_at, 'infinity'::timestamptz)`;
    if (after) f.where(`(${due}, x.id) > (${f.param(after.at ?? 'infinity')}::timestamptz, ${f.param(after.id)})`);
    const rows = await selectRows<{ view: UtilizationReviewView }>(
      this.dataSource,
      `SELECT x.view FROM utilization_reviews x ${f.clause} ORDER BY ${due}, x.id LIMIT ${f.param(limit)}`,
      f.params,
    );
    return rows.map((r) => r.view);
  }

  /** Complaints by their next due time (acknowledgement while received, else resolution), soonest first. */
  async complaints(filters: ComplaintListFilters, after: ListPosition | null, limit: number): Promise<ComplaintView[]> {
    const f = new SqlFilter();
    f.where(`x.status = ANY(${f.param(filters.statuses)}::varchar[])`);
    if (filters.overdue !== undefined) f.where(`${filters.overdue ? '' : 'NOT '}${COMPLAINT_OVERDUE}`);
    const due = `(CASE WHEN x.status = 'received' THEN x.acknowledge_by ELSE x.resolve_by END)`;
    if (after) f.where(`(${due}, x.id) > (${f.param(after.at)}::timestamptz, ${f.param(after.id)})`);
    const rows = await selectRows<{ view: ComplaintView }>(
      this.dataSource,
      `SELECT x.view FROM complaints x ${f.clause} ORDER BY ${due}, x.id LIMIT ${f.param(limit)}`,
      f.params,
    );
    return rows.map((r) => r.view);
  }

  /**
   * Open stop-participation requests (the case's `stop_participation_review`
   * task), soonest decision first, with the provider from the request's
   * `provider_request_received` event. Only the cases' current episodes.
   */
  async stopParticipationRequests(filters: { readonly teamId?: string; readonly scope?: CaseListScope }, after: ListPosition | null, limit: number): Promise<StoredStopRequest[]> {
    const f = new SqlFilter().where(`t.kind = 'stop_participation_review'`).where(`t.status = 'open'`);
    if (filters.scope) f.where(visibleCaseCondition(f, filters.scope));
    if (filters.teamId !== undefined) f.where(teamCondition(f, filters.teamId));
    // The position's id is `<case id>/<task key>`: unique, and ordered like the pair.
    if (after) f.where(`(t.due_at, t.case_id || '/' || t.task_key) > (${f.param(after.at)}::timestamptz, ${f.param(after.id)})`);
    return selectRows<StoredStopRequest>(
      this.dataSource,
      `SELECT t.case_id AS "caseId", substring(t.task_key FROM '^stop-participation-(.*)$') AS "requestId", p.data->>'providerId' AS "providerId",
              c.program_code AS "programCode", c.team_id AS "teamId", c.care_manager_id AS "careManagerId",
              t.opened_at AS "receivedAt", t.due_at AS "decisionDueAt"
       FROM case_tasks t
       JOIN cases c ON c.id = t.case_id AND c.run_id = t.episode_id
       LEFT JOIN LATERAL (
         SELECT ev.data FROM case_events ev
         WHERE ev.case_id = t.case_id AND ev.episode_id = t.episode_id AND ev.kind = 'provider_request_received'
           AND 'stop-participation-' || (ev.data->>'requestId') = t.task_key
         LIMIT 1
       ) p ON true
       ${f.clause}
       ORDER BY t.due_at, t.case_id || '/' || t.task_key LIMIT ${f.param(limit)}`,
      f.params,
    );
  }
}

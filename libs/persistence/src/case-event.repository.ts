import type { DataSource } from 'typeorm';
import type { CaseEvent, CaseEventData } from '@careloop/contracts';
import { insertPendingNotification } from './notification-outbox.repository';
import { execute, selectRows, type SqlRunner } from './sql.query';
import * as workItems from './work-item.projection';

type Projector<K extends CaseEventData['kind']> = (
  tx: SqlRunner,
  key: { caseId: string; episodeId: string },
  event: CaseEvent & { data: Extract<CaseEventData, { kind: K }> },
) => Promise<unknown>;

/**
 * How each event kind updates the read model. Typed against the event union
 * (`Record<kind, …>`), so a new kind does not compile until it is projected.
 */
const PROJECTORS: { [K in CaseEventData['kind']]: Projector<K> } = {
  case_opened: async (tx, k, e) => {
    // A new episode under the same case id (re-enrolment after closure) replaces the row;
    // a retried write of the same episode changes nothing.
    await execute(
      tx,
      `INSERT INTO cases (id, run_id, member_ref, program_code, enrollment_date, policy_version, phase, status, opened_at, phase_changed_at, team_id, member_id)
       VALUES ($1, $2, $3, $4, $5, $6, 'enrolled', 'active', $7, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET
         run_id = EXCLUDED.run_id, member_ref = EXCLUDED.member_ref, program_code = EXCLUDED.program_code,
         enrollment_date = EXCLUDED.enrollment_date, policy_version = EXCLUDED.policy_version, phase = 'enrolled',
         status = 'active', closure_reason = NULL, risk_tier = NULL, care_manager_id = NULL, active_plan_version = NULL,
         opened_at = EXCLUDED.opened_at, phase_changed_at = EXCLUDED.phase_changed_at, team_id = EXCLUDED.team_id, member_id = EXCLUDED.member_id, updated_at = now()
       WHERE cases.run_id <> EXCLUDED.run_id`,
      [k.caseId, k.episodeId, e.data.memberRef, e.data.programCode, e.data.enrollmentDate, e.data.policyVersion, e.at, e.data.teamId ?? null, e.data.memberId ?? null],
    );
    await workItems.adoptTransitionItems(tx, k);
  },
  phase_changed: (tx, k, e) =>
    execute(
      tx,
      `UPDATE cases SET phase = $3::varchar, closure_reason = $4, phase_changed_at = $5,
         step = CASE WHEN $3::varchar = 'closed' THEN NULL ELSE step END,
         updated_at = now() WHERE id = $1 AND run_id = $2`,
      [k.caseId, k.episodeId, e.data.to, e.data.closureReason, e.at],
    ),
  step_changed: (tx, k, e) =>
    execute(tx, `UPDATE cases SET step = $3, updated_at = now() WHERE id = $1 AND run_id = $2`, [k.caseId, k.episodeId, e.data.to]),
  attempt_started: (tx, k, e) =>
    execute(
      tx,
      `INSERT INTO contact_attempts (case_id, episode_id, number, channel, started_at, due_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [k.caseId, k.episodeId, e.data.number, e.data.channel, e.at, e.data.dueAt],
    ),
  attempt_recorded: (tx, k, e) =>
    execute(
      tx,
      `UPDATE contact_attempts SET outcome = $4, recorded_at = $5, recorded_by = $6, note = $7
       WHERE case_id = $1 AND episode_id = $2 AND number = $3`,
      [k.caseId, k.episodeId, e.data.number, e.data.outcome, e.at, e.actorId, e.data.note],
    ),
  screening_submitted: (tx, k, e) => insertAssessment(tx, k, e, 'screening', e.data.answers, e.data.initialRisk),
  assessment_submitted: async (tx, k, e) => {
    await insertAssessment(tx, k, e, e.data.reassessment ? 'reassessment' : 'assessment', e.data.answers, e.data.risk);
    await execute(tx, `UPDATE cases SET risk_tier = $3, updated_at = now() WHERE id = $1 AND run_id = $2`, [k.caseId, k.episodeId, e.data.risk.tier]);
    await workItems.setCaseRisk(tx, k.caseId, e.data.risk.tier);
  },
  plan_proposed: (tx, k, e) =>
    execute(
      tx,
      `INSERT INTO care_plan_versions (case_id, episode_id, version, plan, proposed_by, proposed_at) VALUES ($1, $2, $3, $4, $5, $6)`,
      [k.caseId, k.episodeId, e.data.version, JSON.stringify(e.data.plan), e.actorId, e.at],
    ),
  plan_consented: async (tx, k, e) => {
    await execute(
      tx,
      `UPDATE care_plan_versions SET consent = $4, consented_at = $5 WHERE case_id = $1 AND episode_id = $2 AND version = $3`,
      [k.caseId, k.episodeId, e.data.version, JSON.stringify(e.data.consent), e.at],
    );
    await execute(tx, `UPDATE cases SET active_plan_version = $3, updated_at = now() WHERE id = $1 AND run_id = $2`, [k.caseId, k.episodeId, e.data.version]);
  },
  paused: (tx, k) => execute(tx, `UPDATE cases SET status = 'paused', updated_at = now() WHERE id = $1 AND run_id = $2`, [k.caseId, k.episodeId]),
  resumed: (tx, k) => execute(tx, `UPDATE cases SET status = 'active', updated_at = now() WHERE id = $1 AND run_id = $2`, [k.caseId, k.episodeId]),
  note_added: (tx, k, e) =>
    execute(
      tx,
      `INSERT INTO case_notes (case_id, episode_id, seq, kind, text, author_id, written_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [k.caseId, k.episodeId, e.seq, e.data.noteKind, e.data.text, e.actorId, e.at],
    ),
  task_opened: async (tx, k, e) => {
    await execute(
      tx,
      `INSERT INTO case_tasks (case_id, episode_id, task_key, kind, status, due_at, opened_at) VALUES ($1, $2, $3, $4, 'open', $5, $6)
       ON CONFLICT (case_id, episode_id, task_key) DO UPDATE SET status = 'open', kind = EXCLUDED.kind, due_at = EXCLUDED.due_at,
         opened_at = EXCLUDED.opened_at, closed_at = NULL`,
      [k.caseId, k.episodeId, e.data.key, e.data.taskKind, e.data.dueAt, e.at],
    );
    await workItems.openCaseTask(tx, k, e.data, e.at);
  },
  task_rescheduled: async (tx, k, e) => {
    await execute(tx, `UPDATE case_tasks SET due_at = $4 WHERE case_id = $1 AND episode_id = $2 AND task_key = $3`, [k.caseId, k.episodeId, e.data.key, e.data.dueAt]);
    await workItems.rescheduleCaseTask(tx, k, e.data.key, e.data.dueAt);
  },
  // A suspended task is neither due nor overdue in the read model (GET /cases?overdue, next due) until resumed.
  task_suspended: async (tx, k, e) => {
    await execute(tx, `UPDATE case_tasks SET status = 'suspended' WHERE case_id = $1 AND episode_id = $2 AND task_key = $3 AND status = 'open'`, [k.caseId, k.episodeId, e.data.key]);
    await workItems.suspendCaseTask(tx, k, e.data.key);
  },
  task_resumed: async (tx, k, e) => {
    await execute(tx, `UPDATE case_tasks SET status = 'open', due_at = $4 WHERE case_id = $1 AND episode_id = $2 AND task_key = $3 AND status = 'suspended'`, [
      k.caseId,
      k.episodeId,
      e.data.key,
      e.data.dueAt,
    ]);
    await workItems.resumeCaseTask(tx, k, e.data.key, e.data.dueAt);
  },
  plan_reviewed: () => Promise.resolve(),
  task_nudged: () => Promise.resolve(),
  contact_preference_changed: () => Promise.resolve(),
  notifications_redelivered: () => Promise.resolve(),
  // Kept in case_events; the discharge workflow's task reports also settle its transition-of-care work items.
  external_event_recorded: (tx, _k, e) => workItems.reportTransitionStep(tx, e.data, e.at),
  // Reminders and misses are kept by the work-item projection (issue 17); case_tasks does not keep them.
  task_reminded: (tx, k, e) => workItems.remindCaseTask(tx, k, e.data.key, e.at),
  task_missed: (tx, k, e) => workItems.missCaseTask(tx, k, e.data, e.at),
  task_closed: async (tx, k, e) => {
    await execute(tx, `UPDATE case_tasks SET status = $4, closed_at = $5 WHERE case_id = $1 AND episode_id = $2 AND task_key = $3`, [
      k.caseId,
      k.episodeId,
      e.data.key,
      e.data.resolution,
      e.at,
    ]);
    await workItems.closeCaseTask(tx, k, e.data.key, e.data.resolution, e.at);
  },
  // Closing releases the care manager's caseload slot; the counter trigger on case_assignments lowers
  // staff.open_caseload in this same transaction (a retried release matches no open row and changes nothing).
  case_closed: async (tx, k, e) => {
    await execute(tx, `UPDATE case_assignments SET released_at = $3 WHERE case_id = $1 AND episode_id = $2 AND released_at IS NULL`, [
      k.caseId,
      k.episodeId,
      e.at,
    ]);
    await workItems.closeCaseItems(tx, k, e.at);
  },
  // The items move first: the previous care manager is read from the case row before it changes.
  care_manager_assigned: async (tx, k, e) => {
    await workItems.moveCaseItems(tx, k, e.data.careManagerId, null);
    await execute(tx, `UPDATE cases SET care_manager_id = $3, updated_at = now() WHERE id = $1 AND run_id = $2`, [k.caseId, k.episodeId, e.data.careManagerId]);
  },
  assignment_unavailable: () => Promise.resolve(),
  care_manager_reassigned: async (tx, k, e) => {
    await workItems.moveCaseItems(tx, k, e.data.to, e.data.from);
    await execute(tx, `UPDATE cases SET care_manager_id = $3, updated_at = now() WHERE id = $1 AND run_id = $2`, [k.caseId, k.episodeId, e.data.to]);
  },
  pcp_changed: () => Promise.resolve(),
  // Kept in case_events (data holds the discussion, the contact, the de-identified committee update).
  member_discussed: () => Promise.resolve(),
  goal_progress_recorded: () => Promise.resolve(),
  contact_recorded: () => Promise.resolve(),
  committee_update_sent: () => Promise.resolve(),
  intervention_recorded: () => Promise.resolve(),
  provider_report_received: () => Promise.resolve(),
  progress_recorded: () => Promise.resolve(),
  supplemental_info_requested: () => Promise.resolve(),
  supplemental_info_received: () => Promise.resolve(),
  supplemental_info_escalated: () => Promise.resolve(),
  provider_request_received: () => Promise.resolve(),
  provider_request_decided: () => Promise.resolve(),
  notification_requested: (tx, _k, e) => insertPendingNotification(tx, e.data.notification),
};

function insertAssessment(
  tx: SqlRunner,
  k: { caseId: string; episodeId: string },
  e: CaseEvent,
  kind: 'screening' | 'assessment' | 'reassessment',
  answers: object,
  risk: { tier: string; score: number; reasons: readonly string[] },
): Promise<unknown> {
  return execute(
    tx,
    `INSERT INTO assessments (case_id, episode_id, seq, kind, answers, risk_tier, risk_score, risk_reasons, submitted_by, submitted_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [k.caseId, k.episodeId, e.seq, kind, JSON.stringify(answers), risk.tier, risk.score, JSON.stringify(risk.reasons), e.actorId, e.at],
  );
}

/** A stored timeline entry as the API lists it. */
export interface StoredCaseEvent {
  readonly seq: number;
  readonly at: Date;
  readonly kind: string;
  readonly actorId: string;
  readonly summary: string;
}

/**
 * Writes case events and their projections. Idempotent: each event is
 * inserted once per (case, episode, seq); a retried batch skips what is
 * already there and projects only what is new, all in one transaction.
 */
export class CaseEventRepository {
  constructor(private readonly dataSource: DataSource) {}

  async append(caseId: string, episodeId: string, events: readonly CaseEvent[]): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      let written = 0;
      for (const event of events) {
        const inserted = await selectRows<{ seq: number }>(
          tx,
          `INSERT INTO case_events (case_id, episode_id, seq, at, kind, actor_id, summary, data)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING RETURNING seq`,
          [caseId, episodeId, event.seq, event.at, event.data.kind, event.actorId, event.summary, JSON.stringify(event.data)],
        );
        if (inserted.length === 0) {
          continue;
        }
        written++;
        await (PROJECTORS[event.data.kind] as Projector<CaseEventData['kind']>)(tx, { caseId, episodeId }, event as never);
      }
      return written;
    });
  }

  /** The current episode's timeline, oldest first, paged by sequence number. */
  timeline(caseId: string, afterSeq: number, limit: number): Promise<StoredCaseEvent[]> {
    return selectRows<StoredCaseEvent>(
      this.dataSource,
      `SELECT e.seq, e.at, e.kind, e.actor_id AS "actorId", e.summary FROM case_events e JOIN cases c ON c.id = e.case_id AND c.run_id = e.episode_id
       WHERE e.case_id = $1 AND e.seq > $2 AND e.kind NOT IN ('task_opened', 'task_closed', 'task_suspended', 'task_resumed', 'notification_requested')
       ORDER BY e.seq LIMIT $3`,
      [caseId, afterSeq, limit],
    );
  }
}

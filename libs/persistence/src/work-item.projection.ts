import { caseWorkItemId, escalationWorkItemId, type CaseTaskKind } from '@careloop/contracts';
import { riskPriority, URGENT_WORK_ITEM_KINDS, workItemPriority, type RiskTier } from '@careloop/domain';
import { execute, selectOne, type SqlRunner } from './sql.query';

/**
 * The work_items projection (issue 17, docs/worklists.md): called by the event repositories inside
 * the transaction that stores the events, so an item never disagrees with its task. Every write is
 * idempotent on its own too (inserts are keyed by the stable item id, updates are guarded by the
 * status they move from), although the case events only project once (case_events is keyed by seq).
 *
 * Owner: a case item is the case's care manager's when the case has one, else the care-manager queue
 * of the case's team; `owner_team_id` always keeps the queue the item falls back to on release.
 * Supervisor work (escalations, stop-participation reviews) sits in the team's supervisor queue.
 */

type CaseKey = { readonly caseId: string; readonly episodeId: string };

const OPEN = `status IN ('open', 'suspended')`;

/** Kinds of the case whose work a supervisor decides (the clock's owner, libs/domain case-clock.ts C12). */
const SUPERVISOR_TASK_KINDS: readonly CaseTaskKind[] = ['stop_participation_review'];

interface CaseFacts {
  readonly careManagerId: string | null;
  readonly teamId: string | null;
  readonly memberId: string | null;
  readonly programCode: string | null;
  readonly riskTier: RiskTier | null;
}

function caseFacts(tx: SqlRunner, k: CaseKey): Promise<CaseFacts | null> {
  return selectOne<CaseFacts>(
    tx,
    `SELECT care_manager_id AS "careManagerId", team_id AS "teamId", member_id AS "memberId", program_code AS "programCode", risk_tier AS "riskTier"
     FROM cases WHERE id = $1 AND run_id = $2`,
    [k.caseId, k.episodeId],
  );
}

interface NewItem {
  readonly id: string;
  readonly source: string;
  readonly sourceId: string;
  readonly episodeId: string | null;
  readonly kind: string;
  readonly taskKey: string;
  readonly dueAt: string;
  readonly ownerStaffId: string | null;
  readonly ownerTeamId: string | null;
  readonly ownerRole: 'care_manager' | 'supervisor';
  readonly caseId: string | null;
  readonly memberId: string | null;
  readonly programCode: string | null;
  readonly riskTier: RiskTier | null;
  readonly openedAt: string;
  readonly missedAt?: string | null;
}

/**
 * Inserts an item, or reopens a closed one under the same id (a task key opened again, e.g. a care
 * plan sent back for revision): due time, owner and reminders start over. An open item is left as it
 * is (`reopen` false: a redelivered open, or an escalation already raised).
 */
async function upsertItem(tx: SqlRunner, i: NewItem, reopen: boolean): Promise<void> {
  const priority = workItemPriority({ kind: i.kind, missed: (i.missedAt ?? null) !== null, riskTier: i.riskTier });
  await execute(
    tx,
    `INSERT INTO work_items (id, source, source_id, episode_id, kind, task_key, status, priority, due_at, missed_at, owner_staff_id, owner_team_id, owner_role,
       case_id, member_id, program_code, risk_tier, opened_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'open', $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
     ON CONFLICT (id) DO ${
       reopen
         ? `UPDATE SET status = 'open', kind = EXCLUDED.kind, priority = EXCLUDED.priority, due_at = EXCLUDED.due_at, reminded_at = NULL, missed_at = NULL,
         owner_staff_id = EXCLUDED.owner_staff_id, owner_team_id = EXCLUDED.owner_team_id, owner_role = EXCLUDED.owner_role, claimed_at = NULL,
         risk_tier = EXCLUDED.risk_tier, opened_at = EXCLUDED.opened_at, closed_at = NULL, updated_at = now()
       WHERE work_items.status NOT IN ('open', 'suspended')`
         : 'NOTHING'
     }`,
    [
      i.id,
      i.source,
      i.sourceId,
      i.episodeId,
      i.kind,
      i.taskKey,
      priority,
      i.dueAt,
      i.missedAt ?? null,
      i.ownerStaffId,
      i.ownerTeamId,
      i.ownerRole,
      i.caseId,
      i.memberId,
      i.programCode,
      i.riskTier,
      i.openedAt,
    ],
  );
}

/** task_opened: the task's item, owned by the case's care manager, else its team's queue. */
export async function openCaseTask(tx: SqlRunner, k: CaseKey, task: { key: string; taskKind: CaseTaskKind; dueAt: string }, at: string): Promise<void> {
  const c = await caseFacts(tx, k);
  const supervisorWork = SUPERVISOR_TASK_KINDS.includes(task.taskKind);
  await upsertItem(
    tx,
    {
      id: caseWorkItemId(k.caseId, k.episodeId, task.key),
      source: 'case',
      sourceId: k.caseId,
      episodeId: k.episodeId,
      kind: task.taskKind,
      taskKey: task.key,
      dueAt: task.dueAt,
      ownerStaffId: supervisorWork ? null : (c?.careManagerId ?? null),
      ownerTeamId: c?.teamId ?? null,
      ownerRole: supervisorWork ? 'supervisor' : 'care_manager',
      caseId: k.caseId,
      memberId: c?.memberId ?? null,
      programCode: c?.programCode ?? null,
      riskTier: c?.riskTier ?? null,
      openedAt: at,
    },
    true,
  );
}

/** task_rescheduled, task_suspended, task_resumed: the due time and whether its clock runs. */
export function rescheduleCaseTask(tx: SqlRunner, k: CaseKey, key: string, dueAt: string): Promise<void> {
  return execute(tx, `UPDATE work_items SET due_at = $2, updated_at = now() WHERE id = $1 AND ${OPEN}`, [caseWorkItemId(k.caseId, k.episodeId, key), dueAt]);
}

export function suspendCaseTask(tx: SqlRunner, k: CaseKey, key: string): Promise<void> {
  return execute(tx, `UPDATE work_items SET status = 'suspended', updated_at = now() WHERE id = $1 AND status = 'open'`, [caseWorkItemId(k.caseId, k.episodeId, key)]);
}

export function resumeCaseTask(tx: SqlRunner, k: CaseKey, key: string, dueAt: string): Promise<void> {
  return execute(tx, `UPDATE work_items SET status = 'open', due_at = $2, updated_at = now() WHERE id = $1 AND status = 'suspended'`, [
    caseWorkItemId(k.caseId, k.episodeId, key),
    dueAt,
  ]);
}

/** task_reminded: the first reminder's time (a later one keeps it). */
export function remindCaseTask(tx: SqlRunner, k: CaseKey, key: string, at: string): Promise<void> {
  return execute(tx, `UPDATE work_items SET reminded_at = coalesce(reminded_at, $2), updated_at = now() WHERE id = $1 AND ${OPEN}`, [
    caseWorkItemId(k.caseId, k.episodeId, key),
    at,
  ]);
}

/**
 * task_missed: the task stays open, marked missed and urgent; the supervisors' queue of the case's
 * team gets one escalation item for it (due at the missed due time). A clock without a task
 * (taskKind null: the screening deadline) raises the escalation alone.
 */
export async function missCaseTask(tx: SqlRunner, k: CaseKey, missed: { key: string; dueAt: string }, at: string): Promise<void> {
  await execute(tx, `UPDATE work_items SET missed_at = coalesce(missed_at, $2), priority = 'urgent', updated_at = now() WHERE id = $1 AND ${OPEN}`, [
    caseWorkItemId(k.caseId, k.episodeId, missed.key),
    at,
  ]);
  const c = await caseFacts(tx, k);
  await upsertItem(
    tx,
    {
      id: escalationWorkItemId(k.caseId, k.episodeId, missed.key),
      source: 'case',
      sourceId: k.caseId,
      episodeId: k.episodeId,
      kind: 'escalation',
      taskKey: missed.key,
      dueAt: missed.dueAt,
      ownerStaffId: null,
      ownerTeamId: c?.teamId ?? null,
      ownerRole: 'supervisor',
      caseId: k.caseId,
      memberId: c?.memberId ?? null,
      programCode: c?.programCode ?? null,
      riskTier: c?.riskTier ?? null,
      openedAt: at,
      missedAt: at,
    },
    true,
  );
}

/** task_closed: the item takes the task's resolution; its escalation is settled with it (done when the work was done). */
export async function closeCaseTask(tx: SqlRunner, k: CaseKey, key: string, resolution: 'done' | 'timed_out' | 'cancelled', at: string): Promise<void> {
  await execute(tx, `UPDATE work_items SET status = $2, closed_at = $3, updated_at = now() WHERE id = $1 AND ${OPEN}`, [caseWorkItemId(k.caseId, k.episodeId, key), resolution, at]);
  await execute(tx, `UPDATE work_items SET status = $2, closed_at = $3, updated_at = now() WHERE id = $1 AND ${OPEN}`, [
    escalationWorkItemId(k.caseId, k.episodeId, key),
    resolution === 'done' ? 'done' : 'cancelled',
    at,
  ]);
}

/** case_closed: whatever the episode still had open is cancelled (the workflow closes its tasks first; this is the backstop). */
export function closeCaseItems(tx: SqlRunner, k: CaseKey, at: string): Promise<void> {
  return execute(tx, `UPDATE work_items SET status = 'cancelled', closed_at = $3, updated_at = now() WHERE case_id = $1 AND episode_id = $2 AND ${OPEN}`, [
    k.caseId,
    k.episodeId,
    at,
  ]);
}

/**
 * care_manager_assigned / care_manager_reassigned, run before `cases.care_manager_id` changes: the
 * episode's open care-manager work held by the previous care manager (`from`, else the case row's) or
 * waiting in the team's queue moves to the new one. An item a teammate claimed stays with them.
 */
export function moveCaseItems(tx: SqlRunner, k: CaseKey, to: string, from: string | null): Promise<void> {
  return execute(
    tx,
    `UPDATE work_items SET owner_staff_id = $3, claimed_at = NULL, updated_at = now()
     WHERE case_id = $1 AND (episode_id = $2 OR source = 'discharge') AND ${OPEN} AND owner_role = 'care_manager'
       AND (owner_staff_id IS NULL OR owner_staff_id = coalesce($4, (SELECT care_manager_id FROM cases WHERE id = $1 AND run_id = $2)))`,
    [k.caseId, k.episodeId, to, from],
  );
}

/** assessment_submitted: the member's risk tier on every open item of the case, and the priority it gives (urgent items stay urgent). */
export function setCaseRisk(tx: SqlRunner, caseId: string, tier: RiskTier): Promise<void> {
  return execute(
    tx,
    `UPDATE work_items SET risk_tier = $2, priority = CASE WHEN missed_at IS NOT NULL OR kind = ANY($3) THEN 'urgent' ELSE $4 END, updated_at = now()
     WHERE case_id = $1 AND ${OPEN}`,
    [caseId, tier, URGENT_WORK_ITEM_KINDS, riskPriority(tier)],
  );
}

/** A non-case item (review, complaint, discharge task), with the case's facts when it belongs to one. */
export async function openSourceItem(
  tx: SqlRunner,
  item: { id: string; source: string; sourceId: string; kind: string; taskKey: string; dueAt: string; caseId: string | null; openedAt: string },
  owner: { role: 'care_manager' | 'supervisor'; toCareManager: boolean },
): Promise<void> {
  const c =
    item.caseId === null
      ? null
      : await selectOne<CaseFacts>(
          tx,
          `SELECT care_manager_id AS "careManagerId", team_id AS "teamId", member_id AS "memberId", program_code AS "programCode", risk_tier AS "riskTier"
           FROM cases WHERE id = $1`,
          [item.caseId],
        );
  await upsertItem(
    tx,
    {
      ...item,
      episodeId: null,
      ownerStaffId: owner.toCareManager ? (c?.careManagerId ?? null) : null,
      ownerTeamId: c?.teamId ?? null,
      ownerRole: owner.role,
      memberId: c?.memberId ?? null,
      programCode: c?.programCode ?? null,
      riskTier: c?.riskTier ?? null,
    },
    false,
  );
}

/** The item's due time moved (a review's clock restarted), while it is open. */
export function rescheduleItem(tx: SqlRunner, id: string, dueAt: string): Promise<void> {
  return execute(tx, `UPDATE work_items SET due_at = $2, updated_at = now() WHERE id = $1 AND ${OPEN} AND due_at <> $2`, [id, dueAt]);
}

/** Suspends (`true`) or resumes an item whose clock stopped (a pended review). */
export function holdItem(tx: SqlRunner, id: string, held: boolean): Promise<void> {
  return execute(tx, `UPDATE work_items SET status = $2, updated_at = now() WHERE id = $1 AND status = $3`, [id, held ? 'suspended' : 'open', held ? 'open' : 'suspended']);
}

/** Closes an open item (its work was done upstream); a closed one stays as it was. */
export function closeItem(tx: SqlRunner, id: string, status: 'done' | 'cancelled', at: string): Promise<void> {
  return execute(tx, `UPDATE work_items SET status = $2, closed_at = $3, updated_at = now() WHERE id = $1 AND ${OPEN}`, [id, status, at]);
}

/** A discharge's transition-of-care item id (`discharge:<discharge id>:<task>`). */
export const transitionWorkItemId = (dischargeId: string, task: string): string => `discharge:${dischargeId}:${task}`;

/**
 * The discharge's transition-of-care tasks (member contact, medication reconciliation, follow-up
 * visit, PCP informed), opened with the intake row (their due times are the policy's, from the
 * discharge time: libs/domain transitionSchedule). The care team works them: the case's care
 * manager when it has one, else its team's care-manager queue; a case not in the read model yet
 * leaves them in the organisation-wide queue until `adoptTransitionItems` (case_opened) places them.
 */
export async function openTransitionItems(tx: SqlRunner, dischargeId: string, caseId: string, openedAt: string, tasks: readonly { task: string; dueAt: string }[]): Promise<void> {
  for (const t of tasks) {
    await openSourceItem(
      tx,
      { id: transitionWorkItemId(dischargeId, t.task), source: 'discharge', sourceId: dischargeId, kind: 'transition_of_care', taskKey: t.task, dueAt: t.dueAt, caseId, openedAt },
      { role: 'care_manager', toCareManager: true },
    );
  }
}

/** case_opened: transition-of-care items waiting for their case take its team, program and member (and its care manager, if any). */
export function adoptTransitionItems(tx: SqlRunner, k: CaseKey): Promise<void> {
  return execute(
    tx,
    `UPDATE work_items w SET owner_team_id = c.team_id, program_code = c.program_code, member_id = c.member_id, updated_at = now()
     FROM cases c WHERE c.id = $1 AND c.run_id = $2 AND w.case_id = c.id AND w.source = 'discharge' AND w.owner_team_id IS NULL AND w.status IN ('open', 'suspended')`,
    [k.caseId, k.episodeId],
  );
}

/**
 * The discharge workflow's reports on the case timeline (external_event_recorded, `reference` the
 * discharge id, key `<discharge id>:<task>:<step>`): done closes the item, missed marks it urgent,
 * escalated hands it to the supervisors' queue (the supervisor owns it from there).
 */
export async function reportTransitionStep(tx: SqlRunner, report: { key: string; eventKind: string; reference: string | null }, at: string): Promise<void> {
  if (report.reference === null || !report.key.startsWith(`${report.reference}:`)) return;
  const id = transitionWorkItemId(report.reference, report.key.slice(report.reference.length + 1).split(':')[0]!);
  if (report.eventKind === 'transition_task_done') await closeItem(tx, id, 'done', at);
  if (report.eventKind === 'transition_task_missed') {
    await execute(tx, `UPDATE work_items SET missed_at = coalesce(missed_at, $2), priority = 'urgent', updated_at = now() WHERE id = $1 AND ${OPEN}`, [id, at]);
  }
  if (report.eventKind === 'transition_task_escalated') {
    await execute(tx, `UPDATE work_items SET owner_staff_id = NULL, claimed_at = NULL, owner_role = 'supervisor', updated_at = now() WHERE id = $1 AND ${OPEN}`, [id]);
  }
}

/** The sender cancelled the discharge: its open transition-of-care items are cancelled with it. */
export function cancelTransitionItems(tx: SqlRunner, dischargeId: string): Promise<void> {
  return execute(tx, `UPDATE work_items SET status = 'cancelled', closed_at = now(), updated_at = now() WHERE source = 'discharge' AND source_id = $1 AND ${OPEN}`, [dischargeId]);
}

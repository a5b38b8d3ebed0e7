import { Injectable } from '@nestjs/common';
import { transitionSchedule, type TransitionTask } from '@careloop/domain';
import type { DischargeListItem, DischargeListTask, DischargeStatus, ListPage, TransitionTaskStatus } from '@careloop/contracts';
import { WorkListsRepository, type CaseListScope, type StoredDischarge } from '@careloop/persistence';
import { decodePosition, encodePosition } from '../common/page-cursor';
import { PolicyRegistry } from '../policies/policy-registry';

const LIST = 'discharges';

export interface DischargeListQuery {
  readonly status?: DischargeStatus;
  readonly overdue?: boolean;
  readonly caseId?: string;
  readonly team?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

/**
 * `GET /discharges`: from Postgres only (discharge_events and the discharge's
 * reports on the case timeline), never a workflow query per row. Deadlines are
 * the transition-of-care schedule of the discharge time under the program's
 * policy; `GET /discharges/:id` (the workflow) stays the authority on a task.
 */
@Injectable()
export class DischargeListService {
  constructor(
    private readonly lists: WorkListsRepository,
    private readonly policies: PolicyRegistry,
  ) {}

  async list(query: DischargeListQuery, scope: CaseListScope | undefined): Promise<ListPage<DischargeListItem>> {
    const limit = query.limit ?? 50;
    const rows = await this.lists.discharges(
      { status: query.status, overdue: query.overdue, caseId: query.caseId, teamId: query.team, scope },
      decodePosition(LIST, query.cursor),
      limit,
    );
    const last = rows.at(-1);
    return {
      items: rows.map((r) => this.item(r)),
      nextCursor: rows.length === limit && last ? encodePosition(LIST, last.dischargedAt.toISOString(), last.dischargeId) : null,
    };
  }

  private item(r: StoredDischarge): DischargeListItem {
    const dischargedAt = r.dischargedAt.toISOString();
    const schedule = transitionSchedule(dischargedAt, dischargedAt, this.policies.resolve(r.programCode).transitionOfCare);
    const tasks = schedule.map((s): DischargeListTask => {
      const status = taskStatus(r, s.task);
      return { task: s.task, status, dueAt: s.dueAt, escalateAt: s.escalateAt, overdue: r.cancelledAt === null && (status === 'missed' || status === 'escalated') };
    });
    return {
      dischargeId: r.dischargeId,
      caseId: r.caseId,
      programCode: r.programCode,
      format: r.format as DischargeListItem['format'],
      dischargedAt,
      status: r.status,
      teamId: r.teamId,
      careManagerId: r.careManagerId,
      cancelledAt: r.cancelledAt?.toISOString() ?? null,
      overdue: r.overdue,
      tasks,
    };
  }
}

/** Done wins; an escalated task stays the supervisor's; the sender's cancellation cancels what was open or missed (as the workflow does). */
function taskStatus(r: StoredDischarge, task: TransitionTask): TransitionTaskStatus {
  if (r.done.includes(task)) return 'done';
  if (r.escalated.includes(task)) return 'escalated';
  if (r.cancelledAt !== null) return 'cancelled';
  return r.missed.includes(task) ? 'missed' : 'open';
}

import { Injectable } from '@nestjs/common';
import type { WorkItemView, WorklistPage } from '@careloop/contracts';
import { TeamAdminRepository, WorkItemRepository, type StoredWorkItem, type WorklistCursor, type WorklistScope } from '@careloop/persistence';
import { teamReadable } from '../auth/access-policy';
import type { Principal } from '../auth/principal';
import { ApiError } from '../common/api-error';
import { cursorFields, decodeCursor, encodeCursor } from '../common/page-cursor';
import { toWorkItemView } from './work-item.view';
import type { WorklistQuery } from './worklist.dto';

const notFound = (id: string) => new ApiError('work_item_not_found', `No work item with id ${id}.`);
const closed = (i: StoredWorkItem) => new ApiError('work_item_closed', `Work item ${i.id} is ${i.status}; there is nothing left to hold.`);
const held = (i: StoredWorkItem) => new ApiError('work_item_held', `Work item ${i.id} is held by ${i.ownerStaffId}; they (or a supervisor) can release it.`);
const assignee = (reason: string) => new ApiError('work_item_assignee_invalid', `toStaffId ${reason}.`, [{ field: 'toStaffId', reason }]);

const isOpen = (i: StoredWorkItem) => i.status === 'open' || i.status === 'suspended';
/** Roles with a queue of their own (WorkItemOwner's team roles). */
const QUEUE_ROLES: readonly string[] = ['care_manager', 'supervisor'];

/**
 * The worklists (docs/worklists.md): reads of the work_items projection, and the holder changes.
 * Each change is one conditional UPDATE (WorkItemRepository); when it matches nothing, the row is
 * read again to say why (someone else holds it now, it closed), so a repeat of what already happened
 * answers 200 with the item and a lost race answers 409.
 */
@Injectable()
export class WorklistService {
  constructor(
    private readonly items: WorkItemRepository,
    private readonly teams: TeamAdminRepository,
  ) {}

  /** The caller's list: what they hold and (scope team/all) their team's unclaimed queue for their role. */
  mine(p: Principal, q: WorklistQuery): Promise<WorklistPage> {
    const scope = q.scope ?? 'all';
    const queue = scope !== 'mine' && QUEUE_ROLES.includes(p.role) ? { teamId: p.team, role: p.role, withOrgQueue: true } : undefined;
    return this.page({ holders: scope === 'team' ? [] : [p.sub], queue }, q);
  }

  /** One person's held items (a supervisor: someone on their own team; otherwise 404, as for no such person). */
  async ofStaff(p: Principal, staffId: string, q: WorklistQuery): Promise<WorklistPage> {
    const staff = await this.items.staff(staffId);
    if (!staff || !teamReadable(p, staff.teamId)) {
      throw new ApiError('staff_not_found', `No staff member with id ${staffId}.`);
    }
    return this.page({ holders: [staffId] }, q);
  }

  /** A team's open work: its queues (scope team), what its people hold (mine), or both (all). */
  async ofTeam(p: Principal, teamId: string, q: WorklistQuery): Promise<WorklistPage> {
    if (!teamReadable(p, teamId) || !(await this.teams.get(teamId))) {
      throw new ApiError('team_not_found', `No team with id ${teamId}.`);
    }
    const scope = q.scope ?? 'all';
    return this.page({ team: { teamId, unclaimedOnly: scope === 'team', heldOnly: scope === 'mine' } }, q);
  }

  async claim(p: Principal, id: string): Promise<WorkItemView> {
    const before = await this.visible(p, id);
    const settled = this.claimAnswer(p, before);
    if (settled) return settled;
    const after = (await this.items.claim(id, p.sub, p.role, p.team)) ?? (await this.visible(p, id));
    return this.claimAnswer(p, after) ?? toWorkItemView(after);
  }

  async release(p: Principal, id: string): Promise<WorkItemView> {
    const item = await this.visible(p, id);
    if (!isOpen(item)) throw closed(item);
    if (item.ownerStaffId === null) return toWorkItemView(item);
    if (item.ownerStaffId !== p.sub && !this.supervises(p, item)) throw held(item);
    const after = (await this.items.release(id, item.ownerStaffId)) ?? (await this.visible(p, id));
    if (after.ownerStaffId !== null) throw isOpen(after) ? held(after) : closed(after);
    return toWorkItemView(after);
  }

  async reassign(p: Principal, id: string, toStaffId: string): Promise<WorkItemView> {
    const item = await this.visible(p, id);
    if (!this.supervises(p, item)) throw notFound(id);
    if (!isOpen(item)) throw closed(item);
    const target = await this.items.staff(toStaffId);
    if (!target || !target.active) throw assignee('must be an active staff member');
    if (target.role !== item.ownerRole) throw assignee(`must be a ${item.ownerRole} (this item is ${item.ownerRole} work)`);
    if (item.ownerTeamId !== null && target.teamId !== item.ownerTeamId) throw assignee(`must be on team ${item.ownerTeamId}, the item's team`);
    if (item.ownerStaffId === toStaffId) return toWorkItemView(item);
    const after = await this.items.reassign(id, item.ownerStaffId, toStaffId);
    if (after) return toWorkItemView(after);
    // Someone claimed, released or closed it since it was read: say what it is now rather than overwrite it.
    const now = await this.visible(p, id);
    if (!isOpen(now)) throw closed(now);
    if (now.ownerStaffId === toStaffId) return toWorkItemView(now);
    throw new ApiError('work_item_held', `Work item ${id} changed hands while it was reassigned; read it again and retry.`);
  }

  /** 200 (already mine), or the refusal, or null: go ahead and claim. */
  private claimAnswer(p: Principal, i: StoredWorkItem): WorkItemView | null {
    if (!isOpen(i)) throw closed(i);
    if (i.ownerStaffId === p.sub) return toWorkItemView(i);
    if (i.ownerStaffId !== null) throw held(i);
    if (i.ownerRole !== p.role) throw new ApiError('work_item_wrong_queue', `Work item ${i.id} is in the ${i.ownerRole} queue; only a ${i.ownerRole} may claim it.`);
    return null;
  }

  /** A supervisor of the item's team (or of the organisation-wide queue), or an admin. */
  private supervises(p: Principal, i: StoredWorkItem): boolean {
    return p.role === 'admin' || (p.role === 'supervisor' && (i.ownerTeamId === null || i.ownerTeamId === p.team));
  }

  /** The item, if the caller may see it: an admin any; others their team's, the organisation-wide queue's, or what they hold. */
  private async visible(p: Principal, id: string): Promise<StoredWorkItem> {
    const item = await this.items.find(id);
    const maySee = item !== null && (p.role === 'admin' || item.ownerStaffId === p.sub || item.ownerTeamId === null || (p.team !== null && item.ownerTeamId === p.team));
    if (!maySee) throw notFound(id);
    return item!;
  }

  private async page(scope: WorklistScope, q: WorklistQuery): Promise<WorklistPage> {
    const { cursor, limit = 50, scope: _scope, ...filters } = q;
    const endOfDay = new Date();
    endOfDay.setUTCHours(24, 0, 0, 0);
    const [rows, counts] = await Promise.all([
      this.items.list(scope, filters, cursor ? decodeCursor(cursor, worklistCursor) : null, limit),
      this.items.counts(scope, filters, endOfDay.toISOString()),
    ]);
    const last = rows.at(-1);
    return {
      items: rows.map(toWorkItemView),
      ...(rows.length === limit && last ? { nextCursor: encodeCursor({ r: last.overdue ? 0 : 1, d: last.dueAt.toISOString(), i: last.id }) } : {}),
      counts,
    };
  }
}

/** The worklist cursor: the last row's overdue rank, due time and id (keyset, overdue first). */
function worklistCursor(value: unknown): WorklistCursor | null {
  const f = cursorFields(value);
  if (!f || (f.r !== 0 && f.r !== 1) || typeof f.d !== 'string' || Number.isNaN(Date.parse(f.d)) || typeof f.i !== 'string') return null;
  return { rank: f.r, dueAt: f.d, id: f.i };
}

import type { DataSource } from 'typeorm';
import { selectOne, selectRows } from './sql.query';

export interface WorkItemOwnerRow {
  readonly ownerStaffId: string | null;
  readonly ownerTeamId: string | null;
  readonly ownerRole: string;
}

export interface StaffContactRow {
  readonly id: string;
  readonly email: string | null;
  readonly phone: string | null;
  readonly languages: string[];
}

/** Who a notification's case, review or complaint concerns (a review or complaint answers for the case it belongs to). */
export interface NotificationSubjectRow {
  readonly careManagerId: string | null;
  readonly teamId: string | null;
  readonly memberId: string | null;
  /** A complaint's complainant when a member lodged it. */
  readonly complainantMemberId: string | null;
}

/** The read side of recipient resolution (activities/notifications/recipient.resolver.ts): rows only, rules there. */
export class NotificationRecipientsRepository {
  constructor(private readonly dataSource: DataSource) {}

  workItemOwner(workItemId: string): Promise<WorkItemOwnerRow | null> {
    return selectOne<WorkItemOwnerRow>(
      this.dataSource,
      `SELECT owner_staff_id AS "ownerStaffId", owner_team_id AS "ownerTeamId", owner_role AS "ownerRole" FROM work_items WHERE id = $1`,
      [workItemId],
    );
  }

  /** The newest item of a case's task (the episode's), when the notice names a task but no item. */
  openWorkItemOfTask(caseId: string, taskKey: string): Promise<WorkItemOwnerRow | null> {
    return selectOne<WorkItemOwnerRow>(
      this.dataSource,
      `SELECT owner_staff_id AS "ownerStaffId", owner_team_id AS "ownerTeamId", owner_role AS "ownerRole" FROM work_items
        WHERE case_id = $1 AND task_key = $2 AND source = 'case' ORDER BY opened_at DESC LIMIT 1`,
      [caseId, taskKey],
    );
  }

  subjectOf(id: string): Promise<NotificationSubjectRow | null> {
    return selectOne<NotificationSubjectRow>(
      this.dataSource,
      `SELECT c.care_manager_id AS "careManagerId", c.team_id AS "teamId", c.member_id AS "memberId", s.complainant AS "complainantMemberId"
         FROM (SELECT $1::varchar AS case_id, NULL::varchar AS complainant
               UNION ALL SELECT case_id, NULL FROM utilization_reviews WHERE id = $1
               UNION ALL SELECT case_id, CASE WHEN complainant_kind = 'member' THEN complainant_id END FROM complaints WHERE id = $1) s
         LEFT JOIN cases c ON c.id = s.case_id
        WHERE c.id IS NOT NULL OR s.complainant IS NOT NULL
        LIMIT 1`,
      [id],
    );
  }

  /** Active staff of a role, in one team or (teamId null) everywhere. */
  staffWithRole(role: string, teamId: string | null): Promise<StaffContactRow[]> {
    return selectRows<StaffContactRow>(
      this.dataSource,
      `SELECT id, email, phone, languages FROM staff WHERE active AND role = $1 AND ($2::varchar IS NULL OR team = $2) ORDER BY id`,
      [role, teamId],
    );
  }

  staffById(id: string): Promise<StaffContactRow | null> {
    return selectOne<StaffContactRow>(this.dataSource, `SELECT id, email, phone, languages FROM staff WHERE id = $1 AND active`, [id]);
  }
}

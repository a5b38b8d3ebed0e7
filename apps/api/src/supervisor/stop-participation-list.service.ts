import { Injectable } from '@nestjs/common';
import type { ListPage, StopParticipationListItem } from '@careloop/contracts';
import { WorkListsRepository, type CaseListScope } from '@careloop/persistence';
import { decodePosition, encodePosition } from '../common/page-cursor';
import type { StopParticipationQuery } from './dto/stop-participation.query';

const LIST = 'stop-participation-requests';

/**
 * Providers' open requests that the patient stop participating (seed 000),
 * soonest decision first: the cases' open `stop_participation_review` tasks
 * in Postgres. Deciding one is `POST /supervisor/cases/:id/stop-participation-requests/:rid/decision`.
 */
@Injectable()
export class StopParticipationListService {
  constructor(private readonly lists: WorkListsRepository) {}

  async list(q: StopParticipationQuery, scope: CaseListScope | undefined, now = Date.now()): Promise<ListPage<StopParticipationListItem>> {
    const limit = q.limit ?? 50;
    const rows = await this.lists.stopParticipationRequests({ teamId: q.team, scope }, decodePosition(LIST, q.cursor), limit);
    const last = rows.at(-1);
    return {
      items: rows.map((r) => ({
        caseId: r.caseId,
        requestId: r.requestId,
        providerId: r.providerId,
        programCode: r.programCode,
        teamId: r.teamId,
        careManagerId: r.careManagerId,
        receivedAt: r.receivedAt.toISOString(),
        decisionDueAt: r.decisionDueAt.toISOString(),
        overdue: r.decisionDueAt.getTime() < now,
      })),
      nextCursor: rows.length === limit && last ? encodePosition(LIST, last.decisionDueAt.toISOString(), `${last.caseId}/stop-participation-${last.requestId}`) : null,
    };
  }
}

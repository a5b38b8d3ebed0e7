import { Injectable } from '@nestjs/common';
import type { ComplaintListItem, ListPage } from '@careloop/contracts';
import { WorkListsRepository } from '@careloop/persistence';
import { decodePosition, encodePosition } from '../common/page-cursor';
import { OPEN_COMPLAINT_STATUSES, type ListComplaintsQuery } from './dto/list-complaints.query';

const LIST = 'complaints';

/**
 * `GET /complaints`: the stored views (the PHI-free view `GET /complaints/:id`
 * falls back to), next due first, with which window has passed at `now`.
 */
@Injectable()
export class ComplaintListService {
  constructor(private readonly lists: WorkListsRepository) {}

  async list(q: ListComplaintsQuery, now = Date.now()): Promise<ListPage<ComplaintListItem>> {
    const limit = q.limit ?? 50;
    const views = await this.lists.complaints({ statuses: q.status ? [q.status] : OPEN_COMPLAINT_STATUSES, overdue: q.overdue }, decodePosition(LIST, q.cursor), limit);
    const last = views.at(-1);
    return {
      items: views.map((v) => {
        const acknowledgementOverdue = v.status === 'received' && Date.parse(v.acknowledgeBy) < now;
        const resolutionOverdue = v.status !== 'resolved' && Date.parse(v.resolveBy) < now;
        return { ...v, acknowledgementOverdue, resolutionOverdue, overdue: acknowledgementOverdue || resolutionOverdue };
      }),
      // The position is the sort key the repository orders by: the acknowledgement while received, else the resolution.
      nextCursor: views.length === limit && last ? encodePosition(LIST, last.status === 'received' ? last.acknowledgeBy : last.resolveBy, last.complaintId) : null,
    };
  }
}

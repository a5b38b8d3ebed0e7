import { Injectable } from '@nestjs/common';
import type { DecisionClock, ListPage, UtilizationReviewListItem, UtilizationReviewView } from '@careloop/contracts';
import { WorkListsRepository } from '@careloop/persistence';
import { decodePosition, encodePosition } from '../common/page-cursor';
import { PolicyRegistry } from '../policies/policy-registry';
import { OPEN_UR_STATUSES, type ListUtilizationReviewsQuery } from './dto/list-utilization-reviews.query';

const UR_LIST = 'utilization-reviews';
const RUNNING: readonly string[] = ['in_review', 'appeal_review'];

/**
 * The reviewer's queue (`GET /utilization-reviews`), from the views the
 * workflows store in Postgres (the same PHI-free view `GET /utilization-reviews/:id`
 * falls back to), with the decision clock worked out at `now`.
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly lists: WorkListsRepository,
    private readonly policies: PolicyRegistry,
  ) {}

  /** `providerId`: a provider's own submissions only. */
  async utilizationReviews(q: ListUtilizationReviewsQuery, providerId: string | undefined, now = Date.now()): Promise<ListPage<UtilizationReviewListItem>> {
    const limit = q.limit ?? 50;
    const views = await this.lists.utilizationReviews(
      { statuses: q.status ? [q.status] : OPEN_UR_STATUSES, urgency: q.urgency, overdue: q.overdue, providerId },
      decodePosition(UR_LIST, q.cursor),
      limit,
    );
    const last = views.at(-1);
    return {
      items: views.map((v) => ({ ...v, clock: this.clock(v, now) })),
      nextCursor: views.length === limit && last ? encodePosition(UR_LIST, last.decisionDueAt, last.reviewId) : null,
    };
  }

  /** The decision clock: running while in review (or appeal review) with a due time; else stopped with what was left. */
  private clock(v: UtilizationReviewView, now: number): DecisionClock {
    const policy = this.policies.reviews.utilizationReview;
    const windowMs = (v.status === 'appeal_review' ? policy.appealDecisionMs : policy.decisionMs)[v.urgency];
    const running = RUNNING.includes(v.status) && v.decisionDueAt !== null;
    const remainingMs = running ? Date.parse(v.decisionDueAt!) - now : v.remainingMs;
    return { dueAt: v.decisionDueAt, windowMs, stopped: !running, remainingMs, overdue: running && remainingMs < 0 };
  }
}

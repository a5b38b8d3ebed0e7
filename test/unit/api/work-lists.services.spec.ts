import type { UtilizationReviewView } from '@careloop/contracts';
import type { StoredDischarge, WorkListsRepository } from '@careloop/persistence';
import { DischargeListService } from '../../../apps/api/src/discharges/discharge-list.service';
import { ReviewQueueService } from '../../../apps/api/src/utilization-reviews/review-queue.service';
import { PolicyRegistry } from '../../../apps/api/src/policies/policy-registry';
import type { ApiConfig } from '../../../apps/api/src/api.config';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const policies = new PolicyRegistry({} as ApiConfig);
/** A repository that answers the given rows (the SQL is tested against Postgres in test/e2e/work-lists.spec.ts). */
const lists = (rows: { discharges?: StoredDischarge[]; reviews?: UtilizationReviewView[] }) =>
  ({ discharges: () => Promise.resolve(rows.discharges ?? []), utilizationReviews: () => Promise.resolve(rows.reviews ?? []) }) as unknown as WorkListsRepository;

describe('the review queue: the decision clock of each review', () => {
  const now = Date.UTC(2040, 0, 10, 12);
  const review = (over: Partial<UtilizationReviewView>): UtilizationReviewView =>
    ({ reviewId: 'ur-1', urgency: 'standard', status: 'in_review', decisionDueAt: null, clockStopped: false, remainingMs: 0, ...over }) as UtilizationReviewView;

  it('runs while in review: time left now, overdue once past; the window is the policy one for the urgency', async () => {
    const due = new Date(now + 2 * HOUR_MS).toISOString();
    const late = new Date(now - HOUR_MS).toISOString();
    const page = await new ReviewQueueService(lists({ reviews: [review({ decisionDueAt: due }), review({ urgency: 'expedited', decisionDueAt: late })] }), policies).utilizationReviews({}, undefined, now);
    expect(page.items.map((i) => i.clock)).toEqual([
      { dueAt: due, windowMs: 7 * DAY_MS, stopped: false, remainingMs: 2 * HOUR_MS, overdue: false },
      { dueAt: late, windowMs: 72 * HOUR_MS, stopped: false, remainingMs: -HOUR_MS, overdue: true },
    ]);
  });

  it('is stopped while pended (what was left when it stopped) and after the decision; an appeal counts the appeal window', async () => {
    const page = await new ReviewQueueService(
      lists({ reviews: [review({ status: 'pended', clockStopped: true, remainingMs: 5 * DAY_MS }), review({ status: 'closed', remainingMs: 0 }), review({ status: 'appeal_review', decisionDueAt: new Date(now + DAY_MS).toISOString() })] }),
      policies,
    ).utilizationReviews({}, undefined, now);
    expect(page.items.map((i) => [i.clock.stopped, i.clock.remainingMs, i.clock.overdue, i.clock.windowMs])).toEqual([
      [true, 5 * DAY_MS, false, 7 * DAY_MS],
      [true, 0, false, 7 * DAY_MS],
      [false, DAY_MS, false, 30 * DAY_MS],
    ]);
  });
});

describe('the discharge list: task status and deadlines', () => {
  const stored = (over: Partial<StoredDischarge>): StoredDischarge => ({
    dischargeId: 'discharge-1',
    caseId: 'case-ccm-1',
    programCode: 'CCM',
    format: 'json',
    // A Monday in the default calendar's zone, far from holidays.
    dischargedAt: new Date(Date.UTC(2040, 2, 5, 15)),
    cancelledAt: null,
    teamId: null,
    careManagerId: null,
    status: 'in_progress',
    overdue: true,
    done: ['pcp_informed'],
    missed: ['member_contact'],
    escalated: ['member_contact', 'follow_up_visit'],
    ...over,
  });

  it('done wins, escalated over missed; the deadlines are the schedule of the discharge time', async () => {
    const [item] = (await new DischargeListService(lists({ discharges: [stored({})] }), policies).list({}, undefined)).items;
    expect(item!.tasks.map((t) => [t.task, t.status, t.overdue])).toEqual([
      ['member_contact', 'escalated', true],
      ['medication_reconciliation', 'open', false],
      ['follow_up_visit', 'escalated', true],
      ['pcp_informed', 'done', false],
    ]);
    const due = Object.fromEntries(item!.tasks.map((t) => [t.task, Date.parse(t.dueAt) - Date.UTC(2040, 2, 5, 15)]));
    expect(due.follow_up_visit).toBeGreaterThanOrEqual(7 * DAY_MS - DAY_MS);
    expect(due.medication_reconciliation).toBeGreaterThan(due.follow_up_visit!);
  });

  it("the sender's cancellation cancels what was not done or escalated, and nothing is overdue", async () => {
    const [item] = (await new DischargeListService(lists({ discharges: [stored({ cancelledAt: new Date(Date.UTC(2040, 2, 6)), status: 'cancelled', overdue: false })] }), policies).list({}, undefined)).items;
    expect(item!.tasks.map((t) => [t.task, t.status, t.overdue])).toEqual([
      ['member_contact', 'escalated', false],
      ['medication_reconciliation', 'cancelled', false],
      ['follow_up_visit', 'escalated', false],
      ['pcp_informed', 'done', false],
    ]);
  });
});

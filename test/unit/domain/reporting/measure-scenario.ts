import type { CaseFacts, ComplaintFacts, DischargeFacts, MeasureInput, ReportPeriod, ReviewDecisionFact, ReviewFacts } from '@careloop/domain';
import { CaseBuilder, complaint, discharge, review } from './measure-fixtures';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** A deterministic pseudo-random sequence (no clock, no Math.random): the same seed, the same scenario. */
class Lcg {
  constructor(private state: number) {}
  next(): number {
    this.state = (Math.imul(this.state, 1_664_525) + 1_013_904_223) >>> 0;
    return this.state / 2 ** 32;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * A year-like mix of cases, discharges, reviews and complaints starting at `fromMs` and spread over
 * `spanDays` days: every event kind the engine reads, on times that fall on all sides of the dues.
 */
export function scenario(seed: number, size: number, fromMs: number, spanDays: number): Omit<MeasureInput, 'period'> {
  const r = new Lcg(seed);
  const cases: CaseFacts[] = [];
  const discharges: DischargeFacts[] = [];
  const reviews: ReviewFacts[] = [];
  const complaints: ComplaintFacts[] = [];
  const programs = ['cm', 'bh'];
  const teams = ['team-a', 'team-b', null];
  for (let i = 0; i < size; i++) {
    const programCode = r.pick(programs);
    const teamId = r.pick(teams);
    const b = new CaseBuilder(`case-${i}`, { programCode, teamId });
    const episodes = r.chance(0.1) ? 2 : 1;
    let t = fromMs + r.int(spanDays) * DAY + r.int(24) * HOUR;
    for (let e = 0; e < episodes; e++) {
      b.episode(`case-${i}-ep-${e}`);
      const enrolled = iso(t - r.int(5) * DAY).slice(0, 10);
      b.opened(iso(t), enrolled);
      const cm = r.chance(0.8) ? `cm-${r.int(12)}` : null;
      for (let a = 1; a <= r.int(4); a++) {
        t += r.int(20) * DAY + HOUR;
        b.ev(iso(t), 'attempt_recorded', { number: a, outcome: r.pick(['no_answer', 'wrong_number', 'reached', 'declined', 'timed_out']), note: 'private note' });
      }
      if (r.chance(0.15)) {
        b.closed(iso(t + r.int(60) * DAY), r.pick(['deceased', 'unable_to_reach', 'disenrolled', 'member_declined', 'goals_met']));
        t += 61 * DAY;
        continue;
      }
      t += r.int(100) * DAY + HOUR;
      b.screened(iso(t), r.pick(['low', 'medium', 'high']));
      if (cm) b.ev(iso(t + HOUR), 'care_manager_assigned', { careManagerId: cm, languageMatch: true });
      b.task(iso(t + HOUR), 'assessment', 'assessment', iso(t + 14 * DAY));
      if (r.chance(0.2)) {
        b.ev(iso(t + 3 * DAY), 'task_suspended', { key: 'assessment', remainingMs: 11 * DAY });
        if (r.chance(0.7)) b.ev(iso(t + 9 * DAY), 'task_resumed', { key: 'assessment', dueAt: iso(t + 20 * DAY) });
      }
      if (r.chance(0.2)) b.ev(iso(t + 5 * DAY), 'task_rescheduled', { key: 'assessment', from: iso(t + 14 * DAY), dueAt: iso(t + 25 * DAY), reason: null });
      t += r.int(30) * DAY + HOUR;
      b.closeTask(iso(t), 'assessment', r.chance(0.9) ? 'done' : 'cancelled');
      if (r.chance(0.5)) b.ev(iso(t), 'assessment_submitted', { answers: {}, risk: { tier: r.pick(['low', 'medium', 'high']), score: 3, reasons: [] } });
      b.task(iso(t + HOUR), 'care-plan', 'care_plan', iso(t + 30 * DAY));
      t += r.int(40) * DAY + HOUR;
      b.closeTask(iso(t), 'care-plan', 'done');
      b.ev(iso(t), 'plan_consented', {
        version: 1,
        consent: { consentGiven: r.chance(0.9), consentedBy: r.pick(['member', 'representative']), memberInvolved: r.chance(0.8), familyOrGuardianInvolved: false },
      });
      b.ev(iso(t), 'phase_changed', { from: 'care_planning', to: 'recovery_support', closureReason: null });
      if (r.chance(0.3)) b.ev(iso(t + DAY), 'care_manager_reassigned', { from: cm, to: `cm-${r.int(12)}`, reason: 'caseload' });
      let u = t;
      for (let c = 1; c <= 1 + r.int(8); c++) {
        const due = u + (7 + r.int(25)) * DAY;
        b.task(iso(u), `contact-${c}`, 'contact', iso(due));
        u = due + (r.int(10) - 5) * DAY;
        b.closeTask(iso(Math.max(u, t + HOUR)), `contact-${c}`, r.chance(0.9) ? 'done' : 'timed_out');
        if (r.chance(0.6)) b.ev(iso(Math.max(u, t + HOUR) + HOUR), 'committee_update_sent', { update: { narrative: 'private' } });
      }
      t = Math.max(u, t + HOUR) + 2 * HOUR;
      if (r.chance(0.3)) b.closed(iso(t), 'goals_met');
      t += r.int(30) * DAY;
    }
    cases.push(b.build());

    if (r.chance(0.3)) {
      const at = fromMs + r.int(spanDays) * DAY + r.int(24) * HOUR;
      const done = () => ({ doneAt: r.chance(0.8) ? iso(at + r.int(40) * DAY + r.int(24) * HOUR) : null });
      discharges.push(
        discharge(`dis-${i}`, iso(at), { member_contact: done(), follow_up_visit: done(), medication_reconciliation: done(), pcp_informed: done() }, {
          caseId: `case-${i}`,
          programCode,
          teamId,
          cancelledAt: r.chance(0.1) ? iso(at + r.int(10) * DAY) : null,
        }),
      );
    }
    if (r.chance(0.3)) {
      const received = fromMs + r.int(spanDays) * DAY + r.int(24) * HOUR;
      const urgency = r.pick(['standard', 'expedited'] as const);
      const dueMs = received + (urgency === 'standard' ? 7 * DAY : 72 * HOUR) + (r.chance(0.2) ? 5 * DAY : 0);
      const decidedMs = received + r.int(urgency === 'standard' ? 9 * 24 : 96) * HOUR + HOUR;
      const kind = r.pick(['approved', 'denied', 'partially_approved']);
      const decisions: ReviewDecisionFact[] = r.chance(0.9) ? [{ level: 'initial', kind, reason: r.chance(0.8) ? 'criteria not met' : ' ', decidedAt: iso(decidedMs), dueAt: iso(dueMs), onTime: decidedMs <= dueMs }] : [];
      if (decisions.length && kind !== 'approved' && r.chance(0.5)) {
        const appealMs = decidedMs + r.int(20) * DAY + HOUR;
        decisions.push({ level: 'appeal', kind: r.pick(['approved', 'denied']), reason: 'on appeal', decidedAt: iso(appealMs), dueAt: iso(appealMs + DAY), onTime: true });
      }
      reviews.push(review(`rev-${i}`, urgency, iso(received), decisions, { programCode, teamId, decisionDueAt: iso(dueMs) }));
    }
    if (r.chance(0.1)) {
      const received = fromMs + r.int(spanDays) * DAY;
      const ackBy = received + 5 * DAY;
      const resolveBy = received + 30 * DAY;
      complaints.push(
        complaint(
          `cmp-${i}`,
          {
            acknowledgeBy: iso(ackBy),
            acknowledgedAt: r.chance(0.9) ? iso(received + r.int(7) * DAY + HOUR) : null,
            resolveBy: iso(resolveBy),
            resolvedAt: r.chance(0.8) ? iso(received + r.int(40) * DAY + HOUR) : null,
          },
          { programCode, teamId, receivedAt: iso(received) },
        ),
      );
    }
  }
  return { cases, discharges, reviews, complaints };
}

/** What a loader that reads nothing after `period.end` would return for the same facts. */
export function truncated(facts: Omit<MeasureInput, 'period'>, period: ReportPeriod): MeasureInput {
  const end = Date.parse(period.end);
  const upTo = (at: string | null) => (at !== null && Date.parse(at) <= end ? at : null);
  return {
    period,
    cases: facts.cases.map((c) => ({ ...c, events: c.events.filter((e) => Date.parse(e.at) <= end) })),
    discharges: facts.discharges
      .filter((d) => Date.parse(d.dischargedAt) <= end)
      .map((d) => ({
        ...d,
        cancelledAt: upTo(d.cancelledAt),
        tasks: Object.fromEntries(Object.entries(d.tasks).map(([task, v]) => [task, { doneAt: upTo(v?.doneAt ?? null) }])),
      })),
    reviews: facts.reviews.filter((r) => Date.parse(r.receivedAt) <= end).map((r) => ({ ...r, decisions: r.decisions.filter((d) => Date.parse(d.decidedAt) <= end) })),
    complaints: facts.complaints.filter((c) => Date.parse(c.receivedAt) <= end).map((c) => ({ ...c, acknowledgedAt: upTo(c.acknowledgedAt), resolvedAt: upTo(c.resolvedAt) })),
  };
}

import {
  clockDueAt,
  clockRemainingMs,
  decisionProblems,
  escalationDueAt,
  isAppealable,
  missingItems,
  restartClock,
  startClock,
  stopClock,
  type DecisionClock,
  type TreatmentRequest,
  type UrDecision,
  type UrRequiredItem,
} from '@careloop/domain';
import type {
  AppealReviewInput,
  DecideReviewInput,
  NotificationRequest,
  SupplyInformationInput,
  UrActionResult,
  UrDecisionView,
  UrStatus,
  UtilizationReviewInput,
  UtilizationReviewRecord,
  UtilizationReviewView,
} from '@careloop/contracts';
import { CaseRuleViolation } from './shared/case-rule-violation';
import { EffectQueue } from './review-effects';
import type { ReviewSearchable } from './review-search-attributes';

const addMs = (iso: string, ms: number): string => new Date(Date.parse(iso) + ms).toISOString();

/**
 * One utilization review (seed 004) and every rule about how it moves:
 * completeness (pend for what is missing, clock stopped), clinical review
 * with a decision by the deadline (warned before it, escalated at it),
 * notices to provider and member, and one appeal. Deterministic: time is
 * passed in. `check*` methods are update validators (PHI-free reasons).
 */
export class UtilizationReviewState {
  readonly effects = new EffectQueue();
  private status: UrStatus = 'in_review';
  private readonly request: { -readonly [K in keyof TreatmentRequest]: TreatmentRequest[K] };
  private clock: DecisionClock;
  private pend: { missing: UrRequiredItem[]; requestedAt: string; dueAt: string } | null = null;
  private pends = 0;
  private escalated: { near: string | null; missed: string | null } = { near: null, missed: null };
  private readonly decisions: UrDecisionView[] = [];
  private appealableUntil: string | null = null;

  private constructor(
    readonly id: string,
    private readonly input: UtilizationReviewInput,
    private readonly receivedAt: string,
  ) {
    this.request = { ...input.request, diagnosisCodes: [...input.request.diagnosisCodes], documents: [...input.request.documents] };
    this.clock = startClock(input.policy.utilizationReview.decisionMs[input.urgency], receivedAt);
  }

  /** Receipt: acknowledged to the provider, shown on the member's case, then checked for completeness. */
  static open(id: string, input: UtilizationReviewInput, now: string): UtilizationReviewState {
    const ur = new UtilizationReviewState(id, input, now);
    // The receipt names the deadline only when the clock will run; a pended request is told what is missing next.
    const complete = missingItems(ur.request).length === 0;
    ur.notify('received', 'provider', 'ur_request_received', { decisionDueAt: complete ? clockDueAt(ur.clock) : null });
    ur.caseEvent('requested', 'utilization_review_requested', `utilization review ${id} (${input.urgency}) requested`, now);
    ur.checkCompleteness(now);
    ur.effects.changed();
    return ur;
  }

  get isClosed(): boolean {
    return this.status === 'closed';
  }
  get currentStatus(): UrStatus {
    return this.status;
  }
  get version(): number {
    return this.effects.version;
  }
  get pendDueAt(): string | null {
    return this.pend?.dueAt ?? null;
  }
  get appealWindowEndsAt(): string | null {
    return this.appealableUntil;
  }

  private get policy() {
    return this.input.policy.utilizationReview;
  }
  private get level(): 'initial' | 'appeal' {
    return this.status === 'appeal_review' ? 'appeal' : 'initial';
  }
  get decisionDueAt(): string | null {
    return clockDueAt(this.clock);
  }
  /** When the supervisor is warned that the deadline nears (the decision's target time). */
  get nearDeadlineAt(): string | null {
    return escalationDueAt(this.clock, this.policy.escalateBeforeMs[this.input.urgency]);
  }

  /** The next time the review acts on its own while in review: warn before the deadline, escalate at it. */
  get nextEscalationAt(): string | null {
    if (this.escalated.near === null) {
      return this.nearDeadlineAt;
    }
    return this.escalated.missed === null ? this.decisionDueAt : null;
  }

  // ---- completeness ------------------------------------------------------------------------

  /** Pends (clock stopped) for what is missing, or sends the request on to clinical review (clock running). */
  private checkCompleteness(now: string): void {
    const missing = missingItems(this.request);
    if (missing.length === 0) {
      this.toReview(now);
      return;
    }
    const fresh = this.pend === null;
    this.status = 'pended';
    this.clock = stopClock(this.clock, now);
    this.pend = fresh ? { missing, requestedAt: now, dueAt: addMs(now, this.policy.pendResponseMs) } : { ...this.pend!, missing };
    if (fresh) {
      this.pends++;
      this.notify(`pend-${this.pends}`, 'provider', 'ur_information_requested', { missing: missing.join(','), dueAt: this.pend.dueAt });
    }
  }

  private toReview(now: string): void {
    this.status = 'in_review';
    this.pend = null;
    this.clock = restartClock(this.clock, now);
  }

  checkSupplyInformation(_input: SupplyInformationInput): void {
    this.require(['pended'], 'send missing information');
  }

  supplyInformation(input: SupplyInformationInput, now: string): UrActionResult {
    this.checkSupplyInformation(input);
    this.request.diagnosisCodes = [...this.request.diagnosisCodes, ...(input.diagnosisCodes ?? [])];
    this.request.documents = [...this.request.documents, ...(input.documents ?? [])];
    this.checkCompleteness(now);
    this.effects.changed();
    return this.result();
  }

  /** The provider's window ended: the request is reviewed on the information at hand, and the clock runs again. */
  pendExpired(now: string): void {
    this.notify(`pend-${this.pends}-expired`, 'provider', 'ur_information_window_closed', { missing: this.pend!.missing.join(',') });
    this.toReview(now);
    this.effects.changed();
  }

  // ---- clinical review and decision ----------------------------------------------------------

  checkDecide(input: DecideReviewInput): void {
    this.require(['in_review', 'appeal_review'], 'decide');
    const problems = decisionProblems(input.decision, this.request.quantity);
    if (problems.length) {
      throw new CaseRuleViolation(problems.map((p) => `${p.field}: ${p.reason}`).join('; '));
    }
    const initial = this.decisions.find((d) => d.level === 'initial');
    if (this.status === 'appeal_review' && initial?.reviewerId === input.actorId) {
      throw new CaseRuleViolation('an appeal is decided by someone other than the reviewer of the initial decision');
    }
  }

  decide(input: DecideReviewInput, now: string): UrActionResult {
    this.checkDecide(input);
    const level = this.level;
    const dueAt = this.decisionDueAt!;
    this.decisions.push({ level, decision: input.decision, reviewerId: input.actorId, decidedAt: now, dueAt, onTime: now <= dueAt });
    this.clock = stopClock(this.clock, now);
    const appealable = level === 'initial' && isAppealable(input.decision);
    this.appealableUntil = appealable ? addMs(now, this.policy.appealWindowMs) : null;
    this.status = appealable ? 'decided' : 'closed';
    const params = { level, decision: input.decision.kind, approvedQuantity: approvedQuantity(input.decision, this.request.quantity), appealableUntil: this.appealableUntil };
    this.notify(`decision-${level}-provider`, 'provider', 'ur_decision_notice', params);
    this.notify(`decision-${level}-member`, 'member', 'ur_decision_notice', params);
    this.caseEvent(`decision-${level}`, 'utilization_review_decided', `utilization review ${this.id}: ${level} decision ${input.decision.kind}`, now);
    this.effects.changed();
    return this.result();
  }

  /** Warns the supervisor as the deadline nears, and escalates once it has passed. */
  escalate(now: string): void {
    const level = this.level;
    const dueAt = this.decisionDueAt!;
    if (this.escalated.near === null) {
      this.escalated.near = now;
      this.notify(`escalation-${level}-near`, 'supervisor', 'ur_decision_deadline_near', { level, urgency: this.input.urgency, dueAt });
    }
    if (this.escalated.missed === null && now >= dueAt) {
      this.escalated.missed = now;
      this.notify(`escalation-${level}-missed`, 'supervisor', 'ur_decision_overdue', { level, urgency: this.input.urgency, dueAt });
    }
    this.effects.changed();
  }

  // ---- appeal ------------------------------------------------------------------------------

  checkAppeal(_input: AppealReviewInput, now: string): void {
    this.require(['decided'], 'appeal');
    if (this.appealableUntil !== null && now > this.appealableUntil) {
      throw new CaseRuleViolation(`the appeal window ended at ${this.appealableUntil}`);
    }
  }

  /** Reopens review with the appeal's own deadline (policy), escalations counted afresh. */
  appeal(input: AppealReviewInput, now: string): UrActionResult {
    this.checkAppeal(input, now);
    this.request.documents = [...this.request.documents, ...(input.documents ?? [])];
    this.status = 'appeal_review';
    this.appealableUntil = null;
    this.clock = startClock(this.policy.appealDecisionMs[this.input.urgency], now);
    this.escalated = { near: null, missed: null };
    this.notify('appeal-received', 'provider', 'ur_appeal_received', { decisionDueAt: this.decisionDueAt });
    this.caseEvent('appeal', 'utilization_review_appealed', `utilization review ${this.id}: appealed`, now);
    this.effects.changed();
    return this.result();
  }

  /** Nobody appealed in time: the review is final. */
  appealWindowClosed(): void {
    this.status = 'closed';
    this.appealableUntil = null;
    this.effects.changed();
  }

  // ---- reading -----------------------------------------------------------------------------

  view(now: string): UtilizationReviewView {
    return {
      reviewId: this.id,
      providerId: this.input.providerId,
      caseId: this.input.caseId,
      urgency: this.input.urgency,
      serviceCode: this.request.serviceCode,
      quantity: this.request.quantity,
      status: this.status,
      policyVersion: this.input.policy.version,
      receivedAt: this.receivedAt,
      pend: this.pend,
      decisionDueAt: this.decisionDueAt,
      clockStopped: this.clock.runningSince === null,
      remainingMs: clockRemainingMs(this.clock, now),
      escalatedAt: { ...this.escalated },
      decisions: [...this.decisions],
      appealableUntil: this.appealableUntil,
      documentCount: this.request.documents.length,
    };
  }

  record(now: string): UtilizationReviewRecord {
    return { version: this.version, memberRef: this.input.memberRef, request: this.request, view: this.view(now) };
  }

  /** Visibility: a decision is due by the near-deadline warning (what supervisors see as overdue); a pended request by the provider's window. */
  searchable(): ReviewSearchable {
    const inReview = this.status === 'in_review' || this.status === 'appeal_review';
    return {
      phase: 'utilization_review',
      step: this.status,
      programCode: this.input.programCode,
      nextDueAt: inReview ? this.nearDeadlineAt : this.pendDueAt,
      nextDueKind: inReview ? 'ur_decision' : this.status === 'pended' ? 'ur_missing_information' : null,
      flags: inReview ? [...(this.escalated.near ? ['ur_deadline_near'] : []), ...(this.escalated.missed ? ['ur_deadline_missed'] : [])] : [],
    };
  }

  private result(): UrActionResult {
    return { status: this.status, decisionDueAt: this.decisionDueAt };
  }

  private require(statuses: UrStatus[], action: string): void {
    if (!statuses.includes(this.status)) {
      throw new CaseRuleViolation(`cannot ${action} while the review is ${this.status}; it must be ${statuses.join(' or ')}`);
    }
  }

  /** Notices keyed by review id + step: a retried activity or a replay sends each once. */
  private notify(step: string, audience: NotificationRequest['audience'], template: string, params: NotificationRequest['params']): void {
    const channel = audience === 'member' ? 'letter' : audience === 'provider' ? 'portal' : 'task_queue';
    this.effects.notify({ key: `${this.id}:${step}:${audience}`, caseId: this.id, audience, channel, template, params: { reviewId: this.id, ...params } });
  }

  private caseEvent(step: string, kind: string, summary: string, now: string): void {
    this.effects.caseEvent(this.input.caseId, { key: `${this.id}:${step}`, source: 'utilization_review', kind, summary, occurredAt: now, reference: this.id });
  }
}

function approvedQuantity(decision: UrDecision, requested: number): number {
  return decision.kind === 'approved' ? requested : decision.kind === 'partially_approved' ? decision.approvedQuantity : 0;
}

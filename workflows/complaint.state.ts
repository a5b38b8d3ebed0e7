import { complaintDueDates } from '@careloop/domain';
import type {
  AcknowledgeComplaintInput,
  ComplaintActionResult,
  ComplaintInput,
  ComplaintRecord,
  ComplaintStatus,
  ComplaintView,
  NotificationRequest,
  ResolveComplaintInput,
} from '@careloop/contracts';
import { CaseRuleViolation } from './shared/case-rule-violation';
import { EffectQueue } from './review-effects';
import type { ReviewSearchable } from './review-search-attributes';

/**
 * One complaint (seed 000) and its rules. On receipt the complainant is
 * sent the acknowledgement of receipt with the complaint-process
 * instructions at once (seed 000: "receive instructions [on] the complaint
 * process"); a staff member then acknowledges it (takes ownership) within
 * the policy window, and it is resolved by its due date. Both windows count
 * from receipt; each, once missed, is escalated to the supervisor once.
 */
export class ComplaintState {
  readonly effects = new EffectQueue();
  private status: ComplaintStatus = 'received';
  private readonly due: { acknowledgeBy: string; resolveBy: string };
  private acknowledged: { at: string; by: string } | null = null;
  private resolved: { at: string; outcome: ResolveComplaintInput['outcome']; resolution: string } | null = null;
  private readonly escalated: { acknowledgement: string | null; resolution: string | null } = { acknowledgement: null, resolution: null };

  private constructor(
    readonly id: string,
    private readonly input: ComplaintInput,
    private readonly receivedAt: string,
  ) {
    this.due = complaintDueDates(receivedAt, input.policy.complaints);
  }

  static open(id: string, input: ComplaintInput, now: string): ComplaintState {
    const c = new ComplaintState(id, input, now);
    c.notifyComplainant('received', 'complaint_received', { acknowledgeBy: c.due.acknowledgeBy, resolveBy: c.due.resolveBy, instructions: 'complaint-process' });
    c.caseEvent('received', 'complaint_received', `complaint ${id} received (${input.channel}, from ${input.complainant.kind})`, now);
    c.effects.changed();
    return c;
  }

  get isResolved(): boolean {
    return this.status === 'resolved';
  }
  get currentStatus(): ComplaintStatus {
    return this.status;
  }
  get version(): number {
    return this.effects.version;
  }

  /** The next missed window to escalate: acknowledgement (until acknowledged), then resolution. */
  get nextEscalationAt(): string | null {
    if (this.status === 'received' && this.escalated.acknowledgement === null) {
      return this.due.acknowledgeBy;
    }
    return this.status !== 'resolved' && this.escalated.resolution === null ? this.due.resolveBy : null;
  }

  escalate(now: string): void {
    if (this.status === 'received' && this.escalated.acknowledgement === null && now >= this.due.acknowledgeBy) {
      this.escalated.acknowledgement = now;
      this.notifySupervisor('acknowledgement-overdue', 'complaint_acknowledgement_overdue', { dueAt: this.due.acknowledgeBy });
    }
    if (this.escalated.resolution === null && now >= this.due.resolveBy) {
      this.escalated.resolution = now;
      this.notifySupervisor('resolution-overdue', 'complaint_resolution_overdue', { dueAt: this.due.resolveBy });
    }
    this.effects.changed();
  }

  checkAcknowledge(_input: AcknowledgeComplaintInput): void {
    if (this.status !== 'received') {
      throw new CaseRuleViolation(`the complaint is already ${this.status}`);
    }
  }

  acknowledge(input: AcknowledgeComplaintInput, now: string): ComplaintActionResult {
    this.checkAcknowledge(input);
    this.status = 'acknowledged';
    this.acknowledged = { at: now, by: input.actorId };
    this.notifyComplainant('acknowledged', 'complaint_acknowledged', { acknowledgedBy: input.actorId, resolveBy: this.due.resolveBy });
    this.effects.changed();
    return { status: this.status };
  }

  checkResolve(_input: ResolveComplaintInput): void {
    if (this.status === 'resolved') {
      throw new CaseRuleViolation('the complaint is already resolved');
    }
  }

  /** A complaint may be resolved at once (e.g. on the call it was made): resolving acknowledges it too. */
  resolve(input: ResolveComplaintInput, now: string): ComplaintActionResult {
    this.checkResolve(input);
    this.acknowledged ??= { at: now, by: input.actorId };
    this.status = 'resolved';
    this.resolved = { at: now, outcome: input.outcome, resolution: input.resolution };
    this.notifyComplainant('resolved', 'complaint_resolved', { outcome: input.outcome });
    this.caseEvent('resolved', 'complaint_resolved', `complaint ${this.id} resolved: ${input.outcome}`, now);
    this.effects.changed();
    return { status: this.status };
  }

  view(): ComplaintView {
    return {
      complaintId: this.id,
      channel: this.input.channel,
      complainantKind: this.input.complainant.kind,
      complainantId: this.input.complainant.id,
      subject: this.input.subject,
      caseId: this.input.caseId,
      status: this.status,
      policyVersion: this.input.policy.version,
      receivedAt: this.receivedAt,
      acknowledgeBy: this.due.acknowledgeBy,
      acknowledgedAt: this.acknowledged?.at ?? null,
      acknowledgedBy: this.acknowledged?.by ?? null,
      resolveBy: this.due.resolveBy,
      resolvedAt: this.resolved?.at ?? null,
      outcome: this.resolved?.outcome ?? null,
      escalatedAt: { ...this.escalated },
    };
  }

  record(): ComplaintRecord {
    return { version: this.version, summary: this.input.summary, resolution: this.resolved?.resolution ?? null, view: this.view() };
  }

  searchable(): ReviewSearchable {
    const open = this.status !== 'resolved';
    return {
      phase: 'complaint',
      step: this.status,
      programCode: this.input.programCode,
      nextDueAt: !open ? null : this.status === 'received' ? this.due.acknowledgeBy : this.due.resolveBy,
      nextDueKind: !open ? null : this.status === 'received' ? 'complaint_acknowledgement' : 'complaint_resolution',
      flags: open ? Object.entries(this.escalated).filter(([, at]) => at !== null).map(([k]) => `complaint_${k}_overdue`) : [],
    };
  }

  private notifyComplainant(step: string, template: string, params: NotificationRequest['params']): void {
    const { kind } = this.input.complainant;
    this.effects.notify({
      key: `${this.id}:${step}:${kind}`,
      caseId: this.id,
      audience: kind,
      channel: kind === 'member' ? 'letter' : 'portal',
      template,
      params: { complaintId: this.id, ...params },
    });
  }

  private notifySupervisor(step: string, template: string, params: NotificationRequest['params']): void {
    this.effects.notify({ key: `${this.id}:${step}:supervisor`, caseId: this.id, audience: 'supervisor', channel: 'task_queue', template, params: { complaintId: this.id, ...params } });
  }

  private caseEvent(step: string, kind: string, summary: string, now: string): void {
    this.effects.caseEvent(this.input.caseId, { key: `${this.id}:${step}`, source: 'complaints', kind, summary, occurredAt: now, reference: this.id });
  }
}

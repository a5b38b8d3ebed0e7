import {
  computeMeasures,
  DEFAULT_MEASURE_POLICY,
  type CaseEventFact,
  type CaseFacts,
  type ComplaintFacts,
  type DischargeFacts,
  type MeasureComputation,
  type MeasureFilter,
  type MeasureId,
  type MeasureInput,
  type MeasurePolicy,
  type MeasureRow,
  type MeasureValue,
  type ReportPeriod,
  type ReviewFacts,
} from '@careloop/domain';

/** Hand-built case timelines: events in the order given, seq counted per case. */
export class CaseBuilder {
  private readonly events: CaseEventFact[] = [];
  private episodeId = 'ep-1';

  constructor(
    readonly caseId: string,
    private readonly scope: { memberId?: string; programCode?: string; teamId?: string | null } = {},
  ) {}

  episode(episodeId: string): this {
    this.episodeId = episodeId;
    return this;
  }

  ev(at: string, kind: string, data: Record<string, unknown> = {}): this {
    this.events.push({ episodeId: this.episodeId, seq: this.events.length + 1, at, kind, data: { kind, ...data } });
    return this;
  }

  opened(at: string, enrollmentDate: string): this {
    return this.ev(at, 'case_opened', { runId: this.episodeId, memberRef: 'ref', programCode: this.scope.programCode ?? 'cm', enrollmentDate, policyVersion: 'v1' });
  }

  task(at: string, key: string, taskKind: string, dueAt: string): this {
    return this.ev(at, 'task_opened', { key, taskKind, dueAt });
  }

  closeTask(at: string, key: string, resolution: 'done' | 'timed_out' | 'cancelled'): this {
    return this.ev(at, 'task_closed', { key, resolution });
  }

  screened(at: string, tier: string): this {
    return this.ev(at, 'screening_submitted', { answers: {}, initialRisk: { tier, score: 1, reasons: [] } });
  }

  closed(at: string, reason: string): this {
    return this.ev(at, 'phase_changed', { from: 'screening', to: 'closed', closureReason: reason }).ev(at, 'case_closed', { reason, detail: 'free text never copied' });
  }

  build(): CaseFacts {
    return {
      caseId: this.caseId,
      memberId: this.scope.memberId ?? `mem-${this.caseId}`,
      programCode: this.scope.programCode ?? 'cm',
      teamId: this.scope.teamId === undefined ? 'team-a' : this.scope.teamId,
      events: [...this.events],
    };
  }
}

export function input(period: ReportPeriod, parts: Partial<Omit<MeasureInput, 'period'>> = {}): MeasureInput {
  return { period, cases: [], discharges: [], reviews: [], complaints: [], ...parts };
}

export function compute(inp: MeasureInput, policy: MeasurePolicy = DEFAULT_MEASURE_POLICY, filter: MeasureFilter = {}): MeasureComputation {
  return computeMeasures(inp, policy, filter);
}

export function valueOf(result: MeasureComputation, id: MeasureId): MeasureValue {
  return result.values.find((v) => v.measureId === id)!;
}

export function rowsOf(result: MeasureComputation, id: MeasureId): MeasureRow[] {
  return result.rows.filter((r) => r.measureId === id);
}

/** numerator / denominator / value of one measure, the shape most assertions compare. */
export function counts(result: MeasureComputation, id: MeasureId): { numerator: number; denominator: number; value: number | null } {
  const v = valueOf(result, id);
  return { numerator: v.numerator, denominator: v.denominator, value: v.value };
}

export function stratum(result: MeasureComputation, id: MeasureId, code: string) {
  return valueOf(result, id).strata.find((s) => s.code === code)!;
}

export function discharge(id: string, dischargedAt: string, tasks: DischargeFacts['tasks'], extra: Partial<DischargeFacts> = {}): DischargeFacts {
  return { dischargeId: id, caseId: `case-${id}`, memberId: `mem-${id}`, programCode: 'cm', teamId: 'team-a', dischargedAt, cancelledAt: null, tasks, ...extra };
}

export function review(id: string, urgency: 'standard' | 'expedited', receivedAt: string, decisions: ReviewFacts['decisions'], extra: Partial<ReviewFacts> = {}): ReviewFacts {
  return { reviewId: id, caseId: null, memberId: null, programCode: 'cm', teamId: 'team-a', urgency, receivedAt, decisionDueAt: null, status: 'decided', decisions, ...extra };
}

export function complaint(id: string, f: Pick<ComplaintFacts, 'acknowledgeBy' | 'acknowledgedAt' | 'resolveBy' | 'resolvedAt'>, extra: Partial<ComplaintFacts> = {}): ComplaintFacts {
  return { complaintId: id, caseId: null, memberId: null, programCode: 'cm', teamId: 'team-a', receivedAt: '2026-03-01T09:00:00.000Z', ...f, ...extra };
}

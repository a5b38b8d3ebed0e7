import { Injectable } from '@nestjs/common';
import {
  computeMeasures,
  MEASURES,
  type MeasureComputation,
  type MeasureFilter,
  type MeasureId,
  type MeasureOutcome,
  type MeasurePolicy,
} from '@careloop/domain';
import { isSmallCell, toMeasureValueView, type MeasureMembersView, type MeasureReportView, type MeasureTrendView, type ReportFilterView, type TrendGranularity } from '@careloop/contracts';
import { MeasureFactsRepository, MeasureSnapshotRepository } from '@careloop/persistence';
import type { Principal } from '../auth/principal';
import { ApiError, fieldError } from '../common/api-error';
import { PolicyRegistry } from '../policies/policy-registry';
import { toTrendPointView } from './measure-value.view';
import { resolvePeriod, type PeriodQuery, type ResolvedPeriod } from './report-query';

export interface ReportScopeQuery extends PeriodQuery {
  readonly programCode?: string;
  readonly teamId?: string;
}

/** A computed report: the view, and what the CSV and FHIR answers need beside it. */
export interface ComputedReport {
  readonly view: MeasureReportView;
  readonly label: string;
  /** Excluded subjects per measure (null: withheld from an aggregates-only caller). */
  readonly excluded: Readonly<Record<MeasureId, number | null>>;
  readonly generatedAt: string;
}

/**
 * The reporting use cases (issue 18, docs/reporting.md): measures computed from the events of the
 * period (computeMeasures over MeasureFactsReader) against the plan's policy; the care-gap list;
 * trends from the nightly snapshots. Scope: an admin and the committee report on every team, a
 * supervisor on their own team only; the committee sees aggregates with small cells withheld.
 */
@Injectable()
export class MeasureReportsService {
  constructor(
    private readonly facts: MeasureFactsRepository,
    private readonly snapshots: MeasureSnapshotRepository,
    private readonly policies: PolicyRegistry,
  ) {}

  async report(principal: Principal, q: ReportScopeQuery): Promise<ComputedReport> {
    const { period, label, filter, computation } = await this.compute(principal, q);
    const options = viewOptions(principal);
    const measures = computation.values.map((v) => toMeasureValueView(v, options));
    const excluded = Object.fromEntries(
      measures.map((m) => {
        const n = computation.rows.filter((r) => r.measureId === m.measureId && r.outcome === 'excluded').length;
        const withheld = m.suppressed || (options.suppressSmallCells && isSmallCell(n));
        return [m.measureId, withheld ? null : n];
      }),
    ) as Record<MeasureId, number | null>;
    return { view: { period, filter: filterView(filter), measures }, label, excluded, generatedAt: new Date().toISOString() };
  }

  /** The care-gap list of one measure (supervisors and admins only: the access policy keeps the committee out). */
  async members(principal: Principal, measureId: MeasureId, q: ReportScopeQuery & { readonly outcome?: MeasureOutcome }): Promise<{ view: MeasureMembersView; label: string }> {
    const { period, label, filter, computation } = await this.compute(principal, q);
    const rows = computation.rows.filter((r) => r.measureId === measureId && (q.outcome === undefined || r.outcome === q.outcome));
    return { view: { period, filter: filterView(filter), measureId, rows }, label };
  }

  async trend(
    principal: Principal,
    q: Omit<ReportScopeQuery, 'period'> & { readonly measureId: MeasureId; readonly from: string; readonly to: string; readonly granularity?: TrendGranularity },
  ): Promise<MeasureTrendView> {
    resolvePeriod({ from: q.from, to: q.to });
    const filter = this.scope(principal, q);
    if (filter.programCode !== undefined && filter.teamId !== undefined) {
      // Snapshots are kept per program and per team, not per pair (a supervisor's trend is always their team's).
      throw fieldError('programCode', 'a trend is of one program or one team, not both');
    }
    const granularity = q.granularity ?? 'day';
    const points = await this.snapshots.trend(q.measureId, filter, q.from, q.to, granularity);
    const def = MEASURES[q.measureId];
    const options = viewOptions(principal);
    return { measureId: q.measureId, filter: filterView(filter), granularity, target: def.target, points: points.map((p) => toTrendPointView(p, def.scoring, options)) };
  }

  /** The program/team a caller may report on: a supervisor's own team (another: 403), everyone else as asked. */
  scope(principal: Principal, q: ReportScopeQuery): MeasureFilter {
    const filter: { programCode?: string; teamId?: string } = {};
    if (q.programCode !== undefined) filter.programCode = q.programCode;
    if (principal.role === 'supervisor') {
      if (principal.team === null) {
        throw new ApiError('forbidden', 'A supervisor reports on their own team; this account has none.');
      }
      if (q.teamId !== undefined && q.teamId !== principal.team) {
        throw new ApiError('forbidden', `A supervisor reports on their own team only, not teamId ${q.teamId}.`);
      }
      filter.teamId = principal.team;
    } else if (q.teamId !== undefined) {
      filter.teamId = q.teamId;
    }
    return filter;
  }

  /** The plan's rules the measures are held to: the program's policy (or the "*" entry, else the defaults). */
  policy(programCode: string | undefined): MeasurePolicy {
    const p = this.policies.resolve(programCode ?? '*');
    return { transitionOfCare: p.transitionOfCare, screeningDeadlineMs: p.screening.deadlineMs, committeeUpdateMaxIntervalMs: p.committeeUpdateMaxIntervalMs };
  }

  private async compute(principal: Principal, q: ReportScopeQuery): Promise<ResolvedPeriod & { filter: MeasureFilter; computation: MeasureComputation }> {
    const resolved = resolvePeriod(q);
    const filter = this.scope(principal, q);
    const input = await this.facts.read(resolved.period, filter);
    return { ...resolved, filter, computation: computeMeasures(input, this.policy(filter.programCode), filter) };
  }
}

function viewOptions(principal: Principal): { readonly suppressSmallCells: boolean } {
  return { suppressSmallCells: principal.role === 'committee' };
}

function filterView(filter: MeasureFilter): ReportFilterView {
  return { programCode: filter.programCode ?? null, teamId: filter.teamId ?? null };
}

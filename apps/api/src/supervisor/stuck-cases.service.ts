import { Injectable, Logger } from '@nestjs/common';
import type { temporal } from '@temporalio/proto';
import { decodeSearchAttributes } from '@temporalio/common/lib/converter/payload-search-attributes';
import { STUCK_KINDS, stuckReasons, type StuckCaseRow, type StuckKind } from '@careloop/domain';
import { SA_CARE_MANAGER, SA_PHASE, SA_PROGRAM, SA_RISK_TIER, SA_STEP } from '@careloop/contracts';
import { SupervisionRepository, type FailingDeliveries } from '@careloop/persistence';
import { TemporalClientService } from '@careloop/temporal';
import { cursorFields, decodeCursor, encodeCursor } from '../common/page-cursor';
import { REPORTED_PROBLEMS, stuckCaseQuery, type StuckCaseFilters } from './stuck-case.query';
import { searchAttributeReader, stuckSignalsOf, type DecodedSearchAttributes } from './stuck-signals';

/** Failing-delivery cases considered per request; more than this and the oldest failures come first. */
const FAILING_CASES_CONSIDERED = 200;

export interface StuckCasePage {
  readonly items: readonly StuckCaseRow[];
  readonly nextCursor: string | null;
}

/**
 * Finds stuck cases in Temporal visibility (the search attributes every case
 * workflow keeps current, and the server's TemporalReportedProblems), joined
 * with the notification outbox in Postgres for failing deliveries. Nothing is
 * precomputed, so the list cannot drift from the workflows.
 */
@Injectable()
export class StuckCasesService {
  /**
   * Whether the server knows TemporalReportedProblems (CareLoop is tested on Temporal Server 1.32, docs/operations.md).
   * The attribute must also be enabled in the server's dynamic config.
   * Learned on the first refusal: the other kinds keep working on a server without it.
   */
  private reportedProblems = true;
  private readonly logger = new Logger(StuckCasesService.name);

  constructor(
    private readonly temporal: TemporalClientService,
    private readonly supervision: SupervisionRepository,
  ) {}

  async list(filters: StuckCaseFilters, limit: number, cursor: string | undefined, now = new Date()): Promise<StuckCasePage> {
    const failing = filters.kind === undefined || filters.kind === 'failing_activity' ? await this.failingDeliveries() : [];
    const scope = JSON.stringify(filters);
    const token = cursor === undefined ? undefined : decodePageToken(cursor, scope);
    const page = await this.withoutUnknownProblems(async (reportedProblems) => {
      const query = stuckCaseQuery(filters, now, failing.map((f) => f.caseId), reportedProblems);
      return query === null ? null : this.visibility(query, limit, token);
    });
    if (page === null) {
      return { items: [], nextCursor: null };
    }
    const failingById = new Map(failing.map((f) => [f.caseId, f]));
    const items = page.executions
      .map((execution) => toRow(execution, failingById, filters, now))
      .filter((row): row is StuckCaseRow => row !== null);
    const next = page.nextPageToken;
    return { items, nextCursor: next && next.length ? encodePageToken(Buffer.from(next), scope) : null };
  }

  /** How many open cases are stuck, per kind (a case stuck in two ways counts in both). */
  async summary(filters: Omit<StuckCaseFilters, 'kind'>, now = new Date()): Promise<Record<StuckKind, number>> {
    const failing = await this.failingDeliveries();
    const counts = await Promise.all(
      STUCK_KINDS.map(async (kind) => {
        const count = await this.withoutUnknownProblems(async (reportedProblems) => {
          const query = stuckCaseQuery({ ...filters, kind }, now, failing.map((f) => f.caseId), reportedProblems);
          return query === null ? 0 : (await this.temporal.client.workflow.count(query)).count;
        });
        return [kind, count] as const;
      }),
    );
    return Object.fromEntries(counts) as Record<StuckKind, number>;
  }

  /**
   * Failed deliveries from the outbox; while Postgres is unreachable, none (the list still comes from
   * visibility, where cases with retrying activities are flagged by the worker).
   */
  private async failingDeliveries(): Promise<FailingDeliveries[]> {
    try {
      return await this.supervision.failingDeliveries({ limit: FAILING_CASES_CONSIDERED });
    } catch (err) {
      this.logger.warn(`outbox unreadable, listing from visibility only: ${err instanceof Error ? err.message.split('\n')[0] : 'error'}`);
      return [];
    }
  }

  /** Runs a visibility call; if the server rejects TemporalReportedProblems, runs it again without that kind, and remembers. */
  private async withoutUnknownProblems<T>(call: (reportedProblems: boolean) => Promise<T>): Promise<T> {
    try {
      return await call(this.reportedProblems);
    } catch (err) {
      if (this.reportedProblems && err instanceof Error && err.message.includes(REPORTED_PROBLEMS)) {
        this.reportedProblems = false;
        return call(false);
      }
      throw err;
    }
  }

  private visibility(query: string, pageSize: number, nextPageToken: Uint8Array | undefined) {
    return this.temporal.client.workflowService.listWorkflowExecutions({ namespace: this.temporal.config.namespace, query, pageSize, nextPageToken });
  }
}

type Execution = temporal.api.workflow.v1.IWorkflowExecutionInfo;

/**
 * The cursor wraps the server's page token with the filters it belongs to, so
 * a cursor from another list (or a made-up one) is a 400, not a server error.
 */
function encodePageToken(token: Buffer, scope: string): string {
  return encodeCursor({ s: scope, t: token.toString('base64') });
}

function decodePageToken(cursor: string, scope: string): Uint8Array {
  return decodeCursor(
    cursor,
    (value) => {
      const c = cursorFields(value);
      return c && c.s === scope && typeof c.t === 'string' && c.t.length > 0 ? Buffer.from(c.t, 'base64') : null;
    },
    'cursor must be the nextCursor of a previous page of the same list',
  );
}

function toRow(execution: Execution, failing: Map<string, FailingDeliveries>, filters: StuckCaseFilters, now: Date): StuckCaseRow | null {
  const caseId = execution.execution?.workflowId ?? '';
  const attrs = decodeSearchAttributes(execution.searchAttributes?.indexedFields) as DecodedSearchAttributes;
  const { one } = searchAttributeReader(attrs);
  const signals = stuckSignalsOf(attrs, failing.get(caseId));
  const nextDueAt = signals.nextDueAt;
  const reasons = stuckReasons(signals, now.toISOString(), filters.overdueByMs).filter((r) => filters.kind === undefined || r.kind === filters.kind);
  if (reasons.length === 0) {
    return null;
  }
  const sinces = reasons.map((r) => r.since).filter((s): s is string => s !== null).sort();
  return {
    caseId,
    programCode: one(SA_PROGRAM.name),
    phase: one(SA_PHASE.name),
    step: one(SA_STEP.name),
    riskTier: one(SA_RISK_TIER.name),
    careManagerId: one(SA_CARE_MANAGER.name),
    reasons,
    stuckSince: sinces[0] ?? null,
    nextDue: nextDueAt ? { kind: signals.nextDueKind, dueAt: nextDueAt } : null,
    lastProgressAt: signals.lastProgressAt,
  };
}

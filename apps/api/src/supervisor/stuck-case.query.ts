import type { RiskTier, StuckKind } from '@careloop/domain';
import {
  ACTIVITY_RETRYING_FLAG,
  CASE_WORKFLOW_TYPE,
  COMPLAINT_WORKFLOW_TYPE,
  UTILIZATION_REVIEW_WORKFLOW_TYPE,
  SA_CARE_MANAGER,
  SA_FLAGS,
  SA_NEXT_DUE_AT,
  SA_PROGRAM,
  SA_RISK_TIER,
  SA_STALLED_AT,
} from '@careloop/contracts';

/** The server's own attribute for workflows whose workflow tasks keep failing or timing out. */
export const REPORTED_PROBLEMS = 'TemporalReportedProblems';
const PROBLEM_CATEGORIES = ['category=WorkflowTaskFailed', 'category=WorkflowTaskTimedOut'];

export interface StuckCaseFilters {
  readonly kind?: StuckKind;
  readonly programCode?: string;
  readonly careManagerId?: string;
  readonly riskTier?: RiskTier;
  /** Only cases overdue by more than this (ms); 0: anything past due. */
  readonly overdueByMs: number;
  /** Access scope: only these care managers' cases and unassigned ones (absent: every case). */
  readonly visibleTo?: readonly string[];
}

/** Values reach the query only after DTO validation; this refuses anything that could break out of a literal. */
function literal(value: string): string {
  if (!/^[A-Za-z0-9_.:@=+-]{1,128}$/.test(value)) {
    throw new RangeError('unsafe value for a visibility query');
  }
  return `'${value}'`;
}

/**
 * The visibility query for stuck cases: the filters, and the kinds asked
 * for OR-ed together. The failing-activity kind is the `activity_retrying`
 * flag plus `failingCaseIds` (from the outbox). Null when nothing can match.
 */
export function stuckCaseQuery(filters: StuckCaseFilters, now: Date, failingCaseIds: readonly string[], reportedProblems = true): string | null {
  const kinds: Record<StuckKind, string | null> = {
    overdue: `${SA_NEXT_DUE_AT.name} < ${literal(new Date(now.getTime() - filters.overdueByMs).toISOString())}`,
    no_progress: `${SA_STALLED_AT.name} <= ${literal(now.toISOString())}`,
    unassigned: `${SA_FLAGS.name} = 'unassigned'`,
    failing_workflow_task: reportedProblems ? `${REPORTED_PROBLEMS} IN (${PROBLEM_CATEGORIES.map(literal).join(', ')})` : null,
    // Retrying activities reported by the worker (works while Postgres is down), and failed deliveries in the outbox.
    failing_activity: failingCaseIds.length
      ? `(${SA_FLAGS.name} = '${ACTIVITY_RETRYING_FLAG}' OR WorkflowId IN (${failingCaseIds.map(literal).join(', ')}))`
      : `${SA_FLAGS.name} = '${ACTIVITY_RETRYING_FLAG}'`,
  };
  const wanted = (filters.kind ? [kinds[filters.kind]] : Object.values(kinds)).filter((c): c is string => c !== null);
  if (wanted.length === 0) {
    return null;
  }
  // Utilization reviews and complaints keep the same attributes (next due time and kind, flags), so their overdue decisions are listed too.
  const types = [CASE_WORKFLOW_TYPE, UTILIZATION_REVIEW_WORKFLOW_TYPE, COMPLAINT_WORKFLOW_TYPE].map(literal).join(', ');
  const clauses = [`WorkflowType IN (${types})`, `ExecutionStatus = 'Running'`];
  if (filters.programCode) {
    clauses.push(`${SA_PROGRAM.name} = ${literal(filters.programCode)}`);
  }
  if (filters.careManagerId) {
    clauses.push(`${SA_CARE_MANAGER.name} = ${literal(filters.careManagerId)}`);
  }
  if (filters.visibleTo) {
    const named = filters.visibleTo.length ? `${SA_CARE_MANAGER.name} IN (${filters.visibleTo.map(literal).join(', ')}) OR ` : '';
    clauses.push(`(${named}${SA_CARE_MANAGER.name} IS NULL)`);
  }
  if (filters.riskTier) {
    clauses.push(`${SA_RISK_TIER.name} = ${literal(filters.riskTier)}`);
  }
  clauses.push(wanted.length === 1 ? wanted[0]! : `(${wanted.join(' OR ')})`);
  return clauses.join(' AND ');
}

import { stuckCaseQuery } from '../../../apps/api/src/supervisor/stuck-case.query';

describe('stuckCaseQuery', () => {
  const now = new Date('2026-11-23T12:00:00.000Z');

  it('ORs every kind for open case workflows when no kind is asked for', () => {
    expect(stuckCaseQuery({ overdueByMs: 0 }, now, ['case-ccm-aaaaaaaaaaaaaaaaaaaaaaaa'])).toBe(
      "WorkflowType IN ('caseWorkflow', 'utilizationReviewWorkflow', 'complaintWorkflow') AND ExecutionStatus = 'Running' AND (CareLoopNextDueAt < '2026-11-23T12:00:00.000Z' OR " +
        "CareLoopStalledAt <= '2026-11-23T12:00:00.000Z' OR CareLoopFlags = 'unassigned' OR " +
        "TemporalReportedProblems IN ('category=WorkflowTaskFailed', 'category=WorkflowTaskTimedOut') OR (CareLoopFlags = 'activity_retrying' OR WorkflowId IN ('case-ccm-aaaaaaaaaaaaaaaaaaaaaaaa')))",
    );
  });

  it('applies filters and the overdue threshold', () => {
    expect(stuckCaseQuery({ kind: 'overdue', programCode: 'CCM', careManagerId: 'cm-1', riskTier: 'high', overdueByMs: 3_600_000 }, now, [])).toBe(
      "WorkflowType IN ('caseWorkflow', 'utilizationReviewWorkflow', 'complaintWorkflow') AND ExecutionStatus = 'Running' AND CareLoopProgram = 'CCM' AND CareLoopCareManagerId = 'cm-1' AND " +
        "CareLoopRiskTier = 'high' AND CareLoopNextDueAt < '2026-11-23T11:00:00.000Z'",
    );
  });

  it('finds failing activities by the worker-reported flag even with no failed delivery in the outbox', () => {
    expect(stuckCaseQuery({ kind: 'failing_activity', overdueByMs: 0 }, now, [])).toBe(
      "WorkflowType IN ('caseWorkflow', 'utilizationReviewWorkflow', 'complaintWorkflow') AND ExecutionStatus = 'Running' AND CareLoopFlags = 'activity_retrying'",
    );
  });

  it('answers null when nothing can match, and refuses values that could escape a literal', () => {
    expect(stuckCaseQuery({ kind: 'failing_workflow_task', overdueByMs: 0 }, now, [], false)).toBeNull();
    expect(() => stuckCaseQuery({ kind: 'overdue', programCode: "X' OR 1=1 --", overdueByMs: 0 }, now, [])).toThrow(RangeError);
  });
});

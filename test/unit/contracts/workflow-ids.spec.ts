import { CASE_WORKFLOW_ID_PATTERN, caseWorkflowId } from '@careloop/contracts';

describe('case workflow ids', () => {
  const secret = 'a-secret-of-sufficient-length';

  it('is stable for the same member and program, so a second start finds the open case', () => {
    expect(caseWorkflowId('M-000123', 'CCM', secret)).toBe(caseWorkflowId('M-000123', 'CCM', secret));
  });

  it('differs by member, by program and by secret', () => {
    const id = caseWorkflowId('M-000123', 'CCM', secret);
    expect(caseWorkflowId('M-000124', 'CCM', secret)).not.toBe(id);
    expect(caseWorkflowId('M-000123', 'BH', secret)).not.toBe(id);
    expect(caseWorkflowId('M-000123', 'CCM', 'another-secret-value')).not.toBe(id);
  });

  it('carries no part of the member reference (PHI) and matches the documented shape', () => {
    const id = caseWorkflowId('M-000123', 'CCM', secret);
    expect(id).toMatch(CASE_WORKFLOW_ID_PATTERN);
    expect(id.startsWith('case-ccm-')).toBe(true);
    expect(id).not.toContain('000123');
  });

  it('cannot be confused by separators inside the values', () => {
    expect(caseWorkflowId('A', 'BC', secret)).not.toBe(caseWorkflowId('AB', 'C', secret));
  });
});

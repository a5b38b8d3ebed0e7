import { DEFAULT_CASE_POLICY } from '@careloop/domain';
import { CaseState } from '../../../workflows/case.state';

describe('CaseState', () => {
  const input = { memberRef: 'M-1', programCode: 'CCM', enrollmentDate: '2026-11-01', policy: DEFAULT_CASE_POLICY };

  it('starts enrolled and moves only along allowed transitions', () => {
    const state = new CaseState('case-1', input);
    expect(state.currentPhase).toBe('enrolled');
    expect(() => state.moveTo('assessment', 'run', new Date())).toThrow('illegal phase transition enrolled -> assessment');
    expect(state.moveTo('screening', 'run', new Date(0))).toEqual({
      caseId: 'case-1',
      runId: 'run',
      phase: 'screening',
      closureReason: null,
      at: '1970-01-01T00:00:00.000Z',
    });
  });

  it('records the closure reason and refuses to leave closed', () => {
    const state = new CaseState('case-1', input);
    state.close('member_declined', 'run', new Date());
    expect(state.result()).toEqual({ phase: 'closed', closureReason: 'member_declined' });
    expect(() => state.moveTo('screening', 'run', new Date())).toThrow();
  });

  it('never reports negative time to the deadline', () => {
    const state = new CaseState('case-1', input);
    expect(state.msUntilScreeningDeadline(Date.parse('2030-01-01'))).toBe(0);
    expect(state.msUntilScreeningDeadline(Date.parse('2027-01-29T00:00:00Z'))).toBe(24 * 3600 * 1000);
  });

  it('fails loudly if asked for a result before closing', () => {
    expect(() => new CaseState('case-1', input).result()).toThrow();
  });
});

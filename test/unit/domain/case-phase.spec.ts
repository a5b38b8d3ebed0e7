import { CASE_PHASES, CASE_PHASE_TRANSITIONS, canTransition, isCasePhase } from '@careloop/domain';

describe('case phases', () => {
  it('lets every open phase close, and nothing leave closed', () => {
    for (const phase of CASE_PHASES.filter((p) => p !== 'closed')) {
      expect(canTransition(phase, 'closed')).toBe(true);
    }
    expect(CASE_PHASE_TRANSITIONS.closed).toEqual([]);
  });

  it('only names known phases as targets', () => {
    for (const targets of Object.values(CASE_PHASE_TRANSITIONS)) {
      for (const t of targets) {
        expect(isCasePhase(t)).toBe(true);
      }
    }
  });

  it('follows the lifecycle order and does not skip screening', () => {
    expect(canTransition('enrolled', 'screening')).toBe(true);
    expect(canTransition('enrolled', 'assessment')).toBe(false);
    expect(canTransition('screening', 'assessment')).toBe(true);
    expect(isCasePhase('paused')).toBe(false);
  });
});

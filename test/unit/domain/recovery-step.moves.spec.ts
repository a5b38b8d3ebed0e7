import { MEMBER_DISCUSSION_MOVES, MEMBER_DISCUSSION_OUTCOMES, PLAN_REVIEW_MOVES, PLAN_REVIEW_OUTCOMES, RECOVERY_STEPS, RECOVERY_STEP_MOVES, RECOVERY_STEP_MOVE_NAMES, RECOVERY_STEP_TRANSITIONS, canEnterStep, stepAfter } from '@careloop/domain';

describe('recovery step moves (the step transition table)', () => {
  it('enters recovery support only at step 1, from no step', () => {
    expect(stepAfter(null, 'plan_active')).toBe('recovery_plan');
    expect(() => stepAfter('support_and_assistance', 'plan_active')).toThrow(/illegal recovery step move plan_active from support_and_assistance/);
    for (const move of RECOVERY_STEP_MOVE_NAMES.filter((m) => m !== 'plan_active')) {
      expect(() => stepAfter(null, move)).toThrow(RangeError);
    }
  });

  it('sends the plan to the member (step 2) only from step 1, and asks for information (step 8) only from monitoring', () => {
    expect(stepAfter('recovery_plan', 'plan_to_member')).toBe('member_discussion');
    expect(() => stepAfter('monitoring', 'plan_to_member')).toThrow(RangeError);
    expect(stepAfter('monitoring', 'behind_expected_course')).toBe('additional_information');
    expect(() => stepAfter('intervention', 'behind_expected_course')).toThrow(RangeError);
  });

  it('takes the care team’s recorded work from any step', () => {
    for (const from of RECOVERY_STEPS) {
      expect(stepAfter(from, 'member_concerns')).toBe('recovery_plan');
      expect(stepAfter(from, 'contact_recorded')).toBe('support_and_assistance');
      expect(stepAfter(from, 'committee_update_due')).toBe('regular_updates');
    }
  });

  it('derives the step-to-step table from the moves', () => {
    for (const from of RECOVERY_STEPS) {
      for (const to of RECOVERY_STEPS) {
        const byMove = Object.values(RECOVERY_STEP_MOVES).some((m) => m.to === to && (m.from === 'any' || (m.from as readonly unknown[]).includes(from)));
        expect({ from, to, allowed: RECOVERY_STEP_TRANSITIONS[from].includes(to) }).toEqual({ from, to, allowed: byMove });
        expect(canEnterStep(from, to)).toBe(byMove);
      }
    }
    expect(RECOVERY_STEP_TRANSITIONS.recovery_plan).toContain('member_discussion');
    expect(RECOVERY_STEP_TRANSITIONS.adjustments).not.toContain('additional_information');
  });

  it('maps the care team’s answers to the moves they make (what the API accepts is what the table has)', () => {
    expect(MEMBER_DISCUSSION_OUTCOMES).toEqual(['agrees', 'concerns']);
    expect(MEMBER_DISCUSSION_OUTCOMES.map((o) => stepAfter('member_discussion', MEMBER_DISCUSSION_MOVES[o]))).toEqual(['support_and_assistance', 'recovery_plan']);
    expect(PLAN_REVIEW_OUTCOMES).toEqual(['continue', 'revise']);
    expect(PLAN_REVIEW_MOVES.revise && stepAfter('monitoring', PLAN_REVIEW_MOVES.revise)).toBe('adjustments');
    expect(PLAN_REVIEW_MOVES.continue).toBeNull();
  });
});

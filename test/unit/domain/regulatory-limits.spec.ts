import { checkPolicyOverrides, DAY_MS, HOUR_MS, PolicyError, REGULATORY_LIMITS, resolveProgramPolicy, resolveReviewPolicy } from '@careloop/domain';

/**
 * A program policy may shorten a regulatory clock (demos run them in seconds), never lengthen it: not
 * from a case start's overrides and not from the policy file.
 */
describe('regulatory limits on policies', () => {
  it('refuses a case-start override that puts the screening deadline past 90 days, naming the field and the rule', () => {
    expect(checkPolicyOverrides({ screening: { deadlineMs: '3650d' } }, 'policyOverrides')).toEqual([
      { field: 'policyOverrides.screening.deadlineMs', reason: 'must be at most 90d: the initial screening is due within 90 days of the enrollment date (seed 002 §5.1.1, 42 CFR § 438.208(b)(3))' },
    ]);
    expect(checkPolicyOverrides({ screening: { deadlineMs: 90 * DAY_MS + 1 } }, 'policyOverrides')).toHaveLength(1);
  });

  it('refuses a committee interval past four weeks', () => {
    expect(checkPolicyOverrides({ committeeUpdateMaxIntervalMs: '29d' }, 'policyOverrides')).toEqual([
      { field: 'policyOverrides.committeeUpdateMaxIntervalMs', reason: expect.stringMatching(/^must be at most 28d: .*four weeks/) },
    ]);
  });

  it('accepts the regulation itself and anything shorter (the demo policy runs in seconds)', () => {
    expect(checkPolicyOverrides({ screening: { deadlineMs: '90d' }, committeeUpdateMaxIntervalMs: '28d' })).toEqual([]);
    expect(checkPolicyOverrides({ screening: { deadlineMs: '30s' }, committeeUpdateMaxIntervalMs: '5s' })).toEqual([]);
  });

  it('refuses a policy file that lengthens a regulatory clock (the API then refuses to boot)', () => {
    expect(() => resolveProgramPolicy('CCM', { version: '1', overrides: { screening: { deadlineMs: '120d' } } })).toThrow(PolicyError);
    expect(() => resolveReviewPolicy({ version: '1', overrides: { utilizationReview: { decisionMs: { expedited: '73h' } } } })).toThrow(
      /reviews\.utilizationReview\.decisionMs\.expedited: must be at most 72h: an expedited utilization review is decided within 72 hours/,
    );
    expect(() => resolveReviewPolicy({ version: '1', overrides: { utilizationReview: { decisionMs: { standard: '8d' } } } })).toThrow(/must be at most 7d/);
    expect(resolveReviewPolicy({ version: '1', overrides: { utilizationReview: { decisionMs: { expedited: '1h', standard: '2d' } } } }).utilizationReview.decisionMs).toEqual({
      expedited: HOUR_MS,
      standard: 2 * DAY_MS,
    });
  });

  it('every limit names a setting that exists, and a policy exactly at each limit is accepted', () => {
    for (const [path, limit] of Object.entries(REGULATORY_LIMITS)) {
      const [head, ...rest] = path.split('.');
      const atLimit = [head!, ...rest].reduceRight<unknown>((inner, key) => ({ [key]: inner }), limit.max) as Record<string, Record<string, unknown>>;
      if (head === 'reviews') {
        expect(() => resolveReviewPolicy({ version: 't', overrides: atLimit.reviews! })).not.toThrow();
      } else {
        expect({ path, problems: checkPolicyOverrides(atLimit) }).toEqual({ path, problems: [] });
      }
    }
  });
});

import { parseDuration } from './duration';

/**
 * The clocks a regulation or the plan's contract sets: a program policy may
 * make them shorter (demos run them in seconds), never longer. Keyed by the
 * setting's dotted path as the policy file writes it (`reviews.` for the
 * review policy). Every policy source is checked against this one table: the
 * policy file at boot and a case start's overrides.
 */
export interface RegulatoryLimit {
  /** The longest the clock may be, as a policy file writes durations. */
  readonly max: string;
  /** Written for the 400 a caller gets: what the rule is and where it comes from. */
  readonly rule: string;
}

export const REGULATORY_LIMITS: Readonly<Record<string, RegulatoryLimit>> = {
  'screening.deadlineMs': { max: '90d', rule: 'the initial screening is due within 90 days of the enrollment date (seed 002 §5.1.1, 42 CFR § 438.208(b)(3))' },
  committeeUpdateMaxIntervalMs: { max: '28d', rule: 'the committee receives an update at least every four weeks (seed 003, step 9)' },
  'reviews.utilizationReview.decisionMs.expedited': { max: '72h', rule: 'an expedited utilization review is decided within 72 hours (seed 004; CMS-0057-F)' },
  'reviews.utilizationReview.decisionMs.standard': { max: '7d', rule: 'a standard utilization review is decided within 7 calendar days (seed 004; CMS-0057-F)' },
};

/** Why a setting of `ms` at `path` (without a request prefix) is refused, or undefined when it keeps to its limit. */
export function regulatoryProblem(path: string, ms: number): string | undefined {
  const limit = REGULATORY_LIMITS[path];
  return limit !== undefined && ms > parseDuration(limit.max) ? `must be at most ${limit.max}: ${limit.rule}` : undefined;
}

import { DAY_MS, HOUR_MS } from './duration';


export const UR_URGENCIES = ['expedited', 'standard'] as const;
/** Expedited: the member's life, health or ability to regain function could be jeopardised by the standard wait. */
export type UrUrgency = (typeof UR_URGENCIES)[number];

/**
 * Every deadline of utilization review (seed 004, DESIGN §4) and of
 * complaints (seed 000), defined once. Defaults are the regulatory
 * windows; a deployment overrides them in the policy file's `reviews`
 * entry (seconds-scale for demos and tests). All durations are ms.
 */
export interface ReviewPolicy {
  /** `reviews@<version>`, recorded on every review and complaint. */
  readonly version: string;
  readonly utilizationReview: {
    /** Decision due this long after a complete request was received: 72 hours expedited, 7 calendar days standard. */
    readonly decisionMs: Readonly<Record<UrUrgency, number>>;
    /** The provider has this long to send what a pended request is missing; then it is reviewed on what is at hand. */
    readonly pendResponseMs: number;
    /** The supervisor is told this long before the decision deadline when no decision has been made. */
    readonly escalateBeforeMs: Readonly<Record<UrUrgency, number>>;
    /** A denial or partial approval can be appealed for this long after its notice. */
    readonly appealWindowMs: number;
    /** An appeal is decided within this long of its receipt. */
    readonly appealDecisionMs: Readonly<Record<UrUrgency, number>>;
  };
  readonly complaints: {
    /** A staff member acknowledges (takes ownership of) the complaint within this window of receipt. */
    readonly acknowledgeMs: number;
    /** The complaint is resolved within this long of its receipt. */
    readonly resolveMs: number;
  };
}

export const DEFAULT_REVIEW_POLICY: Omit<ReviewPolicy, 'version'> = {
  utilizationReview: {
    decisionMs: { expedited: 72 * HOUR_MS, standard: 7 * DAY_MS },
    pendResponseMs: 14 * DAY_MS,
    escalateBeforeMs: { expedited: 12 * HOUR_MS, standard: DAY_MS },
    appealWindowMs: 180 * DAY_MS,
    appealDecisionMs: { expedited: 72 * HOUR_MS, standard: 30 * DAY_MS },
  },
  complaints: {
    acknowledgeMs: 5 * DAY_MS,
    resolveMs: 30 * DAY_MS,
  },
};

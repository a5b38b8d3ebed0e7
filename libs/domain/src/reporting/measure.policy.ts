import { DEFAULT_TRANSITION_OF_CARE_POLICY, type TransitionOfCarePolicy } from '../transition-of-care';
import { DAY_MS } from '../duration';

/** The rules a report measures against (the plan's policy; regulatory defaults otherwise). */
export interface MeasurePolicy {
  /** Due times of the transition-of-care tasks, counted from the discharge in the plan's calendar. */
  readonly transitionOfCare: TransitionOfCarePolicy;
  /** Screening is due this long after the enrollment date (90 days). */
  readonly screeningDeadlineMs: number;
  /** The committee is updated at least this often (28 days). */
  readonly committeeUpdateMaxIntervalMs: number;
}

export const DEFAULT_MEASURE_POLICY: MeasurePolicy = {
  transitionOfCare: DEFAULT_TRANSITION_OF_CARE_POLICY,
  screeningDeadlineMs: 90 * DAY_MS,
  committeeUpdateMaxIntervalMs: 28 * DAY_MS,
};

import { DEFAULT_SCREENING_DEADLINE_DAYS, daysToMs } from './screening-deadline';

/**
 * The durations a case runs on. A case keeps the policy (and its version) it
 * started with; later edits to a program's policy apply to new cases only.
 * Durations are milliseconds so demos and tests can shrink them to seconds.
 */
export interface CasePolicy {
  readonly version: string;
  readonly screeningDeadlineMs: number;
}

export const DEFAULT_CASE_POLICY: CasePolicy = {
  version: 'default-1',
  screeningDeadlineMs: daysToMs(DEFAULT_SCREENING_DEADLINE_DAYS),
};

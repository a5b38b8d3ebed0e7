/** 42 CFR § 438.208(b)(3), seed 002 §5.1.1: initial screen within 90 days of enrollment. */
export const DEFAULT_SCREENING_DEADLINE_DAYS = 90;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The screening deadline runs from the member's enrollment date, not from the
 * day the case was started: a case opened 30 days after enrollment has 60
 * days left. `enrollmentDate` is a calendar date (YYYY-MM-DD) taken as
 * midnight UTC.
 */
export function screeningDeadline(enrollmentDate: string, deadlineMs: number): Date {
  const start = Date.parse(`${enrollmentDate}T00:00:00Z`);
  if (Number.isNaN(start)) {
    throw new RangeError(`enrollmentDate is not a calendar date: ${enrollmentDate}`);
  }
  return new Date(start + deadlineMs);
}

export function daysToMs(days: number): number {
  return days * DAY_MS;
}

import { DAY_MS } from './duration';

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

import type { ContactChannel } from './contact';
import type { ProgramPolicy } from './program-policy';
import type { RiskTier } from './risk-tier';
import { parseIsoInstant } from './iso-time';

/**
 * Due dates the case workflow schedules from its policy (DESIGN.md §3).
 * Workflow code calls these with workflow time, so they never read the clock
 * and never depend on the machine's time zone: timestamps must be ISO 8601
 * with `Z` or an explicit offset (a time without offset would be read as
 * local time), and a bare calendar date counts as midnight UTC.
 */

/**
 * When the next regular contact is due (seed 003 step 3, on the risk tier's
 * cadence, "daily to bimonthly", seed 001): the last contact plus the tier's
 * cadence, or — before the first contact — the cadence start (e.g. when
 * recovery support began) plus the cadence.
 */
export function nextContactDue(
  lastContactAt: string | null,
  cadenceStartAt: string,
  tier: RiskTier,
  policy: Pick<ProgramPolicy, 'contactCadenceMs'>,
): string {
  const cadence = policy.contactCadenceMs[tier];
  if (typeof cadence !== 'number' || !Number.isFinite(cadence) || cadence < 0) {
    throw new RangeError(`contactCadenceMs.${String(tier)} must be a non-negative number of milliseconds, got ${String(cadence)}`);
  }
  const base = lastContactAt === null ? parseIsoInstant(cadenceStartAt, 'cadenceStartAt') : parseIsoInstant(lastContactAt, 'lastContactAt');
  return new Date(base + cadence).toISOString();
}

/**
 * Wait before outreach attempt `attemptNumber` (1-based), counted from the
 * previous attempt (seed 002 §5.1.1: "subsequent attempts if the initial
 * attempt … is unsuccessful"). Attempt 1 goes out at once; attempt n ≥ 2 waits
 * `attemptSpacingMs[n-2]`, the last value repeating. An empty spacing list
 * means no wait.
 */
export function attemptDelayMs(attemptNumber: number, policy: Pick<ProgramPolicy, 'screening'>): number {
  checkAttemptNumber(attemptNumber);
  const spacing = policy.screening.attemptSpacingMs;
  if (attemptNumber === 1 || spacing.length === 0) return 0;
  return spacing[Math.min(attemptNumber - 2, spacing.length - 1)]!;
}

/** Channel of outreach attempt `attemptNumber` (1-based): `channels[n-1]`, the last value repeating. */
export function attemptChannel(attemptNumber: number, policy: Pick<ProgramPolicy, 'screening'>): ContactChannel {
  checkAttemptNumber(attemptNumber);
  const channels = policy.screening.channels;
  if (channels.length === 0) {
    throw new RangeError('screening.channels must name at least one channel');
  }
  return channels[Math.min(attemptNumber - 1, channels.length - 1)]!;
}

function checkAttemptNumber(attemptNumber: number): void {
  if (!Number.isInteger(attemptNumber) || attemptNumber < 1) {
    throw new RangeError(`attemptNumber must be a whole number of 1 or more, got ${String(attemptNumber)}`);
  }
}

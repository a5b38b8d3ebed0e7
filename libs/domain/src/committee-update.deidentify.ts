import type { CommitteeCaseFacts, CommitteeUpdate } from './committee-update';
import { parseIsoInstant } from './iso-time';

/**
 * The committee update of seed 003 step 9 ("confidential information is not
 * shared with the Committee"), due at least every four weeks and whenever new
 * information reaches the file. The update is built field by field from an
 * allow-list — never by copying the facts and deleting fields — so a field
 * added to the facts later stays out until someone adds it here on purpose.
 *
 * Kept: the case id (for the case's own timeline; the committee reads the
 * update under a random code instead, docs/architecture.md "Case ids and
 * PHI"), program, phase, step, risk tier, plan version, trigger, and counts.
 * Dropped: the member reference, the enrollment date, the opened-at
 * timestamp (only whole months in the program remain), goal descriptions
 * and target dates (only counts by status remain), and every note.
 */
export function deidentifyCommitteeUpdate(facts: CommitteeCaseFacts, now: string): CommitteeUpdate {
  return {
    caseId: facts.caseId,
    programCode: facts.programCode,
    phase: facts.phase,
    step: facts.step,
    riskTier: facts.riskTier,
    monthsInProgram: wholeMonthsBetween(facts.openedAt, now),
    goals: {
      total: facts.goals.length,
      met: facts.goals.filter((goal) => goal.status === 'met').length,
      behind: facts.goals.filter((goal) => goal.status === 'behind').length,
    },
    contacts: { completed: facts.contactsSinceLastUpdate, missed: facts.missedContactsSinceLastUpdate },
    symptomIncreases: facts.symptomIncreasesSinceLastUpdate,
    adherenceVariations: facts.adherenceVariationsSinceLastUpdate,
    supplementalInfoOutstanding: facts.supplementalInfoOutstanding,
    planVersion: facts.planVersion,
    trigger: facts.trigger,
  };
}

/**
 * Whole calendar months from `from` to `to` in UTC: a month counts once its
 * anniversary (same day of month and time of day) has passed, so 31 January
 * to 28 February is 0 months and to 1 March is 1. Never negative.
 */
function wholeMonthsBetween(from: string, to: string): number {
  const start = new Date(parseIsoInstant(from, 'openedAt'));
  const end = new Date(parseIsoInstant(to, 'now'));
  let months = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + (end.getUTCMonth() - start.getUTCMonth());
  if (withinMonth(end) < withinMonth(start)) months -= 1;
  return Math.max(0, months);
}

/** Position within the month (day, then time of day) as one comparable number. */
function withinMonth(d: Date): number {
  return (d.getUTCDate() - 1) * 86_400_000 + (d.getTime() - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
}

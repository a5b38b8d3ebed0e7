import { MEASURES } from './measure.definitions';
import type { EpisodeFacts } from './case-timeline';
import type { CaseContext, MeasureRun } from './measure.context';
import { outcomeOf } from './measure.tally';

/** Risk tiers that must have a named care manager (seed 001). */
export const NAMED_CARE_MANAGER_TIERS: ReadonlySet<string> = new Set(['high', 'medium']);

/** Open at the period's end: every event read is at or before it, so "not closed" is "not closed by the end". */
function openAtEnd(episode: EpisodeFacts): boolean {
  return episode.closedMs === null;
}

/** Participants and care managers at the period's end, across cases (caseload_ratio). */
export class Caseload {
  participants = 0;
  readonly byCareManager = new Map<string, number>();

  add(episode: EpisodeFacts): void {
    this.participants++;
    if (episode.careManagerId !== null) {
      this.byCareManager.set(episode.careManagerId, (this.byCareManager.get(episode.careManagerId) ?? 0) + 1);
    }
  }

  /** numerator participants, denominator care managers with an open case; one row per care manager. */
  finish(run: MeasureRun): void {
    const tally = run.tally('caseload_ratio');
    tally.numerator = this.participants;
    tally.denominator = this.byCareManager.size;
    const cap = MEASURES.caseload_ratio.target ?? Number.POSITIVE_INFINITY;
    for (const [careManagerId, count] of this.byCareManager) {
      tally.row({
        subjectId: careManagerId,
        scope: { caseId: null, memberId: null, programCode: null, teamId: null },
        outcome: count <= cap ? 'met' : 'not_met',
        dueMs: null,
        detail: `${count} open case${count === 1 ? '' : 's'}`,
      });
    }
  }
}

/** named_care_manager (strata high, medium) and the case's share of caseload_ratio. */
export function assignmentMeasures(c: CaseContext, run: MeasureRun, caseload: Caseload): void {
  const named = run.tally('named_care_manager');
  for (const episode of c.episodes) {
    if (!openAtEnd(episode)) continue;
    caseload.add(episode);
    const tier = episode.riskTier;
    if (tier === null || !NAMED_CARE_MANAGER_TIERS.has(tier)) continue;
    const hasCareManager = episode.careManagerId !== null;
    named.count(hasCareManager, tier);
    named.row({
      subjectId: c.caseId,
      scope: c.scope,
      outcome: outcomeOf('named_care_manager', hasCareManager),
      stratum: tier,
      dueMs: null,
      detail: hasCareManager ? `${tier} risk; care manager ${episode.careManagerId}` : `${tier} risk; no care manager`,
    });
  }
}

/** care_plan_consent_involvement: plans consented in the period. */
export function consentMeasure(c: CaseContext, run: MeasureRun): void {
  const tally = run.tally('care_plan_consent_involvement');
  for (const episode of c.episodes) {
    for (const consent of episode.consents) {
      if (consent.ms <= run.bounds.startMs || consent.ms > run.bounds.endMs) continue;
      const byRepresentative = consent.consentedBy !== 'member' || consent.representative;
      const ok = consent.consentGiven && (consent.memberInvolved || byRepresentative);
      tally.count(ok);
      const who = byRepresentative ? 'representative' : 'member';
      tally.row({
        subjectId: c.caseId,
        scope: c.scope,
        outcome: outcomeOf('care_plan_consent_involvement', ok),
        dueMs: consent.ms,
        doneMs: consent.ms,
        detail: `consent ${consent.consentGiven ? 'given' : 'not given'} by ${who}; member ${consent.memberInvolved ? 'involved' : 'not involved'}`,
      });
    }
  }
}

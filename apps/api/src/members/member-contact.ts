import { memberContactPoints, type CaseContactPreference } from '@careloop/domain';
import { contactPreferenceSignal, type MemberView } from '@careloop/contracts';
import type { Logger } from '@nestjs/common';
import type { CaseReadRepository } from '@careloop/persistence';
import type { TemporalGateway } from '../temporal/temporal.gateway';

/**
 * What a case may know of a member's contact preference: the method and
 * which contact points exist (PHI-free), never numbers or addresses. The
 * case input carries it at start; contactPreferenceChanged afterwards.
 */
export function caseContactOf(member: MemberView): CaseContactPreference {
  return { method: member.contactPreferences.method, points: memberContactPoints(member) };
}

/**
 * After the member's record was replaced (PUT /members/:id): send the
 * preference to each of the member's open cases, so their next outreach
 * attempt follows it. Best effort per case: a case that closed meanwhile or
 * a Temporal hiccup is logged (case id only) and skipped; the registry change
 * stands, and the case keeps its previous preference until the next change.
 * Returns the ids of the cases that received it.
 */
export async function sendContactPreference(
  member: MemberView,
  deps: { readonly cases: CaseReadRepository; readonly temporal: TemporalGateway; readonly logger?: Logger },
): Promise<string[]> {
  const planId = member.identifiers.find((i) => i.kind === 'plan')?.value;
  if (planId === undefined) return [];
  const preference = caseContactOf(member);
  const sent: string[] = [];
  for (const caseId of await deps.cases.openCaseIdsOf(planId)) {
    try {
      await deps.temporal.handle(caseId).signal(contactPreferenceSignal, preference);
      sent.push(caseId);
    } catch (err) {
      deps.logger?.warn(`contact preference not sent to case ${caseId}: ${err instanceof Error ? err.name : 'error'}`);
    }
  }
  return sent;
}

import { consentByRepresentative, contactPointIssue, memberContactPoints, representativeMayConsent, type PlanConsent } from '@careloop/domain';
import type { ConsentingRepresentative, FieldError, MemberView } from '@careloop/contracts';
import { ApiError, fieldError } from '../common/api-error';

/**
 * Checks of case actions against the case's member in the registry (issue 16),
 * pure so the unit tests need no registry. `member` null: the case's member
 * is not in the registry. Errors name fields and reasons only, never member data.
 */

/** The contact point must be one of the member's (sms only on a number with smsOk); a member outside the registry cannot be checked. */
export function checkContactPoint(member: MemberView | null, contactPoint: string): void {
  if (member === null) {
    throw fieldError('contactPoint', "The case's member is not in the member registry, so no contact point can be checked; leave contactPoint out.");
  }
  const issue = contactPointIssue(contactPoint, memberContactPoints(member));
  if (issue !== null) throw fieldError('contactPoint', issue);
}

/**
 * Consent by a representative: with a registry member, `representativeId` is
 * required and must name one of the member's representatives with
 * `consent_care_plan` in force on `today` (YYYY-MM-DD). Returns who consented
 * (id and relationship) for the workflow, or undefined for the member's own
 * consent and for a legacy representative consent of a member outside the registry.
 */
export function checkConsentBy(member: MemberView | null, consent: PlanConsent, today: string): ConsentingRepresentative | undefined {
  const field = 'consent.representativeId';
  if (!consentByRepresentative(consent.consentedBy)) {
    if (consent.representativeId !== undefined) throw fieldError(field, 'Only a consent given by a representative names one; leave it out when the member consents.');
    return undefined;
  }
  if (consent.representativeId === undefined) {
    if (member === null) return undefined;
    throw fieldError(field, "Required when a representative consents: the id of the member's representative (rep_…) who gave consent.");
  }
  const rep = member?.representatives.find((r) => r.id === consent.representativeId);
  if (!rep) throw refusal('consent_representative_unknown', field, "Not a representative of the case's member.");
  if (!rep.authorities.includes('consent_care_plan')) {
    throw refusal('consent_representative_without_authority', field, 'The representative has no consent_care_plan authority on the member record.');
  }
  if (!representativeMayConsent(rep, 'consent_care_plan', today)) {
    throw refusal('consent_representative_not_in_force', field, `The representative's consent_care_plan authority is not in force on ${today} (validFrom..validUntil).`);
  }
  return { id: rep.id, relationship: rep.relationship };
}

function refusal(code: 'consent_representative_unknown' | 'consent_representative_without_authority' | 'consent_representative_not_in_force', field: string, reason: string): ApiError {
  const errors: FieldError[] = [{ field, reason }];
  return new ApiError(code, `Consent refused: ${field}: ${reason}`, errors);
}

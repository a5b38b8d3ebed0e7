import { CONTACT_CHANNELS, type ContactChannel, type ContactOutcome } from './contact';
import type { MemberContactMethod } from './member';
import { attemptChannel } from './due-dates';
import type { ProgramPolicy } from './program-policy';

/**
 * A contact point names what the care team tried, without PHI: the kind of
 * point and which one (`phone:mobile`, `sms:home`, `email`, `portal`,
 * `letter:address`, `representative:rep_…`), never a number or address.
 * They appear on attempts, timelines and in case workflow input.
 */
export const CONTACT_POINT_PATTERN = /^(phone:(mobile|home|work)|sms:(mobile|home|work)|email|portal|letter:address|representative:rep_[0-9A-Za-z]{1,40})$/;

export function isContactPoint(value: unknown): value is string {
  return typeof value === 'string' && CONTACT_POINT_PATTERN.test(value);
}

/**
 * The contact points a member record has (structural: libs/domain does not
 * import libs/contracts; MemberView fits). `sms:<use>` only for a number the
 * member agreed to texts on; a representative is a point of their own.
 */
export function memberContactPoints(member: {
  readonly phones: readonly { readonly use: string; readonly smsOk?: boolean }[];
  readonly email?: string;
  readonly portal: boolean;
  readonly address?: unknown;
  readonly representatives: readonly { readonly id: string }[];
}): string[] {
  const points = new Set<string>();
  for (const p of member.phones) {
    points.add(`phone:${p.use}`);
    if (p.smsOk === true) points.add(`sms:${p.use}`);
  }
  if (member.email !== undefined) points.add('email');
  if (member.portal) points.add('portal');
  if (member.address !== undefined) points.add('letter:address');
  for (const r of member.representatives) points.add(`representative:${r.id}`);
  return [...points];
}

/** Why `point` is not one of the member's contact points, or null when it is. Never echoes member data. */
export function contactPointIssue(point: string, memberPoints: readonly string[]): string | null {
  if (!isContactPoint(point)) {
    return 'Must name a contact point: phone:<use>, sms:<use>, email, portal, letter:address or representative:<representative id>.';
  }
  if (memberPoints.includes(point)) return null;
  if (point.startsWith('sms:') && memberPoints.includes(`phone:${point.slice(4)}`)) {
    return 'The member has not agreed to text messages on this number (smsOk).';
  }
  return "Not one of the member's contact points.";
}

/** The channel a contact point belongs to (`representative:` and `email` have none among CONTACT_CHANNELS). */
export function contactPointChannel(point: string): ContactChannel | null {
  const kind = point.split(':')[0];
  return (CONTACT_CHANNELS as readonly string[]).includes(kind!) ? (kind as ContactChannel) : null;
}

/**
 * What a case knows of the member's contact preference: PHI-free (the method
 * and which contact points exist, never numbers). Sent in the case input at
 * start and by the `contactPreferenceChanged` signal afterwards.
 */
export interface CaseContactPreference {
  readonly method: MemberContactMethod;
  readonly points: readonly string[];
}

/**
 * The channel of outreach attempt `attemptNumber`: the member's preferred
 * method when outreach can use it (a channel of CONTACT_CHANNELS with a
 * contact point of that kind) and no earlier attempt on it was a
 * `wrong_number`; otherwise the policy's channel for the attempt, skipping
 * channels that had a wrong number while the policy has another. `email` is
 * not an outreach channel (outreach never emails), so it falls back too.
 */
export function outreachChannel(
  attemptNumber: number,
  policy: Pick<ProgramPolicy, 'screening'>,
  preference: CaseContactPreference | null,
  earlier: readonly { readonly channel: ContactChannel; readonly outcome: ContactOutcome | 'timed_out' | null }[],
): ContactChannel {
  const wrong = new Set(earlier.filter((a) => a.outcome === 'wrong_number').map((a) => a.channel));
  const preferred = preference ? preferredChannel(preference) : null;
  if (preferred && !wrong.has(preferred)) return preferred;
  const planned = attemptChannel(attemptNumber, policy);
  if (!wrong.has(planned)) return planned;
  return policy.screening.channels.find((c) => !wrong.has(c)) ?? planned;
}

function preferredChannel(preference: CaseContactPreference): ContactChannel | null {
  const method = preference.method;
  if (!(CONTACT_CHANNELS as readonly string[]).includes(method)) return null;
  const channel = method as ContactChannel;
  return preference.points.some((p) => contactPointChannel(p) === channel) ? channel : null;
}

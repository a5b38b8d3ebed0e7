import type { MemberContactMethod } from '@careloop/domain';
import { templateLanguage, type NotificationPreferences, type NotificationRequest, type QuietHours, type TemplateLanguage } from '@careloop/contracts';
import type { NotificationSubjectRow, PersonChannelName, StaffContactRow, WorkItemOwnerRow } from '@careloop/persistence';
import { safeTimeZone } from './notification.renderer';

/** A member's registry contact, read at delivery time in the worker (PHI: never logged, never in the outbox). */
export interface MemberContact {
  readonly id: string;
  readonly email: string | null;
  /** A number the member agreed to texts on. */
  readonly smsPhone: string | null;
  readonly method: MemberContactMethod;
  readonly preferredLanguage: string;
  readonly timeZone: string;
}

/** What resolution reads (Postgres and the member registry in the worker; fakes in unit tests). */
export interface RecipientDirectory {
  workItemOwner(workItemId: string): Promise<WorkItemOwnerRow | null>;
  openWorkItemOfTask(caseId: string, taskKey: string): Promise<WorkItemOwnerRow | null>;
  subjectOf(id: string): Promise<NotificationSubjectRow | null>;
  staffWithRole(role: 'care_manager' | 'supervisor', teamId: string | null): Promise<StaffContactRow[]>;
  staffById(id: string): Promise<StaffContactRow | null>;
  preferencesOf(personId: string): Promise<NotificationPreferences | null>;
  memberContact(memberId: string): Promise<MemberContact | null>;
}

export interface Recipient {
  /** `staff:<id>` or `member:<id>`: the delivery row's recipient. */
  readonly ref: string;
  readonly channels: readonly PersonChannelName[];
  readonly language: TemplateLanguage;
  readonly timeZone: string;
  readonly quietHours: QuietHours | null;
}

/** Which senders the worker has: email and SMS rows are planned only for a configured sender. */
export interface AvailableSenders {
  readonly email: boolean;
  readonly sms: boolean;
}

const param = (n: NotificationRequest, name: string): string | null => {
  const v = n.params[name];
  return typeof v === 'string' && v.length > 0 ? v : null;
};

/**
 * Who receives a care_team, supervisor or member notification (docs/notifications.md):
 * - care_team: the owner of the work item the params name (workItemId, else the case's open item of
 *   taskKey): a person, or every active staff of that role in the queue's team; else the case's care
 *   manager; else the care managers of the case's team;
 * - supervisor: the supervisors of the case's team (a review's or complaint's case), else every supervisor;
 * - member: the member (a complaint's member complainant, else the case's member) by their registry contact.
 * Provider and committee notices are not resolved here: they keep the existing channel.
 */
export async function resolveRecipients(n: NotificationRequest, dir: RecipientDirectory, senders: AvailableSenders): Promise<Recipient[]> {
  if (n.audience === 'member') {
    const subject = await dir.subjectOf(n.caseId);
    const memberId = subject?.complainantMemberId ?? subject?.memberId ?? null;
    const contact = memberId ? await dir.memberContact(memberId) : null;
    return contact ? [memberRecipient(contact, senders)].filter((r) => r.channels.length > 0) : [];
  }
  const staff = n.audience === 'care_team' ? await careTeam(n, dir) : n.audience === 'supervisor' ? await supervisors(n, dir) : [];
  const unique = [...new Map(staff.map((s) => [s.id, s])).values()];
  return Promise.all(unique.map(async (s) => staffRecipient(s, await dir.preferencesOf(s.id), senders)));
}

async function careTeam(n: NotificationRequest, dir: RecipientDirectory): Promise<StaffContactRow[]> {
  const workItemId = param(n, 'workItemId');
  const taskKey = param(n, 'taskKey');
  const item = workItemId ? await dir.workItemOwner(workItemId) : taskKey ? await dir.openWorkItemOfTask(n.caseId, taskKey) : null;
  if (item) {
    if (item.ownerStaffId) {
      const person = await dir.staffById(item.ownerStaffId);
      if (person) return [person];
    } else {
      const queue = await dir.staffWithRole(item.ownerRole === 'supervisor' ? 'supervisor' : 'care_manager', item.ownerTeamId);
      if (queue.length > 0) return queue;
    }
  }
  const subject = await dir.subjectOf(n.caseId);
  const named = subject?.careManagerId ?? param(n, 'careManagerId');
  const manager = named ? await dir.staffById(named) : null;
  if (manager) return [manager];
  return subject?.teamId ? dir.staffWithRole('care_manager', subject.teamId) : [];
}

async function supervisors(n: NotificationRequest, dir: RecipientDirectory): Promise<StaffContactRow[]> {
  const subject = await dir.subjectOf(n.caseId);
  const team = subject?.teamId ? await dir.staffWithRole('supervisor', subject.teamId) : [];
  return team.length > 0 ? team : dir.staffWithRole('supervisor', null);
}

/** Staff: the inbox always; email/SMS when chosen (default: email), the person has the address, and the worker has the sender. */
export function staffRecipient(s: StaffContactRow, prefs: NotificationPreferences | null, senders: AvailableSenders): Recipient {
  const chosen = prefs?.channels ?? ['email'];
  const channels: PersonChannelName[] = ['in_app'];
  if (chosen.includes('email') && s.email && senders.email) channels.push('email');
  if (chosen.includes('sms') && s.phone && senders.sms) channels.push('sms');
  return {
    ref: `staff:${s.id}`,
    channels,
    language: prefs?.language ?? templateLanguage(s.languages[0]),
    timeZone: safeTimeZone(prefs?.quietHours?.timeZone ?? 'UTC'),
    quietHours: prefs?.quietHours ?? null,
  };
}

/** Members have no inbox: email for email/portal preference, SMS for sms/phone (with consent), the other as a fallback; letter: none here. */
export function memberRecipient(m: MemberContact, senders: AvailableSenders): Recipient {
  const email = m.email && senders.email ? (['email'] as const) : [];
  const sms = m.smsPhone && senders.sms ? (['sms'] as const) : [];
  const order: readonly PersonChannelName[] = m.method === 'letter' ? [] : m.method === 'sms' || m.method === 'phone' ? [...sms, ...email] : [...email, ...sms];
  return { ref: `member:${m.id}`, channels: order.slice(0, 1), language: templateLanguage(m.preferredLanguage), timeZone: safeTimeZone(m.timeZone), quietHours: null };
}

/** The address of a recipient on a channel, read at send time (null: none any more). */
export async function addressOf(dir: RecipientDirectory, ref: string, channel: 'email' | 'sms'): Promise<string | null> {
  const [kind, id] = [ref.slice(0, ref.indexOf(':')), ref.slice(ref.indexOf(':') + 1)];
  if (kind === 'staff') {
    const s = await dir.staffById(id);
    return (channel === 'email' ? s?.email : s?.phone) ?? null;
  }
  const m = await dir.memberContact(id);
  return (channel === 'email' ? m?.email : m?.smsPhone) ?? null;
}

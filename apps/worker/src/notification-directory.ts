import type { DataSource } from 'typeorm';
import type { MemberContact, RecipientDirectory } from '@careloop/activities';
import { MemberRepository, NotificationPreferencesRepository, NotificationRecipientsRepository, type MemberCrypto } from '@careloop/persistence';

/**
 * The worker's recipient directory: staff, work items and cases from Postgres, a member's contact
 * decrypted from the registry at delivery time (it stays in this process: never logged, never stored
 * in the outbox). Read at each delivery, no cache: a changed owner or address takes effect at once.
 */
export function notificationDirectory(dataSource: DataSource, crypto: MemberCrypto): RecipientDirectory {
  const rows = new NotificationRecipientsRepository(dataSource);
  const prefs = new NotificationPreferencesRepository(dataSource);
  const members = new MemberRepository(dataSource, crypto.cipher, crypto.index);
  return {
    workItemOwner: (id) => rows.workItemOwner(id),
    openWorkItemOfTask: (caseId, taskKey) => rows.openWorkItemOfTask(caseId, taskKey),
    subjectOf: (id) => rows.subjectOf(id),
    staffWithRole: (role, teamId) => rows.staffWithRole(role, teamId),
    staffById: (id) => rows.staffById(id),
    preferencesOf: (id) => prefs.get(id),
    memberContact: async (memberId): Promise<MemberContact | null> => {
      const m = await members.findById(memberId);
      if (!m) return null;
      const r = m.record;
      return {
        id: m.id,
        email: r.email ?? null,
        smsPhone: r.phones.find((p) => p.smsOk)?.number ?? null,
        method: r.contactPreferences.method,
        preferredLanguage: r.preferredLanguage,
        timeZone: r.contactPreferences.timeZone,
      };
    },
  };
}

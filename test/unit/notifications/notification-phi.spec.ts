import { NOTIFICATION_TEMPLATE_AUDIENCES, NOTIFICATION_TEMPLATE_KEYS, TEMPLATE_LANGUAGES, type NotificationAudience } from '@careloop/contracts';
import type { ClaimedDelivery } from '@careloop/persistence';
import { sendClaimed, type MailMessage, type PersonDeliveryDeps, type RecipientDirectory, type SmsMessage } from '../../../activities';
import { PHI_CANARIES, SAMPLE_PARAMS } from './notification-samples';

/** Params carrying canaries a careless channel would echo (params are PHI-free by contract; the channel must not rely on it). */
const PARAMS = { ...SAMPLE_PARAMS, memberName: 'Maria Lopez', birthDate: '1961-04-12', condition: 'diabetes', note: 'depression screening' };

const directory: RecipientDirectory = {
  workItemOwner: async () => null,
  openWorkItemOfTask: async () => null,
  subjectOf: async () => null,
  staffWithRole: async () => [],
  staffById: async (id) => ({ id, email: `${id}@example.org`, phone: '+15550001111', languages: [] }),
  preferencesOf: async () => null,
  memberContact: async (id) => ({ id, email: 'member@example.org', smsPhone: '+15550002222', method: 'email', preferredLanguage: 'es', timeZone: 'UTC' }),
};

function harness() {
  const mail: MailMessage[] = [];
  const sms: SmsMessage[] = [];
  const deps: PersonDeliveryDeps = {
    store: { plan: async () => undefined, claimDue: async () => [], markDelivered: async () => undefined, markFailed: async () => undefined },
    inbox: { write: async () => undefined },
    directory,
    mail: { send: async (m) => void mail.push(m) },
    sms: { send: async (m) => void sms.push(m) },
    publicUrl: 'https://careloop.example.org/',
    memberContactPoint: 'https://portal.example.org or +1 555 000 3333',
  };
  return { deps, mail, sms };
}

const cases = NOTIFICATION_TEMPLATE_KEYS.flatMap((template) =>
  (NOTIFICATION_TEMPLATE_AUDIENCES[template] as readonly NotificationAudience[]).flatMap((audience) => TEMPLATE_LANGUAGES.map((language) => [template, audience, language] as const)),
);

describe('the PHI rule: email and SMS say only that there is something to read, and where', () => {
  it.each(cases)('%s to %s (%s)', async (template, audience, language) => {
    const { deps, mail, sms } = harness();
    const recipient = audience === 'member' ? 'member:m-1' : 'staff:cm-1';
    const row = (channel: 'email' | 'sms'): ClaimedDelivery => ({
      notificationKey: `c-1:${template}`, recipient, channel, language, timeZone: 'UTC', notBefore: new Date(), attempts: 1,
      notification: { key: `c-1:${template}`, caseId: 'c-1', audience, channel: 'task_queue', template, params: PARAMS },
    });
    expect(await sendClaimed([row('email'), row('sms')], deps)).toEqual([]);
    expect(mail).toHaveLength(1);
    expect(sms).toHaveLength(1);
    const texts = [mail[0]!.subject, mail[0]!.text, mail[0]!.messageId, sms[0]!.text, sms[0]!.reference];
    const paramValues = Object.values(PARAMS).filter((v): v is string => typeof v === 'string' && v.length > 3);
    for (const text of texts) {
      for (const word of [...PHI_CANARIES, ...paramValues, template, ...template.split('_').filter((w) => w.length > 4 && w !== 'notice')]) {
        expect(text.toLowerCase()).not.toContain(word.toLowerCase());
      }
    }
    // …and where to read it: the console's inbox for staff, the configured contact point for members.
    const where = audience === 'member' ? deps.memberContactPoint : 'https://careloop.example.org/app/inbox';
    expect(mail[0]!.text).toContain(where);
    expect(sms[0]!.text).toContain(where);
  });
});

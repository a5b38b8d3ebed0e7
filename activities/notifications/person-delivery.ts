import { createHash } from 'node:crypto';
import type { NotificationRequest } from '@careloop/contracts';
import type { ClaimedDelivery, DeliveryPlan, InboxMessageInput } from '@careloop/persistence';
import type { MailSender } from '../provider-notice.channel';
import { renderAlert, renderMessage } from './notification.renderer';
import { addressOf, type RecipientDirectory } from './recipient.resolver';
import type { SmsSender } from './sms.sender';

/** The delivery rows (NotificationDeliveryRepository in the worker). */
export interface DeliveryStore {
  plan(rows: readonly DeliveryPlan[]): Promise<void>;
  claimDue(opts: { readonly notificationKey?: string; readonly limit: number; readonly leaseMs: number }): Promise<ClaimedDelivery[]>;
  markDelivered(d: Pick<DeliveryPlan, 'notificationKey' | 'recipient' | 'channel'>): Promise<void>;
  markFailed(d: Pick<DeliveryPlan, 'notificationKey' | 'recipient' | 'channel'>, error: string, retryAt: Date | null): Promise<void>;
}

export interface InboxWriter {
  write(message: InboxMessageInput): Promise<void>;
}

export interface PersonDeliveryDeps {
  readonly store: DeliveryStore;
  readonly inbox: InboxWriter;
  readonly directory: RecipientDirectory;
  readonly mail: MailSender | null;
  readonly sms: SmsSender | null;
  /** The console's base URL (staff emails link to its inbox). */
  readonly publicUrl: string;
  /** Where a member reads a message or calls (their email/SMS says only this). */
  readonly memberContactPoint: string;
  readonly leaseMs?: number;
  readonly maxAttempts?: number;
  readonly now?: () => Date;
}

export const DEFAULT_DELIVERY_LEASE_MS = 5 * 60_000;
export const DEFAULT_DELIVERY_MAX_ATTEMPTS = 8;

/** Back-off of a failed email/SMS: 1, 2, 4 … minutes, at most 6 hours; null after the last attempt (failed for good). */
export function retryAt(now: Date, attempts: number, maxAttempts: number): Date | null {
  return attempts >= maxAttempts ? null : new Date(now.getTime() + Math.min(2 ** (attempts - 1) * 60_000, 6 * 3600_000));
}

/** The console path a message opens: the case for case and discharge notices, else none. */
export function messageLink(n: Pick<NotificationRequest, 'template' | 'caseId'>): string | null {
  return /^(ur|complaint)_/.test(n.template) ? null : `/app/cases/${encodeURIComponent(n.caseId)}`;
}

/** A PHI-free reference of one delivery (message id, SMS idempotency key). */
const reference = (d: ClaimedDelivery): string => createHash('sha256').update(`${d.notificationKey}|${d.recipient}|${d.channel}`).digest('hex').slice(0, 32);

async function sendOne(d: ClaimedDelivery, deps: PersonDeliveryDeps): Promise<void> {
  const n = d.notification;
  if (d.channel === 'in_app') {
    const message = renderMessage(n, d.language, d.timeZone);
    const workItemId = typeof n.params['workItemId'] === 'string' ? n.params['workItemId'] : null;
    await deps.inbox.write({ recipientId: d.recipient.slice('staff:'.length), notificationKey: n.key, template: n.template, ...message, caseId: n.caseId, workItemId, link: messageLink(n) });
    return;
  }
  const to = await addressOf(deps.directory, d.recipient, d.channel);
  if (!to) throw new Error(`no ${d.channel === 'email' ? 'email address' : 'SMS number'} on record any more`);
  // The PHI rule: email and SMS say only that there is a message and where — never the template's detail.
  const where = d.recipient.startsWith('staff:') ? `${deps.publicUrl.replace(/\/+$/, '')}/app/inbox` : deps.memberContactPoint;
  const alert = renderAlert(d.language, where);
  if (d.channel === 'email') {
    if (!deps.mail) throw new Error('no SMTP relay configured');
    await deps.mail.send({ to, subject: alert.subject, text: alert.text, messageId: `<${reference(d)}@careloop.notices>` });
  } else {
    if (!deps.sms) throw new Error('no SMS provider configured');
    await deps.sms.send({ to, text: alert.sms, reference: reference(d) });
  }
}

/**
 * Sends claimed deliveries one by one: each row's outcome is its own (a failing address or
 * channel does not stop the others). A failure is retried later by the sweeper (back-off), up
 * to maxAttempts. Answers the rows that failed this time.
 */
export async function sendClaimed(rows: readonly ClaimedDelivery[], deps: PersonDeliveryDeps): Promise<ClaimedDelivery[]> {
  const failed: ClaimedDelivery[] = [];
  for (const d of rows) {
    try {
      await sendOne(d, deps);
      await deps.store.markDelivered(d);
    } catch (err) {
      failed.push(d);
      const now = deps.now?.() ?? new Date();
      // An inbox write is due again at once (the activity's retry writes it); email and SMS back off.
      const next = d.channel === 'in_app' ? now : retryAt(now, d.attempts, deps.maxAttempts ?? DEFAULT_DELIVERY_MAX_ATTEMPTS);
      await deps.store.markFailed(d, `${d.channel}: ${err instanceof Error ? err.message : String(err)}`, next);
    }
  }
  return failed;
}

/** One sweep: sends every due pending delivery (quiet hours over, back-off passed, lease expired). Answers how many it claimed. */
export async function sweepDueDeliveries(deps: PersonDeliveryDeps, batch = 50): Promise<number> {
  const rows = await deps.store.claimDue({ limit: batch, leaseMs: deps.leaseMs ?? DEFAULT_DELIVERY_LEASE_MS });
  await sendClaimed(rows, deps);
  return rows.length;
}

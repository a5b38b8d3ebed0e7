import type { NotificationRequest } from '@careloop/contracts';
import type { DeliveryPlan } from '@careloop/persistence';
import { ChannelDeliveryError, type NotificationChannel } from '../case.ports';
import { DEFAULT_DELIVERY_LEASE_MS, sendClaimed, type PersonDeliveryDeps } from './person-delivery';
import { quietUntil } from './quiet-hours';
import { resolveRecipients } from './recipient.resolver';

const PEOPLE_AUDIENCES: readonly NotificationRequest['audience'][] = ['care_team', 'supervisor', 'member'];

/**
 * The notification service behind the delivery activities (issue 17): care-team, supervisor and
 * member notices go to people — resolved now, at delivery time, in the worker — as an inbox message
 * (staff, always at once) and email/SMS (per preference, after quiet hours). Every notification then
 * also goes to `inner` as before (provider directory, the webhook or the log), so provider and
 * committee notices and existing integrations are unchanged.
 *
 * Idempotent: the delivery rows are planned once per (key, recipient, channel) and sent only while
 * pending, so a retried activity sends nothing twice. An inbox write that fails throws (Temporal
 * retries the activity); an email or SMS that fails stays pending for the sweeper instead, so a
 * broken relay never holds back the case's later effects.
 */
export class PeopleNotificationChannel implements NotificationChannel {
  readonly name = 'people';

  constructor(
    private readonly deps: PersonDeliveryDeps,
    private readonly inner: NotificationChannel,
  ) {}

  async deliver(n: NotificationRequest): Promise<void> {
    if (PEOPLE_AUDIENCES.includes(n.audience)) {
      await this.toPeople(n);
    }
    await this.inner.deliver(n);
  }

  private async toPeople(n: NotificationRequest): Promise<void> {
    const now = this.deps.now?.() ?? new Date();
    const recipients = await resolveRecipients(n, this.deps.directory, { email: this.deps.mail !== null, sms: this.deps.sms !== null });
    const plans: DeliveryPlan[] = recipients.flatMap((r) =>
      r.channels.map((channel) => ({
        notificationKey: n.key,
        recipient: r.ref,
        channel,
        language: r.language,
        timeZone: r.timeZone,
        notBefore: channel === 'in_app' ? now : (quietUntil(now, r.quietHours) ?? now),
      })),
    );
    await this.deps.store.plan(plans);
    const due = await this.deps.store.claimDue({ notificationKey: n.key, limit: 500, leaseMs: this.deps.leaseMs ?? DEFAULT_DELIVERY_LEASE_MS });
    const failed = await sendClaimed(due, this.deps);
    if (failed.some((d) => d.channel === 'in_app')) {
      throw new ChannelDeliveryError('inbox', 'an inbox message was not written');
    }
  }
}

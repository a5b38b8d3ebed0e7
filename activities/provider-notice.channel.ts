import { createHash } from 'node:crypto';
import { PROVIDER_NOTICE_PATH, type NotificationRequest, type ProviderEndpoint } from '@careloop/contracts';
import { ChannelDeliveryError, type NotificationChannel } from './case.ports';

/** The active directory entry's endpoint for a provider id, or null (unknown or inactive). */
export interface ProviderEndpointLookup {
  endpointOf(providerId: string): Promise<ProviderEndpoint | null>;
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  /** Stable per notification, so a relay or inbox can drop a repeat. */
  readonly messageId: string;
}

/** Sends one message through the configured SMTP relay (apps/worker wires nodemailer). */
export interface MailSender {
  send(message: MailMessage): Promise<void>;
}

/** The provider a provider-audience notice is for: the explicit recipient, else the id its params name. */
export function noticeRecipient(n: NotificationRequest): string | null {
  if (n.audience !== 'provider') {
    return null;
  }
  const named = n.recipientProviderId ?? n.params['providerId'] ?? n.params['pcpId'];
  return typeof named === 'string' && named.length > 0 ? named : null;
}

/**
 * What a provider receives: that there is a notice and where to read it in CareLoop. Nothing else —
 * no case id, member reference, name or clinical detail (the channel leaves CareLoop's boundary;
 * reading the notice needs the provider's sign-in, which is audited).
 */
export function providerNoticeMessage(n: NotificationRequest, publicUrl: string): { subject: string; text: string; link: string; reference: string } {
  const link = `${publicUrl.replace(/\/+$/, '')}${PROVIDER_NOTICE_PATH}`;
  const reference = createHash('sha256').update(n.key).digest('hex').slice(0, 32);
  return {
    subject: 'CareLoop: a new notice for you',
    text: `You have a new notice in CareLoop (${n.template.replace(/_/g, ' ')}).\nSign in to read it: ${link}\nReference: ${reference}\n`,
    link,
    reference,
  };
}

/**
 * Routes provider-audience notices to the named provider's directory endpoint: webhook → JSON POST
 * (Idempotency-Key: the notice's reference), email and Direct → the SMTP relay. Every other
 * notification, and a provider notice naming no active directory entry, goes to `fallback` as before.
 * An email/Direct endpoint without a relay (CARELOOP_SMTP_URL unset: a local demo) goes to `fallback`
 * too, as every notice did before the directory: a failure there would be retried for hours and hold
 * back the case's later effects, which the pump delivers in order (docs/operations.md). The worker
 * warns at boot when no relay is set.
 */
export class ProviderNoticeChannel implements NotificationChannel {
  readonly name = 'provider-directory';

  constructor(
    private readonly deps: {
      readonly directory: ProviderEndpointLookup;
      readonly fallback: NotificationChannel;
      readonly mail: MailSender | null;
      readonly publicUrl: string;
      readonly timeoutMs?: number;
    },
  ) {}

  async deliver(n: NotificationRequest): Promise<void> {
    const providerId = noticeRecipient(n);
    const endpoint = providerId ? await this.deps.directory.endpointOf(providerId) : null;
    if (!providerId || !endpoint) {
      return this.viaFallback(n);
    }
    const message = providerNoticeMessage(n, this.deps.publicUrl);
    if (endpoint.kind === 'webhook') {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': message.reference },
        body: JSON.stringify({ kind: 'careloop.provider_notice', providerId, notice: n.template, reference: message.reference, readAt: message.link, message: message.text }),
        signal: AbortSignal.timeout(this.deps.timeoutMs ?? 10_000),
      });
      if (!res.ok) {
        throw new ChannelDeliveryError('provider-webhook', `provider webhook answered ${res.status}`);
      }
      return;
    }
    if (!this.deps.mail) {
      return this.viaFallback(n);
    }
    await this.deps.mail.send({ to: endpoint.address, subject: message.subject, text: message.text, messageId: `<${message.reference}@careloop.notices>` }).catch((err: unknown) => {
      throw new ChannelDeliveryError(`provider-${endpoint.kind}`, err instanceof Error ? err.message : String(err));
    });
  }

  /** The default channel; its failure is named by it (the outbox's last error says "webhook: …", not this router). */
  private async viaFallback(n: NotificationRequest): Promise<void> {
    try {
      await this.deps.fallback.deliver(n);
    } catch (err) {
      throw err instanceof ChannelDeliveryError ? err : new ChannelDeliveryError(this.deps.fallback.name, err instanceof Error ? err.message : String(err));
    }
  }
}

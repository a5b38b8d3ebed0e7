export interface SmsMessage {
  /** E.164. */
  readonly to: string;
  readonly text: string;
  /** Stable per delivery: the provider's idempotency key, so a repeat is dropped. */
  readonly reference: string;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/**
 * SMS through an HTTP provider adapter (CARELOOP_SMS_URL, CARELOOP_SMS_TOKEN): one JSON POST
 * `{to, text, reference}` with `Authorization: Bearer <token>` and `Idempotency-Key: <reference>`.
 * A gateway for a specific vendor (Twilio, Vonage…) sits behind that URL. Non-2xx is a failure;
 * the error names the status only, never the number.
 */
export class HttpSmsSender implements SmsSender {
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(m: SmsMessage): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': m.reference, ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ to: m.to, text: m.text, reference: m.reference }),
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch((err: unknown) => {
      throw new Error(`SMS provider unreachable (${(err as { name?: string }).name ?? 'error'})`);
    });
    if (!res.ok) {
      throw new Error(`SMS provider answered ${res.status}`);
    }
  }
}

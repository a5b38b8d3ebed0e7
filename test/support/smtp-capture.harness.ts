import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  readonly to: string[];
  /** The message as received (headers and body); `decoded` also turns quoted-printable back into text. */
  readonly raw: string;
}

export interface SmtpCapture {
  /** `smtp://127.0.0.1:<port>`, for CARELOOP_SMTP_URL. */
  readonly url: string;
  readonly mails: CapturedMail[];
  close(): Promise<void>;
}

/** Quoted-printable (what nodemailer sends non-ASCII text as) back to text, so assertions read the words. */
export const decodeQuotedPrintable = (raw: string): string =>
  Buffer.from(raw.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8');

/**
 * A real SMTP server on a free local port that keeps every message it is sent, so tests read what
 * CareLoop's mail delivery (nodemailer) actually put on the wire. No TLS and no auth: localhost only.
 */
export async function startSmtpCapture(options: { decode?: boolean } = {}): Promise<SmtpCapture> {
  const mails: CapturedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString()));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: options.decode ? decodeQuotedPrintable(raw) : raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`,
    mails,
    close: () => new Promise<void>((resolve) => server.close(resolve)),
  };
}

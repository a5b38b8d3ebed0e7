import { createTransport, type Transporter } from 'nodemailer';
import type { MailMessage, MailSender } from '@careloop/activities';

/**
 * Email and Direct notices through the SMTP relay of CARELOOP_SMTP_URL (nodemailer: the maintained
 * Node SMTP client; smtp:// or smtps://, credentials in the URL). A Direct address goes to the same
 * relay: a HISP accepts Direct messages over SMTP. The error names the SMTP status only, never the
 * recipient (it becomes the outbox row's last error).
 */
export class SmtpMailSender implements MailSender {
  private readonly transport: Transporter;

  constructor(
    url: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(url);
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text, messageId: message.messageId });
    } catch (err) {
      const e = err as { responseCode?: number; code?: string };
      throw new Error(`SMTP relay refused or unreachable (${e.responseCode ?? e.code ?? 'error'})`);
    }
  }

  close(): void {
    this.transport.close();
  }
}

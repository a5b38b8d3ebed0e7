/**
 * What people read (issue 17): in-app inbox messages and per-person delivery preferences.
 * The inbox holds the detail (it is behind authentication); email and SMS only say that
 * there is something to see and where — never clinical detail (docs/notifications.md).
 */
export const NOTIFICATION_DELIVERY_CHANNELS = ['in_app', 'email', 'sms', 'webhook'] as const;
export type NotificationDeliveryChannel = (typeof NOTIFICATION_DELIVERY_CHANNELS)[number];

/** Languages with a full set of templates; other preferred languages fall back to English. */
export const TEMPLATE_LANGUAGES = ['en', 'es'] as const;
export type TemplateLanguage = (typeof TEMPLATE_LANGUAGES)[number];

export interface InboxMessageView {
  readonly id: string;
  /** The outbox notification it came from (its idempotency key). */
  readonly notificationKey: string;
  readonly template: string;
  readonly subject: string;
  readonly body: string;
  readonly language: TemplateLanguage;
  readonly caseId: string | null;
  /** The work item the message is about (a reminder or escalation), when there is one. */
  readonly workItemId: string | null;
  /** Console path to open (`/app/cases/…`, `/app/work`, …). */
  readonly link: string | null;
  readonly createdAt: string;
  readonly readAt: string | null;
}

export interface InboxPage {
  readonly items: readonly InboxMessageView[];
  readonly nextCursor?: string;
  readonly unread: number;
}

/** Quiet hours in the person's time zone: email and SMS wait until they end; the inbox always receives at once. */
export interface QuietHours {
  /** `HH:MM`, 24-hour. */
  readonly start: string;
  readonly end: string;
  readonly timeZone: string;
}

export interface NotificationPreferences {
  /** Channels besides the inbox (always on for staff). */
  readonly channels: readonly Exclude<NotificationDeliveryChannel, 'in_app' | 'webhook'>[];
  readonly quietHours: QuietHours | null;
  readonly language: TemplateLanguage;
}

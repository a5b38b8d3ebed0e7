import type { NotificationTemplateKey, TemplateAudience } from '@careloop/contracts';

/** What a template reads from the notification's (PHI-free) params, already formatted for the recipient. */
export interface TemplateFields {
  /** The param as text; '' when absent or null. */
  v(name: string): string;
  /** An ISO-instant param as a date and time in the recipient's language and time zone; '' when absent. */
  at(name: string): string;
  /** A vocabulary value (task kind, clock subject, decision, risk tier…) in the recipient's language. */
  term(name: string): string;
}

export interface TemplateText {
  readonly subject: (f: TemplateFields) => string;
  readonly body: (f: TemplateFields) => string;
}

/**
 * One language's texts: a mapped type over the template vocabulary, so a template or
 * audience without a text is a compile error (plain typed functions, not a template
 * engine: a misspelt or missing part fails at build time, not as a `{{name}}` at delivery).
 */
export type TemplateSet = { readonly [K in NotificationTemplateKey]: { readonly [A in TemplateAudience<K>]: TemplateText } };

/** The insecure-channel notice (email, SMS): only that there is something to read, and where. */
export interface AlertText {
  readonly subject: string;
  readonly body: (where: string) => string;
  readonly sms: (where: string) => string;
}

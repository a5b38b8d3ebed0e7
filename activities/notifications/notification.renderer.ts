import { isNotificationTemplateKey, NOTIFICATION_TEMPLATE_AUDIENCES, type NotificationRequest, type TemplateLanguage } from '@careloop/contracts';
import type { AlertText, TemplateFields, TemplateSet, TemplateText } from './template.types';
import { EN_ALERT, EN_TEMPLATES, EN_TERMS } from './templates.en';
import { ES_ALERT, ES_TEMPLATES, ES_TERMS } from './templates.es';

/** The registry: every language has every (template, audience) — enforced by TemplateSet's type. */
export const TEMPLATES: Readonly<Record<TemplateLanguage, TemplateSet>> = { en: EN_TEMPLATES, es: ES_TEMPLATES };
export const ALERTS: Readonly<Record<TemplateLanguage, AlertText>> = { en: EN_ALERT, es: ES_ALERT };
const TERMS: Readonly<Record<TemplateLanguage, Readonly<Record<string, string>>>> = { en: EN_TERMS, es: ES_TERMS };


export interface RenderedMessage {
  readonly subject: string;
  readonly body: string;
  readonly language: TemplateLanguage;
}

type Renderable = Pick<NotificationRequest, 'template' | 'audience' | 'caseId' | 'params'>;

function fields(n: Renderable, language: TemplateLanguage, timeZone: string): TemplateFields {
  const raw = (name: string): string => {
    const value = name === 'caseId' ? n.caseId : n.params[name];
    return value === null || value === undefined ? '' : String(value);
  };
  const zone = safeTimeZone(timeZone);
  const format = new Intl.DateTimeFormat(language === 'es' ? 'es' : 'en-US', { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: zone, timeZoneName: 'short' });
  return {
    v: raw,
    at: (name) => {
      const value = raw(name);
      const ms = Date.parse(value);
      return value === '' ? '' : Number.isNaN(ms) ? value : format.format(ms);
    },
    term: (name) =>
      raw(name)
        .split(',')
        .map((part) => TERMS[language][part] ?? part.replace(/_/g, ' '))
        .join(', '),
  };
}

/** An IANA zone Intl accepts, else UTC (a bad preference must not fail a delivery). */
export function safeTimeZone(timeZone: string | null | undefined): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: timeZone ?? 'UTC' });
    return timeZone ?? 'UTC';
  } catch {
    return 'UTC';
  }
}

/** The template text of (template, audience), or null when the registry has none (a template newer than this worker). */
export function templateText(template: string, audience: string, language: TemplateLanguage): TemplateText | null {
  if (!isNotificationTemplateKey(template)) return null;
  const audiences: readonly string[] = NOTIFICATION_TEMPLATE_AUDIENCES[template];
  if (!audiences.includes(audience)) return null;
  return (TEMPLATES[language][template] as Readonly<Record<string, TemplateText>>)[audience] ?? null;
}

/** The in-app message (the detail), in the recipient's language and time zone. */
export function renderMessage(n: Renderable, language: TemplateLanguage, timeZone = 'UTC'): RenderedMessage {
  const text = templateText(n.template, n.audience, language);
  const f = fields(n, language, timeZone);
  if (!text) {
    // Unknown to this build: say what it is by name rather than drop it (names are PHI-free vocabulary).
    const name = n.template.replace(/_/g, ' ');
    return language === 'es'
      ? { subject: `Notificación: ${name}`, body: `Notificación ${name} (caso ${f.v('caseId')}).`, language }
      : { subject: `Notification: ${name}`, body: `Notification ${name} (case ${f.v('caseId')}).`, language };
  }
  return { subject: text.subject(f), body: text.body(f), language };
}

/** What email and SMS carry: that there is a message and where to read it — never the template's detail. */
export function renderAlert(language: TemplateLanguage, where: string): { subject: string; text: string; sms: string } {
  const alert = ALERTS[language];
  return { subject: alert.subject, text: alert.body(where), sms: alert.sms(where) };
}

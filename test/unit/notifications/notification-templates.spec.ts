import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { CLOCK_NOTICE_TEMPLATES, NOTIFICATION_TEMPLATE_AUDIENCES, NOTIFICATION_TEMPLATE_KEYS, TEMPLATE_LANGUAGES, templateLanguage, type NotificationAudience } from '@careloop/contracts';
import { renderMessage, templateText } from '../../../activities/notifications';
import { SAMPLE_PARAMS } from './notification-samples';

const LEFTOVER = /undefined|null|NaN|\[object|\{\{|\}\}|\$\{|Invalid Date/;

function sources(dir: string): string {
  return readdirSync(dir)
    .map((name) => join(dir, name))
    .map((path) => (statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? readFileSync(path, 'utf8') : ''))
    .join('\n');
}

/** Template names the workflows write as literals: `template: 'x'`, and the state classes' notify helpers' string arguments. */
function workflowTemplates(): Set<string> {
  const text = sources(join(__dirname, '../../../workflows'));
  const found = new Set<string>();
  for (const m of text.matchAll(/template: '([a-z_]+)'/g)) found.add(m[1]!);
  for (const m of text.matchAll(/\.notify(?:Complainant|Supervisor)?\((?:`[^`]*`|'[^']*'), (?:'(?:care_team|supervisor|provider|member)', )?'([a-z_]+)'/g)) found.add(m[1]!);
  for (const m of text.matchAll(/this\.notify\(t\.task, '[a-z]+', '[a-z_]+', '([a-z_]+)'/g)) found.add(m[1]!);
  for (const m of text.matchAll(/this\.notification\('[a-z_]+', step, '[a-z_]+', '([a-z_]+)'/g)) found.add(m[1]!);
  return found;
}

describe('notification templates', () => {
  it('cover every template the workflows can send (literals, the computed review and progress ones, and the clock notices)', () => {
    const computed = ['plan_review_due', 'reassessment_due', 'symptom_increase', 'adherence_variation', ...CLOCK_NOTICE_TEMPLATES];
    const emitted = new Set([...workflowTemplates(), ...computed]);
    expect(emitted.size).toBeGreaterThan(30);
    expect([...emitted].filter((t) => !NOTIFICATION_TEMPLATE_KEYS.includes(t as never)).sort()).toEqual([]);
    // …and the registry holds nothing the workflows never send.
    expect(NOTIFICATION_TEMPLATE_KEYS.filter((t) => !emitted.has(t)).sort()).toEqual([]);
  });

  const cases = NOTIFICATION_TEMPLATE_KEYS.flatMap((template) => (NOTIFICATION_TEMPLATE_AUDIENCES[template] as readonly NotificationAudience[]).map((audience) => [template, audience] as const));

  it.each(cases)('%s to %s has English and Spanish texts that render without leftovers', (template, audience) => {
    const rendered = TEMPLATE_LANGUAGES.map((language) => {
      expect(templateText(template, audience, language)).not.toBeNull();
      const full = renderMessage({ template, audience, caseId: 'c-1', params: SAMPLE_PARAMS }, language, 'America/Chicago');
      const bare = renderMessage({ template, audience, caseId: 'c-1', params: {} }, language);
      for (const text of [full.subject, full.body, bare.subject, bare.body]) {
        expect(text.trim().length).toBeGreaterThan(5);
        expect(text).not.toMatch(LEFTOVER);
      }
      expect(full.language).toBe(language);
      return full;
    });
    // Spanish is a translation, not a copy of the English.
    expect(rendered[1]!.body).not.toBe(rendered[0]!.body);
  });

  it('renders a template newer than the registry by name instead of failing', () => {
    const m = renderMessage({ template: 'brand_new_notice', audience: 'care_team', caseId: 'c-1', params: {} }, 'en');
    expect(m.subject).toBe('Notification: brand new notice');
  });

  it.each([
    ['es', 'es'], ['es-MX', 'es'], ['en-US', 'en'], ['zh-Hant', 'en'], [undefined, 'en'], ['', 'en'],
  ])('preferred language %s → %s (English is the fallback)', (preferred, language) => {
    expect(templateLanguage(preferred)).toBe(language);
  });
});

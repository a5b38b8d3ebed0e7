import { useEffect, useState, type FormEvent } from 'react';
import type { NotificationPreferences } from '@careloop/contracts';
import { api, ApiProblem } from './api.client';
import { useLoad } from './data.hook';
import { ProblemNotice } from './problem.notice';

/** My delivery preferences: email/SMS besides the inbox, quiet hours in my time zone, language (PUT /me/notification-preferences). */
export function NotificationPreferencesForm() {
  const saved = useLoad(() => api.get<NotificationPreferences>('/me/notification-preferences'), []);
  const [draft, setDraft] = useState<NotificationPreferences | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    if (saved.data) setDraft(saved.data);
  }, [saved.data]);
  if (!draft) return saved.problem ? <ProblemNotice problem={saved.problem} /> : null;

  const toggle = (channel: 'email' | 'sms', on: boolean) => setDraft({ ...draft, channels: on ? [...draft.channels.filter((c) => c !== channel), channel] : draft.channels.filter((c) => c !== channel) });
  const quiet = draft.quietHours;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice('');
    try {
      setDraft(await api.put<NotificationPreferences>('/me/notification-preferences', draft));
      setProblem(null);
      setNotice('Preferences saved.');
    } catch (err) {
      setProblem(err instanceof ApiProblem ? err : new ApiProblem(0, 'console_error', String(err)));
    }
  };

  return (
    <form aria-label="Notification preferences" onSubmit={(e) => void submit(e)}>
      <h2>Notification preferences</h2>
      <p className="muted">The inbox always receives your messages. Email and SMS only say that there is something to read here.</p>
      <fieldset>
        <legend>Also tell me by</legend>
        <label>
          <input type="checkbox" checked={draft.channels.includes('email')} onChange={(e) => toggle('email', e.target.checked)} /> Email
        </label>{' '}
        <label>
          <input type="checkbox" checked={draft.channels.includes('sms')} onChange={(e) => toggle('sms', e.target.checked)} /> SMS
        </label>
      </fieldset>
      <fieldset>
        <legend>Quiet hours (email and SMS wait until they end)</legend>
        <label>
          <input type="checkbox" checked={quiet !== null} onChange={(e) => setDraft({ ...draft, quietHours: e.target.checked ? { start: '22:00', end: '07:00', timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone } : null })} /> Use quiet hours
        </label>
        {quiet && (
          <>
            {' '}
            <label>
              From <input type="time" value={quiet.start} onChange={(e) => setDraft({ ...draft, quietHours: { ...quiet, start: e.target.value } })} />
            </label>{' '}
            <label>
              to <input type="time" value={quiet.end} onChange={(e) => setDraft({ ...draft, quietHours: { ...quiet, end: e.target.value } })} />
            </label>{' '}
            <label>
              Time zone <input value={quiet.timeZone} onChange={(e) => setDraft({ ...draft, quietHours: { ...quiet, timeZone: e.target.value } })} />
            </label>
          </>
        )}
      </fieldset>
      <label>
        Language{' '}
        <select value={draft.language} onChange={(e) => setDraft({ ...draft, language: e.target.value as NotificationPreferences['language'] })}>
          <option value="en">English</option>
          <option value="es">Español</option>
        </select>
      </label>{' '}
      <button type="submit">Save preferences</button>
      {problem && <ProblemNotice problem={problem} />}
      {notice && <p role="status">{notice}</p>}
    </form>
  );
}

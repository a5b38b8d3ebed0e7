import { api } from './api.client';
import type { CaseActionResult } from '@careloop/contracts';
import { label, stepTitle } from './format';

/** Runs a care-team action on a case and says where the case now stands. */
export async function act(caseId: string, path: string, body: unknown = {}): Promise<string> {
  const r = await api.post<CaseActionResult>(`/cases/${caseId}/${path}`, body);
  return `Saved. The case is now in ${label(r.phase).toLowerCase()}${r.step ? `, step ${stepTitle(r.step)}` : ''}${r.status === 'paused' ? ' (paused)' : ''}.`;
}

/** What every action form gets: the case and a way to refresh the page after acting. */
export interface ActionProps {
  readonly caseId: string;
  /** Called with what to tell the user (the form may be gone by then: the task it served is done). */
  readonly onDone: (message?: string) => void;
}

/** After a successful action: refresh the case, pass the message on. */
export function finish(onDone: (message?: string) => void): (message: string) => string {
  return (message) => {
    onDone(message);
    return message;
  };
}

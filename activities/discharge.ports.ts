import type { CaseWorkflowInput, ExternalCaseEvent, NotificationRequest } from '@careloop/contracts';
import type { NotificationOutbox } from './case.ports';

/**
 * Port: puts an event on a member's case, starting the case first when no run
 * is open (signal-with-start). Safe to repeat: the case records an event once
 * per key, and a running case is never started twice.
 */
export interface CaseSignaller {
  signalWithStart(caseId: string, caseStart: CaseWorkflowInput, event: ExternalCaseEvent): Promise<{ readonly started: boolean }>;
}

/** The notification outbox, for senders that are not case workflows (their rows are not written by a case event). */
export interface NotificationQueue extends NotificationOutbox {
  /** Inserts the row as pending; a key that exists already is left as it is. */
  enqueue(notification: NotificationRequest): Promise<void>;
}

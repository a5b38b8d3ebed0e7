import type { CaseWorkflowInput, ExternalCaseEvent } from '@careloop/contracts';

/**
 * Port: puts an event on a member's case, starting the case first when no run
 * is open (signal-with-start). Safe to repeat: the case records an event once
 * per key, and a running case is never started twice.
 */
export interface CaseSignaller {
  signalWithStart(caseId: string, caseStart: CaseWorkflowInput, event: ExternalCaseEvent): Promise<{ readonly started: boolean }>;
}

/** The notification outbox, for senders that are not case workflows (their rows are not written by a case event). */

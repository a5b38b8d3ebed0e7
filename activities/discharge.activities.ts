import type { CaseWorkflowInput, EnsureCaseResult, ExternalCaseEvent, NotificationRequest } from '@careloop/contracts';
import type { NotificationChannel } from './case.ports';
import { deliverOnce } from './case.activities';
import type { CaseSignaller } from './discharge.ports';
import type { NotificationQueue } from './case.ports';

export interface DischargeActivityDeps {
  readonly cases: CaseSignaller;
  readonly outbox: NotificationQueue;
  readonly channel: NotificationChannel;
}

export interface EnsureCaseInput {
  readonly caseId: string;
  readonly caseStart: CaseWorkflowInput;
  /** The discharge report, delivered with the start so the case never exists without it. */
  readonly report: ExternalCaseEvent;
}

/**
 * Activities of discharge planning. Both are idempotent: the case keeps an
 * event once per key, and the outbox delivers a key once.
 */
export function createDischargeActivities({ cases, outbox, channel }: DischargeActivityDeps) {
  return {
    async ensureCaseWithDischarge({ caseId, caseStart, report }: EnsureCaseInput): Promise<EnsureCaseResult> {
      return cases.signalWithStart(caseId, caseStart, report);
    },

    async sendTransitionNotification(notification: NotificationRequest): Promise<void> {
      await outbox.enqueue(notification);
      await deliverOnce(outbox, channel, notification);
    },
  };
}

export type DischargeActivities = ReturnType<typeof createDischargeActivities>;

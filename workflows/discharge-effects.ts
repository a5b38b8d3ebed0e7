import { getExternalWorkflowHandle, log } from '@temporalio/workflow';
import { externalEventSignal } from '@careloop/contracts';
import { EffectPump, orGivenUp, type EffectSource } from './shared/effect-pump';
import type { DischargeState, Outgoing } from './discharge.state';
import { transitionNotifications } from './discharge-activities';

/**
 * The discharge's queued notifications and case reports, in order. A
 * notification that fails after its retries stays `failed` in the outbox
 * (supervisors see it); a report to a case that has closed since is dropped,
 * as a closed case takes nothing more.
 */
class DischargeOutgoing implements EffectSource<Outgoing> {
  constructor(private readonly state: DischargeState) {}

  hasWork(): boolean {
    return this.state.outgoing.length > 0;
  }

  next(): Outgoing | undefined {
    return this.state.outgoing[0];
  }

  done(): void {
    this.state.sent();
  }

  /** A plain function returning the call's promise, as the flush it replaces awaited it (replay). */
  perform(next: Outgoing): Promise<unknown> {
    if (next.kind === 'notify') {
      return orGivenUp(transitionNotifications.sendTransitionNotification(next.notification), next.notification, 'transition notification not delivered after retries');
    }
    return getExternalWorkflowHandle(this.state.caseId)
      .signal(externalEventSignal, next.event)
      .catch((err: unknown) => log.warn('case report not delivered (case closed or gone)', { kind: next.event.kind, error: err instanceof Error ? err.name : 'unknown' }));
  }
}

/**
 * The discharge workflow flushes its effects inline, between its waits
 * (`flush()`), never beside them: while it sends, no deadline runs and no
 * timer starts, as the workflow's histories were recorded.
 */
export function dischargeEffects(state: DischargeState): EffectPump<Outgoing> {
  return new EffectPump(new DischargeOutgoing(state));
}

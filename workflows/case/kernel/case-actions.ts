import { currentUpdateInfo, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import { nowIso } from '../../shared/workflow-time';
import type { CaseKernel } from './case.kernel';
import { answered, answerOnce } from './update-answers';

/**
 * How a lifecycle module declares a care-team action: the update (from
 * libs/contracts), the rule that applies it and its validator. Both get the
 * workflow's current time.
 */
export type CaseActionRegistrar = <I, R>(
  update: UpdateDefinition<R, [I]>,
  apply: (input: I, now: string) => R | Promise<R>,
  check: (input: I, now: string) => void,
) => void;

/**
 * Every update has a validator, so a refused action never touches history,
 * and is applied once per update id (the API's Idempotency-Key), even across
 * continue-as-new: a repeat skips the validator's checks (it was valid when
 * first applied) and gets the first answer.
 */
export function caseActions(k: CaseKernel): CaseActionRegistrar {
  return (update, apply, check) => {
    setHandler(update, (i) => answerOnce(k, currentUpdateInfo()?.id, () => apply(i, nowIso())), {
      validator: (i) => {
        if (!answered(k, currentUpdateInfo()?.id)) {
          check(i, nowIso());
        }
      },
    });
  };
}

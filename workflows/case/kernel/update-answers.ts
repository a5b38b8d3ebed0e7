import { cloneJson, type CaseKernel } from './case.kernel';

/** Answers of this many recent updates are kept (and carried across continue-as-new) for repeated requests. */
const UPDATE_ANSWERS_KEPT = 100;

/** Whether an update with this id was already applied, in this run or an earlier one (the validator then lets it through). */
export function answered(k: CaseKernel, updateId: string | undefined): boolean {
  return k.behaviour.updateAnswersCarried && updateId !== undefined && k.rec.updateAnswers.some((a) => a.id === updateId);
}

/**
 * Applies an update once per update id: a repeat gets the first answer and
 * changes nothing. Within a run the server already deduplicates; this covers
 * a repeat that arrives after the case continued as new.
 */
export function answerOnce<R>(k: CaseKernel, updateId: string | undefined, apply: () => R | Promise<R>): R | Promise<R> {
  const earlier = answered(k, updateId) ? k.rec.updateAnswers.find((a) => a.id === updateId) : undefined;
  if (earlier) {
    return cloneJson(earlier.answer) as R;
  }
  const answer = apply();
  if (answer instanceof Promise) {
    return answer.then((settled) => {
      remember(k, updateId, settled);
      return settled;
    });
  }
  remember(k, updateId, answer);
  return answer;
}

function remember(k: CaseKernel, updateId: string | undefined, answer: unknown): void {
  if (!k.behaviour.updateAnswersCarried || updateId === undefined || answer === undefined) {
    return;
  }
  k.rec.updateAnswers.push({ id: updateId, answer: cloneJson(answer) });
  if (k.rec.updateAnswers.length > UPDATE_ANSWERS_KEPT) {
    k.rec.updateAnswers.shift();
  }
}

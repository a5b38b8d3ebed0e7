/**
 * A deliberately broken version of the case workflow: every workflow task
 * fails (a non-Temporal error thrown from workflow code fails the task, not
 * the workflow), as a bad deployment would. Used to manufacture the
 * "failing workflow task" kind of stuck case.
 */
export async function caseWorkflow(): Promise<never> {
  throw new TypeError('deliberately broken workflow version');
}

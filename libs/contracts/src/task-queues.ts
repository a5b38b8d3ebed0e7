/** Task queue the case workflows and their activities run on. */
export const DEFAULT_CASE_TASK_QUEUE = 'careloop-cases';

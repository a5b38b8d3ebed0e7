/** Kept only for case.workflow.ts and case.handlers.ts until they move to workflows/case/: import from ./shared/workflow-time. */
export { workflowNow } from './shared/workflow-time';

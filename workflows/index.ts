export { caseWorkflow } from './case.workflow';
export { dischargePlanningWorkflow } from './discharge.workflow';

export { caseWorkflow } from './case/case.workflow';
export { utilizationReviewWorkflow } from './utilization-review.workflow';
export { complaintWorkflow } from './complaint.workflow';
export { dischargePlanningWorkflow } from './discharge.workflow';
export { measureSnapshotWorkflow } from './measure-snapshot.workflow';

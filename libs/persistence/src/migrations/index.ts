import { InitialSchema1795405717084 } from './1795405717084-InitialSchema';
import { CaseEventsAndRecords1795407552586 } from './1795407552586-CaseEventsAndRecords';
import { StaffAndAssignments1795409690015 } from './1795409690015-StaffAndAssignments';
import { CaseStepAndListIndexes1795411151435 } from './1795411151435-CaseStepAndListIndexes';
import { SupervisionSupport1795418311526 } from './1795418311526-SupervisionSupport';
import { AuthAndAudit1795423105499 } from './1795423105499-AuthAndAudit';
import { ReviewsAndComplaints1795423388230 } from './1795423388230-ReviewsAndComplaints';
import { NotificationsByCase1795430512271 } from './1795430512271-NotificationsByCase';
import { CareTeams1796220000000 } from './1796220000000-CareTeams';
import { CaseMembers1796240000000 } from './1796240000000-CaseMembers';
import { CommitteePseudonyms1796161576963 } from './1796161576963-CommitteePseudonyms';
import { DischargeEvents1795423277964 } from './1795423277964-DischargeEvents';
import { WorkerHeartbeats1795430000000 } from './1795430000000-WorkerHeartbeats';
import { DischargeAmendments1795436000000 } from './1795436000000-DischargeAmendments';
import { MemberRegistry1796200000000 } from './1796200000000-MemberRegistry';
import { ProviderDirectory1796210000000 } from './1796210000000-ProviderDirectory';
import { MemberRoutes1796250000000 } from './1796250000000-MemberRoutes';
import { WorkItems1796300000000 } from './1796300000000-WorkItems';
import { WorkLists1796330000000 } from './1796330000000-WorkLists';
import { Notifications1796320000000 } from './1796320000000-Notifications';
import { MeasureSnapshots1796400000000 } from './1796400000000-MeasureSnapshots';

/**
 * Every migration, in order. Listed explicitly (not globbed) so they load the
 * same from sources, from dist/ and inside jest. Generate new ones with
 * `npm run migration:generate -- libs/persistence/src/migrations/<Name>`.
 */
export const MIGRATIONS = [
  InitialSchema1795405717084,
  CaseEventsAndRecords1795407552586,
  StaffAndAssignments1795409690015,
  CaseStepAndListIndexes1795411151435,
  SupervisionSupport1795418311526,
  AuthAndAudit1795423105499,
  DischargeEvents1795423277964,
  ReviewsAndComplaints1795423388230,
  WorkerHeartbeats1795430000000,
  NotificationsByCase1795430512271,
  DischargeAmendments1795436000000,
  CommitteePseudonyms1796161576963,
  MemberRegistry1796200000000,
  ProviderDirectory1796210000000,
  CareTeams1796220000000,
  CaseMembers1796240000000,
  MemberRoutes1796250000000,
  WorkItems1796300000000,
  Notifications1796320000000,
  WorkLists1796330000000,
  MeasureSnapshots1796400000000,
];

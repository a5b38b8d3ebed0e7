import type { DataSourceOptions } from 'typeorm';
import { PhiSafeTypeOrmLogger } from '@careloop/observability';
import { AssessmentEntity } from './entities/assessment.entity';
import { CarePlanVersionEntity } from './entities/care-plan-version.entity';
import { CaseEntity } from './entities/case.entity';
import { CaseAssignmentEntity } from './entities/case-assignment.entity';
import { StaffEntity } from './entities/staff.entity';
import { TeamEntity } from './entities/team.entity';
import { CaseEventEntity } from './entities/case-event.entity';
import { CaseNoteEntity } from './entities/case-note.entity';
import { CaseTaskEntity } from './entities/case-task.entity';
import { WorkItemEntity } from './entities/work-item.entity';
import { ContactAttemptEntity } from './entities/contact-attempt.entity';
import { NotificationEntity } from './entities/notification.entity';
import { NotificationDeliveryEntity } from './entities/notification-delivery.entity';
import { NotificationPreferenceEntity } from './entities/notification-preference.entity';
import { InboxMessageEntity } from './entities/inbox-message.entity';
import { SupervisorActionEntity } from './entities/supervisor-action.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { IntegrationClientEntity } from './entities/integration-client.entity';
import { UtilizationReviewDecisionEntity, UtilizationReviewEntity } from './entities/utilization-review.entity';
import { ComplaintEntity } from './entities/complaint.entity';
import { DischargeEventEntity } from './entities/discharge-event.entity';
import { DischargeAmendmentEntity } from './entities/discharge-amendment.entity';
import { WorkerHeartbeatEntity } from './entities/worker-heartbeat.entity';
import { CommitteePseudonymEntity } from './entities/committee-pseudonym.entity';
import { MemberCreateRequestEntity, MemberDuplicateFlagEntity, MemberEntity, MemberSearchIndexEntity, MemberVersionEntity } from './entities/member.entity';
import { ProviderEntity } from './entities/provider.entity';
import { MeasureSnapshotEntity } from './entities/measure-snapshot.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  CaseEntity,
  CaseEventEntity,
  ContactAttemptEntity,
  AssessmentEntity,
  CarePlanVersionEntity,
  CaseNoteEntity,
  CaseTaskEntity,
  WorkItemEntity,
  NotificationEntity,
  NotificationDeliveryEntity,
  NotificationPreferenceEntity,
  InboxMessageEntity,
  TeamEntity,
  StaffEntity,
  CaseAssignmentEntity,
  SupervisorActionEntity,
  AuditEntryEntity,
  IntegrationClientEntity,
  UtilizationReviewEntity,
  UtilizationReviewDecisionEntity,
  ComplaintEntity,
  DischargeEventEntity,
  DischargeAmendmentEntity,
  WorkerHeartbeatEntity,
  CommitteePseudonymEntity,
  MemberEntity,
  MemberVersionEntity,
  MemberSearchIndexEntity,
  MemberDuplicateFlagEntity,
  ProviderEntity,
  MemberCreateRequestEntity,
  MeasureSnapshotEntity,
];

/**
 * The one place the TypeORM connection is described. `synchronize` is never
 * on: the schema changes only through committed migrations.
 */
export function buildDataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'typeorm_migrations',
    synchronize: false,
    migrationsRun: false,
    // Failing queries are logged without their parameters (member data).
    logging: ['error', 'warn', 'migration'],
    logger: new PhiSafeTypeOrmLogger(),
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}

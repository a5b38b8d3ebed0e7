import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule, getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { buildDataSourceOptions } from './data-source.options';
import { SupervisionRepository } from './supervision.repository';
import { CaseEventRepository } from './case-event.repository';
import { CaseReadRepository } from './case-read.repository';
import { NotificationOutboxRepository } from './notification-outbox.repository';
import { CareManagerAssignmentRepository } from './care-manager-assignment.repository';
import { StaffRosterRepository } from './staff-roster.repository';
import { TeamRepository } from './team.repository';
import { TeamAdminRepository } from './team-admin.repository';
import { StaffAdminRepository } from './staff-admin.repository';
import { AccessRepository } from './access.repository';
import { AuditLogRepository } from './audit-log.repository';
import { CommitteeRepository } from './committee.repository';
import { ReviewRepository } from './review.repository';
import { DischargeEventRepository } from './discharge-event.repository';
import { CaseRecordsRepository } from './case-records.repository';
import { WorkerHeartbeatRepository } from './worker-heartbeat.repository';
import { OperationsMetricsRepository } from './operations-metrics.repository';
import { ProviderDirectoryRepository } from './provider-directory.repository';
import { MemberCasesRepository } from './members/member-cases.repository';
import { MemberCreateRequestRepository } from './members/member-create-request.repository';
import { WorkListsRepository } from './work-lists.repository';
import { InboxRepository } from './inbox.repository';
import { NotificationDeliveryRepository } from './notification-delivery.repository';
import { NotificationPreferencesRepository } from './notification-preferences.repository';
import { NotificationRecipientsRepository } from './notification-recipients.repository';
import { WorkItemRepository } from './work-item.repository';
import { MeasureFactsRepository } from './reporting/measure-facts.repository';
import { MeasureSnapshotRepository } from './reporting/measure-snapshot.repository';

const REPOSITORIES = [
  CaseEventRepository,
  SupervisionRepository,
  CaseReadRepository,
  NotificationOutboxRepository,
  CareManagerAssignmentRepository,
  StaffRosterRepository,
  TeamRepository,
  TeamAdminRepository,
  StaffAdminRepository,
  AccessRepository,
  AuditLogRepository,
  CommitteeRepository,
  ReviewRepository,
  DischargeEventRepository,
  CaseRecordsRepository,
  WorkerHeartbeatRepository,
  OperationsMetricsRepository,
  ProviderDirectoryRepository,
  MemberCasesRepository,
  MemberCreateRequestRepository,
  WorkListsRepository,
  InboxRepository,
  NotificationDeliveryRepository,
  NotificationPreferencesRepository,
  NotificationRecipientsRepository,
  WorkItemRepository,
  MeasureFactsRepository,
  MeasureSnapshotRepository,
];

/** Nest wiring for the persistence library: one DataSource, the repositories built on it. */
@Module({})
export class PersistenceModule {
  static forRoot(databaseUrl: string): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [TypeOrmModule.forRoot({ ...buildDataSourceOptions(databaseUrl), retryAttempts: 3, retryDelay: 1000 })],
      providers: REPOSITORIES.map((Repository) => ({
        provide: Repository,
        inject: [getDataSourceToken()],
        useFactory: (ds: DataSource) => new Repository(ds),
      })),
      exports: [...REPOSITORIES, TypeOrmModule],
    };
  }
}

import type { DataSourceOptions } from 'typeorm';
import { AssessmentEntity } from './entities/assessment.entity';
import { CarePlanVersionEntity } from './entities/care-plan-version.entity';
import { CaseEntity } from './entities/case.entity';
import { CaseAssignmentEntity } from './entities/case-assignment.entity';
import { StaffEntity } from './entities/staff.entity';
import { CaseEventEntity } from './entities/case-event.entity';
import { CaseNoteEntity } from './entities/case-note.entity';
import { CaseTaskEntity } from './entities/case-task.entity';
import { ContactAttemptEntity } from './entities/contact-attempt.entity';
import { NotificationEntity } from './entities/notification.entity';
import { SupervisorActionEntity } from './entities/supervisor-action.entity';
import { DischargeEventEntity } from './entities/discharge-event.entity';
import { MIGRATIONS } from './migrations';

export const ENTITIES = [
  CaseEntity,
  CaseEventEntity,
  ContactAttemptEntity,
  AssessmentEntity,
  CarePlanVersionEntity,
  CaseNoteEntity,
  CaseTaskEntity,
  NotificationEntity,
  StaffEntity,
  CaseAssignmentEntity,
  SupervisorActionEntity,
  DischargeEventEntity,
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
    logging: ['error', 'migration'],
    extra: { max: 10, connectionTimeoutMillis: 5_000 },
  };
}

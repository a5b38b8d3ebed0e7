import { DynamicModule, Module } from '@nestjs/common';
import { PersistenceModule } from '@careloop/persistence';
import { TemporalClientModule } from '@careloop/temporal';
import { API_CONFIG, type ApiConfig } from './api.config';
import { CasesController } from './cases/cases.controller';
import { CasesService } from './cases/cases.service';
import { PolicyRegistry } from './policies/policy-registry';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import { SupervisorController } from './supervisor/supervisor.controller';
import { StuckCasesService } from './supervisor/stuck-cases.service';
import { SupervisorActionsService } from './supervisor/supervisor-actions.service';
import { IntegrationsController } from './integrations/integrations.controller';
import { DischargeIntakeService } from './integrations/discharge-intake.service';
import { EnrollmentIntakeService } from './integrations/enrollment-intake.service';
import { DischargesController } from './discharges/discharges.controller';
import { DischargesService } from './discharges/discharges.service';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PersistenceModule.forRoot(config.databaseUrl), TemporalClientModule.forRoot(config.temporal)],
      controllers: [HealthController, CasesController, SupervisorController, IntegrationsController, DischargesController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        PolicyRegistry,
        CasesService,
        ReadinessService,
        StuckCasesService,
        SupervisorActionsService,
        DischargeIntakeService,
        EnrollmentIntakeService,
        DischargesService,
      ],
    };
  }
}

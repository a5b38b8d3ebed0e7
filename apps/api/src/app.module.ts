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
import { CaseProviderController } from './cases/case-provider.controller';
import { CaseProviderService } from './cases/case-provider.service';
import { UtilizationReviewsController } from './utilization-reviews/utilization-reviews.controller';
import { UtilizationReviewsService } from './utilization-reviews/utilization-reviews.service';
import { ComplaintsController } from './complaints/complaints.controller';
import { ComplaintsService } from './complaints/complaints.service';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [PersistenceModule.forRoot(config.databaseUrl), TemporalClientModule.forRoot(config.temporal)],
      controllers: [HealthController, CasesController, SupervisorController, CaseProviderController, UtilizationReviewsController, ComplaintsController],
      providers: [
        { provide: API_CONFIG, useValue: config },
        PolicyRegistry,
        CasesService,
        ReadinessService,
        StuckCasesService,
        SupervisorActionsService,
        CaseProviderService,
        UtilizationReviewsService,
        ComplaintsService,
      ],
    };
  }
}

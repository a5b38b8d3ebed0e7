import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
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
import { AccessGuard } from './auth/access.guard';
import { AccessScope } from './auth/access-scope.service';
import { ClientThrottlerGuard } from './auth/client-throttler.guard';
import { SessionController } from './auth/session.controller';
import { TokenVerifier } from './auth/token-verifier';
import { AuditController } from './audit/audit.controller';
import { AuditMiddleware } from './audit/audit.middleware';
import { CodecController } from './codec/codec.controller';
import { CommitteeController } from './committee/committee.controller';
import { ProgramsController } from './programs/programs.controller';
import { CaseProviderController } from './cases/case-provider.controller';
import { CaseProviderService } from './cases/case-provider.service';
import { UtilizationReviewsController } from './utilization-reviews/utilization-reviews.controller';
import { UtilizationReviewsService } from './utilization-reviews/utilization-reviews.service';
import { ComplaintsController } from './complaints/complaints.controller';
import { ComplaintsService } from './complaints/complaints.service';
import { IntegrationsController } from './integrations/integrations.controller';
import { DischargeIntakeService } from './integrations/discharge-intake.service';
import { DischargeAmendmentService } from './integrations/discharge-amendment.service';
import { EnrollmentIntakeService } from './integrations/enrollment-intake.service';
import { DischargesController } from './discharges/discharges.controller';
import { DischargesService } from './discharges/discharges.service';
import { CaseRecordsController } from './cases/case-records.controller';
import { DevLoginController } from './auth/dev-login.controller';

@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PersistenceModule.forRoot(config.databaseUrl),
        TemporalClientModule.forRoot(config.temporal),
        ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: config.auth.rateLimitPerMinute }] }),
      ],
      controllers: [
        HealthController,
        CasesController,
        CaseRecordsController,
        SupervisorController,
        SessionController,
        AuditController,
        CodecController,
        CommitteeController,
        ProgramsController,
        CaseProviderController,
        UtilizationReviewsController,
        ComplaintsController,
        IntegrationsController,
        DischargesController,
        // Local sign-in for the console exists only on the local signing secret outside production.
        ...(config.auth.devLogin ? [DevLoginController] : []),
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: TokenVerifier, useValue: new TokenVerifier(config.auth) },
        // Guards run in this order: who is calling and may they, then how often.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: ClientThrottlerGuard },
        AuditMiddleware,
        AccessScope,
        PolicyRegistry,
        CasesService,
        ReadinessService,
        StuckCasesService,
        SupervisorActionsService,
        CaseProviderService,
        UtilizationReviewsService,
        ComplaintsService,
        DischargeIntakeService,
        DischargeAmendmentService,
        EnrollmentIntakeService,
        DischargesService,
      ],
    };
  }
}

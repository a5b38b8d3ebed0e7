import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import type { ApiConfig } from './api.config';
import { AccessGuard } from './auth/access.guard';
import { AuthModule } from './auth/auth.module';
import { ClientThrottlerGuard } from './auth/client-throttler.guard';
import { DevLoginModule } from './auth/dev-login.module';
import { AuditModule } from './audit/audit.module';
import { CaseProviderModule } from './cases/case-provider.module';
import { CasesModule } from './cases/cases.module';
import { CodecModule } from './codec/codec.module';
import { CommitteeModule } from './committee/committee.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { CoreModule } from './core.module';
import { DischargesModule } from './discharges/discharges.module';
import { FhirModule } from './fhir/fhir.module';
import { HealthModule } from './health/health.module';
import { InboxModule } from './inbox/inbox.module';
import { IntegrationsModule } from './integrations/integrations.module';
import { MembersModule } from './members/members.module';
import { ProgramsModule } from './programs/programs.module';
import { ProvidersModule } from './providers/providers.module';
import { ReportsModule } from './reports/reports.module';
import { SupervisorModule } from './supervisor/supervisor.module';
import { TeamsModule } from './teams/teams.module';
import { UtilizationReviewsModule } from './utilization-reviews/utilization-reviews.module';
import { WorklistModule } from './worklist/worklist.module';

/**
 * The API: one feature module per endpoint family, on CoreModule (config,
 * Postgres, Temporal). The order of the features is the order of the routes
 * and of the OpenAPI document's paths, kept as it was when one module held
 * them all; the shared ones (auth, programs) are global, so no feature import
 * pulls another's routes forward.
 */
@Module({})
export class AppModule {
  static forRoot(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.forRoot(config),
        ThrottlerModule.forRoot({ throttlers: [{ ttl: 60_000, limit: config.auth.rateLimitPerMinute }] }),
        HealthModule,
        CasesModule,
        SupervisorModule,
        AuthModule,
        AuditModule,
        CodecModule,
        CommitteeModule,
        ProgramsModule,
        CaseProviderModule,
        UtilizationReviewsModule,
        ComplaintsModule,
        IntegrationsModule,
        DischargesModule,
        MembersModule,
        ProvidersModule,
        TeamsModule,
        FhirModule,
        InboxModule,
        WorklistModule,
        ReportsModule,
        // Local sign-in for the console exists only on the local signing secret outside production.
        ...(config.auth.devLogin ? [DevLoginModule] : []),
      ],
      providers: [
        // Guards run in this order: who is calling and may they, then how often.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: ClientThrottlerGuard },
      ],
    };
  }
}

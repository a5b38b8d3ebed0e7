import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { ReadinessService } from './readiness.service';

/** Liveness and readiness probes (public). The Prometheus endpoint is a separate listener (metrics/api-metrics.ts). */
@Module({ controllers: [HealthController], providers: [ReadinessService] })
export class HealthModule {}

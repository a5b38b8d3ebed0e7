import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from '@nestjs/common';
import { Runtime } from '@temporalio/worker';
import { parseEnv } from '@careloop/temporal';
import { createLogger, createSdkLogger, loggingEnvSchema } from '@careloop/observability';
import { WorkerModule } from './worker.module';
import { workerConfigFrom, workerEnvSchema } from './worker.config';

async function main(): Promise<void> {
  const logging = parseEnv(loggingEnvSchema);
  const logger = createLogger(logging);
  Logger.overrideLogger(logger);
  const config = workerConfigFrom(parseEnv(workerEnvSchema));
  // The SDK's own lines (and workflow/activity loggers) go through the same redacting JSON writer;
  // its metrics (task latencies, slots, sticky cache, polls) on a Prometheus endpoint when asked for.
  Runtime.install({
    logger: createSdkLogger(logging),
    ...(config.metricsBind ? { telemetryOptions: { metrics: { prometheus: { bindAddress: config.metricsBind } } } } : {}),
  });
  if (config.metricsBind) {
    logger.log(`worker runtime metrics on http://${config.metricsBind}/metrics`, 'metrics');
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { logger });
  // SIGTERM / SIGINT run Nest's shutdown hooks: the worker drains, then the database closes.
  app.enableShutdownHooks();
}

main().catch((err: unknown) => {
  new Logger('worker').error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

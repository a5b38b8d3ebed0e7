import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { parseEnv } from '@careloop/temporal';
import { createLogger, loggingEnvSchema } from '@careloop/observability';
import { apiConfigFrom, apiEnvSchema } from './api.config';
import { createApiApp } from './api.app';
import { installApiMetrics } from './metrics/api-metrics';

async function main(): Promise<void> {
  const logger = createLogger(parseEnv(loggingEnvSchema));
  Logger.overrideLogger(logger);
  const config = apiConfigFrom(parseEnv(apiEnvSchema));
  const app = await createApiApp(config, { logger });
  const metrics = await installApiMetrics(app, config);
  if (metrics) {
    new Logger('metrics').log(`API metrics on http://${config.metricsHost}:${config.metricsPort}/metrics`);
  }
  await app.listen(config.port, config.host);
  new Logger('api').log(`listening on ${await app.getUrl()} (OpenAPI UI at /docs)`);
}

main().catch((err: unknown) => {
  new Logger('api').error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Logger } from '@nestjs/common';
import { parseEnv } from '@careloop/temporal';
import { WorkerModule } from './worker.module';
import { workerConfigFrom, workerEnvSchema } from './worker.config';

async function main(): Promise<void> {
  const config = workerConfigFrom(parseEnv(workerEnvSchema));
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  // SIGTERM / SIGINT run Nest's shutdown hooks: the worker drains, then the database closes.
  app.enableShutdownHooks();
}

main().catch((err: unknown) => {
  new Logger('worker').error(err instanceof Error ? err.message : String(err));
  process.exit(1);
});

import { NestFactory } from '@nestjs/core';
import type { INestApplication, LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { runMigrations } from '@careloop/persistence';
import { AppModule } from './app.module';
import type { ApiConfig } from './api.config';
import { createValidationPipe } from './common/validation';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { HL7_MEDIA_TYPES, JSON_MEDIA_TYPES, TEXT_BODY_LIMIT } from './integrations/media-types';

/** Largest JSON body the API reads; larger requests get 413 before any parsing. */
export const JSON_BODY_LIMIT = '256kb';


/**
 * Builds the configured API application (without listening), so that
 * `main.ts` and the e2e tests run exactly the same app.
 */
export async function createApiApp(config: ApiConfig, options: { logger?: LogLevel[] } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  app.disable('x-powered-by');
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, type: JSON_MEDIA_TYPES });
  app.useBodyParser('text', { limit: TEXT_BODY_LIMIT, type: HL7_MEDIA_TYPES });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  if (config.runMigrations) {
    await runMigrations(app.get<DataSource>(getDataSourceToken()));
  }

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('CareLoop API')
      .setDescription('Care-management orchestration: every member care case is a durable Temporal workflow.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  return app;
}

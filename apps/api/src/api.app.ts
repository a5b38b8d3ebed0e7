import { NestFactory } from '@nestjs/core';
import type { INestApplication, LoggerService, LogLevel } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { SwaggerModule } from '@nestjs/swagger';
import helmet from 'helmet';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { runMigrations } from '@careloop/persistence';
import { AppModule } from './app.module';
import type { ApiConfig } from './api.config';
import { createValidationPipe } from './common/validation';
import { ProblemDetailsFilter } from './common/problem-details.filter';
import { AuditMiddleware } from './audit/audit.middleware';
import { checkBodyShape, JSON_BODY_LIMIT } from './common/body-shape.middleware';
import { MethodNotAllowed } from './common/method-not-allowed.middleware';
import { HL7_MEDIA_TYPES, JSON_MEDIA_TYPES, TEXT_BODY_LIMIT } from './integrations/media-types';
import { serveConsole } from './console/console.static';
import { buildOpenApiDocument } from './openapi/openapi.document';



/**
 * Builds the configured API application (without listening), so that
 * `main.ts` and the e2e tests run exactly the same app.
 */
export async function createApiApp(config: ApiConfig, options: { logger?: LogLevel[] | LoggerService } = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  app.disable('x-powered-by');
  app.set('trust proxy', config.auth.trustProxyHops);
  app.use(helmet());
  app.enableCors({
    origin: [...config.auth.corsOrigins],
    credentials: true,
    // PUT + If-Match: member and FHIR Patient updates (optimistic concurrency); ETag/Location read back by the console.
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'If-Match', 'X-Namespace', 'X-Request-Id'],
    exposedHeaders: ['ETag', 'Location', 'Retry-After'],
    maxAge: 600,
  });
  // API answers carry PHI: no browser or proxy may keep them (a revalidated 304 would also show a member's
  // stale duplicate flags, whose changes do not bump the record's ETag). The console's static files are cacheable.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (!req.path.startsWith('/app')) res.setHeader('Cache-Control', 'no-store');
    next();
  });
  // Before the body parser, so refused bodies (413, bad JSON) are audited too.
  const audit = app.get(AuditMiddleware);
  app.use(audit.use.bind(audit));
  const methodNotAllowed = new MethodNotAllowed();
  app.use(methodNotAllowed.use);
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, type: JSON_MEDIA_TYPES });
  app.useBodyParser('text', { limit: TEXT_BODY_LIMIT, type: HL7_MEDIA_TYPES });
  app.use(checkBodyShape);
  // The web console at /app (static build output, same origin as the API).
  serveConsole(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();

  if (config.runMigrations) {
    await runMigrations(app.get<DataSource>(getDataSourceToken()));
  }

  const document = buildOpenApiDocument(app);
  methodNotAllowed.describe(document);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'openapi.json', yamlDocumentUrl: 'openapi.yaml' });
  return app;
}

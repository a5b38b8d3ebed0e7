import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditMiddleware } from './audit.middleware';

/** The audit log: the middleware that writes it (mounted first by api.app.ts) and the admins' reading of it. */
@Module({ controllers: [AuditController], providers: [AuditMiddleware], exports: [AuditMiddleware] })
export class AuditModule {}

import { Logger as NestLogger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';

/**
 * TypeORM's own loggers print failing queries with their parameters, which
 * are member data. This one says what failed (the statement's verb and the
 * driver's error code) and nothing about the values.
 */
export class PhiSafeTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new NestLogger('database');

  logQuery(): void {}
  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow ${verb(query)} (${time} ms)`);
  }
  logQueryError(error: string | Error, query: string): void {
    const code = typeof error === 'object' && error !== null && 'code' in error ? ` code ${String((error as { code: unknown }).code)}` : '';
    this.logger.error(`${verb(query)} failed${code}`);
  }
  logSchemaBuild(message: string): void {
    this.logger.debug(message);
  }
  logMigration(message: string): void {
    this.logger.log(message);
  }
  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') {
      this.logger.warn(typeof message === 'string' ? message : 'database warning');
    }
  }
}

function verb(query: string): string {
  return /^\s*(\w+)/.exec(query)?.[1]?.toUpperCase() ?? 'query';
}

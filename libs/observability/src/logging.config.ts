import type { LoggerService, LogLevel } from '@nestjs/common';
import { ConsoleLogger } from '@nestjs/common';
import { DefaultLogger, type Logger as SdkLogger } from '@temporalio/worker';
import { z } from 'zod';
import { JsonLogger, JsonSdkLogger } from './json-logger';

export const loggingEnvSchema = z.object({
  /** Most detailed level written: error, warn, log (default), debug or verbose. */
  LOG_LEVEL: z.enum(['error', 'warn', 'log', 'debug', 'verbose']).default('log'),
  /** json (default: one redacted JSON object per line, for log shippers) or text (Nest's colour console, for a terminal). */
  LOG_FORMAT: z.enum(['json', 'text']).default('json'),
});

export type LoggingEnv = z.infer<typeof loggingEnvSchema>;

const LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

/** The process's Nest logger, from LOG_LEVEL and LOG_FORMAT. */
export function createLogger(env: LoggingEnv): LoggerService {
  if (env.LOG_FORMAT === 'text') {
    return new ConsoleLogger({ logLevels: LEVELS.slice(0, LEVELS.indexOf(env.LOG_LEVEL) + 1) });
  }
  return new JsonLogger(undefined, env.LOG_LEVEL);
}

/** The Temporal SDK's logger for the same settings (the SDK has no "log" level: it is INFO). */
export function createSdkLogger(env: LoggingEnv): SdkLogger {
  const sdkLevel = ({ error: 'ERROR', warn: 'WARN', log: 'INFO', debug: 'DEBUG', verbose: 'TRACE' } as const)[env.LOG_LEVEL];
  return env.LOG_FORMAT === 'text' ? new DefaultLogger(sdkLevel) : new JsonSdkLogger(undefined, sdkLevel);
}

import type { LoggerService, LogLevel } from '@nestjs/common';
import { redact, redactText } from './redact';

export type LineWriter = (line: string) => void;

const stdoutWriter: LineWriter = (line) => process.stdout.write(`${line}\n`);

/** One JSON object per line: time, level, source (Nest context or "temporal"), message, redacted fields. */
export function logLine(level: string, source: string | undefined, message: unknown, fields?: Record<string, unknown>): string {
  const text = typeof message === 'string' ? redactText(message) : undefined;
  return JSON.stringify({
    time: new Date().toISOString(),
    level,
    ...(source ? { source } : {}),
    msg: text ?? '(structured)',
    ...(text === undefined ? { data: redact(message) } : {}),
    ...(fields ? (redact(fields) as Record<string, unknown>) : {}),
  });
}

const RANK: Record<LogLevel, number> = { fatal: 0, error: 1, warn: 2, log: 3, debug: 4, verbose: 5 };

/**
 * Nest logger writing structured JSON lines, with PHI redaction (see
 * redact.ts). Messages are written by CareLoop code that never puts PHI in
 * them; the redaction is the second line of defence for structured values
 * and for errors that quote data.
 */
export class JsonLogger implements LoggerService {
  constructor(
    private readonly write: LineWriter = stdoutWriter,
    private readonly maxLevel: LogLevel = 'log',
  ) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.emit('log', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.emit('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.emit('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.emit('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.emit('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.emit('fatal', message, rest);
  }

  private emit(level: LogLevel, message: unknown, rest: unknown[]): void {
    if (RANK[level] > RANK[this.maxLevel]) {
      return;
    }
    // Nest passes the context last; an error's stack comes before it. Stacks can quote data: dropped.
    const context = typeof rest.at(-1) === 'string' ? (rest.at(-1) as string) : undefined;
    const extra = rest.slice(0, context === undefined ? rest.length : -1).filter((x) => typeof x === 'object' && x !== null);
    this.write(logLine(level === 'log' ? 'info' : level, context, message, extra.length ? { extra } : undefined));
  }
}

/** The Temporal SDK's Logger interface, as JSON lines with the SDK's metadata redacted. */
export class JsonSdkLogger {
  constructor(private readonly write: LineWriter = stdoutWriter, private readonly minLevel: 'TRACE' | 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' = 'INFO') {}

  private static readonly ORDER = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'];

  log(level: string, message: string, meta?: Record<string, unknown>): void {
    if (JsonSdkLogger.ORDER.indexOf(level) < JsonSdkLogger.ORDER.indexOf(this.minLevel)) {
      return;
    }
    this.write(logLine(level.toLowerCase(), 'temporal', message, meta));
  }
  trace(message: string, meta?: Record<string, unknown>): void {
    this.log('TRACE', message, meta);
  }
  debug(message: string, meta?: Record<string, unknown>): void {
    this.log('DEBUG', message, meta);
  }
  info(message: string, meta?: Record<string, unknown>): void {
    this.log('INFO', message, meta);
  }
  warn(message: string, meta?: Record<string, unknown>): void {
    this.log('WARN', message, meta);
  }
  error(message: string, meta?: Record<string, unknown>): void {
    this.log('ERROR', message, meta);
  }
}

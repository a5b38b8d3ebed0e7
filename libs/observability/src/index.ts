export * from './redact';
export * from './json-logger';
export * from './typeorm-logger';
export * from './logging.config';
export * from './metrics.registry';

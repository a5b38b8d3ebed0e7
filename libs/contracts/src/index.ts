export * from './task-queues';
export * from './workflow-ids';
export * from './search-attributes';
export * from './case.contract';
export * from './error-codes';
export * from './case.messages';
export * from './case-events';
export * from './case.snapshot';

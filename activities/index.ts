export * from './case-record.port';
export * from './case.activities';

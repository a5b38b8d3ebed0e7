export * from './measure.definitions';
export * from './measure.types';
export * from './measures.compute';
export * from './report-period';

export * from './case-phase';
export * from './closure-reason';
export * from './program-code';
export * from './screening-deadline';
export * from './case-policy';

export * from './case.ports';
export * from './case.activities';
export * from './notification-channels';
export * from './assignment.activities';
export * from './review.activities';
export * from './discharge.ports';
export * from './discharge.activities';
export * from './case-signaller.temporal';

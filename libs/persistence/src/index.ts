export * from './entities/case.entity';
export * from './case-read.repository';
export * from './case-event.repository';
export * from './notification-outbox.repository';
export * from './data-source.options';
export * from './migrations.runner';
export * from './database.config';
export * from './persistence.module';

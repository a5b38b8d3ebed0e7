export * from './entities/case.entity';
export * from './case-record.repository';
export * from './data-source.options';
export * from './migrations.runner';
export * from './database.config';
export * from './persistence.module';

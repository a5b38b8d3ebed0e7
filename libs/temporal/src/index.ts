export * from './temporal.config';
export * from './env.config';
export * from './project-root';
export * from './workflow-bundle.options';
export * from './temporal-client.module';
export * from './execute-update';
export * from './payload-codec';

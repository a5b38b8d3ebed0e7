export * from './template.types';
export * from './notification.renderer';
export * from './quiet-hours';
export * from './recipient.resolver';
export * from './sms.sender';
export * from './person-delivery';
export * from './people-notification.channel';

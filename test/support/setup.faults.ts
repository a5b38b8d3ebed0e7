import { quietSdkLogs } from './sdk-logs';

// Fault suites kill and restart real processes and servers; each test also sets its own bound.
jest.setTimeout(180_000);
quietSdkLogs();

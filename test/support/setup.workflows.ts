import { quietSdkLogs } from './sdk-logs';

// Workflow suites start a test server and a worker per suite.
jest.setTimeout(60_000);
quietSdkLogs();

import { quietSdkLogs } from './sdk-logs';

// E2E suites boot the API and a worker against real servers.
jest.setTimeout(120_000);
quietSdkLogs();

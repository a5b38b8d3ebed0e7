import { TestWorkflowEnvironment } from '@temporalio/testing';
import { CARELOOP_SEARCH_ATTRIBUTES } from '@careloop/contracts';
import { resolveTemporalBinary, sdkExecutable } from './temporal-binaries';

/**
 * A real Temporal server (the CLI's dev server) with CareLoop's search
 * attributes registered. Used by `npm start` (persistent SQLite file, Web UI)
 * and by the integration/e2e tests (in memory, no UI).
 */
export interface DevServerHandle {
  readonly address: string;
  readonly uiUrl: string | undefined;
  stop(): Promise<void>;
}

export interface DevServerOptions {
  readonly port: number;
  readonly uiPort?: number;
  readonly dbFilename?: string;
  readonly namespace?: string;
  readonly logLevel?: 'debug' | 'info' | 'warn' | 'error';
  /** The API's /codec URL: the Web UI sends payloads there to show them decrypted (to an authorised operator). */
  readonly codecEndpoint?: string;
}

export async function startTemporalDevServer(opts: DevServerOptions): Promise<DevServerHandle> {
  const executable = sdkExecutable(resolveTemporalBinary('cli'));
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable,
      ip: '127.0.0.1',
      port: opts.port,
      namespace: opts.namespace ?? 'default',
      dbFilename: opts.dbFilename,
      ui: opts.uiPort !== undefined,
      uiPort: opts.uiPort,
      searchAttributes: [...CARELOOP_SEARCH_ATTRIBUTES],
      log: { format: 'pretty', level: opts.logLevel ?? 'error' },
      // Flag a workflow after 2 failed workflow tasks in a row (TemporalReportedProblems): the
      // supervisors' "failing workflow task" kind. The server's default is 5.
      extraArgs: [
        '--dynamic-config-value',
        'system.numConsecutiveWorkflowTaskProblemsToTriggerSearchAttribute=2',
        ...(opts.codecEndpoint ? ['--ui-codec-endpoint', opts.codecEndpoint] : []),
      ],
    },
  });
  return {
    address: `127.0.0.1:${opts.port}`,
    uiUrl: opts.uiPort !== undefined ? `http://localhost:${opts.uiPort}` : undefined,
    stop: () => env.teardown(),
  };
}

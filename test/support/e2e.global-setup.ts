import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../scripts/embedded-postgres';
import { freePort } from '../../scripts/ports';
import { startTemporalDevServer, type DevServerHandle } from '../../scripts/temporal-dev-server';
import { buildTestWorkflowBundle } from './test-workflow-bundle';

export interface E2eGlobals {
  postgres?: EmbeddedPostgresHandle;
  temporal?: DevServerHandle;
}

export const E2E_GLOBALS = Symbol.for('careloop.e2e');

/**
 * Starts what the e2e suites talk to: a real Temporal dev server (in memory)
 * and a real Postgres — `TEST_DATABASE_ADMIN_URL` if given (each suite creates
 * its own database there), else an embedded one in a temp folder. Anything
 * that cannot start fails the run; nothing is skipped.
 */
export default async function setup(): Promise<void> {
  const globals: E2eGlobals = {};
  (globalThis as Record<symbol, unknown>)[E2E_GLOBALS] = globals;

  const [temporalPort, pgPort] = await Promise.all([freePort(), freePort()]);
  const temporal = startTemporalDevServer({ port: temporalPort });

  if (!process.env.TEST_DATABASE_ADMIN_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'careloop-e2e-pg-'));
    // Postgres runs as the `postgres` user when we are root: it must be able to reach its data folder.
    chmodSync(dir, 0o755);
    globals.postgres = await startEmbeddedPostgres({
      dataDir: join(dir, 'data'),
      port: pgPort,
      logFile: join(dir, 'postgres.log'),
      persistent: false,
      fast: true,
    });
    process.env.TEST_DATABASE_ADMIN_URL = globals.postgres.url('postgres');
  }
  globals.temporal = await temporal;
  process.env.TEMPORAL_ADDRESS = globals.temporal.address;
  await buildTestWorkflowBundle();
}

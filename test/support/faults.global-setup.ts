import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prebuiltWorkflowBundlePath, projectRoot } from '@careloop/temporal';
import { startEmbeddedPostgres, type EmbeddedPostgresHandle } from '../../scripts/embedded-postgres';
import { freePort } from '../../scripts/ports';

export const FAULT_GLOBALS = Symbol.for('careloop.faults');

/**
 * The fault suites run the built API and worker (`node dist/...`), so the
 * build must exist (`npm test` builds first). Each suite starts its own
 * Temporal dev server; they share one Postgres (TEST_DATABASE_ADMIN_URL, or
 * an embedded one here) and cut the worker's path to it with a TCP gate.
 */
export default async function setup(): Promise<void> {
  const root = projectRoot();
  for (const file of [join(root, 'dist', 'apps', 'worker', 'src', 'main.js'), join(root, 'dist', 'apps', 'api', 'src', 'main.js'), prebuiltWorkflowBundlePath(root)]) {
    if (!existsSync(file)) {
      throw new Error(`${file} is missing: run \`npm run build\` before the fault tests (npm test does)`);
    }
  }
  if (!process.env.TEST_DATABASE_ADMIN_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'careloop-faults-pg-'));
    chmodSync(dir, 0o755);
    const postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'data'), port: await freePort(), logFile: join(dir, 'postgres.log'), persistent: false, fast: true });
    (globalThis as Record<symbol, EmbeddedPostgresHandle>)[FAULT_GLOBALS] = postgres;
    process.env.TEST_DATABASE_ADMIN_URL = postgres.url('postgres');
  }
}

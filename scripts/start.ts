import 'reflect-metadata';
import { mkdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DataSource } from 'typeorm';
import { DEFAULT_CASE_TASK_QUEUE } from '@careloop/contracts';
import { buildDataSourceOptions, runMigrations } from '@careloop/persistence';
import { prebuiltWorkflowBundlePath, projectRoot } from '@careloop/temporal';
import { SupervisedChild } from './child-process';
import { ensureDatabase, startEmbeddedPostgres } from './embedded-postgres';
import { preferredPort } from './ports';
import { startTemporalDevServer } from './temporal-dev-server';

/**
 * `npm start`: the whole system on embedded defaults — Temporal dev server
 * (SQLite file under data/, Web UI), Postgres (DATABASE_URL, else embedded),
 * migrations, worker, API — and an orderly stop of all of it on Ctrl-C/SIGTERM.
 * TEMPORAL_ADDRESS / DATABASE_URL, when set, are used instead of starting those.
 */
const READY_TIMEOUT_MS = 120_000;
const CHILD_GRACE_MS = 15_000;

type Stopper = { name: string; stop: () => Promise<void> };

async function main(): Promise<void> {
  const root = projectRoot();
  const dataDir = process.env.CARELOOP_DATA_DIR ?? join(root, 'data');
  const logsDir = join(dataDir, 'logs');
  mkdirSync(logsDir, { recursive: true });
  const stoppers: Stopper[] = [];
  const children: SupervisedChild[] = [];
  let stopping = false;

  const shutdown = async (exitCode: number, why: string): Promise<void> => {
    if (stopping) {
      return;
    }
    stopping = true;
    say(`stopping (${why})…`);
    // Reverse start order: API and worker first (they drain), then Temporal, then Postgres.
    await Promise.all(children.map((c) => c.stop(CHILD_GRACE_MS)));
    for (const s of stoppers.reverse()) {
      await s.stop().catch((err: unknown) => say(`${s.name} did not stop cleanly: ${String(err)}`));
    }
    say('stopped; data kept in ' + relative(process.cwd(), dataDir));
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => void shutdown(0, signal));
  }

  try {
    // The API's port first: the Temporal Web UI is told where the payload codec endpoint is.
    const apiPort = await preferredPort(Number(process.env.PORT ?? 3000), '0.0.0.0');

    // Temporal
    let temporalAddress = process.env.TEMPORAL_ADDRESS;
    let uiUrl: string | undefined;
    if (!temporalAddress) {
      const port = await preferredPort(7233);
      const uiPort = await preferredPort(8233);
      mkdirSync(join(dataDir, 'temporal'), { recursive: true });
      say('starting the Temporal dev server…');
      const server = await startTemporalDevServer({
        port,
        uiPort,
        dbFilename: join(dataDir, 'temporal', 'temporal.db'),
        codecEndpoint: `http://localhost:${apiPort}/codec`,
      });
      process.env.CORS_ORIGINS ??= `http://localhost:${uiPort},http://127.0.0.1:${uiPort}`;
      stoppers.push({ name: 'Temporal dev server', stop: () => server.stop() });
      temporalAddress = server.address;
      uiUrl = server.uiUrl;
    }

    // Postgres
    let databaseUrl = process.env.DATABASE_URL;
    let postgresNote = 'from DATABASE_URL';
    if (!databaseUrl) {
      const port = await preferredPort(Number(process.env.EMBEDDED_PG_PORT ?? 54329));
      say('starting embedded Postgres…');
      const pg = await startEmbeddedPostgres({
        dataDir: join(dataDir, 'postgres'),
        port,
        logFile: join(logsDir, 'postgres.log'),
        persistent: true,
      });
      stoppers.push({ name: 'Postgres', stop: () => pg.stop() });
      // Started as root from a folder the postgres user cannot enter, the data (and binaries) live elsewhere: say where.
      pg.notes.forEach((note) => say(`embedded Postgres: ${note}`));
      await ensureDatabase(pg.url('postgres'), 'careloop');
      databaseUrl = pg.url('careloop');
      postgresNote = `embedded, data in ${shown(pg.dataDir)}`;
    }

    // Migrations, once, before anything writes.
    const ds = await new DataSource(buildDataSourceOptions(databaseUrl)).initialize();
    const ran = await runMigrations(ds);
    await ds.destroy();
    say(ran.length ? `migrations applied: ${ran.join(', ')}` : 'database schema up to date');

    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TEMPORAL_ADDRESS: temporalAddress,
      DATABASE_URL: databaseUrl,
      PORT: String(apiPort),
      RUN_MIGRATIONS: 'false',
      WORKFLOW_BUNDLE_PATH: process.env.WORKFLOW_BUNDLE_PATH ?? prebuiltWorkflowBundlePath(root),
    };
    for (const [name, script] of [
      ['worker', 'dist/apps/worker/src/main.js'],
      ['api', 'dist/apps/api/src/main.js'],
    ] as const) {
      const child = new SupervisedChild(name, join(root, script), env);
      children.push(child);
      void child.exited.then((code) => {
        if (!stopping) {
          void shutdown(1, `${name} exited with code ${code}`);
        }
      });
    }

    const apiUrl = `http://localhost:${apiPort}`;
    await waitForReady(`${apiUrl}/health/ready`, () => stopping);
    const taskQueue = process.env.TEMPORAL_TASK_QUEUE ?? DEFAULT_CASE_TASK_QUEUE;
    console.log(
      [
        '',
        'CareLoop is up:',
        `  API           ${apiUrl}  (OpenAPI UI ${apiUrl}/docs, JSON ${apiUrl}/openapi.json)`,
        `  Console       ${apiUrl}/app  (care managers and supervisors; local sign-in with the demo users)`,
        `  Health        ${apiUrl}/health/ready`,
        `  Temporal      ${temporalAddress}  (namespace ${process.env.TEMPORAL_NAMESPACE ?? 'default'}, task queue ${taskQueue})`,
        `  Temporal UI   ${uiUrl ?? '(external Temporal: see your cluster)'}`,
        `  Postgres      ${redactUrl(databaseUrl)}  (${postgresNote})`,
        `  Logs          ${relative(process.cwd(), logsDir)}`,
        `  Sign in       npm run token -- --role care_manager --sub cm-1   (then: Authorization: Bearer <token>)`,
        'Press Ctrl-C to stop.',
        '',
      ].join('\n'),
    );
  } catch (err) {
    say(`could not start: ${err instanceof Error ? err.message : String(err)}`);
    await shutdown(1, 'start-up failed');
  }
}

async function waitForReady(url: string, abandoned: () => boolean): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let last = '';
  while (Date.now() < deadline && !abandoned()) {
    try {
      const res = await fetch(url);
      if (res.ok) {
        return;
      }
      last = await res.text();
    } catch (err) {
      last = err instanceof Error ? err.message : String(err);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  if (!abandoned()) {
    throw new Error(`not ready after ${READY_TIMEOUT_MS / 1000}s: ${last}`);
  }
}

function redactUrl(url: string): string {
  const u = new URL(url);
  if (u.password) {
    u.password = '***';
  }
  return u.toString();
}

/** A path relative to the working folder when it is inside it, else absolute. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith('..') ? path : rel;
}

function say(line: string): void {
  console.log(`[careloop] ${line}`);
}

void main();

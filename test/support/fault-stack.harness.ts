import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client as PgClient } from 'pg';
import { registerMembersIn } from './member-fixtures';
import { Client, Connection } from '@temporalio/client';
import { careloopDataConverter, DEVELOPMENT_PAYLOAD_KEY, prebuiltWorkflowBundlePath, projectRoot } from '@careloop/temporal';
import { ensureDatabase } from '../../scripts/embedded-postgres';
import { freePort } from '../../scripts/ports';
import { startTemporalDevServer, type DevServerHandle } from '../../scripts/temporal-dev-server';
import { CareLoopHttpClient } from '../../scripts/load/careloop-http.client';
import { testToken, type TestUser } from './auth';
import { ServiceProcess, killAllServiceProcesses } from './service-process.harness';

/**
 * One fault suite's system, every part a real server or OS process: its own
 * Temporal dev server (a SQLite file, so it can be restarted with its state),
 * its own database on the run's Postgres, and API and worker processes built
 * by `npm run build`, started and killed at will.
 */
export class FaultStack {
  private temporalServer: DevServerHandle | undefined;
  private pg: PgClient | undefined;
  private connection: Connection | undefined;
  private apiProcess: ServiceProcess | undefined;
  private readonly workers: ServiceProcess[] = [];
  readonly taskQueue: string;
  apiUrl = '';

  private constructor(
    readonly name: string,
    readonly databaseUrl: string,
    readonly temporalPort: number,
    private readonly dir: string,
  ) {
    this.taskQueue = `careloop-faults-${name}`;
  }

  static async start(name: string): Promise<FaultStack> {
    const adminUrl = process.env.TEST_DATABASE_ADMIN_URL;
    if (!adminUrl) {
      throw new Error('TEST_DATABASE_ADMIN_URL is not set: the faults globalSetup did not run');
    }
    const database = `careloop_faults_${name.replace(/-/g, '_')}_${randomBytes(3).toString('hex')}`;
    await ensureDatabase(adminUrl, database);
    const url = new URL(adminUrl);
    url.pathname = `/${database}`;
    const stack = new FaultStack(name, url.toString(), await freePort(), mkdtempSync(join(tmpdir(), `careloop-faults-${name}-`)));
    await stack.startTemporal();
    stack.pg = new PgClient({ connectionString: stack.databaseUrl });
    await stack.pg.connect();
    return stack;
  }

  /** Registers synthetic members with these plan ids (after the API ran migrations): POST /cases starts only registered members' cases. */
  registerMembers(...memberRefs: string[]): Promise<string[]> {
    return registerMembersIn(this.databaseUrl, memberRefs);
  }

  get temporalAddress(): string {
    return `127.0.0.1:${this.temporalPort}`;
  }

  /** Starts (or restarts) the dev server on the same port and database file. */
  async startTemporal(): Promise<void> {
    this.temporalServer = await startTemporalDevServer({ port: this.temporalPort, dbFilename: join(this.dir, 'temporal.db') });
  }

  async stopTemporal(): Promise<void> {
    await this.temporalServer?.stop();
    this.temporalServer = undefined;
  }

  /** A Temporal client with the payload codec (describe, results, history). */
  async temporal(): Promise<Client> {
    this.connection ??= await Connection.connect({ address: this.temporalAddress });
    return new Client({ connection: this.connection, dataConverter: careloopDataConverter([DEVELOPMENT_PAYLOAD_KEY]) });
  }

  sql(text: string, params?: unknown[]): Promise<Record<string, unknown>[]> {
    return this.pg!.query(text, params).then((r) => r.rows as Record<string, unknown>[]);
  }

  private env(extra: Record<string, string>): Record<string, string> {
    return {
      TEMPORAL_ADDRESS: this.temporalAddress,
      TEMPORAL_TASK_QUEUE: this.taskQueue,
      DATABASE_URL: this.databaseUrl,
      WORKFLOW_BUNDLE_PATH: prebuiltWorkflowBundlePath(projectRoot()),
      CARELOOP_POLICY_FILE: join(projectRoot(), 'config', 'policies.demo.json'),
      ...extra,
    };
  }

  /** The API process (migrations at boot); resolves once it listens. */
  async startApi(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    const port = this.apiUrl ? new URL(this.apiUrl).port : String(await freePort());
    this.apiUrl = `http://127.0.0.1:${port}`;
    const api = new ServiceProcess(`api-${this.name}`, 'dist/apps/api/src/main.js', this.env({ PORT: port, HOST: '127.0.0.1', ...extra }));
    this.apiProcess = api;
    await api.waitForLine((l) => String(l.msg).startsWith('listening on'), 60_000);
    return api;
  }

  get api(): ServiceProcess | undefined {
    return this.apiProcess;
  }

  /** A worker process; resolves once it polls the task queue. */
  async startWorker(extra: Record<string, string> = {}): Promise<ServiceProcess> {
    const worker = new ServiceProcess(`worker-${this.name}-${this.workers.length + 1}`, 'dist/apps/worker/src/main.js', this.env({ WORKER_SHUTDOWN_GRACE_MS: '1000', ...extra }));
    this.workers.push(worker);
    await worker.waitForLine((l) => String(l.msg).startsWith('polling task queue'), 60_000);
    return worker;
  }

  /** SIGKILL to every worker started so far. */
  async killWorkers(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.kill('SIGKILL')));
  }

  client(user: TestUser, timeoutMs = 30_000): CareLoopHttpClient {
    return new CareLoopHttpClient(this.apiUrl, testToken(user), timeoutMs);
  }

  /** Kills every process, stops the server, removes the folder; safe to call after a failure. */
  async close(): Promise<void> {
    await killAllServiceProcesses();
    await this.connection?.close().catch(() => undefined);
    await this.pg?.end().catch(() => undefined);
    await this.stopTemporal().catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

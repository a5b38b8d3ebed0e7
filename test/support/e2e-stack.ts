import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication, INestApplicationContext, LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Client as PgClient } from 'pg';
import request from 'supertest';
import { bearer, type TestUser } from './auth';
import { Client, Connection } from '@temporalio/client';
import { ensureDatabase } from '../../scripts/embedded-postgres';
import { apiConfigFrom, apiEnvSchema } from '../../apps/api/src/api.config';
import { createApiApp } from '../../apps/api/src/api.app';
import { WorkerModule } from '../../apps/worker/src/worker.module';
import { workerConfigFrom, workerEnvSchema } from '../../apps/worker/src/worker.config';
import { testWorkflowBundlePath } from './test-workflow-bundle';
import { syntheticMember } from './member-fixtures';
import type { MemberInput } from '@careloop/contracts';
import { MemberRegistry } from '../../apps/api/src/members/member-registry.service';
import { careloopDataConverter, projectRoot, temporalConfigFrom, temporalEnvSchema } from '@careloop/temporal';

/**
 * One suite's slice of the real stack: its own Postgres database and task
 * queue on the shared servers, a worker (Nest context) and the API (Nest app
 * on a random port), both built exactly as in production.
 */
export interface E2eStack {
  readonly baseUrl: string;
  readonly databaseUrl: string;
  readonly taskQueue: string;
  readonly temporal: Client;
  readonly sql: (text: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  /** A client of the API signed in as `user` (every request carries its bearer token). */
  as(user: TestUser): ReturnType<typeof request.agent>;
  /** A client of the API holding the integration API key of `clientId` (default `test-feed`; others listed in `integrationClients`). */
  asIntegration(clientId?: string): ReturnType<typeof request.agent>;
  /**
   * Registers a synthetic member with plan id `memberRef` (idempotent per plan id) and answers its registry id:
   * POST /cases starts only registered members' cases. Through the stack's own MemberRegistry (the /members routes are
   * not this helper's concern).
   */
  registerMember(memberRef: string, overrides?: Partial<MemberInput>): Promise<string>;
  /** The API's MemberRegistry (to read what intakes registered). */
  readonly members: MemberRegistry;
  /** The API key of client `test-feed` itself (for clients other than supertest, e.g. the OpenAPI fuzzer). */
  readonly integrationKey: string;
  /** The API's Nest app, for a test that needs one of its services directly (e.g. MemberRegistry before its routes exist). */
  readonly app: INestApplication;
  close(): Promise<void>;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set: the e2e globalSetup did not run`);
  }
  return value;
}

/**
 * `extraEnv` adds to the worker's and API's environment (e.g. NOTIFY_WEBHOOK_URL);
 * `logger` receives every log line of both (default: errors and warnings on the console);
 * `integrationClients` are created with their API keys besides `test-feed`.
 */
export async function startE2eStack(
  name: string,
  extraEnv: Record<string, string> = {},
  opts: { logger?: LoggerService; integrationClients?: readonly string[] } = {},
): Promise<E2eStack> {
  const suffix = randomBytes(4).toString('hex');
  const database = `careloop_e2e_${name}_${suffix}`;
  const adminUrl = requiredEnv('TEST_DATABASE_ADMIN_URL');
  await ensureDatabase(adminUrl, database);
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${database}`;
  const databaseUrl = dbUrl.toString();
  const taskQueue = `careloop-e2e-${name}-${suffix}`;
  // The demo providers (config/providers.demo.json) are in every stack's directory, so provider tokens
  // (prov-1, prov-9, …) resolve; their endpoints point at a sink that accepts every notice, so a provider
  // notice never waits on a relay the test does not run. Suites that read notices add their own providers.
  const sink = await providerNoticeSink();
  const env = {
    CARELOOP_PROVIDER_FILE: demoProvidersFile(sink.url),
    TEMPORAL_ADDRESS: requiredEnv('TEMPORAL_ADDRESS'),
    TEMPORAL_TASK_QUEUE: taskQueue,
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    WORKFLOW_BUNDLE_PATH: testWorkflowBundlePath(),
    WORKER_SHUTDOWN_GRACE_MS: '1000',
    // The stacks share one Temporal namespace, and the measure snapshot schedule has one id: only a suite that asks for it manages it.
    CARELOOP_MEASURE_SNAPSHOT_CRON: 'off',
    ...extraEnv,
  };

  const api: INestApplication = await createApiApp(apiConfigFrom(apiEnvSchema.parse(env)), { logger: opts.logger ?? ['error', 'warn'] });
  await api.listen(0, '127.0.0.1');
  const worker: INestApplicationContext = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(workerConfigFrom(workerEnvSchema.parse(env))),
    // Only errors: API and worker share this process in tests, so TypeORM warns about two default data sources.
    { logger: opts.logger ?? ['error'] },
  );

  const pg = new PgClient({ connectionString: databaseUrl });
  await pg.connect();
  // Integration clients as `npm run integration-key` creates them: only the key's SHA-256 is stored.
  const integrationKeys = new Map<string, string>();
  for (const clientId of new Set(['test-feed', ...(opts.integrationClients ?? [])])) {
    const key = `clk_${clientId}_${randomBytes(32).toString('base64url')}`;
    await pg.query(`INSERT INTO integration_clients (id, display_name, key_sha256) VALUES ($1, $2, $3)`, [clientId, `Test client ${clientId}`, createHash('sha256').update(key).digest('hex')]);
    integrationKeys.set(clientId, key);
  }
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });

  const baseUrl = (await api.getUrl()).replace('[::1]', '127.0.0.1');
  return {
    baseUrl,
    databaseUrl,
    taskQueue,
    // The same payload codec as API and worker (the development key unless the env sets others).
    temporal: new Client({ connection, dataConverter: careloopDataConverter(temporalConfigFrom(temporalEnvSchema.parse(env)).payloadKeys) }),
    sql: async (text, params) => (await pg.query(text, params)).rows,
    as: (user) => request.agent(baseUrl).set(bearer(user)),
    asIntegration: (clientId = 'test-feed') => {
      const key = integrationKeys.get(clientId);
      if (!key) throw new Error(`no integration client ${clientId} in this stack (add it to integrationClients)`);
      return request.agent(baseUrl).set('x-api-key', key);
    },
    integrationKey: integrationKeys.get('test-feed')!,
    app: api,
    registerMember: async (memberRef, overrides) => (await api.get(MemberRegistry).createOrMatch(syntheticMember(memberRef, overrides), 'test-fixture')).member.id,
    members: api.get(MemberRegistry),
    close: async () => {
      await api.close();
      await worker.close();
      await connection.close();
      await pg.end();
      await new Promise((resolve) => sink.server.close(resolve));
    },
  };
}

/** A local HTTP server answering 204 to every POST (the demo providers' notice endpoint in tests). */
async function providerNoticeSink(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(204).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/provider-notices` };
}

/** config/providers.demo.json with every endpoint replaced by the sink's webhook. */
function demoProvidersFile(sinkUrl: string): string {
  const demo = JSON.parse(readFileSync(join(projectRoot(), 'config', 'providers.demo.json'), 'utf8')) as Record<string, unknown>[];
  const file = join(mkdtempSync(join(tmpdir(), 'careloop-providers-')), 'providers.json');
  writeFileSync(file, JSON.stringify(demo.map((p) => ({ ...p, endpoint: { kind: 'webhook', url: sinkUrl } }))));
  return file;
}

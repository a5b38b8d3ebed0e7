import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker } from '@temporalio/worker';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { temporal } from '@temporalio/proto';
import { caseDetailQuery } from '@careloop/contracts';
import { careloopDataConverter, DEVELOPMENT_PAYLOAD_KEY, prebuiltWorkflowBundlePath, projectRoot } from '@careloop/temporal';
import { mintLocalToken } from '../../apps/api/src/auth/local-token';
import { SupervisedChild } from '../child-process';
import { ensureDatabase, startEmbeddedPostgres } from '../embedded-postgres';
import { freePort } from '../ports';
import { startTemporalDevServer } from '../temporal-dev-server';
import { CareLoopHttpClient } from '../load/careloop-http.client';
import { LIFECYCLE_ACTIONS, runCase, startCase } from '../load/case-lifecycle.driver';
import { registerMembers } from '../load/synthetic-member.fixtures';
import { machineLine, pct, pool, writeSection } from './bench-report';
import { cpuSince, cpuSnapshot, describeCpu, type CpuSeconds } from './cpu-accounting';

/**
 * `npm run bench`: CareLoop under load, against the Temporal ceiling, at
 * scale, and its history budget. Real processes (API and worker as `npm
 * start` runs them), a Temporal dev server and an embedded Postgres. Prints
 * the figures and writes them into BENCHMARKS.md (section bench:throughput).
 */
const N = Number(process.env.BENCH_MEMBERS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 20);
const OPEN = Number(process.env.BENCH_OPEN_CASES ?? 10_000);
const UPDATES_PER_CASE = LIFECYCLE_ACTIONS.length - 1;
const TUNED: Record<string, string> = {
  WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: process.env.BENCH_TUNED_WF_SLOTS ?? '20',
  WORKER_WORKFLOW_POLLERS: process.env.BENCH_TUNED_WF_POLLERS ?? '8',
  WORKER_ACTIVITY_POLLERS: process.env.BENCH_TUNED_ACT_POLLERS ?? '8',
  WORKER_MAX_CONCURRENT_ACTIVITIES: process.env.BENCH_TUNED_ACT_SLOTS ?? '50',
};
/** Extra environment for the API and worker (a JSON object), to try a setting without editing the script. */
const EXTRA = JSON.parse(process.env.BENCH_EXTRA_ENV ?? '{}') as Record<string, string>;
/** Sticky-cache size of the scale phase; unset = the worker's default. */
const SCALE_CACHE = process.env.BENCH_SCALE_CACHE;
/** Shares of the measured maximum throughput at which latency is measured with paced (open-loop) arrivals. */
const PACED_SHARES = (process.env.BENCH_PACED_SHARES ?? '0.5,0.75').split(',').map(Number).filter((x) => x > 0 && x < 1);
const PACED_CASES = Number(process.env.BENCH_PACED_CASES ?? 100);
/** Activities per case when the throughput phase did not run to count them. */
const DEFAULT_ACTIVITIES = 10;
const DEFAULT_UPSERTS = 13;
const EventType = temporal.api.enums.v1.EventType;
/** `BENCH_PHASES=throughput,ceiling` runs only those (for tuning); BENCHMARKS.md is written only by a full run. */
const PHASES = new Set((process.env.BENCH_PHASES ?? 'throughput,paced,ceiling,scale,history').split(',').map((p) => p.trim()));
const FULL = ['throughput', 'paced', 'ceiling', 'scale', 'history'].every((p) => PHASES.has(p));

interface Throughput {
  readonly variant: string;
  readonly casesPerSecond: number;
  readonly seconds: number;
  readonly latencies: Map<string, number[]>;
  readonly cpu: CpuSeconds;
}

async function main(): Promise<void> {
  const root = projectRoot();
  const work = mkdtempSync(join(tmpdir(), 'careloop-bench-tp-'));
  chmodSync(work, 0o755);
  const stops: (() => Promise<void>)[] = [];
  const lines: string[] = [];
  const say = (line: string) => {
    lines.push(line);
    process.stdout.write(`${line}\n`);
  };
  try {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    const server = await startTemporalDevServer({ port: await freePort() });
    stops.push(() => server.stop());
    const pg = await startEmbeddedPostgres({ dataDir: join(work, 'pg'), port: await freePort(), logFile: join(work, 'pg.log'), persistent: false, fast: true });
    stops.push(() => pg.stop());
    await ensureDatabase(pg.url('postgres'), 'careloop_bench');
    const apiPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      TEMPORAL_ADDRESS: server.address,
      DATABASE_URL: pg.url('careloop_bench'),
      PORT: String(apiPort),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WORKFLOW_BUNDLE_PATH: prebuiltWorkflowBundlePath(root),
      CARELOOP_POLICY_FILE: join(root, 'config', 'policies.demo.json'),
      RATE_LIMIT_PER_MINUTE: '1000000',
      ...EXTRA,
    };
    const apiChild = new SupervisedChild('api', join(root, 'dist/apps/api/src/main.js'), env);
    stops.push(() => apiChild.stop(10_000));
    const baseUrl = `http://127.0.0.1:${apiPort}`;
    const connection = await Connection.connect({ address: server.address });
    const client = new Client({ connection, dataConverter: careloopDataConverter([DEVELOPMENT_PAYLOAD_KEY]) });

    const startWorker = async (extra: Record<string, string>) => {
      const child = new SupervisedChild('worker', join(root, 'dist/apps/worker/src/main.js'), { ...env, WORKER_HEARTBEAT_MS: '2000', ...extra });
      await waitReady(baseUrl);
      return child;
    };

    // 1. Throughput and latency through HTTP, SDK defaults, then tuned.
    const results: Throughput[] = [];
    let activitiesPerCase = 0;
    let upsertsPerCase = 0;
    const variants = ([['SDK defaults', EXTRA], ['tuned', { ...TUNED, ...EXTRA }]] as const).filter(([v]) => PHASES.has('throughput') && (v === 'SDK defaults' || !process.env.BENCH_NO_TUNED));
    for (const [variant, extra] of variants) {
      const worker = await startWorker(extra);
      const http = new CareLoopHttpClient(baseUrl, await mintLocalToken({ sub: 'bench-admin', role: 'admin' }), 60_000);
      const refs = Array.from({ length: N }, (_, i) => `M-BENCH-${variant === 'tuned' ? 'T' : 'D'}-${i}`);
      await registerBenchMembers(baseUrl, refs);
      const cpuBefore = cpuSnapshot({ api: apiChild.process.pid, worker: worker.process.pid });
      const started = performance.now();
      const ids = await pool(refs, CONCURRENCY, (ref) => runCase(http, ref));
      await Promise.all(ids.map((id) => client.workflow.getHandle(id).result()));
      const seconds = (performance.now() - started) / 1000;
      const cpu = cpuSince(cpuBefore, cpuSnapshot({ api: apiChild.process.pid, worker: worker.process.pid }));
      results.push({ variant, casesPerSecond: N / seconds, seconds, latencies: http.latencies, cpu });
      say(`(progress) CareLoop ${variant}: ${(N / seconds).toFixed(2)} cases/s; CPU ${describeCpu(cpu)}`);
      if (!activitiesPerCase) {
        ({ activities: activitiesPerCase, upserts: upsertsPerCase } = await workOf(client, ids.slice(0, 10)));
      }
      await worker.stop(15_000);
    }

    // 1b. Latency at sustainable rates: cases arrive on a clock (open loop) at a share of the maximum just measured.
    const paced: Paced[] = [];
    const maxRate = results[0]?.casesPerSecond ?? Number(process.env.BENCH_MAX_RATE ?? 0);
    if (PHASES.has('paced') && maxRate > 0) {
      const worker = await startWorker(EXTRA);
      for (const share of PACED_SHARES) {
        const http = new CareLoopHttpClient(baseUrl, await mintLocalToken({ sub: 'bench-admin', role: 'admin' }), 60_000);
        const rate = share * maxRate;
        const refs = Array.from({ length: PACED_CASES }, (_, i) => `M-BENCH-P${Math.round(share * 100)}-${i}`);
        await registerBenchMembers(baseUrl, refs);
        const started = performance.now();
        const ids = await Promise.all(
          refs.map(async (ref, i) => {
            await new Promise((r) => setTimeout(r, (i * 1000) / rate));
            return runCase(http, ref);
          }),
        );
        await Promise.all(ids.map((id) => client.workflow.getHandle(id).result()));
        const seconds = (performance.now() - started) / 1000;
        paced.push({ share, rate, achieved: PACED_CASES / seconds, latencies: http.latencies });
        const updates = updateLatencies(http.latencies);
        say(`(progress) paced at ${rate.toFixed(2)} cases/s (${share} of max): update p50 ${pct(updates, 0.5).toFixed(0)} ms, p99 ${pct(updates, 0.99).toFixed(0)} ms`);
      }
      await worker.stop(15_000);
    }

    // 2. The ceiling: the same starts, updates and activities by a no-op workflow, through the client.
    const ceiling = PHASES.has('ceiling') ? await runCeiling(server.address, N, CONCURRENCY, activitiesPerCase || DEFAULT_ACTIVITIES, 0) : undefined;
    if (ceiling) {
      say(`(progress) ceiling: ${ceiling.casesPerSecond.toFixed(2)} cases/s; CPU ${describeCpu(ceiling.cpu)}`);
    }
    // Diagnostic, not the ceiling: the no-op workflow plus CareLoop's search-attribute upserts per case.
    const ceilingWithUpserts = PHASES.has('ceiling') ? await runCeiling(server.address, N, CONCURRENCY, activitiesPerCase || DEFAULT_ACTIVITIES, upsertsPerCase || DEFAULT_UPSERTS) : undefined;
    if (ceilingWithUpserts) {
      say(`(progress) ceiling + upserts: ${ceilingWithUpserts.casesPerSecond.toFixed(2)} cases/s; CPU ${describeCpu(ceilingWithUpserts.cpu)}`);
    }

    // 3. Scale: OPEN open cases, the sticky cache big enough to hold them all.
    const scale = PHASES.has('scale') ? await runScale(baseUrl, env, startWorker, client) : undefined;

    // 4. History: the three-year case of test/workflows, and the replay of its longest run.
    const history = PHASES.has('history') ? await runThreeYears(work) : undefined;

    if (FULL && ceiling && ceilingWithUpserts && scale && history) {
      lines.length = 0;
      report(say, { results, paced, ceiling, ceilingWithUpserts, activitiesPerCase, ...scale, history });
      writeSection('throughput', lines.join('\n'));
    } else {
      say(`(partial run, BENCH_PHASES=${[...PHASES].join(',')}: BENCHMARKS.md left unchanged)`);
    }
    await connection.close();
  } finally {
    for (const stop of stops.reverse()) {
      await stop().catch(() => undefined);
    }
  }
}

interface Paced {
  readonly share: number;
  /** Cases started per second (the arrival clock). */
  readonly rate: number;
  /** Cases completed per second over the whole paced run. */
  readonly achieved: number;
  readonly latencies: Map<string, number[]>;
}

interface ScaleResult {
  readonly rssMiB: number;
  /** Before the first case: the worker with an empty cache. */
  readonly idleRssMiB: number;
  /** A worker whose cache holds every open case, after a query to each. */
  readonly allCachedRssMiB: number;
  readonly allCachedHeartbeat: string;
  readonly heartbeat: string;
  readonly seedSeconds: number;
  readonly probe: Map<string, number[]>;
}

async function runScale(
  baseUrl: string,
  env: NodeJS.ProcessEnv,
  startWorker: (extra: Record<string, string>) => Promise<SupervisedChild>,
  client: Client,
): Promise<ScaleResult> {
  // The sticky cache as the worker sizes it by default (from its heap limit), or BENCH_SCALE_CACHE.
  const scaleWorker = await startWorker({ ...(SCALE_CACHE ? { WORKER_MAX_CACHED_WORKFLOWS: SCALE_CACHE } : {}), ...EXTRA });
  await new Promise((r) => setTimeout(r, 3_000));
  const idleRssMiB = workerRssMiB(scaleWorker.process.pid!);
  const scaleHttp = new CareLoopHttpClient(baseUrl, await mintLocalToken({ sub: 'bench-admin', role: 'admin' }), 60_000);
  const openRefs = Array.from({ length: OPEN }, (_, i) => `M-BENCH-OPEN-${i}`);
  await registerBenchMembers(baseUrl, openRefs);
  const seedStarted = performance.now();
  const open = await pool(openRefs, 50, (ref) => startCase(scaleHttp, ref, { policyOverrides: { screening: { attemptResponseWindowMs: '2h' } } }));
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  await waitFor(async () => (await sqlCount(env.DATABASE_URL!, "SELECT count(*)::int AS n FROM cases WHERE phase = 'screening'")) >= OPEN, 600_000);
  await new Promise((r) => setTimeout(r, 5_000));
  const rssMiB = workerRssMiB(scaleWorker.process.pid!);
  const probe = new CareLoopHttpClient(baseUrl, await mintLocalToken({ sub: 'bench-admin', role: 'admin' }), 60_000);
  await pool(Array.from({ length: 200 }, (_, i) => open[(i * 7919) % open.length]!), 4, async (id, i) => {
    await probe.expect(200, 'read case', 'GET', `/cases/${id}`);
    await probe.expect(200, 'add note (update)', 'POST', `/cases/${id}/notes`, { kind: 'note', text: 'Bench note.' }, { 'idempotency-key': `bench-${i}` });
  });
  for (let i = 0; i < 20; i++) {
    await probe.expect(200, 'stuck cases, first page', 'GET', '/supervisor/stuck-cases?limit=50');
    await probe.expect(200, 'list cases, first page', 'GET', '/cases?phase=screening&limit=50');
  }
  const heartbeat = await latestHeartbeat(env.DATABASE_URL!);
  process.stdout.write(`(progress) scale: RSS ${rssMiB} MiB; ${heartbeat}\n`);
  await scaleWorker.stop(15_000);

  // The same open cases, every one of them in the cache: a worker whose cache holds them all, and a query to each (a replay).
  const allWorker = await startWorker({ WORKER_MAX_CACHED_WORKFLOWS: String(OPEN + 100), ...EXTRA });
  await pool(open, 20, (id) => client.workflow.getHandle(id).query(caseDetailQuery));
  await new Promise((r) => setTimeout(r, 5_000));
  const allCachedRssMiB = workerRssMiB(allWorker.process.pid!);
  const allCachedHeartbeat = await latestHeartbeat(env.DATABASE_URL!);
  process.stdout.write(`(progress) scale, all cached: RSS ${allCachedRssMiB} MiB; ${allCachedHeartbeat}\n`);
  await allWorker.stop(15_000);
  return { rssMiB, idleRssMiB, heartbeat, seedSeconds, probe: probe.latencies, allCachedRssMiB, allCachedHeartbeat };
}

/**
 * POST /cases stands on the member registry (422 member_not_registered for an
 * unknown memberRef): every bench member is registered through POST /members
 * before a timed phase starts, with its own client (not in the reported
 * latencies, not in the CPU accounting). Already enrolled in the program, as
 * a member from the plan's enrollment file is, so the case start does not add
 * an enrollment version to the record inside the timed phase.
 */
async function registerBenchMembers(baseUrl: string, refs: readonly string[]): Promise<void> {
  const http = new CareLoopHttpClient(baseUrl, await mintLocalToken({ sub: 'bench-admin', role: 'admin' }), 60_000);
  const started = performance.now();
  await registerMembers(http, refs, 20, { enrollments: [{ programCode: 'CCM', start: new Date().toISOString().slice(0, 10), end: null }] });
  process.stdout.write(`(progress) registered ${refs.length} members in ${((performance.now() - started) / 1000).toFixed(1)} s (not timed)\n`);
}

async function waitReady(baseUrl: string): Promise<void> {
  await waitFor(async () => (await fetch(`${baseUrl}/health/ready`).catch(() => undefined))?.status === 200, 120_000);
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function sqlRows(url: string, text: string): Promise<Record<string, unknown>[]> {
  const { Client: Pg } = await import('pg');
  const pg = new Pg({ connectionString: url });
  await pg.connect();
  try {
    return (await pg.query(text)).rows as Record<string, unknown>[];
  } finally {
    await pg.end();
  }
}

/** The newest `running` report of a worker (its cache, in-flight work, RSS and heap). */
async function latestHeartbeat(url: string): Promise<string> {
  return String((await sqlRows(url, "SELECT detail FROM worker_heartbeats WHERE state = 'running' ORDER BY seen_at DESC LIMIT 1"))[0]?.detail ?? '');
}

/** Every update's latency (all actions but the start). */
function updateLatencies(byAction: Map<string, number[]>): number[] {
  return [...byAction].filter(([action]) => action !== 'start').flatMap(([, values]) => values);
}

async function sqlCount(url: string, text: string): Promise<number> {
  return Number((await sqlRows(url, text))[0]?.n ?? 0);
}

function workerRssMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024);
}

/** Activities and search-attribute upserts per case on average, from the histories; prints the events per case by type. */
async function workOf(client: Client, ids: string[]): Promise<{ activities: number; upserts: number }> {
  const byType = new Map<string, number>();
  for (const id of ids) {
    const { events } = await client.workflow.getHandle(id).fetchHistory();
    for (const e of events ?? []) {
      const name = EventType[e.eventType ?? 0] ?? String(e.eventType);
      byType.set(name, (byType.get(name) ?? 0) + 1);
    }
  }
  const perCase = [...byType].map(([t, n]) => `${t.replace('EVENT_TYPE_', '').toLowerCase()} ${(n / ids.length).toFixed(1)}`).join(', ');
  process.stdout.write(`(progress) history events per case: ${perCase}\n`);
  const perCaseOf = (type: string) => Math.round((byType.get(type) ?? 0) / ids.length);
  return { activities: perCaseOf('EVENT_TYPE_ACTIVITY_TASK_SCHEDULED'), upserts: perCaseOf('EVENT_TYPE_UPSERT_WORKFLOW_SEARCH_ATTRIBUTES') };
}

async function runCeiling(address: string, n: number, concurrency: number, activities: number, upserts: number): Promise<Ceiling> {
  const { code } = await bundleWorkflowCode({ workflowsPath: join(projectRoot(), 'scripts', 'bench', 'noop.workflow.ts'), logger: new DefaultLogger('WARN') });
  const connection = await NativeConnection.connect({ address });
  const worker = await Worker.create({ connection, taskQueue: 'bench-noop', workflowBundle: { code }, activities: { noopActivity: async () => undefined } });
  const running = worker.run();
  const clientConnection = await Connection.connect({ address });
  const client = new Client({ connection: clientConnection });
  const updateMs: number[] = [];
  const cpuBefore = cpuSnapshot({});
  const started = performance.now();
  const ids = await pool(Array.from({ length: n }, (_, i) => i), concurrency, async (i) => {
    const handle = await client.workflow.start('benchNoopWorkflow', { taskQueue: 'bench-noop', workflowId: `bench-noop-${i}-${Date.now()}`, args: [UPDATES_PER_CASE, activities, upserts] });
    for (let u = 0; u < UPDATES_PER_CASE; u++) {
      const t = performance.now();
      await handle.executeUpdate('noop', { args: [u] });
      updateMs.push(performance.now() - t);
    }
    await handle.result();
    return handle.workflowId;
  });
  const seconds = (performance.now() - started) / 1000;
  const cpu = cpuSince(cpuBefore, cpuSnapshot({}));
  await workOf(client, ids.slice(0, 10));
  worker.shutdown();
  await running;
  await connection.close();
  await clientConnection.close();
  return { casesPerSecond: n / seconds, seconds, updateMs, cpu, upserts };
}

async function runThreeYears(work: string): Promise<{ months: number; eventsPerRun: number[]; replayMs: number }> {
  const file = join(work, 'history-report.json');
  execFileSync(process.execPath, [join(projectRoot(), 'node_modules', 'jest', 'bin', 'jest.js'), '--selectProjects', 'workflows', '--testPathPatterns', 'case-three-years'], {
    cwd: projectRoot(),
    env: { ...process.env, CARELOOP_HISTORY_REPORT: file },
    stdio: 'ignore',
  });
  const report = JSON.parse(readFileSync(file, 'utf8')) as { months: number; eventsPerRun: number[]; longestRun: unknown };
  const history = historyFromJSON(report.longestRun);
  // Warm the bundle once, then time the replay (what a worker does when the case is not in its cache).
  const bundle = { workflowBundle: { codePath: prebuiltWorkflowBundlePath(projectRoot()) } };
  await Worker.runReplayHistory(bundle, history, 'bench-replay-warm');
  const started = performance.now();
  await Worker.runReplayHistory(bundle, history, 'bench-replay');
  return { months: report.months, eventsPerRun: report.eventsPerRun, replayMs: performance.now() - started };
}

interface Ceiling {
  /** Search-attribute upserts per case (0 for the ceiling itself). */
  readonly upserts: number;
  readonly casesPerSecond: number;
  readonly seconds: number;
  readonly updateMs: number[];
  readonly cpu: CpuSeconds;
}

interface ReportInput {
  results: Throughput[];
  paced: Paced[];
  ceiling: Ceiling;
  ceilingWithUpserts: Ceiling;
  activitiesPerCase: number;
  rssMiB: number;
  idleRssMiB: number;
  allCachedRssMiB: number;
  allCachedHeartbeat: string;
  heartbeat: string;
  seedSeconds: number;
  probe: Map<string, number[]>;
  history: { months: number; eventsPerRun: number[]; replayMs: number };
}

const UPDATE_P99_TARGET_MS = 250;
const RSS_TARGET_MIB = 2048;
const RATIO_TARGET = 0.7;

function report(say: (line: string) => void, r: ReportInput): void {
  const ms = (v: number) => v.toFixed(0);
  const perCase = (cpu: CpuSeconds, n: number) => Object.values(cpu).reduce((x, y) => x + y, 0) / n;
  const met = (ok: boolean) => (ok ? '**met**' : '**not met**');
  const defaults = r.results[0]!;
  const ratio = defaults.casesPerSecond / r.ceiling.casesPerSecond;
  say(`Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench\` (BENCH_MEMBERS=${N}, BENCH_CONCURRENCY=${CONCURRENCY}, BENCH_OPEN_CASES=${OPEN}, BENCH_PACED_CASES=${PACED_CASES}).`);
  say(machineLine() + ' Temporal dev server (SQLite, in memory), embedded Postgres, API and worker as separate processes on the same 2 cores as the load generator.');
  say('');
  say(`**Throughput** — ${N} members, each driven through the whole lifecycle by HTTP (start + ${UPDATES_PER_CASE} actions, each a workflow update), ${CONCURRENCY} at a time; a case counts when its workflow has completed. ${r.activitiesPerCase} activities per case (from the histories). CPU is user + system time of every process of the stack (/proc), divided by the cases.`);
  say('');
  say('| worker | completed cases/s | wall s | CPU s per case | ÷ ceiling |');
  say('|---|---|---|---|---|');
  for (const t of r.results) {
    say(`| CareLoop, ${t.variant} | ${t.casesPerSecond.toFixed(2)} | ${t.seconds.toFixed(1)} | ${perCase(t.cpu, N).toFixed(3)} | ${(t.casesPerSecond / r.ceiling.casesPerSecond).toFixed(2)} |`);
  }
  say(`| ceiling: no-op workflow, same starts/updates/activities via the client | ${r.ceiling.casesPerSecond.toFixed(2)} | ${r.ceiling.seconds.toFixed(1)} | ${perCase(r.ceiling.cpu, N).toFixed(3)} | 1.00 |`);
  const u = r.ceilingWithUpserts;
  say(`| diagnostic: the no-op workflow plus CareLoop's ${u.upserts} search-attribute upserts per case | ${u.casesPerSecond.toFixed(2)} | ${u.seconds.toFixed(1)} | ${perCase(u.cpu, N).toFixed(3)} | ${(u.casesPerSecond / r.ceiling.casesPerSecond).toFixed(2)} |`);
  say('');
  say('Where the CPU went (seconds per case; the ceiling runs its client and worker inside the load generator):');
  say('');
  say('| process | CareLoop, SDK defaults | ceiling | ceiling + upserts |');
  say('|---|---|---|---|');
  for (const key of Object.keys(defaults.cpu) as (keyof CpuSeconds)[]) {
    say(`| ${key} | ${(defaults.cpu[key] / N).toFixed(3)} | ${(r.ceiling.cpu[key] / N).toFixed(3)} | ${(u.cpu[key] / N).toFixed(3)} |`);
  }
  say('');
  say(`Latency of each API action at saturation (ms, SDK defaults worker, ${CONCURRENCY} lifecycles at once):`);
  say('');
  say('| action | n | p50 | p95 | p99 |');
  say('|---|---|---|---|---|');
  for (const [action, values] of defaults.latencies) {
    say(`| ${action} | ${values.length} | ${ms(pct(values, 0.5))} | ${ms(pct(values, 0.95))} | ${ms(pct(values, 0.99))} |`);
  }
  say(`| ceiling: no-op update via the client | ${r.ceiling.updateMs.length} | ${ms(pct(r.ceiling.updateMs, 0.5))} | ${ms(pct(r.ceiling.updateMs, 0.95))} | ${ms(pct(r.ceiling.updateMs, 0.99))} |`);
  if (r.paced.length) {
    say('');
    say(`Latency at sustainable rates (ms): ${PACED_CASES} cases started on a clock (open loop) at a share of the maximum above, SDK defaults worker.`);
    say('');
    say(`| action | ${r.paced.map((p) => `p50 / p95 / p99 at ${p.rate.toFixed(2)} cases/s (${Math.round(p.share * 100)}%)`).join(' | ')} |`);
    say(`|---|${r.paced.map(() => '---').join('|')}|`);
    for (const action of LIFECYCLE_ACTIONS) {
      say(`| ${action} | ${r.paced.map((p) => { const v = p.latencies.get(action) ?? []; return `${ms(pct(v, 0.5))} / ${ms(pct(v, 0.95))} / ${ms(pct(v, 0.99))}`; }).join(' | ')} |`);
    }
    say(`| all updates | ${r.paced.map((p) => { const v = updateLatencies(p.latencies); return `${ms(pct(v, 0.5))} / ${ms(pct(v, 0.95))} / ${ms(pct(v, 0.99))}`; }).join(' | ')} |`);
    say(`| completed cases/s | ${r.paced.map((p) => p.achieved.toFixed(2)).join(' | ')} |`);
  }
  const cache = /cached (\d+) of at most (\d+)/.exec(r.heartbeat);
  const cached = Number(cache?.[1] ?? 0);
  const perCachedMiB = cached ? (r.rssMiB - r.idleRssMiB) / cached : NaN;
  say('');
  say(`**Scale** — ${OPEN} open cases started through HTTP in ${r.seedSeconds.toFixed(0)} s (${(OPEN / r.seedSeconds).toFixed(0)}/s), all waiting in screening; worker with ${SCALE_CACHE ? `WORKER_MAX_CACHED_WORKFLOWS=${SCALE_CACHE}` : 'its default sticky cache (sized by the SDK from the heap limit)'} and default slots and pollers.`);
  say(
    `Worker RSS ${r.idleRssMiB} MiB before the first case, ${r.rssMiB} MiB with the cache full (/proc); worker heartbeat: ${r.heartbeat}. ` +
      `(RSS − idle) ÷ cached = ${perCachedMiB.toFixed(2)} MiB per cached case, an upper bound when the cache is smaller than the open cases: the workflow thread keeps heap from the cases it evicted. Cases beyond the cache wait on the server and are replayed when they next wake.`,
  );
  say(`Then a worker whose cache holds all ${OPEN} (WORKER_MAX_CACHED_WORKFLOWS=${OPEN + 100}), after a query to each case: RSS ${r.allCachedRssMiB} MiB; heartbeat: ${r.allCachedHeartbeat}.`);
  say('');
  say('| request at that size (4 concurrent clients, random cases, most not in the cache) | n | p50 ms | p95 ms | p99 ms |');
  say('|---|---|---|---|---|');
  for (const [action, values] of r.probe) {
    say(`| ${action} | ${values.length} | ${ms(pct(values, 0.5))} | ${ms(pct(values, 0.95))} | ${ms(pct(values, 0.99))} |`);
  }
  const total = r.history.eventsPerRun.reduce((a, b) => a + b, 0);
  say('');
  say(
    `**History** — test/workflows/case-three-years.spec.ts (${r.history.months} months: monthly contacts, quarterly reviews, yearly reassessment, 28-day committee timer; history limit lowered to force continue-as-new): ` +
      `${total} events in ${r.history.eventsPerRun.length} runs = ${Math.round(total / (r.history.months / 12))} events per simulated year; longest run ${Math.max(...r.history.eventsPerRun)} events (limit 2,000); its replay took ${r.history.replayMs.toFixed(0)} ms.`,
  );
  say('');
  say('**Targets, this run:**');
  say(`- CareLoop ≥ ${RATIO_TARGET} of the ceiling: ${met(ratio >= RATIO_TARGET)} (${ratio.toFixed(2)}; ${(defaults.casesPerSecond / u.casesPerSecond).toFixed(2)} of the no-op workflow that also upserts as CareLoop does).`);
  for (const p of r.paced) {
    const p99 = pct(updateLatencies(p.latencies), 0.99);
    say(`- Update p99 < ${UPDATE_P99_TARGET_MS} ms at ${Math.round(p.share * 100)}% of the maximum rate: ${met(p99 < UPDATE_P99_TARGET_MS)} (${ms(p99)} ms).`);
  }
  say(`- Update p99 < ${UPDATE_P99_TARGET_MS} ms at saturation (${CONCURRENCY} at once, not a sustainable rate): ${met(pct(updateLatencies(defaults.latencies), 0.99) < UPDATE_P99_TARGET_MS)} (${ms(pct(updateLatencies(defaults.latencies), 0.99))} ms).`);
  say(`- ${OPEN} open cases with worker RSS < 2 GiB, default sticky cache: ${met(r.rssMiB < RSS_TARGET_MIB)} (${r.rssMiB} MiB with ${cached} of them in the cache).`);
  say(`- ${OPEN} open cases with worker RSS < 2 GiB, every case cached: ${met(r.allCachedRssMiB < RSS_TARGET_MIB)} (${r.allCachedRssMiB} MiB).`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);

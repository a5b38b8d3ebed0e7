import 'reflect-metadata';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { DataSource } from 'typeorm';
import type { SearchAttributePair } from '@temporalio/common';
import { Client, Connection } from '@temporalio/client';
import { resolveProgramPolicy, RISK_TIERS } from '@careloop/domain';
import {
  CASE_WORKFLOW_TYPE,
  SA_CARE_MANAGER,
  SA_FLAGS,
  SA_LAST_PROGRESS_AT,
  SA_NEXT_DUE_AT,
  SA_NEXT_DUE_KIND,
  SA_PHASE,
  SA_PROGRAM,
  SA_RISK_TIER,
  SA_STALLED_AT,
  SA_STEP,
} from '@careloop/contracts';
import { buildDataSourceOptions, runMigrations } from '@careloop/persistence';
import { projectRoot } from '@careloop/temporal';
import { apiConfigFrom, apiEnvSchema } from '../../apps/api/src/api.config';
import { createApiApp } from '../../apps/api/src/api.app';
import { mintLocalToken } from '../../apps/api/src/auth/local-token';
import { ensureDatabase, startEmbeddedPostgres } from '../embedded-postgres';
import { freePort } from '../ports';
import { startTemporalDevServer } from '../temporal-dev-server';
import { resolveTemporalBinary } from '../temporal-binaries';

/**
 * `npm run bench:stuck`: how fast supervisors' stuck-case views answer with
 * N open cases (default 10,000) in Temporal visibility. The cases are open
 * case-workflow executions whose search attributes look like a real
 * caseload (10% overdue, 5% stalled, 2% unassigned, 50 with failing
 * notifications in Postgres); no worker runs them, so this measures the
 * visibility-backed API, not the workflows (the throughput benchmark does).
 * Prints the figures and writes them into BENCHMARKS.md.
 */
const N = Number(process.env.BENCH_CASES ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
/** A smaller run (a smoke test, e.g. BENCH_CASES=5 BENCH_RUNS=2) prints its figures but leaves BENCHMARKS.md alone. */
const FULL_SIZE = N >= 10_000 && RUNS >= 30;
const DAY = 86_400_000;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'careloop-bench-'));
  chmodSync(work, 0o755); // as root, embedded Postgres runs as "postgres" and must reach its data dir
  const stops: (() => Promise<void>)[] = [];
  try {
    const server = await startTemporalDevServer({ port: await freePort() });
    stops.push(() => server.stop());
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({ dataDir: join(work, 'pg'), port: await freePort(), logFile: join(work, 'pg.log'), persistent: false, fast: true });
      stops.push(() => pg.stop());
      await ensureDatabase(pg.url('postgres'), 'careloop_bench');
      databaseUrl = pg.url('careloop_bench');
    }
    const ds = await new DataSource(buildDataSourceOptions(databaseUrl)).initialize();
    await runMigrations(ds);

    const connection = await Connection.connect({ address: server.address });
    stops.push(() => connection.close());
    const client = new Client({ connection });
    const seeded = await seed(client, ds);
    await ds.destroy();

    const api = await createApiApp(
      apiConfigFrom(apiEnvSchema.parse({ TEMPORAL_ADDRESS: server.address, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', RUN_MIGRATIONS: 'false', RATE_LIMIT_PER_MINUTE: '1000000' })),
      { logger: ['error'] },
    );
    await api.listen(0, '127.0.0.1');
    stops.push(() => api.close());
    const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    // A supervisor's view is scoped to the team; an admin sees every stuck case, as the benchmark needs.
    const auth = { authorization: `Bearer ${await mintLocalToken({ sub: 'bench-admin', role: 'admin' })}` };

    const requests: [string, string][] = [
      ['all kinds, first page of 50', '/supervisor/stuck-cases?limit=50'],
      ['overdue, first page of 50', '/supervisor/stuck-cases?kind=overdue&limit=50'],
      ['overdue by > 1 day, high risk', '/supervisor/stuck-cases?kind=overdue&overdueBy=1d&riskTier=high&limit=50'],
      ['one care manager', '/supervisor/stuck-cases?careManagerId=cm-7&limit=50'],
      ['failing activity', '/supervisor/stuck-cases?kind=failing_activity&limit=50'],
      ['summary (counts by kind)', '/supervisor/stuck-cases/summary'],
      ['second page (cursor)', 'SECOND_PAGE'],
    ];
    const firstPage = (await (await fetch(`${base}/supervisor/stuck-cases?limit=50`, { headers: auth })).json()) as { items: unknown[]; nextCursor: string };
    const rows: { name: string; p50: number; p95: number; max: number; items: number }[] = [];
    for (const [name, path] of requests) {
      if (path === 'SECOND_PAGE' && !firstPage.nextCursor) {
        continue; // fewer stuck cases than one page (a smoke-test size): there is no second page to ask for
      }
      const url = `${base}${path === 'SECOND_PAGE' ? `/supervisor/stuck-cases?limit=50&cursor=${firstPage.nextCursor}` : path}`;
      const times: number[] = [];
      let items = 0;
      for (let i = 0; i < RUNS + 3; i++) {
        const t0 = performance.now();
        const res = await fetch(url, { headers: auth });
        const body = (await res.json()) as { items?: unknown[]; counts?: Record<string, number> };
        const ms = performance.now() - t0;
        if (!res.ok) {
          throw new Error(`${name}: HTTP ${res.status} ${JSON.stringify(body)}`);
        }
        items = body.items?.length ?? Object.values(body.counts ?? {}).reduce((a, b) => a + b, 0);
        if (i >= 3) {
          times.push(ms); // the first three warm the connection pools
        }
      }
      times.sort((a, b) => a - b);
      rows.push({ name, p50: pct(times, 0.5), p95: pct(times, 0.95), max: times.at(-1)!, items });
    }
    report(seeded, rows);
  } finally {
    for (const stop of stops.reverse()) {
      await stop().catch(() => undefined);
    }
    rmSync(work, { recursive: true, force: true });
  }
}

/** Starts N case executions with a realistic mix of search attributes; answers how long it took. */
async function seed(client: Client, ds: DataSource): Promise<{ cases: number; seconds: number; overdue: number; stalled: number; unassigned: number; failing: number }> {
  const now = Date.now();
  const input = { memberRef: 'M-BENCH', programCode: 'CCM', enrollmentDate: new Date(now).toISOString().slice(0, 10), policy: resolveProgramPolicy('CCM', undefined) };
  const counts = { overdue: 0, stalled: 0, unassigned: 0, failing: 0 };
  const t0 = performance.now();
  let next = 0;
  const ids: string[] = [];
  const one = async (i: number) => {
    const id = `case-ccm-${i.toString(16).padStart(24, '0')}`;
    ids.push(id);
    const overdue = i % 10 === 0;
    const stalled = i % 20 === 1;
    const unassigned = i % 50 === 2;
    counts.overdue += overdue ? 1 : 0;
    counts.stalled += stalled ? 1 : 0;
    counts.unassigned += unassigned ? 1 : 0;
    const tier = RISK_TIERS[i % 3]!;
    const attrs: SearchAttributePair[] = [
      { key: SA_PROGRAM, value: 'CCM' },
      { key: SA_PHASE, value: 'recovery_support' },
      { key: SA_STEP, value: 'support_and_assistance' },
      { key: SA_RISK_TIER, value: tier },
      { key: SA_NEXT_DUE_KIND, value: 'contact' },
      { key: SA_NEXT_DUE_AT, value: new Date(now + (overdue ? -((i % 7) + 1) * DAY / 2 : 7 * DAY)) },
      { key: SA_LAST_PROGRESS_AT, value: new Date(now - (stalled ? 40 : 3) * DAY) },
      { key: SA_STALLED_AT, value: new Date(now + (stalled ? -10 : 27) * DAY) },
    ];
    if (!unassigned) {
      attrs.push({ key: SA_CARE_MANAGER, value: `cm-${i % 100}` });
    } else {
      attrs.push({ key: SA_FLAGS, value: ['unassigned'] });
    }
    await client.workflow.start(CASE_WORKFLOW_TYPE, { workflowId: id, taskQueue: 'bench-no-worker', args: [input], typedSearchAttributes: attrs });
  };
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < N) {
        await one(next++);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  // 50 cases with a notification channel failing (the failing-activity kind lives in the outbox).
  for (const id of ids.slice(0, 50)) {
    await ds.query(
      `INSERT INTO notifications (key, case_id, audience, channel, template, params, status, attempts, last_error, first_failed_at)
       VALUES ($1, $2, 'care_team', 'task_queue', 'outreach_attempt_due', '{}', 'failed', 4, 'webhook: webhook answered 503', now())`,
      [`${id}:bench`, id],
    );
    counts.failing++;
  }
  // Visibility is written asynchronously: wait until every case is listed.
  for (let i = 0; i < 300; i++) {
    const { count } = await client.workflow.count(`WorkflowType = '${CASE_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running'`);
    if (count >= N) {
      break;
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { cases: N, seconds, ...counts };
}

function pct(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]!;
}

function report(seeded: Awaited<ReturnType<typeof seed>>, rows: { name: string; p50: number; p95: number; max: number; items: number }[]): void {
  const temporalVersion = (() => {
    try {
      const cli = resolveTemporalBinary('cli', { install: false });
      return cli.type === 'existing-path' ? execFileSync(cli.path, ['--version'], { encoding: 'utf8' }).trim() : 'temporal CLI (SDK download)';
    } catch {
      return 'unknown';
    }
  })();
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:stuck\` (BENCH_CASES=${seeded.cases}, ${RUNS} timed requests each, after 3 warm-ups).`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB; Node ${process.version}; ${temporalVersion} (dev server, SQLite visibility, in memory); Postgres ${process.env.DATABASE_URL ? 'from DATABASE_URL' : 'embedded'}.`,
    `Seeded ${seeded.cases} open case executions in ${seeded.seconds.toFixed(1)} s (${Math.round(seeded.cases / seeded.seconds)}/s): ${seeded.overdue} overdue, ${seeded.stalled} stalled, ${seeded.unassigned} unassigned, ${seeded.failing} with failing notifications.`,
    '',
    '| request (through HTTP) | rows / total | p50 ms | p95 ms | max ms |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.items} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`),
  ];
  const text = lines.join('\n');
  process.stdout.write(`${text}\n`);
  if (!FULL_SIZE) {
    process.stdout.write(`(smaller than BENCH_CASES=10000 BENCH_RUNS=30: BENCHMARKS.md left unchanged)\n`);
    return;
  }
  const file = join(projectRoot(), 'BENCHMARKS.md');
  const start = '<!-- bench:stuck-cases:start -->';
  const end = '<!-- bench:stuck-cases:end -->';
  const doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const block = `${start}\n${text}\n${end}`;
  const updated = doc.includes(start) ? doc.replace(new RegExp(`${start}[\\s\\S]*?${end}`), block) : `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(file, updated);
  process.stdout.write(`written to ${file}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);

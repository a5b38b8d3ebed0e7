import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, runMigrations, WorkItemRepository, type WorklistScope } from '@careloop/persistence';
import { projectRoot } from '@careloop/temporal';
import { apiConfigFrom, apiEnvSchema } from '../../apps/api/src/api.config';
import { createApiApp } from '../../apps/api/src/api.app';
import { mintLocalToken } from '../../apps/api/src/auth/local-token';
import { ensureDatabase, startEmbeddedPostgres } from '../embedded-postgres';
import { freePort } from '../ports';
import { startTemporalDevServer } from '../temporal-dev-server';
import { machineLine, pct, writeSection } from './bench-report';

/**
 * `npm run bench:worklist`: how fast `GET /worklist` answers with BENCH_ITEMS (default 100,000) open
 * work items over ~1,000 care managers and ~50 teams, plus as many closed ones (history the partial
 * indexes leave out), inserted directly into a fresh database. Timed through the real API over HTTP;
 * EXPLAIN ANALYZE of the same statements shows which index each list uses. Measures, asserts nothing.
 * Prints the figures, writes them to bench-worklist.txt and (full size only) a BENCHMARKS.md section.
 */
const N = Number(process.env.BENCH_ITEMS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const CARE_MANAGERS = 1_000;
const TEAMS = 50;
const FULL_SIZE = N >= 100_000 && RUNS >= 200;

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'careloop-bench-wl-'));
  chmodSync(work, 0o755);
  const stops: (() => Promise<void>)[] = [];
  try {
    const server = await startTemporalDevServer({ port: await freePort() });
    stops.push(() => server.stop());
    let databaseUrl: string;
    if (process.env.BENCH_DATABASE_ADMIN_URL) {
      // A fresh database on an existing server (e.g. postgres://postgres@127.0.0.1:5432/postgres).
      const name = `careloop_bench_worklist_${Date.now()}`;
      await ensureDatabase(process.env.BENCH_DATABASE_ADMIN_URL, name);
      const adminUrl = process.env.BENCH_DATABASE_ADMIN_URL;
      // Dropped at the end (runs last: stops run in reverse), so a shared server keeps no 200,000 bench rows.
      stops.push(async () => {
        const admin = new Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`).finally(() => admin.end());
      });
      const url = new URL(process.env.BENCH_DATABASE_ADMIN_URL);
      url.pathname = `/${name}`;
      databaseUrl = url.toString();
    } else {
      const pg = await startEmbeddedPostgres({ dataDir: join(work, 'pg'), port: await freePort(), logFile: join(work, 'pg.log'), persistent: false, fast: true });
      stops.push(() => pg.stop());
      await ensureDatabase(pg.url('postgres'), 'careloop_bench');
      databaseUrl = pg.url('careloop_bench');
    }
    const ds = await new DataSource(buildDataSourceOptions(databaseUrl)).initialize();
    stops.push(() => ds.destroy());
    await runMigrations(ds);
    const seconds = await seed(ds);

    const api = await createApiApp(
      apiConfigFrom(apiEnvSchema.parse({ TEMPORAL_ADDRESS: server.address, DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1', RUN_MIGRATIONS: 'false', RATE_LIMIT_PER_MINUTE: '100000000' })),
      { logger: ['error'] },
    );
    await api.listen(0, '127.0.0.1');
    stops.push(() => api.close());
    const base = (await api.getUrl()).replace('[::1]', '127.0.0.1');
    const token = async (sub: string, role: 'care_manager' | 'supervisor', team: string) => ({ authorization: `Bearer ${await mintLocalToken({ sub, role, team })}` });
    const cm = await token('cm-7', 'care_manager', 'team-7');
    const sup = await token('sup-7', 'supervisor', 'team-7');

    const requests: { name: string; path: string; auth: Record<string, string> }[] = [
      { name: 'one care manager, default (mine + team queue), page of 50', path: '/worklist?limit=50', auth: cm },
      { name: 'one care manager, mine only', path: '/worklist?scope=mine&limit=50', auth: cm },
      { name: 'team queue (unclaimed, care managers)', path: '/worklist?scope=team&limit=50', auth: cm },
      { name: 'one care manager, overdue only', path: '/worklist?overdue=true&limit=50', auth: cm },
      { name: "supervisor: a team's open work", path: '/worklist/teams/team-7?limit=50', auth: sup },
    ];
    const rows: { name: string; p50: number; p95: number; p99: number; items: number; open: number }[] = [];
    for (const r of requests) {
      const times: number[] = [];
      let items = 0;
      let open = 0;
      for (let i = 0; i < RUNS + 10; i++) {
        const t0 = performance.now();
        const res = await fetch(`${base}${r.path}`, { headers: r.auth });
        const body = (await res.json()) as { items: unknown[]; counts: { open: number } };
        const ms = performance.now() - t0;
        if (!res.ok) throw new Error(`${r.name}: HTTP ${res.status} ${JSON.stringify(body)}`);
        items = body.items.length;
        open = body.counts.open;
        if (i >= 10) times.push(ms); // the first ten warm the pools and caches
      }
      rows.push({ name: r.name, p50: pct(times, 0.5), p95: pct(times, 0.95), p99: pct(times, 0.99), items, open });
    }

    const repo = new WorkItemRepository(ds);
    const plans: [string, WorklistScope][] = [
      ['one care manager (mine + team queue)', { holders: ['cm-7'], queue: { teamId: 'team-7', role: 'care_manager', withOrgQueue: true } }],
      ['team queue', { queue: { teamId: 'team-7', role: 'care_manager', withOrgQueue: true } }],
      ["a team's open work", { team: { teamId: 'team-7', unclaimedOnly: false, heldOnly: false } }],
    ];
    const explained: string[] = [];
    for (const [name, scope] of plans) {
      explained.push(`-- ${name}`, ...(await repo.explainList(scope, {}, 50)), '');
    }
    report(seconds, rows, explained);
  } finally {
    for (const stop of stops.reverse()) {
      await stop().catch(() => undefined);
    }
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * N open items: 90% held by one of 1,000 care managers (cm-i on team-(i mod 50)), 8% in a team's
 * care-manager queue, 2% escalations in the supervisors' queue; due from 10 days ago to 30 days
 * ahead (about a quarter overdue). And N closed items of the same shape (history).
 */
async function seed(ds: DataSource): Promise<number> {
  const t0 = performance.now();
  const insert = (status: string, offset: number) =>
    ds.query(
      `INSERT INTO work_items (id, source, source_id, episode_id, kind, task_key, status, priority, due_at, owner_staff_id, owner_team_id, owner_role,
         case_id, member_id, program_code, risk_tier, opened_at, closed_at)
       SELECT 'case:case-ccm-' || lpad(to_hex(g), 24, '0') || ':run-1:contact-1', 'case', 'case-ccm-' || lpad(to_hex(g), 24, '0'), 'run-1',
         CASE WHEN g % 100 >= 98 THEN 'escalation' ELSE 'contact' END, 'contact-1', $1::varchar,
         CASE WHEN g % 100 >= 98 THEN 'urgent' WHEN g % 3 = 0 THEN 'high' WHEN g % 3 = 1 THEN 'normal' ELSE 'low' END,
         now() - interval '10 days' + ((g / 7) % 40) * interval '1 day' + (g % 1440) * interval '1 minute',
         CASE WHEN g % 100 < 90 THEN 'cm-' || (g % ${CARE_MANAGERS}) END,
         'team-' || CASE WHEN g % 100 < 90 THEN (g % ${CARE_MANAGERS}) % ${TEAMS} ELSE (g / 100) % ${TEAMS} END,
         CASE WHEN g % 100 >= 98 THEN 'supervisor' ELSE 'care_manager' END,
         'case-ccm-' || lpad(to_hex(g), 24, '0'), 'mbr-' || lpad(g::text, 12, '0'), 'CCM',
         CASE WHEN g % 3 = 0 THEN 'high' WHEN g % 3 = 1 THEN 'medium' ELSE 'low' END,
         now() - interval '20 days', CASE WHEN $1::varchar = 'done' THEN now() - interval '1 day' END
       FROM generate_series($2::int, $3::int) g`,
      [status, offset, offset + N - 1],
    );
  // The teams and people the lists are read for (the team route checks that the team exists; the roster decides a caller's team).
  await ds.query(`INSERT INTO teams (id, name, programs, regions, active) SELECT 'team-' || t, 'Team ' || t, '{CCM}', '{}', true FROM generate_series(0, ${TEAMS - 1}) t`);
  await ds.query(
    `INSERT INTO staff (id, display_name, role, team, languages, active)
     SELECT 'cm-' || c, 'Care manager ' || c, 'care_manager', 'team-' || (c % ${TEAMS}), '{en}'::text[], true FROM generate_series(0, ${CARE_MANAGERS - 1}) c
     UNION ALL SELECT 'sup-7', 'Supervisor 7', 'supervisor', 'team-7', '{en}'::text[], true`,
  );
  await insert('open', 0);
  await insert('done', N);
  await ds.query('ANALYZE work_items');
  return (performance.now() - t0) / 1000;
}

function report(seconds: number, rows: { name: string; p50: number; p95: number; p99: number; items: number; open: number }[], explained: string[]): void {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:worklist\` (BENCH_ITEMS=${N} open + ${N} closed work items, ${CARE_MANAGERS} care managers on ${TEAMS} teams; ${RUNS} timed sequential requests each, after 10 warm-ups).`,
    machineLine(),
    `Seeded in ${seconds.toFixed(1)} s (one INSERT … SELECT generate_series per half). Target: well under 100 ms (measured, not asserted).`,
    '',
    '| request (through HTTP, cm-7 on team-7) | rows | open (counts) | p50 ms | p95 ms | p99 ms |',
    '|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${r.items} | ${r.open} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`),
    '',
    'EXPLAIN ANALYZE of the list statements (the partial indexes on open items):',
    '',
    '```',
    ...explained,
    '```',
  ];
  const text = lines.join('\n');
  process.stdout.write(`${text}\n`);
  writeFileSync(join(projectRoot(), 'bench-worklist.txt'), `${text}\n`);
  if (!FULL_SIZE) {
    process.stdout.write('(smaller than BENCH_ITEMS=100000 BENCH_RUNS=200: BENCHMARKS.md left unchanged)\n');
    return;
  }
  writeSection('worklist', `## Worklists (GET /worklist)\n\n${text}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);

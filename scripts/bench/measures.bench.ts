import 'reflect-metadata';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { buildDataSourceOptions, MeasureFactsRepository, MeasureSnapshotRepository, runMigrations } from '@careloop/persistence';
import { computeMeasures, dayRangePeriod, DEFAULT_MEASURE_POLICY, monthPeriod, type MeasureInput, type ReportPeriod } from '@careloop/domain';
import { createMeasureSnapshotActivities } from '@careloop/activities';
import { projectRoot } from '@careloop/temporal';
import { ensureDatabase, startEmbeddedPostgres } from '../embedded-postgres';
import { freePort } from '../ports';
import { machineLine, writeSection } from './bench-report';

/**
 * `npm run bench:measures`: the quality measures (issue 18) over a year of a large plan. Seeds
 * BENCH_CASES (default 100,000) cases opened over the last year, straight into Postgres with
 * INSERT … SELECT generate_series: each with a realistic timeline (opened, care manager assigned,
 * an outreach attempt, screening and assessment with their answers, a consented care plan, 12
 * contact tasks opened and closed every two weeks, committee updates every 28 days, two notes), plus
 * ~5% as many discharges with their transition-of-care reports, ~10% utilization reviews with
 * decisions (a tenth denied and appealed) and ~1% complaints. Then times MeasureFactsRepository.read
 * and computeMeasures for the last full month and for the year, and one nightly snapshot (the
 * activity: one read, every scope computed, rows upserted). Measures, asserts nothing. Prints the
 * figures, writes them to bench-measures.txt and (full size only) a BENCHMARKS.md section.
 */
const N = Number(process.env.BENCH_CASES ?? 100_000);
const DISCHARGES = Math.round(N / 20);
const REVIEWS = Math.round(N / 10);
const COMPLAINTS = Math.round(N / 100);
const TEAMS = 50;
const CARE_MANAGERS = 1_000;
const PROGRAMS = ['CCM', 'HF', 'BH'];
const FULL_SIZE = N >= 100_000;
const DAY_MS = 86_400_000;

interface Timing {
  readonly name: string;
  readonly ms: number;
  readonly detail: string;
}

async function main(): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'careloop-bench-measures-'));
  chmodSync(work, 0o755);
  const stops: (() => Promise<void>)[] = [];
  try {
    let databaseUrl: string;
    if (process.env.BENCH_DATABASE_ADMIN_URL) {
      const name = `careloop_bench_measures_${Date.now()}`;
      const adminUrl = process.env.BENCH_DATABASE_ADMIN_URL;
      await ensureDatabase(adminUrl, name);
      stops.push(async () => {
        // BENCH_KEEP_DATABASE=true keeps the seeded database (to try queries on it afterwards).
        if (process.env.BENCH_KEEP_DATABASE === 'true') {
          process.stdout.write(`kept database ${name}\n`);
          return;
        }
        const admin = new Client({ connectionString: adminUrl });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${name}`).finally(() => admin.end());
      });
      const url = new URL(adminUrl);
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

    // The year: the 365 UTC days before today; the month: the last full calendar month.
    const today = Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth(), new Date().getUTCDate());
    const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
    const year = dayRangePeriod(day(today - 365 * DAY_MS), day(today - DAY_MS));
    const lastMonth = new Date(Date.UTC(new Date().getUTCFullYear(), new Date().getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
    const month = monthPeriod(lastMonth);
    const yesterday = day(today - DAY_MS);

    const seeded = await seed(ds, year);
    const facts = new MeasureFactsRepository(ds);
    const timings: Timing[] = [];
    const time = async <T>(name: string, fn: () => Promise<T> | T, detail: (r: T) => string): Promise<T> => {
      const t0 = performance.now();
      const r = await fn();
      const ms = performance.now() - t0;
      timings.push({ name, ms, detail: detail(r) });
      process.stdout.write(`${name}: ${(ms / 1000).toFixed(2)} s (${detail(r)})\n`);
      return r;
    };
    const shape = (i: MeasureInput) => `${i.cases.length} cases, ${i.cases.reduce((n, c) => n + c.events.length, 0)} events, ${i.discharges.length} discharges, ${i.reviews.length} reviews, ${i.complaints.length} complaints`;
    const valuesOf = (c: ReturnType<typeof computeMeasures>) => `${c.values.length} measures, ${c.rows.length} drill-down rows`;

    // Warm the caches once (the first read also pays for parsing plans and loading pages).
    await facts.read(dayRangePeriod(yesterday, yesterday), {});
    // The month's input is dropped before the year is read (one report at a time, as the API serves them).
    await time(`read() of a month (${lastMonth})`, () => facts.read(month, {}), shape).then((monthInput) =>
      time('computeMeasures over the month', () => computeMeasures(monthInput, DEFAULT_MEASURE_POLICY), valuesOf),
    );
    await time('read() of the month, one team', () => facts.read(month, { teamId: 'team-7' }), shape);
    const yearInput = await time(`read() of the year (${year.start.slice(0, 10)} – ${yesterday})`, () => facts.read(year, {}), shape);
    // The whole heap in use with the year's input held (the month's may be collected meanwhile: a difference would lie).
    const heapYear = process.memoryUsage().heapUsed;
    await time('computeMeasures over the year', () => computeMeasures(yearInput, DEFAULT_MEASURE_POLICY), valuesOf);
    const snapshots = new MeasureSnapshotRepository(ds);
    const activities = createMeasureSnapshotActivities({ facts, snapshots, policy: DEFAULT_MEASURE_POLICY });
    await time(`nightly snapshot of ${yesterday} (read, all scopes, upsert)`, () => activities.snapshotMeasures(yesterday), (r) => `${r.scopes} scopes, ${r.scopes * 22} rows`);
    await time('the same snapshot again (idempotent rerun)', () => activities.snapshotMeasures(yesterday), (r) => `${r.scopes} scopes`);
    const plan = await explainCaseRead(ds, year);
    report(seeded, timings, heapYear, plan, year, month);
  } finally {
    for (const stop of stops.reverse()) {
      await stop().catch(() => undefined);
    }
    rmSync(work, { recursive: true, force: true });
  }
}

/** A case's id, as the case workflow ids look. */
const CASE_ID = `'case-bench-' || lpad(to_hex(g), 12, '0')`;

async function seed(ds: DataSource, year: ReportPeriod): Promise<{ seconds: number; events: number }> {
  const t0 = performance.now();
  const start = year.start;
  // Case g opens at `opened(g)`: spread evenly over the year, at varying times of day.
  const opened = `($1::timestamptz + (g::float8 * 365 / ${N}) * interval '1 day' + (g % 600) * interval '1 minute')`;
  const team = `'team-' || (g % ${TEAMS})`;
  const program = `(ARRAY['${PROGRAMS.join("','")}'])[1 + (g % 20 >= 12)::int + (g % 20 >= 17)::int]`;
  const cm = `'cm-' || ((g % ${TEAMS}) + ${TEAMS} * ((g / ${TEAMS}) % ${CARE_MANAGERS / TEAMS}))`;
  const closed = `(g % 10 = 0)`;
  const closedAt = `(${opened} + interval '150 days')`;
  const series = `FROM generate_series(0, ${N - 1}) g`;
  await ds.query(`INSERT INTO teams (id, name, programs, regions, active) SELECT 'team-' || t, 'Team ' || t, '{CCM,HF,BH}', '{}', true FROM generate_series(0, ${TEAMS - 1}) t`);
  await ds.query(
    `INSERT INTO cases (id, run_id, member_ref, program_code, enrollment_date, policy_version, phase, closure_reason, opened_at, phase_changed_at, team_id, member_id, care_manager_id, risk_tier)
     SELECT ${CASE_ID}, 'run-1', 'MRN-' || g, ${program}, (${opened})::date, 'v1',
            CASE WHEN ${closed} AND ${closedAt} < now() THEN 'closed' ELSE 'care_management' END,
            CASE WHEN ${closed} AND ${closedAt} < now() THEN 'goals_met' END,
            ${opened}, CASE WHEN ${closed} AND ${closedAt} < now() THEN ${closedAt} ELSE ${opened} + interval '20 days' END,
            ${team}, 'mbr-' || lpad(g::text, 12, '0'), ${cm}, (ARRAY['low','medium','high'])[1 + g % 3]
     ${series}`,
    [start],
  );
  // One INSERT per kind of event: (seq, time after opening, data). Events after now(), or after the case closed, are not written.
  const ev = (seq: string, at: string, kind: string, data: string, from = series) =>
    ds.query(
      `INSERT INTO case_events (case_id, episode_id, seq, at, kind, actor_id, summary, data)
       SELECT ${CASE_ID}, 'run-1', x.seq, x.at, '${kind}', 'cm-1', '${kind.replace(/_/g, ' ')}', x.data
       FROM (SELECT g, ${seq} AS seq, ${at} AS at, ${data} AS data ${from}) x WHERE x.at < now() AND NOT (${closed} AND x.at > ${closedAt})`,
      [start],
    );
  const answers = `jsonb_build_object('selfRatedHealth', 'fair', 'hospitalizedLast12Months', g % 4 = 0, 'chronicConditionCount', g % 5, 'medications', 'metformin 500 mg twice daily; lisinopril 10 mg', 'livingSituation', 'lives alone, daughter visits weekly')`;
  const risk = `jsonb_build_object('tier', (ARRAY['low','medium','high'])[1 + g % 3], 'score', g % 12, 'reasons', jsonb_build_array('chronic conditions', 'recent admission'))`;
  await ev('1', opened, 'case_opened', `jsonb_build_object('kind', 'case_opened', 'runId', 'run-1', 'memberRef', 'MRN-' || g, 'programCode', ${program}, 'enrollmentDate', (${opened})::date, 'policyVersion', 'v1', 'teamId', ${team}, 'memberId', 'mbr-' || g)`);
  await ev('2', `${opened} + interval '1 hour'`, 'care_manager_assigned', `jsonb_build_object('kind', 'care_manager_assigned', 'careManagerId', ${cm}, 'languageMatch', true)`);
  await ev('3', `${opened} + interval '1 day'`, 'attempt_started', `jsonb_build_object('kind', 'attempt_started', 'number', 1, 'channel', 'phone', 'dueAt', ${opened} + interval '3 days')`);
  await ev('4', `${opened} + interval '2 days'`, 'attempt_recorded', `jsonb_build_object('kind', 'attempt_recorded', 'number', 1, 'outcome', CASE WHEN g % 10 = 9 THEN 'no_answer' ELSE 'reached' END, 'note', 'Spoke with the member about her medications and the follow-up visit', 'contactPoint', '+1 555 01' || (g % 100))`);
  // Screening 3–100 days after opening (a few past the 90-day deadline).
  const screened = `${opened} + (3 + g % 98) * interval '1 day'`;
  await ev('5', screened, 'screening_submitted', `jsonb_build_object('kind', 'screening_submitted', 'answers', ${answers}, 'initialRisk', ${risk})`);
  await ev('6', `${screened} + interval '1 minute'`, 'phase_changed', `jsonb_build_object('kind', 'phase_changed', 'from', 'outreach', 'to', 'assessment', 'closureReason', null)`);
  await ev('7', `${screened} + interval '2 minutes'`, 'task_opened', `jsonb_build_object('kind', 'task_opened', 'key', 'assessment', 'taskKind', 'assessment', 'dueAt', ${screened} + interval '30 days')`);
  const assessed = `${screened} + (5 + g % 30) * interval '1 day'`;
  await ev('8', assessed, 'assessment_submitted', `jsonb_build_object('kind', 'assessment_submitted', 'answers', ${answers} || jsonb_build_object('phq9', g % 27, 'notes', 'reports low mood since the admission'), 'risk', ${risk})`);
  await ev('9', `${assessed} + interval '1 minute'`, 'task_closed', `jsonb_build_object('kind', 'task_closed', 'key', 'assessment', 'resolution', 'done')`);
  await ev('10', `${assessed} + interval '2 minutes'`, 'task_opened', `jsonb_build_object('kind', 'task_opened', 'key', 'care_plan', 'taskKind', 'care_plan', 'dueAt', ${assessed} + interval '30 days')`);
  const planned = `${assessed} + (3 + g % 25) * interval '1 day'`;
  await ev(
    '11',
    planned,
    'plan_consented',
    `jsonb_build_object('kind', 'plan_consented', 'version', 1, 'consent', jsonb_build_object('consentGiven', true, 'consentedBy', CASE WHEN g % 8 = 0 THEN 'representative' ELSE 'member' END, 'memberInvolved', g % 8 <> 0, 'familyOrGuardianInvolved', g % 3 = 0))`,
  );
  await ev('12', `${planned} + interval '1 minute'`, 'task_closed', `jsonb_build_object('kind', 'task_closed', 'key', 'care_plan', 'resolution', 'done')`);
  // 12 contacts, one every 14 days after the plan: opened, then closed 1–16 days later (some late).
  const contactFrom = `FROM generate_series(0, ${N - 1}) g CROSS JOIN generate_series(0, 11) k`;
  const contactOpened = `${planned} + (k * 14 + 2) * interval '1 day'`;
  await ev('13 + 2 * k', contactOpened, 'task_opened', `jsonb_build_object('kind', 'task_opened', 'key', 'contact:' || k, 'taskKind', 'contact', 'dueAt', ${contactOpened} + interval '14 days')`, contactFrom);
  await ev('14 + 2 * k', `${contactOpened} + (1 + (g + k) % 16) * interval '1 day'`, 'task_closed', `jsonb_build_object('kind', 'task_closed', 'key', 'contact:' || k, 'resolution', 'done')`, contactFrom);
  // Committee updates every 28 days (some 35) from the plan on.
  const committeeFrom = `FROM generate_series(0, ${N - 1}) g CROSS JOIN generate_series(0, 12) j`;
  await ev(
    '40 + j',
    `${planned} + j * (CASE WHEN g % 7 = 0 THEN 35 ELSE 28 END) * interval '1 day'`,
    'committee_update_sent',
    `jsonb_build_object('kind', 'committee_update_sent', 'update', jsonb_build_object('caseId', ${CASE_ID}, 'programCode', ${program}, 'phase', 'care_management', 'step', null, 'riskTier', 'medium', 'monthsInProgram', j, 'goals', jsonb_build_object('total', 3, 'met', 1, 'behind', 0), 'contacts', jsonb_build_object('completed', j, 'missed', 0), 'symptomIncreases', 0, 'adherenceVariations', 0, 'supplementalInfoOutstanding', false, 'planVersion', 1, 'trigger', 'scheduled'))`,
    committeeFrom,
  );
  // Notes: not read by the measures (the kind filter leaves them in the database).
  const noteFrom = `FROM generate_series(0, ${N - 1}) g CROSS JOIN generate_series(0, 1) n`;
  await ev('60 + n', `${opened} + (4 + n * 40) * interval '1 day'`, 'note_added', `jsonb_build_object('kind', 'note_added', 'noteKind', 'call_record', 'text', repeat('Member described her symptoms and her week. ', 8))`, noteFrom);
  await ev('62', `${closedAt}`, 'case_closed', `jsonb_build_object('kind', 'case_closed', 'reason', 'goals_met', 'detail', 'member met her goals')`, `${series} WHERE ${closed}`);

  // Discharges of every 20th case, 30–330 days into the year; their tasks reported done (most on time).
  const dischargeFrom = `FROM generate_series(0, ${DISCHARGES - 1}) d CROSS JOIN LATERAL (SELECT d * 20 AS g) c`;
  const discharged = `($1::timestamptz + (30 + (d * 300.0 / ${DISCHARGES})) * interval '1 day' + (d % 720) * interval '1 minute')`;
  await ds.query(
    `INSERT INTO discharge_events (discharge_id, source, source_event_id, format, member_ref, program_code, case_id, discharged_at, payload_hash)
     SELECT 'dis-' || d, 'GENHOSP', 'evt-' || d, 'hl7v2', 'MRN-' || g, ${program}, ${CASE_ID}, ${discharged}, repeat('0', 64) ${dischargeFrom}`,
    [start],
  );
  const tasks = `(ARRAY['member_contact','medication_reconciliation','follow_up_visit','pcp_informed'])[t + 1]`;
  const doneAt = `${discharged} + (CASE t WHEN 0 THEN 1 + d % 3 WHEN 1 THEN 5 + d % 30 WHEN 2 THEN 2 + d % 9 ELSE 1 END) * interval '1 day'`;
  await ds.query(
    `INSERT INTO case_events (case_id, episode_id, seq, at, kind, actor_id, summary, data)
     SELECT ${CASE_ID}, 'run-1', 100 + t, ${doneAt} + interval '2 hours', 'external_event_recorded', 'discharge', 'transition task done',
            jsonb_build_object('kind', 'external_event_recorded', 'key', 'dis-' || d || ':' || ${tasks} || ':done', 'source', 'discharge-planning', 'eventKind', 'transition_task_done',
                               'occurredAt', ${doneAt}, 'reference', 'dis-' || d)
     ${dischargeFrom} CROSS JOIN generate_series(0, 3) t WHERE (d + t) % 10 <> 0 AND ${doneAt} < now()`,
    [start],
  );

  // Utilization reviews of every 10th case over the year: an initial decision (a tenth denied, and appealed).
  const reviewFrom = `FROM generate_series(0, ${REVIEWS - 1}) r CROSS JOIN LATERAL (SELECT r * 10 AS g) c`;
  const received = `($1::timestamptz + (r * 360.0 / ${REVIEWS}) * interval '1 day')`;
  const window = `CASE WHEN r % 5 = 0 THEN interval '72 hours' ELSE interval '7 days' END`;
  await ds.query(
    `INSERT INTO utilization_reviews (id, version, provider_id, member_ref, case_id, urgency, status, service_code, received_at, decision_due_at, request, view)
     SELECT 'ur-' || r, 3, 'prov-' || (r % 40), 'MRN-' || g, ${CASE_ID}, CASE WHEN r % 5 = 0 THEN 'expedited' ELSE 'standard' END, 'decided', 'S' || (r % 9),
            ${received}, ${received} + ${window}, jsonb_build_object('justification', 'long clinical justification for the requested service'), '{}'::jsonb
     ${reviewFrom}`,
    [start],
  );
  const decided = `${received} + (r % 9) * interval '1 day' * (CASE WHEN r % 5 = 0 THEN 0.4 ELSE 1 END)`;
  await ds.query(
    `INSERT INTO utilization_review_decisions (review_id, level, kind, reason, reviewer_id, decided_at, due_at, on_time)
     SELECT 'ur-' || r, 'initial', CASE WHEN r % 10 = 3 THEN 'denied' WHEN r % 10 = 4 THEN 'partially_approved' ELSE 'approved' END,
            CASE WHEN r % 10 IN (3, 4) THEN 'not medically necessary' END, 'rev-' || (r % 12), ${decided}, ${received} + ${window}, ${decided} <= ${received} + ${window}
     ${reviewFrom}
     UNION ALL
     SELECT 'ur-' || r, 'appeal', CASE WHEN r % 20 = 3 THEN 'approved' ELSE 'denied' END, CASE WHEN r % 20 = 13 THEN 'criteria not met' END, 'rev-' || (r % 12),
            ${decided} + interval '20 days', ${decided} + interval '40 days', true
     ${reviewFrom} WHERE r % 10 = 3`,
    [start],
  );

  // Complaints about every 100th case: acknowledged in 1–6 days, resolved in 10–40 (some late).
  const complaintFrom = `FROM generate_series(0, ${COMPLAINTS - 1}) k CROSS JOIN LATERAL (SELECT k * 100 AS g) c`;
  const filed = `($1::timestamptz + (k * 350.0 / ${COMPLAINTS}) * interval '1 day')`;
  await ds.query(
    `INSERT INTO complaints (id, version, complainant_kind, complainant_id, channel, subject, case_id, status, received_at, acknowledge_by, resolve_by, summary, view)
     SELECT 'cmp-' || k, 3, 'member', 'mbr-' || g, 'phone', 'service', ${CASE_ID}, 'resolved', ${filed}, ${filed} + interval '5 days', ${filed} + interval '30 days',
            'the member complains about a missed visit',
            jsonb_build_object('acknowledgedAt', ${filed} + (1 + k % 6) * interval '1 day', 'resolvedAt', ${filed} + (10 + k % 31) * interval '1 day')
     ${complaintFrom}`,
    [start],
  );
  await ds.query('ANALYZE');
  const [{ n }] = (await ds.query(`SELECT count(*)::int AS n FROM case_events`)) as [{ n: number }];
  return { seconds: (performance.now() - t0) / 1000, events: n };
}

/** EXPLAIN (ANALYZE, BUFFERS) of one page of the year's case read, to see which plan it takes. */
async function explainCaseRead(ds: DataSource, year: ReportPeriod): Promise<string[]> {
  const rows = (await ds.query(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
     SELECT c.id, (SELECT count(*) FROM case_events e WHERE e.case_id = c.id AND e.at <= $1::timestamptz AND e.kind = ANY($2::varchar[])) AS events
     FROM cases c WHERE c.id > '' AND (c.phase <> 'closed' OR c.phase_changed_at >= $3::timestamptz - interval '120 days') ORDER BY c.id LIMIT 5000`,
    [year.end, ['case_opened', 'task_opened', 'task_closed'], year.start],
  )) as { 'QUERY PLAN': string }[];
  return rows.map((r) => r['QUERY PLAN']);
}

/** The ratios worth reading: year against month, computing against reading, the night against a read. */
function ratios(timings: readonly Timing[]): string {
  const at = (prefix: string) => timings.find((t) => t.name.startsWith(prefix))?.ms ?? NaN;
  const monthRead = at('read() of a month');
  const yearRead = at('read() of the year');
  const yearCompute = at('computeMeasures over the year');
  const monthCompute = at('computeMeasures over the month');
  const night = at('nightly snapshot');
  return [
    `Ratios: year read / month read ${(yearRead / monthRead).toFixed(2)} (both read every case of the 120-day horizon with its whole timeline, so a month costs about what a year does);`,
    `compute / read ${(monthCompute / monthRead).toFixed(2)} (month) and ${(yearCompute / yearRead).toFixed(2)} (year); the nightly snapshot (one read, every scope) / a month read ${(night / monthRead).toFixed(2)}.`,
    'Reading is dominated by Postgres building the timelines as JSON (about two thirds of a read in a trial at 20,000 cases; fetching the rows alone is a fraction of a second), then by parsing it.',
  ].join(' ');
}

function report(seeded: { seconds: number; events: number }, timings: readonly Timing[], heapYear: number, plan: string[], year: ReportPeriod, month: ReportPeriod): void {
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`npm run bench:measures\` (BENCH_CASES=${N}: cases opened over the year ${year.start.slice(0, 10)} – ${year.end.slice(0, 10)}, ${seeded.events.toLocaleString('en-US')} case events, ${DISCHARGES} discharges, ${REVIEWS} utilization reviews, ${COMPLAINTS} complaints; ${TEAMS} teams, ${PROGRAMS.length} programs). The month is ${month.start.slice(0, 7)}.`,
    machineLine(),
    `Seeded in ${seeded.seconds.toFixed(1)} s (INSERT … SELECT generate_series, one statement per event kind). One run, sequential, after one warm-up read of a day.`,
    '',
    '| step | seconds | what |',
    '|---|---|---|',
    ...timings.map((t) => `| ${t.name} | ${(t.ms / 1000).toFixed(2)} | ${t.detail} |`),
    '',
    `Heap in use right after the year's read (its MeasureInput held): about ${Math.round(heapYear / 2 ** 20)} MiB. Load average when the run ended: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min) on ${cpus().length} cores shared with other work: the figures move with it.`,
    ratios(timings),
    '',
    "EXPLAIN ANALYZE of one page (5,000 cases) of the year's case read (timelines by the case_events primary key):",
    '',
    '```',
    ...plan,
    '```',
  ];
  const text = lines.join('\n');
  process.stdout.write(`${text}\n`);
  writeFileSync(join(projectRoot(), 'bench-measures.txt'), `${text}\n`);
  if (!FULL_SIZE) {
    process.stdout.write('(smaller than BENCH_CASES=100000: BENCHMARKS.md left unchanged)\n');
    return;
  }
  writeSection('measures', `## Quality measures (issue 18)\n\n${text}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);

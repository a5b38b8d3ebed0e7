import { FaultStack } from '../support/fault-stack.harness';
import { eventually } from '../support/eventually';
import { USERS } from '../support/auth';
import { runCase, startCase } from '../../scripts/load/case-lifecycle.driver';
import { freePort } from '../../scripts/ports';

interface Readiness {
  status: string;
  checks: { worker: { status: string; detail?: string } };
}

/**
 * Readiness follows the worker's own health (a frozen worker process keeps
 * its long polls open, so polling alone looks fine for a minute), and both
 * processes expose Prometheus metrics on their own ports, with code labels only.
 */
describe('readiness reflects a stuck worker; Prometheus metrics of API and worker', () => {
  let stack: FaultStack;
  let apiMetrics = '';
  let workerMetrics = '';
  let workerMetricsBind = '';

  beforeAll(async () => {
    stack = await FaultStack.start('health-metrics');
    const [apiMetricsPort, workerMetricsPort] = [await freePort(), await freePort()];
    apiMetrics = `http://127.0.0.1:${apiMetricsPort}/metrics`;
    workerMetricsBind = `127.0.0.1:${workerMetricsPort}`;
    workerMetrics = `http://${workerMetricsBind}/metrics`;
    await stack.startApi({ API_METRICS_PORT: String(apiMetricsPort), WORKER_HEARTBEAT_STALE_MS: '3000' });
    await stack.startWorker({ WORKER_HEARTBEAT_MS: '1000' });
  }, 120_000);

  afterAll(async () => {
    await stack?.close();
  });

  const ready = async () => {
    const res = await fetch(`${stack.apiUrl}/health/ready`);
    return { code: res.status, body: (await res.json()) as Readiness };
  };

  it('is ready with a healthy worker, not ready while the worker is frozen, ready again when it resumes', async () => {
    const healthy = await eventually(ready, (r) => r.code === 200, 30_000, 500);
    expect(healthy.body.checks.worker).toMatchObject({ status: 'ok', detail: expect.stringContaining('1 worker(s) healthy') });

    // One worker only, which then freezes (SIGSTOP: alive, sockets open, doing nothing).
    await stack.killWorkers();
    const frozen = await stack.startWorker({ WORKER_HEARTBEAT_MS: '1000', WORKER_METRICS_BIND: workerMetricsBind });
    await eventually(ready, (r) => r.code === 200, 30_000, 500);
    frozen.signalGroup('SIGSTOP');
    try {
      const stuck = await eventually(ready, (r) => r.code === 503, 30_000, 500);
      expect(stuck.code).toBe(503);
      expect(stuck.body.checks.worker).toMatchObject({ status: 'fail', detail: expect.stringContaining('reported healthy') });
    } finally {
      frozen.signalGroup('SIGCONT');
    }
    const again = await eventually(ready, (r) => r.code === 200, 30_000, 500);
    expect(again.code).toBe(200);
  }, 120_000);

  it('serves API metrics (latency by route, cases by phase, workers) and the worker runtime metrics, without member data', async () => {
    const api = stack.client(USERS.admin);
    await stack.registerMembers('M-FAULT-METRICS-1', 'M-FAULT-METRICS-2');
    await runCase(api, 'M-FAULT-METRICS-1');
    await startCase(api, 'M-FAULT-METRICS-2');
    const text = await eventually(
      async () => (await fetch(apiMetrics)).text(),
      (t) => t.includes('careloop_cases_open{phase="screening",program="CCM"} 1'),
      30_000,
      500,
    );
    expect(text).toContain('careloop_cases_open{phase="screening",program="CCM"} 1');
    expect(text).toMatch(/careloop_api_request_duration_seconds_bucket\{method="POST",route="\/cases\/:id\/notes",status="200",le="0.25"\} 1/);
    expect(text).toMatch(/careloop_api_request_duration_seconds_count\{method="POST",route="\/cases",status="201"\} 2/);
    expect(text).toContain('careloop_workers{state="running"} 1');
    expect(text).toContain('# TYPE careloop_tasks_overdue gauge');
    expect(text).not.toContain('M-FAULT');
    expect(text).not.toMatch(/case-ccm-[0-9a-f]{24}/);

    const runtime = await (await fetch(workerMetrics)).text();
    expect(runtime).toMatch(/^temporal_workflow_completed\{.*\} \d+/m);
    expect(runtime).toContain('temporal_sticky_cache_size');
  }, 120_000);
});

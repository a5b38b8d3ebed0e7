import { createServer, type Server } from 'node:http';
import type { INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { CollectedGauge, Histogram, MetricsRegistry } from '@careloop/observability';
import { OperationsMetricsRepository, WorkerHeartbeatRepository } from '@careloop/persistence';
import type { ApiConfig } from '../api.config';

/** Seconds; dense below 250 ms, where the update endpoints' target sits. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];

/**
 * Application metrics of the API, on their own port (API_METRICS_PORT, never
 * the public one): request latency by method, route pattern and status, and
 * read-model gauges collected at scrape time — open cases by phase and
 * program, overdue tasks by kind and program, notifications failed for good
 * by kind, workers by reported state. Labels are codes, never member data.
 * Returns the metrics server (closed with the app), or undefined when off.
 */
export async function installApiMetrics(app: INestApplication, config: ApiConfig): Promise<Server | undefined> {
  if (config.metricsPort === undefined) {
    return undefined;
  }
  const registry = new MetricsRegistry();
  const latency = registry.register(new Histogram('careloop_api_request_duration_seconds', 'API request latency by method, route pattern and status.', LATENCY_BUCKETS));
  app.use((req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      // The matched route's pattern (/cases/:id/notes); anything unrouted is one series, never the raw URL.
      const route = (req.route?.path as string | undefined) ?? 'unmatched';
      try {
        latency.observe({ method: req.method, route, status: String(res.statusCode) }, Number(process.hrtime.bigint() - started) / 1e9);
      } catch {
        // A label outside the code alphabet is not recorded (never thrown from a response event).
      }
    });
    next();
  });
  const ops = app.get(OperationsMetricsRepository);
  const heartbeats = app.get(WorkerHeartbeatRepository);
  registry.register(new CollectedGauge('careloop_cases_open', 'Open cases by phase and program (read model).', () => ops.casesByPhase()));
  registry.register(new CollectedGauge('careloop_tasks_overdue', 'Open tasks past their due time by kind and program.', () => ops.overdueTasks()));
  registry.register(new CollectedGauge('careloop_notifications_failed', 'Notifications that failed for good by kind (template).', () => ops.failedNotifications()));
  registry.register(
    new CollectedGauge('careloop_workers', 'Workers with a heartbeat in the readiness window, by reported state.', async () => {
      const counts = new Map<string, number>();
      for (const h of await heartbeats.fresh(config.temporal.taskQueue, config.workerHeartbeatStaleMs)) {
        counts.set(h.state, (counts.get(h.state) ?? 0) + 1);
      }
      return [...counts].map(([state, value]) => ({ labels: { state }, value }));
    }),
  );

  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url !== '/metrics') {
      res.writeHead(404).end();
      return;
    }
    registry.render().then(
      (text) => res.writeHead(200, { 'content-type': 'text/plain; version=0.0.4' }).end(text),
      () => res.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.metricsPort, config.metricsHost, () => resolve());
  });
  // Never what keeps the process alive: it ends with the app on SIGTERM.
  server.unref();
  return server;
}

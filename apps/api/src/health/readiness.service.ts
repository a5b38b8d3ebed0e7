import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { temporal } from '@temporalio/proto';
import { TemporalClientService } from '@careloop/temporal';
import { WorkerHeartbeatRepository } from '@careloop/persistence';
import { API_CONFIG, type ApiConfig } from '../api.config';

export interface CheckResult {
  readonly status: 'ok' | 'fail';
  readonly latencyMs: number;
  readonly detail?: string;
}

export interface Readiness {
  readonly status: 'ok' | 'fail';
  readonly checks: { readonly postgres: CheckResult; readonly temporal: CheckResult; readonly worker: CheckResult };
}

const CHECK_TIMEOUT_MS = 3_000;

/**
 * Readiness = the API can do its job: Postgres answers, the Temporal frontend
 * answers, and some worker has recently polled the case task queue and
 * reported itself healthy (else started cases would sit with nobody, or a
 * hung worker, to run them).
 */
@Injectable()
export class ReadinessService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly temporalClient: TemporalClientService,
    private readonly heartbeats: WorkerHeartbeatRepository,
  ) {}

  async check(): Promise<Readiness> {
    const [postgres, temporalCheck, worker] = await Promise.all([
      timed(() => this.dataSource.query('SELECT 1')),
      timed(() => this.withDeadline(() => this.temporalClient.connection.workflowService.getSystemInfo({}))),
      timed(() => this.workerPolling()),
    ]);
    const all = [postgres, temporalCheck, worker];
    return {
      status: all.every((c) => c.status === 'ok') ? 'ok' : 'fail',
      checks: { postgres, temporal: temporalCheck, worker },
    };
  }

  private async workerPolling(): Promise<string> {
    const { namespace, taskQueue } = this.config.temporal;
    const res = await this.withDeadline(() =>
      this.temporalClient.connection.workflowService.describeTaskQueue({
        namespace,
        taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      }),
    );
    const now = Date.now();
    const fresh = (res.pollers ?? []).filter((p) => {
      const seconds = Number(p.lastAccessTime?.seconds ?? 0);
      return now - seconds * 1000 <= this.config.workerPollFreshnessMs;
    });
    if (fresh.length === 0) {
      throw new Error(`no worker has polled task queue "${taskQueue}" recently`);
    }
    // Polling is not enough: a hung worker's long polls stay open. Some worker must also say it is running, recently.
    const reports = await this.heartbeats.fresh(taskQueue, this.config.workerHeartbeatStaleMs);
    const healthy = reports.filter((r) => r.state === 'running');
    if (healthy.length === 0) {
      const unhealthy = reports.map((r) => `${r.state}: ${r.detail}`).join('; ');
      throw new Error(`no worker on "${taskQueue}" reported healthy within ${this.config.workerHeartbeatStaleMs / 1000}s${unhealthy ? ` (${unhealthy})` : ''}`);
    }
    return `${fresh.length} poller(s) on "${taskQueue}", ${healthy.length} worker(s) healthy`;
  }

  private withDeadline<T>(fn: () => Promise<T>): Promise<T> {
    return this.temporalClient.connection.withDeadline(Date.now() + CHECK_TIMEOUT_MS, fn);
  }
}

async function timed(fn: () => Promise<unknown>): Promise<CheckResult> {
  const started = performance.now();
  try {
    const out = await Promise.race([
      fn(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
    ]);
    const latencyMs = Math.round(performance.now() - started);
    return typeof out === 'string' ? { status: 'ok', latencyMs, detail: out } : { status: 'ok', latencyMs };
  } catch (err) {
    return {
      status: 'fail',
      latencyMs: Math.round(performance.now() - started),
      detail: err instanceof Error ? err.message.split('\n')[0] : 'failed',
    };
  }
}

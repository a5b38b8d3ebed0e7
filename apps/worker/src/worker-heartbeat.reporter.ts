import { Logger } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import type { WorkerHeartbeat, WorkerHeartbeatRepository } from '@careloop/persistence';

/** The event loop may run this late before the worker calls itself stalled (a CPU-bound task, a blocked loop). */
const MAX_LOOP_DELAY_MS = 2_000;

/**
 * Every `everyMs` the worker writes how it is: `running` (the worker runs, its
 * pollers poll, its event loop keeps time), else `stalled`/`stopping`/… with
 * why. A frozen or hung process writes nothing and goes stale; readiness
 * (apps/api/src/health) wants a fresh `running` report for the task queue.
 */
export class WorkerHeartbeatReporter {
  private timer: NodeJS.Timeout | undefined;
  private expectedAt = 0;
  private readonly logger = new Logger('worker-heartbeat');
  private failing = false;

  constructor(
    private readonly worker: Worker,
    private readonly repository: WorkerHeartbeatRepository,
    private readonly everyMs: number,
  ) {}

  start(): void {
    this.expectedAt = Date.now();
    // The first report once run() has the worker RUNNING.
    setTimeout(() => void this.beat(0), 250).unref();
    this.timer = setInterval(() => {
      const late = Date.now() - this.expectedAt - this.everyMs;
      this.expectedAt = Date.now();
      void this.beat(late);
    }, this.everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.write({ ...this.base(), state: 'stopped', detail: 'shut down' });
  }

  private base(): Pick<WorkerHeartbeat, 'identity' | 'taskQueue'> {
    return { identity: this.worker.options.identity, taskQueue: this.worker.options.taskQueue };
  }

  private async beat(lateMs: number): Promise<void> {
    const s = this.worker.getStatus();
    let state = 'running';
    const mem = process.memoryUsage();
    const mib = (n: number) => Math.round(n / 2 ** 20);
    let detail = `cached ${s.numCachedWorkflows} of at most ${this.worker.options.maxCachedWorkflows} workflows, ${s.numInFlightWorkflowActivations} activations and ${s.numInFlightActivities} activities in flight; rss ${mib(mem.rss)} MiB, heap ${mib(mem.heapUsed)} MiB`;
    if (s.runState !== 'RUNNING') {
      state = s.runState.toLowerCase();
      detail = `worker ${s.runState}`;
    } else if (s.workflowPollerState !== 'POLLING' || s.activityPollerState !== 'POLLING') {
      state = 'failed';
      detail = `pollers: workflow ${s.workflowPollerState}, activity ${s.activityPollerState}`;
    } else if (lateMs > MAX_LOOP_DELAY_MS) {
      state = 'stalled';
      detail = `event loop ${Math.round(lateMs)} ms late`;
    }
    await this.write({ ...this.base(), state, detail });
  }

  private async write(h: WorkerHeartbeat): Promise<void> {
    try {
      await this.repository.report(h);
      if (this.failing) {
        this.logger.log('heartbeat written again');
      }
      this.failing = false;
    } catch (err) {
      // Postgres down: readiness fails on Postgres anyway; say it once, not every beat.
      if (!this.failing) {
        this.logger.warn(`heartbeat not written: ${err instanceof Error ? err.message.split('\n')[0] : 'error'}`);
      }
      this.failing = true;
    }
  }
}

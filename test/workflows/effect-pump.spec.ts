import { bundleWorkflowCode, Worker } from '@temporalio/worker';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { WorkflowHandle } from '@temporalio/client';
import { addPathAliases } from '@careloop/temporal';
import { createTimeSkippingEnv } from '../support/time-skipping';
import { eventually } from '../support/eventually';
import {
  addProbeEffectSignal,
  probeQueueQuery,
  stopProbeSignal,
  type effectPumpProbeWorkflow,
  type EffectPumpProbeActivities,
} from '../support/effect-pump-probe.workflow';

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} } as never;

/**
 * The shared effect pump (workflows/shared/effect-pump.ts) on the
 * time-skipping server, alone in a probe workflow: each effect is one
 * activity call that finishes only when the test releases it, so the test
 * sees exactly which calls the pump started and when.
 */
describe('effect pump (time-skipping server)', () => {
  let env: TestWorkflowEnvironment;
  let code: string;
  let counter = 0;

  beforeAll(async () => {
    env = await createTimeSkippingEnv();
    ({ code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../support/effect-pump-probe.workflow'), webpackConfigHook: addPathAliases, logger: quiet }));
  });

  afterAll(async () => {
    await env?.teardown();
  });

  /** One worker whose activity records each call it starts and holds it until `release(effect)`. */
  async function withProbe(effects: string[], fn: (ctx: { handle: WorkflowHandle<typeof effectPumpProbeWorkflow>; started: string[]; release: (effect: string) => void; startedCount: (n: number) => Promise<string[]> }) => Promise<void>) {
    const started: string[] = [];
    const gates = new Map<string, () => void>();
    const activities: EffectPumpProbeActivities = {
      performProbeEffect: (effect) =>
        new Promise<void>((resolve) => {
          started.push(effect);
          gates.set(effect, resolve);
        }),
    };
    const taskQueue = `effect-pump-${++counter}`;
    const worker = await Worker.create({ connection: env.nativeConnection, taskQueue, workflowBundle: { code }, activities });
    const release = (effect: string) => {
      const open = gates.get(effect);
      expect(open).toBeDefined();
      open!();
    };
    const startedCount = (n: number) => eventually(async () => [...started], (s) => s.length >= n, 10_000, 20);
    await worker.runUntil(async () => {
      const handle = await env.client.workflow.start<typeof effectPumpProbeWorkflow>('effectPumpProbeWorkflow', { workflowId: `effect-pump-probe-${counter}`, taskQueue, args: [effects] });
      try {
        await fn({ handle, started, release, startedCount });
      } finally {
        // Never leave a call held (a run closed under a running activity locks time skipping for later tests).
        for (const open of gates.values()) open();
      }
    });
  }

  it('hand-over: the call in flight finishes, nothing new starts, the rest stays queued for the next run', async () => {
    await withProbe(['a', 'b', 'c'], async ({ handle, started, release, startedCount }) => {
      expect(await startedCount(1)).toEqual(['a']);
      await handle.signal(stopProbeSignal, 'hand_over');
      // The hand-over waits for the call in flight: the run does not close under it.
      await new Promise((r) => setTimeout(r, 300));
      expect((await handle.describe()).status.name).toBe('RUNNING');
      expect(await handle.query(probeQueueQuery)).toEqual(['a', 'b', 'c']);

      release('a');
      // Bounded wait: a pump that started 'b' would hold the run open on a call nobody releases.
      const status = await eventually(async () => (await handle.describe()).status.name, (s) => s !== 'RUNNING', 5_000, 50);
      expect(started).toEqual(['a']);
      expect(status).toBe('COMPLETED');
      await expect(handle.result()).resolves.toEqual({ done: ['a'], left: ['b', 'c'] });
      const scheduled = (await handle.fetchHistory()).events!.filter((e) => e.activityTaskScheduledEventAttributes).length;
      expect(scheduled).toBe(1);
    });
  });

  it('hand-over with nothing in flight resolves at once and starts nothing', async () => {
    await withProbe([], async ({ handle, started }) => {
      await handle.signal(stopProbeSignal, 'hand_over');
      await expect(handle.result()).resolves.toEqual({ done: [], left: [] });
      expect(started).toEqual([]);
    });
  });

  it('drain: finishes everything in order, including what is queued while it drains', async () => {
    await withProbe(['a', 'b'], async ({ handle, release, startedCount }) => {
      expect(await startedCount(1)).toEqual(['a']);
      await handle.signal(stopProbeSignal, 'drain');
      await handle.signal(addProbeEffectSignal, 'c');
      release('a');
      expect(await startedCount(2)).toEqual(['a', 'b']);
      release('b');
      expect(await startedCount(3)).toEqual(['a', 'b', 'c']);
      release('c');
      await expect(handle.result()).resolves.toEqual({ done: ['a', 'b', 'c'], left: [] });
    });
  });

  it('one call at a time, in queue order; an effect taken first leaves the queue before its call, the others after theirs', async () => {
    await withProbe(['a', 'save-1', 'b'], async ({ handle, release, startedCount }) => {
      expect(await startedCount(1)).toEqual(['a']);
      expect(await handle.query(probeQueueQuery)).toEqual(['a', 'save-1', 'b']);
      release('a');
      expect(await startedCount(2)).toEqual(['a', 'save-1']);
      // The save in flight is off the queue already: a change now would queue a fresh save.
      expect(await handle.query(probeQueueQuery)).toEqual(['b']);
      release('save-1');
      expect(await startedCount(3)).toEqual(['a', 'save-1', 'b']);
      expect(await handle.query(probeQueueQuery)).toEqual(['b']);
      await handle.signal(stopProbeSignal, 'drain');
      release('b');
      await expect(handle.result()).resolves.toEqual({ done: ['a', 'save-1', 'b'], left: [] });
    });
  });
});

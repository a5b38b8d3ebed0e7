import { condition, defineQuery, defineSignal, proxyActivities, setHandler } from '@temporalio/workflow';
import { EffectPump } from '../../workflows/shared/effect-pump';

/**
 * A workflow that runs nothing but the shared effect pump (bundled on its
 * own by test/workflows/effect-pump.spec.ts): its effects are names, each
 * performed by one activity call; a name starting with `save` is taken off
 * the queue before its call, like a review's save of the latest record.
 */
export interface EffectPumpProbeActivities {
  performProbeEffect(effect: string): Promise<void>;
}

export type ProbeStop = 'drain' | 'hand_over';
export const stopProbeSignal = defineSignal<[ProbeStop]>('stopProbe');
export const addProbeEffectSignal = defineSignal<[string]>('addProbeEffect');
/** The effects still queued. */
export const probeQueueQuery = defineQuery<string[]>('probeQueue');

export interface ProbeResult {
  /** What the pump reported done, in order. */
  readonly done: string[];
  /** What was still queued when the stop resolved. */
  readonly left: string[];
}

const probe = proxyActivities<EffectPumpProbeActivities>({ startToCloseTimeout: '1 minute', retry: { maximumAttempts: 1 } });

export async function effectPumpProbeWorkflow(effects: string[]): Promise<ProbeResult> {
  const queue = [...effects];
  const done: string[] = [];
  let stop: ProbeStop | null = null;
  setHandler(probeQueueQuery, () => [...queue]);
  setHandler(addProbeEffectSignal, (effect) => void queue.push(effect));
  setHandler(stopProbeSignal, (how) => void (stop = how));
  const pump = new EffectPump<string>({
    hasWork: () => queue.length > 0,
    next: () => queue[0],
    takenFirst: (effect) => effect.startsWith('save'),
    perform: (effect) => probe.performProbeEffect(effect),
    done: (effect) => {
      queue.shift();
      done.push(effect);
    },
  }).start();
  await condition(() => stop !== null);
  await (stop === 'drain' ? pump.drain() : pump.handOver());
  return { done, left: [...queue] };
}

import type { MeasureId } from './measure.definitions';
import type { EpisodeFacts } from './case-timeline';
import type { MeasureTally, PeriodBounds, RowScope } from './measure.tally';
import type { MeasurePolicy } from './measure.policy';

/** One case as the case measures see it: its row scope and its episodes, folded once. */
export interface CaseContext {
  readonly caseId: string;
  readonly scope: RowScope;
  readonly episodes: readonly EpisodeFacts[];
}

/** What every group of measures is handed: the period, the policy and the tallies to add to. */
export interface MeasureRun {
  readonly bounds: PeriodBounds;
  readonly policy: MeasurePolicy;
  readonly tally: (id: MeasureId) => MeasureTally;
}

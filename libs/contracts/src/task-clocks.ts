import { CASE_CLOCKS, type CaseClockInfo } from '@careloop/domain';
import type { CaseTaskKind } from './case.vocabulary';

/** The clock of a task kind. Compiles only while every task kind has a clock in CASE_CLOCKS. */
export function clockOfTask(kind: CaseTaskKind): CaseClockInfo {
  return CASE_CLOCKS[kind];
}

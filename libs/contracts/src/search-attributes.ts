import { defineSearchAttributeKey, SearchAttributeType } from '@temporalio/common';

/**
 * Search attributes are NOT encrypted by the payload codec and are visible to
 * every operator of the namespace: never put names, dates of birth, member
 * numbers, diagnoses or notes in them. Only codes, ids and timestamps.
 */
export const SA_PHASE = defineSearchAttributeKey('CareLoopPhase', SearchAttributeType.KEYWORD);
export const SA_STEP = defineSearchAttributeKey('CareLoopStep', SearchAttributeType.KEYWORD);
export const SA_RISK_TIER = defineSearchAttributeKey('CareLoopRiskTier', SearchAttributeType.KEYWORD);
export const SA_CARE_MANAGER = defineSearchAttributeKey('CareLoopCareManagerId', SearchAttributeType.KEYWORD);
export const SA_PROGRAM = defineSearchAttributeKey('CareLoopProgram', SearchAttributeType.KEYWORD);
export const SA_NEXT_DUE_AT = defineSearchAttributeKey('CareLoopNextDueAt', SearchAttributeType.DATETIME);
export const SA_LAST_PROGRESS_AT = defineSearchAttributeKey('CareLoopLastProgressAt', SearchAttributeType.DATETIME);
export const SA_FLAGS = defineSearchAttributeKey('CareLoopFlags', SearchAttributeType.KEYWORD_LIST);
/** Kind of the open task due first (`contact`, `assessment`, …): what an overdue case is waiting for. */
export const SA_NEXT_DUE_KIND = defineSearchAttributeKey('CareLoopNextDueKind', SearchAttributeType.KEYWORD);
/** When the case counts as making no progress: last progress + the policy's no-progress interval. */
export const SA_STALLED_AT = defineSearchAttributeKey('CareLoopStalledAt', SearchAttributeType.DATETIME);

/** Every key the project registers on a namespace (dev server flags, tests, ops docs). */
export const CARELOOP_SEARCH_ATTRIBUTES = [
  SA_PHASE,
  SA_STEP,
  SA_RISK_TIER,
  SA_CARE_MANAGER,
  SA_PROGRAM,
  SA_NEXT_DUE_AT,
  SA_LAST_PROGRESS_AT,
  SA_FLAGS,
  SA_NEXT_DUE_KIND,
  SA_STALLED_AT,
] as const;

const CLI_TYPE_NAMES: Record<SearchAttributeType, string> = {
  [SearchAttributeType.TEXT]: 'Text',
  [SearchAttributeType.KEYWORD]: 'Keyword',
  [SearchAttributeType.INT]: 'Int',
  [SearchAttributeType.DOUBLE]: 'Double',
  [SearchAttributeType.BOOL]: 'Bool',
  [SearchAttributeType.DATETIME]: 'Datetime',
  [SearchAttributeType.KEYWORD_LIST]: 'KeywordList',
};

/** `Name=Type` pairs as the `temporal` CLI's `--search-attribute` flag and `operator search-attribute create` expect. */
export function searchAttributeCliPairs(): string[] {
  return CARELOOP_SEARCH_ATTRIBUTES.map((key) => `${key.name}=${CLI_TYPE_NAMES[key.type]}`);
}

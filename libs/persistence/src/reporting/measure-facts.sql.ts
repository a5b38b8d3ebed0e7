/**
 * SQL fragments of the measure facts (measure-facts.repository.ts): which timeline events a report
 * reads and what of their data it takes.
 */

/** How far before a period an item's anchor may lie and still count in it (see MeasureFactsRepository). */
export const FACTS_HORIZON_DAYS = 120;

/** The case_events kinds the measures engine reads; the rest of the timeline stays in the database. */
export const MEASURE_EVENT_KINDS = [
  'case_opened',
  'phase_changed',
  'case_closed',
  'attempt_recorded',
  'attempt_started',
  'screening_submitted',
  'assessment_submitted',
  'plan_consented',
  'task_opened',
  'task_rescheduled',
  'task_suspended',
  'task_resumed',
  'task_closed',
  'task_missed',
  'care_manager_assigned',
  'care_manager_reassigned',
  'committee_update_sent',
  'paused',
  'resumed',
] as const;

/** A timestamptz as the ISO text the app uses everywhere (`2026-03-01T08:00:00.000Z`); null stays null. */
export function isoText(expr: string): string {
  return `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}

/**
 * The event's data as the engine needs it, the same shape with less in it: the screening and the
 * assessment give their risk tier only (never the answers or the score's reasons), a consent its
 * flags (of a representative, the relationship only), and free text (attempt notes, contact points, pause and
 * reassignment reasons, closure details, the member reference) is left out. Other kinds carry
 * codes, counts and times only.
 */
export function measureEventData(alias: string): string {
  const d = `${alias}.data`;
  return `CASE ${alias}.kind
    WHEN 'screening_submitted' THEN jsonb_build_object('kind', ${alias}.kind, 'initialRisk', jsonb_build_object('tier', ${d}->'initialRisk'->'tier'))
    WHEN 'assessment_submitted' THEN jsonb_build_object('kind', ${alias}.kind, 'risk', jsonb_build_object('tier', ${d}->'risk'->'tier'), 'reassessment', coalesce(${d}->'reassessment', 'false'::jsonb))
    WHEN 'plan_consented' THEN jsonb_build_object('kind', ${alias}.kind, 'version', ${d}->'version', 'consent', ${d}->'consent',
      'representative', CASE WHEN ${d} ? 'representative' THEN jsonb_build_object('relationship', ${d}->'representative'->'relationship') END)
    WHEN 'case_opened' THEN ${d} - 'memberRef'
    WHEN 'attempt_recorded' THEN ${d} - 'note' - 'contactPoint'
    WHEN 'case_closed' THEN ${d} - 'detail'
    WHEN 'paused' THEN ${d} - 'reason'
    WHEN 'task_rescheduled' THEN ${d} - 'reason'
    WHEN 'care_manager_reassigned' THEN ${d} - 'reason'
    ELSE ${d} END`;
}

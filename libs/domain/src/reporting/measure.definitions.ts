/**
 * The compliance and quality measures (issue 18). This table is the single source of truth: the
 * engine (measures.compute.ts) computes exactly these ids, the API lists them, the FHIR MeasureReport
 * names them, the snapshots store them and docs/reporting.md defines each (a unit test checks the doc
 * names every id). Adding a measure fails to compile until every `Record<MeasureId, …>` handles it.
 */
export const MEASURE_IDS = [
  'screening_within_90_days',
  'screening_never_reached',
  'assessment_on_time',
  'care_plan_on_time',
  'care_plan_consent_involvement',
  'named_care_manager',
  'caseload_ratio',
  'contacts_on_cadence',
  'toc_contact_2_business_days',
  'toc_follow_up_7_days',
  'toc_follow_up_30_days',
  'toc_medication_reconciliation_30_days',
  'toc_pcp_informed',
  'ur_approved',
  'ur_denied',
  'ur_approved_after_appeal',
  'ur_decided_late',
  'ur_decision_time',
  'ur_denial_with_reason',
  'complaint_acknowledged_on_time',
  'complaint_resolved_on_time',
  'committee_update_every_28_days',
] as const;
export type MeasureId = (typeof MEASURE_IDS)[number];

export function isMeasureId(value: unknown): value is MeasureId {
  return typeof value === 'string' && (MEASURE_IDS as readonly string[]).includes(value);
}

export const MEASURE_GROUPS = ['screening', 'assessment_and_planning', 'assignment', 'contacts', 'transitions_of_care', 'utilization_review', 'complaints', 'committee'] as const;
export type MeasureGroup = (typeof MEASURE_GROUPS)[number];

/**
 * - `proportion`: numerator / denominator, a share of a cohort (0..1).
 * - `ratio`: numerator / denominator, not a share (participants per care-manager FTE).
 * - `duration`: numerator is the total hours, denominator the count; the value is the mean hours
 *   (the median is reported beside it).
 */
export type MeasureScoring = 'proportion' | 'ratio' | 'duration';

/** What a subject of a measure is: the drill-down row's id is one of these. */
export type MeasureSubject = 'case' | 'discharge' | 'review' | 'complaint' | 'care_manager';

export interface MeasureDefinition {
  readonly id: MeasureId;
  readonly title: string;
  readonly group: MeasureGroup;
  readonly scoring: MeasureScoring;
  readonly subject: MeasureSubject;
  /** The rule it reports on: seed clause, NCQA CM standard, HEDIS component or CMS-0057-F. */
  readonly source: string;
  /** The plan's target for the value (a share for proportions, a cap for the ratio, hours for durations); null when none. */
  readonly target: number | null;
  /** Whether a higher value is better (for the target comparison and the dashboard's colouring). */
  readonly higherIsBetter: boolean;
  /** Strata the value is also given by (e.g. `standard`/`expedited`); empty when none. */
  readonly strata: readonly string[];
}

const UR_STRATA = ['standard', 'expedited'] as const;

export const MEASURES: Readonly<Record<MeasureId, MeasureDefinition>> = {
  screening_within_90_days: {
    id: 'screening_within_90_days', title: 'Initial screening within 90 days of enrollment', group: 'screening', scoring: 'proportion', subject: 'case',
    source: 'seed 002 §5.1.1; 42 CFR § 438.208(b)(3); NCQA CM 5', target: 0.9, higherIsBetter: true, strata: [],
  },
  screening_never_reached: {
    id: 'screening_never_reached', title: 'Members never reached by the screening deadline (with documented attempts)', group: 'screening', scoring: 'proportion', subject: 'case',
    source: 'seed 002 §5.1.1 (subsequent attempts when the first is unsuccessful); 42 CFR § 438.208(b)(3)', target: null, higherIsBetter: false, strata: [],
  },
  assessment_on_time: {
    id: 'assessment_on_time', title: 'Assessment completed by its due date', group: 'assessment_and_planning', scoring: 'proportion', subject: 'case',
    source: 'seed 002 §5.1.2; NCQA CM 5 (initial assessment timeliness)', target: 0.9, higherIsBetter: true, strata: [],
  },
  care_plan_on_time: {
    id: 'care_plan_on_time', title: 'Care plan agreed by its due date', group: 'assessment_and_planning', scoring: 'proportion', subject: 'case',
    source: 'seed 003 step 2; NCQA CM 6 (individualized care plan)', target: 0.9, higherIsBetter: true, strata: [],
  },
  care_plan_consent_involvement: {
    id: 'care_plan_consent_involvement', title: 'Care plans with member or guardian involvement and consent', group: 'assessment_and_planning', scoring: 'proportion', subject: 'case',
    source: 'seed 003 step 2 (plan developed with the member; consent); NCQA CM 6', target: 1, higherIsBetter: true, strata: [],
  },
  named_care_manager: {
    id: 'named_care_manager', title: 'High- and medium-risk members with a named care manager', group: 'assignment', scoring: 'proportion', subject: 'case',
    source: 'seed 001 (high and medium risk: a named care manager); NCQA CM 4', target: 1, higherIsBetter: true, strata: ['high', 'medium'],
  },
  caseload_ratio: {
    id: 'caseload_ratio', title: 'Participants per care manager (cap: 100 per FTE)', group: 'assignment', scoring: 'ratio', subject: 'care_manager',
    source: 'seed 001 (one FTE per 100 participants, counting all participants)', target: 100, higherIsBetter: false, strata: [],
  },
  contacts_on_cadence: {
    id: 'contacts_on_cadence', title: "Contacts on the risk tier's cadence", group: 'contacts', scoring: 'proportion', subject: 'case',
    source: "seed 001 (contact frequency by risk, daily to bimonthly); seed 003 step 3", target: 0.9, higherIsBetter: true, strata: ['on_time', 'late', 'missed'],
  },
  toc_contact_2_business_days: {
    id: 'toc_contact_2_business_days', title: 'Member contacted within 2 business days of discharge', group: 'transitions_of_care', scoring: 'proportion', subject: 'discharge',
    source: 'DESIGN §4; HEDIS TRC (patient engagement after inpatient discharge)', target: 0.9, higherIsBetter: true, strata: [],
  },
  toc_follow_up_7_days: {
    id: 'toc_follow_up_7_days', title: 'Follow-up visit within 7 days of discharge', group: 'transitions_of_care', scoring: 'proportion', subject: 'discharge',
    source: 'DESIGN §4; HEDIS FUH 7-day component', target: 0.6, higherIsBetter: true, strata: [],
  },
  toc_follow_up_30_days: {
    id: 'toc_follow_up_30_days', title: 'Follow-up visit within 30 days of discharge', group: 'transitions_of_care', scoring: 'proportion', subject: 'discharge',
    source: 'HEDIS FUH 30-day component', target: 0.8, higherIsBetter: true, strata: [],
  },
  toc_medication_reconciliation_30_days: {
    id: 'toc_medication_reconciliation_30_days', title: 'Medication reconciliation within 30 days of discharge', group: 'transitions_of_care', scoring: 'proportion', subject: 'discharge',
    source: 'HEDIS TRC (medication reconciliation post-discharge); HEDIS MRP', target: 0.8, higherIsBetter: true, strata: [],
  },
  toc_pcp_informed: {
    id: 'toc_pcp_informed', title: 'PCP informed of the discharge on time', group: 'transitions_of_care', scoring: 'proportion', subject: 'discharge',
    source: 'HEDIS TRC (notification of inpatient admission / receipt of discharge information); seed 001', target: 0.9, higherIsBetter: true, strata: [],
  },
  ur_approved: {
    id: 'ur_approved', title: 'Prior-authorization requests approved', group: 'utilization_review', scoring: 'proportion', subject: 'review',
    source: 'CMS-0057-F § 422.122(c) public reporting: percent approved', target: null, higherIsBetter: true, strata: UR_STRATA,
  },
  ur_denied: {
    id: 'ur_denied', title: 'Prior-authorization requests denied', group: 'utilization_review', scoring: 'proportion', subject: 'review',
    source: 'CMS-0057-F § 422.122(c) public reporting: percent denied', target: null, higherIsBetter: false, strata: UR_STRATA,
  },
  ur_approved_after_appeal: {
    id: 'ur_approved_after_appeal', title: 'Appealed requests approved after appeal', group: 'utilization_review', scoring: 'proportion', subject: 'review',
    source: 'CMS-0057-F § 422.122(c) public reporting: percent approved after appeal', target: null, higherIsBetter: true, strata: UR_STRATA,
  },
  ur_decided_late: {
    id: 'ur_decided_late', title: 'Requests decided past the deadline (standard 7 days, expedited 72 hours)', group: 'utilization_review', scoring: 'proportion', subject: 'review',
    source: 'CMS-0057-F: decisions within 72 hours (expedited) and 7 calendar days (standard); public reporting of extensions/late decisions; seed 004', target: 0, higherIsBetter: false, strata: UR_STRATA,
  },
  ur_decision_time: {
    id: 'ur_decision_time', title: 'Time from request to decision (hours; mean, with the median)', group: 'utilization_review', scoring: 'duration', subject: 'review',
    source: 'CMS-0057-F § 422.122(c) public reporting: average and median time between request and decision, standard and expedited', target: null, higherIsBetter: false, strata: UR_STRATA,
  },
  ur_denial_with_reason: {
    id: 'ur_denial_with_reason', title: 'Denials that give a specific reason', group: 'utilization_review', scoring: 'proportion', subject: 'review',
    source: 'CMS-0057-F (a specific reason for every denial); seed 004', target: 1, higherIsBetter: true, strata: UR_STRATA,
  },
  complaint_acknowledged_on_time: {
    id: 'complaint_acknowledged_on_time', title: 'Complaints acknowledged within their window', group: 'complaints', scoring: 'proportion', subject: 'complaint',
    source: 'seed 000 (complaints handled by the program); 42 CFR § 438.406(b)(1) acknowledgement', target: 1, higherIsBetter: true, strata: [],
  },
  complaint_resolved_on_time: {
    id: 'complaint_resolved_on_time', title: 'Complaints resolved within their window', group: 'complaints', scoring: 'proportion', subject: 'complaint',
    source: 'seed 000; 42 CFR § 438.408(b)(1) resolution timeframe', target: 0.95, higherIsBetter: true, strata: [],
  },
  committee_update_every_28_days: {
    id: 'committee_update_every_28_days', title: 'Cases whose committee was updated at least every 28 days', group: 'committee', scoring: 'proportion', subject: 'case',
    source: 'seed 003 step 9 (the committee is updated at least every four weeks)', target: 1, higherIsBetter: true, strata: [],
  },
};

/**
 * Small-cell suppression for audiences that see aggregates only (the committee): a count of 1 to
 * `SMALL_CELL_MAX` people, and any rate computed from one, is withheld (CMS cell-size suppression
 * policy: no cell of 1–10). Zero is shown: it identifies nobody.
 */
export const SMALL_CELL_MAX = 10;

import type { NotificationAudience } from './case-events';
import { TEMPLATE_LANGUAGES, type TemplateLanguage } from './notification.contract';

/**
 * Every notification template a workflow can ask for, with the audiences it is sent to
 * (the case, discharge, utilization-review and complaint effects, and the clock notices).
 * The renderer's registry (activities/notifications/) is typed by this map, so a template
 * or an audience without its English and Spanish text does not compile; a unit test
 * compares the map with the workflows' sources.
 */
export const NOTIFICATION_TEMPLATE_AUDIENCES = {
  // Case workflow
  case_assigned: ['care_team'],
  no_care_manager_capacity: ['supervisor'],
  outreach_attempt_due: ['care_team'],
  unable_to_reach_parked: ['supervisor'],
  task_nudged: ['care_team'],
  plan_review_due: ['care_team'],
  reassessment_due: ['care_team'],
  task_reminder: ['care_team', 'supervisor'],
  task_missed: ['supervisor'],
  supplemental_info_requested: ['provider'],
  supplemental_info_overdue: ['supervisor'],
  stop_participation_review_due: ['supervisor'],
  care_manager_change_requested: ['supervisor'],
  stop_participation_decided: ['provider'],
  pcp_care_plan_handover: ['provider'],
  care_plan_summary_available: ['provider'],
  provider_report_forwarded: ['provider'],
  symptom_increase: ['provider'],
  adherence_variation: ['provider'],
  committee_case_update: ['committee'],
  // Discharge planning
  transition_task_reminder: ['care_team'],
  transition_task_missed: ['care_team'],
  transition_task_escalated: ['supervisor'],
  pcp_discharge_notice: ['provider'],
  // Utilization review
  ur_request_received: ['provider'],
  ur_information_requested: ['provider'],
  ur_information_window_closed: ['provider'],
  ur_decision_notice: ['provider', 'member'],
  ur_decision_deadline_near: ['supervisor'],
  ur_decision_overdue: ['supervisor'],
  ur_appeal_received: ['provider'],
  // Complaints (the complainant is a member or a provider)
  complaint_received: ['member', 'provider'],
  complaint_acknowledged: ['member', 'provider'],
  complaint_resolved: ['member', 'provider'],
  complaint_acknowledgement_overdue: ['supervisor'],
  complaint_resolution_overdue: ['supervisor'],
} as const satisfies Record<string, readonly NotificationAudience[]>;

export type NotificationTemplateKey = keyof typeof NOTIFICATION_TEMPLATE_AUDIENCES;
export type TemplateAudience<K extends NotificationTemplateKey> = (typeof NOTIFICATION_TEMPLATE_AUDIENCES)[K][number];

export const NOTIFICATION_TEMPLATE_KEYS = Object.keys(NOTIFICATION_TEMPLATE_AUDIENCES) as NotificationTemplateKey[];

export const isNotificationTemplateKey = (value: string): value is NotificationTemplateKey => Object.prototype.hasOwnProperty.call(NOTIFICATION_TEMPLATE_AUDIENCES, value);

/** A BCP 47 tag ("es-MX", "en") to a template language; anything without templates falls back to English. */
export function templateLanguage(preferred: string | null | undefined): TemplateLanguage {
  const primary = (preferred ?? '').toLowerCase().split('-')[0] ?? '';
  return (TEMPLATE_LANGUAGES as readonly string[]).includes(primary) ? (primary as TemplateLanguage) : 'en';
}

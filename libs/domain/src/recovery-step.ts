/**
 * The nine steps of the Recovery Support phase (seed 003). The case shows its
 * current step; the loop can go back (member concerns → recovery plan).
 */
export const RECOVERY_STEPS = [
  'recovery_plan',
  'member_discussion',
  'support_and_assistance',
  'intervention',
  'reporting',
  'monitoring',
  'adjustments',
  'additional_information',
  'regular_updates',
] as const;

export type RecoveryStep = (typeof RECOVERY_STEPS)[number];

export const RECOVERY_STEP_INFO: Record<RecoveryStep, { readonly number: number; readonly title: string; readonly summary: string }> = {
  recovery_plan: { number: 1, title: 'Recovery plan', summary: "Coordinate a recovery plan with the member and the member's providers." },
  member_discussion: { number: 2, title: 'Member discussion', summary: 'Discuss the plan; agreement moves on, concerns send the plan back for re-evaluation.' },
  support_and_assistance: { number: 3, title: 'Support and assistance', summary: "Regular contacts on the risk tier's cadence, each a due task." },
  intervention: { number: 4, title: 'Intervention', summary: 'Interventions on medical recommendation; may start a referral or a utilization review.' },
  reporting: { number: 5, title: 'Reporting', summary: 'Forward provider reports to the treating physician and discuss them with the member.' },
  monitoring: { number: 6, title: 'Monitoring', summary: 'Track progress; symptom increases and adherence variations notify the provider.' },
  adjustments: { number: 7, title: 'Adjustments', summary: 'Revise the plan as needed; every note and call record is documented.' },
  additional_information: { number: 8, title: 'Additional information', summary: 'When progress is behind, request supplemental information from the treating physician.' },
  regular_updates: { number: 9, title: 'Regular updates', summary: 'De-identified committee update at least every four weeks and when new information arrives.' },
};

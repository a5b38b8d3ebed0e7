/**
 * What providers are told about a medical-management program (seed 000,
 * provider rights): the scope of services and processes, the evidence-based
 * guidelines, who the staff are and their qualifications, how to request a
 * change of care manager, how complaints work, and how privacy is kept.
 * A health plan words its own in the policy file (`programs.<code>.information`);
 * these defaults say what CareLoop itself does.
 */
export interface ProgramInformation {
  readonly name: string;
  readonly scopeOfServices: string;
  readonly processes: readonly string[];
  readonly guidelines: readonly string[];
  readonly staff: string;
  readonly contractualRelationships: string;
  readonly changeOfCareManager: string;
  readonly stopParticipation: string;
  readonly complaints: string;
  readonly privacy: string;
}

export const DEFAULT_PROGRAM_INFORMATION: ProgramInformation = {
  name: 'Medical management program (case and disease management)',
  scopeOfServices:
    'Screening, needs and diagnostic assessment, a care plan agreed with the member, regular contact on the risk tier’s cadence, interventions and referrals, monitoring with notices to the treating provider, periodic plan reviews and reassessments, and transition-of-care follow-up after a hospital discharge.',
  processes: [
    'Outreach to newly enrolled members; screening within 90 days of enrolment.',
    'A named care manager for high- and medium-risk members, within a caseload cap.',
    'The treating provider is notified when symptoms increase or adherence varies, and receives the plan summary when a plan is agreed.',
    'Treatment requests go through utilization review: decisions within 72 hours (expedited) or 7 days (standard), with an appeal.',
  ],
  guidelines: ['Care plans follow the evidence-based clinical guidelines the health plan adopts for each condition; ask the care manager for the guideline behind any intervention.'],
  staff: 'Care managers are licensed clinicians (registered nurses or licensed social workers) supervised by a clinical supervisor; utilization review decisions are made by clinical reviewers.',
  contractualRelationships: 'Program staff are employed or contracted by the health plan; ask the supervisor for details of any contractual relationship.',
  changeOfCareManager: 'POST /cases/{caseId}/care-manager-change-requests: a supervisor decides and reassigns.',
  stopParticipation: 'POST /cases/{caseId}/stop-participation-requests: a supervisor reviews the request; on approval the case closes.',
  complaints: 'POST /complaints, verbal or written: acknowledged within 5 days and resolved within 30 days, with the complaint-process instructions sent at once.',
  privacy: 'Member information is shared only with those who treat or manage the member, encrypted in the workflow service, never put in logs, and every access is audited.',
};

const TEXT_FIELDS = ['name', 'scopeOfServices', 'staff', 'contractualRelationships', 'changeOfCareManager', 'stopParticipation', 'complaints', 'privacy'] as const;
const LIST_FIELDS = ['processes', 'guidelines'] as const;

/** The defaults with a policy file's wording laid over them; problems name the field. */
export function resolveProgramInformation(overrides: unknown, where: string): { information: ProgramInformation; problems: string[] } {
  if (overrides === undefined) {
    return { information: DEFAULT_PROGRAM_INFORMATION, problems: [] };
  }
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    return { information: DEFAULT_PROGRAM_INFORMATION, problems: [`${where} must be an object`] };
  }
  const o = overrides as Record<string, unknown>;
  const problems = Object.keys(o)
    .filter((k) => !(TEXT_FIELDS as readonly string[]).includes(k) && !(LIST_FIELDS as readonly string[]).includes(k))
    .map((k) => `${where}.${k} is not a field of program information`);
  for (const k of TEXT_FIELDS) {
    if (o[k] !== undefined && (typeof o[k] !== 'string' || o[k].length === 0)) problems.push(`${where}.${k} must be a non-empty string`);
  }
  for (const k of LIST_FIELDS) {
    if (o[k] !== undefined && (!Array.isArray(o[k]) || !(o[k] as unknown[]).every((x) => typeof x === 'string'))) problems.push(`${where}.${k} must be a list of strings`);
  }
  return { information: { ...DEFAULT_PROGRAM_INFORMATION, ...(problems.length ? {} : (o as Partial<ProgramInformation>)) }, problems };
}

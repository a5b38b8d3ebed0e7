import type { CarePlan, PlanConsent, PlanIssue } from './care-plan';
import { isCalendarDate } from './iso-time';

/**
 * Care plan rules (seed 001 (A) and seed 002 §4.11.7.4.1: an individual
 * treatment plan based on the needs assessment, with treatment objectives;
 * §4.11.7.4.3: referrals to specialists). The workflow's update validator
 * runs these, so a bad plan is rejected before it touches history: the
 * functions never throw for a bad plan, they list every issue found.
 *
 * - at least one problem and one goal;
 * - ids non-empty and unique within each list (problems, goals,
 *   interventions, referrals);
 * - every goal refers to at least one existing problem, and every problem is
 *   addressed by at least one goal;
 * - every intervention refers to at least one existing goal;
 * - a goal's target date is a real calendar date YYYY-MM-DD strictly after
 *   `today` (a treatment objective is in the future);
 * - descriptions (and a referral's specialty and reason) are non-empty after
 *   trimming and at most 2000 characters.
 *
 * `field` is a dotted path with indexes (`goals[1].targetDate`,
 * `interventions[0].goalIds[2]`). Reasons name items by id only, never by
 * their text, because plan text is PHI and issues end up in API errors and
 * logs. Issues come in a stable order: problems, goals, interventions,
 * referrals, then problems no goal addresses (only when the plan has goals).
 */
export const MAX_PLAN_TEXT_LENGTH = 2000;

interface Item {
  readonly id: string;
}

export function validateCarePlan(plan: CarePlan, today: string): PlanIssue[] {
  if (!isCalendarDate(today)) {
    throw new RangeError(`today must be a calendar date YYYY-MM-DD, got ${String(today)}`);
  }
  const issues: PlanIssue[] = [];
  const add = (field: string, reason: string): void => {
    issues.push({ field, reason });
  };
  const problems = list(plan.problems, 'problems', add);
  const goals = list(plan.goals, 'goals', add);
  const interventions = list(plan.interventions, 'interventions', add);
  const referrals = list(plan.referrals, 'referrals', add);

  if (problems.length === 0) add('problems', 'The plan has no problems; at least one problem is required.');
  const problemIds = checkIds(problems, 'problems', 'problem', add);
  problems.forEach((problem, i) => {
    checkText(problem.description, `problems[${i}].description`, `${label('problem', problem, 'problems', i)} description`, add);
  });

  if (goals.length === 0) add('goals', 'The plan has no goals; at least one goal is required.');
  const goalIds = checkIds(goals, 'goals', 'goal', add);
  goals.forEach((goal, i) => {
    const name = label('goal', goal, 'goals', i);
    checkText(goal.description, `goals[${i}].description`, `${name} description`, add);
    checkRefs(goal.problemIds, problemIds, `goals[${i}].problemIds`, name, 'problem', add);
    if (!isCalendarDate(goal.targetDate)) {
      add(`goals[${i}].targetDate`, `${cap(name)} target date ${quote(goal.targetDate)} is not a real calendar date in the form YYYY-MM-DD.`);
    } else if (goal.targetDate <= today) {
      add(`goals[${i}].targetDate`, `${cap(name)} target date ${goal.targetDate} is not after today (${today}).`);
    }
  });

  checkIds(interventions, 'interventions', 'intervention', add);
  interventions.forEach((intervention, i) => {
    const name = label('intervention', intervention, 'interventions', i);
    checkText(intervention.description, `interventions[${i}].description`, `${name} description`, add);
    checkRefs(intervention.goalIds, goalIds, `interventions[${i}].goalIds`, name, 'goal', add);
  });

  checkIds(referrals, 'referrals', 'referral', add);
  referrals.forEach((referral, i) => {
    const name = label('referral', referral, 'referrals', i);
    checkText(referral.specialty, `referrals[${i}].specialty`, `${name} specialty`, add);
    checkText(referral.reason, `referrals[${i}].reason`, `${name} reason`, add);
  });

  // With no goals at all, "no goals" already says it; one issue per problem would only repeat it.
  const addressed = new Set(goals.flatMap((goal) => (Array.isArray(goal.problemIds) ? goal.problemIds : [])));
  problems.forEach((problem, i) => {
    if (goals.length > 0 && nonEmpty(problem.id) && !addressed.has(problem.id)) {
      add(`problems[${i}]`, `Problem ${problem.id} is not addressed by any goal.`);
    }
  });
  return issues;
}

/**
 * Consent before a plan version becomes active (seed 001 (B), seed 002
 * §4.11.7.4.2: members and/or authorized family members or guardians are
 * involved in treatment planning and consent to the treatment). A member with
 * a legal guardian consents through the guardian, who must have taken part in
 * planning; otherwise the member consents and must have taken part.
 */
export function validateConsent(consent: PlanConsent, opts: { readonly legalGuardian: boolean }): PlanIssue[] {
  const issues: PlanIssue[] = [];
  if (consent.consentGiven !== true) {
    issues.push({ field: 'consentGiven', reason: 'Consent has not been given; a plan becomes active only once consent is recorded.' });
  }
  if (opts.legalGuardian) {
    if (consent.consentedBy === 'member') {
      issues.push({ field: 'consentedBy', reason: 'The member has a legal guardian, so the guardian must give consent.' });
    }
    if (consent.familyOrGuardianInvolved !== true) {
      issues.push({ field: 'familyOrGuardianInvolved', reason: 'The member has a legal guardian, who must be involved in treatment planning.' });
    }
  } else if (consent.consentedBy === 'member') {
    if (consent.memberInvolved !== true) {
      issues.push({ field: 'memberInvolved', reason: 'The member consents, so the member must be involved in treatment planning.' });
    }
  } else {
    issues.push({ field: 'consentedBy', reason: 'The member has no legal guardian on record, so the member must give consent.' });
  }
  return issues;
}

type Add = (field: string, reason: string) => void;

/** The list itself, or an issue and an empty list when a malformed plan has something else there. */
function list<T>(value: readonly T[], field: string, add: Add): readonly T[] {
  if (Array.isArray(value)) return value;
  add(field, `The plan's ${field} must be a list.`);
  return [];
}

/** Flags empty and repeated ids (each repeat after the first); returns the set of valid ids. */
function checkIds(items: readonly Item[], field: string, kind: string, add: Add): Set<string> {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (!nonEmpty(item.id)) {
      add(`${field}[${i}].id`, `${cap(kind)} ${field}[${i}] has no id.`);
    } else if (seen.has(item.id)) {
      add(`${field}[${i}].id`, `${cap(kind)} id ${item.id} is used more than once.`);
    } else {
      seen.add(item.id);
    }
  });
  return seen;
}

function checkRefs(refs: readonly string[], known: Set<string>, field: string, name: string, target: string, add: Add): void {
  if (!Array.isArray(refs) || refs.length === 0) {
    add(field, `${cap(name)} does not refer to any ${target}; at least one is required.`);
    return;
  }
  refs.forEach((ref, j) => {
    if (!known.has(ref)) add(`${field}[${j}]`, `${cap(name)} refers to unknown ${target} ${quote(ref)}.`);
  });
}

function checkText(value: string, field: string, what: string, add: Add): void {
  if (!nonEmpty(value)) {
    add(field, `${cap(what)} is empty.`);
  } else if (value.length > MAX_PLAN_TEXT_LENGTH) {
    add(field, `${cap(what)} is ${value.length} characters long; the limit is ${MAX_PLAN_TEXT_LENGTH}.`);
  }
}

/** "goal g2", or "goal goals[1]" when the id itself is missing. */
function label(kind: string, item: Item, field: string, index: number): string {
  return nonEmpty(item.id) ? `${kind} ${item.id}` : `${kind} ${field}[${index}]`;
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

/** An id or date echoed back: as is (cut at 40 characters) when it is a string, otherwise shown as its type. */
function quote(value: unknown): string {
  if (typeof value !== 'string') return `(${typeof value})`;
  if (value === '') return '""';
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

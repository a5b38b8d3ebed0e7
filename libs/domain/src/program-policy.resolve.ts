import { checkCalendar } from './business-calendar';
import { CONTACT_CHANNELS } from './contact';
import { parseDuration } from './duration';
import { regulatoryProblem } from './regulatory-limits';
import { DEFAULT_PROGRAM_POLICY, type ProgramPolicy } from './program-policy';
import { TRANSITION_TASKS } from './transition-of-care';

/**
 * Overrides as written in a policy file or a case-start request: the same
 * keys as ProgramPolicy, any subset, durations as "90d"/"30s" strings or ms.
 */
export type PolicyOverrides = { readonly [key: string]: unknown };

export interface PolicyProblem {
  readonly field: string;
  readonly reason: string;
}

export class PolicyError extends Error {
  constructor(readonly problems: readonly PolicyProblem[]) {
    super(`invalid policy: ${problems.map((p) => `${p.field}: ${p.reason}`).join('; ')}`);
    this.name = 'PolicyError';
  }
}

const ENUMS: Record<string, readonly string[]> = {
  'screening.onUnableToReach': ['close', 'park'],
  ...Object.fromEntries(TRANSITION_TASKS.map((t) => [`transitionOfCare.tasks.${t}.count`, ['business', 'calendar']])),
};

/** Settings that are neither durations nor counts: checked as a whole by their own rule, then taken as given. */
const CALENDAR_FIELDS = new Set(['timeZone', 'weekendDays', 'holidays'].map((f) => `transitionOfCare.calendar.${f}`));

function mergeCalendarField(field: string, value: unknown, problems: PolicyProblem[], current: unknown): unknown {
  const name = field.slice(field.lastIndexOf('.') + 1);
  const found = checkCalendar({ [name]: value });
  problems.push(...found.map((p) => ({ field, reason: p.reason })));
  return found.length ? current : value;
}

/** Policy paths without the request's prefix, as the tables above spell them. */
function settingPath(field: string): string {
  return field.replace(/^policyOverrides\./, '');
}

/**
 * Merges `overrides` into `base` (any policy shape: programs, reviews), checking every key against the shape of
 * the defaults: unknown keys, wrong types and non-positive values are
 * reported with their dotted path (never silently ignored).
 */
export function mergePolicy(base: unknown, overrides: unknown, path: string, problems: PolicyProblem[]): unknown {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) {
    problems.push({ field: path, reason: 'must be an object' });
    return base;
  }
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) {
    const field = path ? `${path}.${key}` : key;
    const current = (base as Record<string, unknown>)[key];
    if (current === undefined) {
      problems.push({ field, reason: 'is not a policy setting' });
    } else if (CALENDAR_FIELDS.has(settingPath(field))) {
      out[key] = mergeCalendarField(field, value, problems, current);
    } else if (Array.isArray(current)) {
      out[key] = mergeList(current, value, field, problems);
    } else if (typeof current === 'object' && current !== null) {
      out[key] = mergePolicy(current, value, field, problems);
    } else {
      out[key] = mergeScalar(key, value, field, problems, current);
    }
  }
  return out;
}

function mergeList(current: unknown[], value: unknown, field: string, problems: PolicyProblem[]): unknown {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ field, reason: 'must be a non-empty list' });
    return current;
  }
  if (field.endsWith('channels')) {
    const bad = value.filter((v) => !(CONTACT_CHANNELS as readonly unknown[]).includes(v));
    if (bad.length) {
      problems.push({ field, reason: `must list channels from ${CONTACT_CHANNELS.join(', ')}` });
      return current;
    }
    return value;
  }
  return value.map((v, i) => duration(v, `${field}[${i}]`, problems) ?? current[0]);
}

function mergeScalar(key: string, value: unknown, field: string, problems: PolicyProblem[], current: unknown): unknown {
  const allowed = ENUMS[settingPath(field)];
  if (allowed) {
    if (!allowed.includes(value as string)) {
      problems.push({ field, reason: `must be one of ${allowed.join(', ')}` });
      return current;
    }
    return value;
  }
  // `…Ms` settings, and the entries of a `…Ms` record (contactCadenceMs.high, decisionMs.expedited), are durations.
  if (key.endsWith('Ms') || /Ms\.[^.]+$/.test(field)) {
    const ms = duration(value, field, problems);
    const refused = ms === undefined ? undefined : regulatoryProblem(settingPath(field), ms);
    if (refused) {
      problems.push({ field, reason: refused });
      return current;
    }
    return ms ?? current;
  }
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    problems.push({ field, reason: 'must be a whole number of at least 1' });
    return current;
  }
  return value;
}

function duration(value: unknown, field: string, problems: PolicyProblem[]): number | undefined {
  try {
    const ms = parseDuration(value as string | number);
    if (ms < 1000) {
      problems.push({ field, reason: 'must be at least one second' });
      return undefined;
    }
    return ms;
  } catch (err) {
    problems.push({ field, reason: err instanceof Error ? err.message : 'is not a duration' });
    return undefined;
  }
}

/** Checks an override object without applying it (API validation of a case-start request). */
export function checkPolicyOverrides(overrides: PolicyOverrides, fieldPrefix = ''): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  mergePolicy(DEFAULT_PROGRAM_POLICY, overrides, fieldPrefix, problems);
  return problems;
}

/**
 * The policy a new case runs on: seed defaults, then the program's configured
 * overrides (a versioned entry of the policy file), then the case start's own
 * overrides (which mark the version `+custom`).
 */
export function resolveProgramPolicy(
  programCode: string,
  configured: { readonly version: string; readonly overrides: PolicyOverrides } | undefined,
  caseOverrides?: PolicyOverrides,
): ProgramPolicy {
  const problems: PolicyProblem[] = [];
  let settings = DEFAULT_PROGRAM_POLICY as unknown;
  if (configured) {
    settings = mergePolicy(settings, configured.overrides, '', problems);
  }
  const custom = caseOverrides !== undefined && Object.keys(caseOverrides).length > 0;
  if (custom) {
    settings = mergePolicy(settings, caseOverrides, 'policyOverrides', problems);
  }
  if (problems.length) {
    throw new PolicyError(problems);
  }
  const version = `${programCode}@${configured?.version ?? 'default'}${custom ? '+custom' : ''}`;
  return { ...(settings as Omit<ProgramPolicy, 'programCode' | 'version'>), programCode, version };
}

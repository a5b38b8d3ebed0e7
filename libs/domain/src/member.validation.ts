import { isCalendarDate } from './iso-time';
import {
  MEMBER_CONTACT_METHODS,
  MEMBER_IDENTIFIER_KINDS,
  PHONE_USES,
  RECORDED_SEXES,
  REPRESENTATIVE_AUTHORITIES,
  REPRESENTATIVE_RELATIONSHIPS,
  WEEKDAYS,
  type RepresentativeAuthority,
} from './member';
import { PROGRAM_CODE_PATTERN } from './program-code';

/**
 * Member registry rules (issue 16), pure: the API's DTOs check shapes, these
 * check meaning, and list every issue found (never throw for bad input).
 *
 * `field` is a dotted path with indexes (`phones[1].number`). Reasons never
 * echo the value: member data is PHI and issues end up in API errors and logs.
 *
 * Structural typing on purpose: libs/domain may not import libs/contracts, so
 * the input is described by the fields the rules read (MemberInput fits).
 */
export interface MemberIssue {
  readonly field: string;
  readonly reason: string;
}

interface Span {
  readonly start: string;
  readonly end: string | null;
}

export interface MemberRecordForValidation {
  readonly identifiers: readonly { readonly kind: string; readonly value: string; readonly system?: string }[];
  readonly name: { readonly given: readonly string[]; readonly family: string; readonly preferred?: string };
  readonly birthDate: string;
  readonly sex: string;
  readonly phones: readonly { readonly use: string; readonly number: string }[];
  readonly email?: string;
  readonly contactPreferences: {
    readonly method: string;
    readonly windows: readonly { readonly days: readonly string[]; readonly from: string; readonly to: string }[];
    readonly timeZone: string;
  };
  readonly preferredLanguage: string;
  readonly representatives: readonly {
    readonly name: string;
    readonly relationship: string;
    readonly authorities: readonly string[];
    readonly validFrom: string;
    readonly validUntil: string | null;
    readonly phone?: string;
    readonly email?: string;
    readonly preferredLanguage?: string;
  }[];
  readonly eligibility: readonly (Span & { readonly coverage: string })[];
  readonly enrollments: readonly (Span & { readonly programCode: string })[];
}

/** An international number as stored: + and 8–15 digits (E.164): member phones, staff SMS numbers. */
export const E164_PATTERN = /^\+[1-9]\d{7,14}$/;
/** An email address's shape (the relay is the real check): member and staff addresses. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;
/** E.164 with optional formatting: `+` and 8–15 digits once spaces, dashes, dots and parentheses are removed. */
const PHONE = E164_PATTERN;
const EMAIL = EMAIL_PATTERN;
/** BCP 47 (RFC 5646) shape: language, optional script, region and variants. */
const BCP47 = /^[a-zA-Z]{2,3}(-[a-zA-Z]{4})?(-([a-zA-Z]{2}|\d{3}))?(-([a-zA-Z\d]{5,8}|\d[a-zA-Z\d]{3}))*$/;
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export function validateMemberRecord(record: MemberRecordForValidation, today: string): MemberIssue[] {
  if (!isCalendarDate(today)) throw new RangeError(`today must be a calendar date YYYY-MM-DD, got ${String(today)}`);
  const issues: MemberIssue[] = [];
  const add = (field: string, reason: string): void => {
    issues.push({ field, reason });
  };

  const plan = record.identifiers.filter((i) => i.kind === 'plan').length;
  if (plan !== 1) add('identifiers', `Exactly one identifier of kind plan is required; found ${plan}.`);
  record.identifiers.forEach((id, i) => {
    if (!(MEMBER_IDENTIFIER_KINDS as readonly string[]).includes(id.kind)) add(`identifiers[${i}].kind`, `Must be one of ${MEMBER_IDENTIFIER_KINDS.join(', ')}.`);
    if (!text(id.value, 64)) add(`identifiers[${i}].value`, 'Must be 1–64 characters, not only spaces.');
  });

  if (!text(record.name.family, 100)) add('name.family', 'Must be 1–100 characters, not only spaces.');
  if (record.name.given.length === 0) add('name.given', 'At least one given name is required.');
  record.name.given.forEach((g, i) => {
    if (!text(g, 100)) add(`name.given[${i}]`, 'Must be 1–100 characters, not only spaces.');
  });

  if (!isCalendarDate(record.birthDate)) add('birthDate', 'Must be a real calendar date YYYY-MM-DD.');
  else if (record.birthDate > today) add('birthDate', `Must not be after today (${today}).`);
  if (!(RECORDED_SEXES as readonly string[]).includes(record.sex)) add('sex', `Must be one of ${RECORDED_SEXES.join(', ')}.`);

  record.phones.forEach((p, i) => {
    if (!(PHONE_USES as readonly string[]).includes(p.use)) add(`phones[${i}].use`, `Must be one of ${PHONE_USES.join(', ')}.`);
    if (!isPhone(p.number)) add(`phones[${i}].number`, 'Must be an international number: + and 8–15 digits (E.164).');
  });
  if (record.email !== undefined && !isEmail(record.email)) add('email', 'Must be an email address (name@domain).');

  const prefs = record.contactPreferences;
  if (!(MEMBER_CONTACT_METHODS as readonly string[]).includes(prefs.method)) add('contactPreferences.method', `Must be one of ${MEMBER_CONTACT_METHODS.join(', ')}.`);
  if (prefs.method === 'email' && record.email === undefined) add('contactPreferences.method', 'Email is the preferred method but the member has no email address.');
  if ((prefs.method === 'phone' || prefs.method === 'sms') && record.phones.length === 0) add('contactPreferences.method', `${prefs.method} is the preferred method but the member has no phone.`);
  if (!isTimeZone(prefs.timeZone)) add('contactPreferences.timeZone', 'Must be an IANA time zone, e.g. America/Chicago.');
  prefs.windows.forEach((w, i) => {
    const at = `contactPreferences.windows[${i}]`;
    if (w.days.length === 0) add(`${at}.days`, 'At least one day is required.');
    w.days.forEach((d, j) => {
      if (!(WEEKDAYS as readonly string[]).includes(d)) add(`${at}.days[${j}]`, `Must be one of ${WEEKDAYS.join(', ')}.`);
    });
    const fromOk = HH_MM.test(w.from);
    const toOk = HH_MM.test(w.to);
    if (!fromOk) add(`${at}.from`, 'Must be a time HH:MM (24-hour).');
    if (!toOk) add(`${at}.to`, 'Must be a time HH:MM (24-hour).');
    if (fromOk && toOk && w.from >= w.to) add(`${at}.to`, `Must be after from (${w.from}).`);
  });

  if (!isLanguageTag(record.preferredLanguage)) add('preferredLanguage', 'Must be a BCP 47 language tag, e.g. es or en-US.');

  record.representatives.forEach((r, i) => {
    const at = `representatives[${i}]`;
    if (!text(r.name, 200)) add(`${at}.name`, 'Must be 1–200 characters, not only spaces.');
    if (!(REPRESENTATIVE_RELATIONSHIPS as readonly string[]).includes(r.relationship)) add(`${at}.relationship`, `Must be one of ${REPRESENTATIVE_RELATIONSHIPS.join(', ')}.`);
    if (r.authorities.length === 0) add(`${at}.authorities`, 'At least one authority is required.');
    r.authorities.forEach((a, j) => {
      if (!(REPRESENTATIVE_AUTHORITIES as readonly string[]).includes(a)) add(`${at}.authorities[${j}]`, `Must be one of ${REPRESENTATIVE_AUTHORITIES.join(', ')}.`);
    });
    span({ start: r.validFrom, end: r.validUntil }, at, 'validFrom', 'validUntil', add);
    if (r.phone !== undefined && !isPhone(r.phone)) add(`${at}.phone`, 'Must be an international number: + and 8–15 digits (E.164).');
    if (r.email !== undefined && !isEmail(r.email)) add(`${at}.email`, 'Must be an email address (name@domain).');
    if (r.preferredLanguage !== undefined && !isLanguageTag(r.preferredLanguage)) add(`${at}.preferredLanguage`, 'Must be a BCP 47 language tag, e.g. es or en-US.');
  });

  record.eligibility.forEach((e, i) => {
    if (!text(e.coverage, 64)) add(`eligibility[${i}].coverage`, 'Must be 1–64 characters, not only spaces.');
    span(e, `eligibility[${i}]`, 'start', 'end', add);
  });
  record.enrollments.forEach((e, i) => {
    if (!PROGRAM_CODE_PATTERN.test(e.programCode)) add(`enrollments[${i}].programCode`, 'Must be a program code: upper-case letters, digits, "_" or "-", 2–32 characters.');
    span(e, `enrollments[${i}]`, 'start', 'end', add);
  });
  return issues;
}

/**
 * A representative may act for the member in `authority` on `onDay` when the
 * authority is recorded and the day lies within validFrom..validUntil (both
 * inclusive; a null validUntil is open-ended). Malformed dates never authorise.
 */
export function representativeMayConsent(
  rep: { readonly authorities: readonly string[]; readonly validFrom: string; readonly validUntil: string | null },
  authority: RepresentativeAuthority,
  onDay: string,
): boolean {
  if (!isCalendarDate(onDay) || !isCalendarDate(rep.validFrom)) return false;
  if (rep.validUntil !== null && !isCalendarDate(rep.validUntil)) return false;
  return rep.authorities.includes(authority) && rep.validFrom <= onDay && (rep.validUntil === null || onDay <= rep.validUntil);
}

/**
 * The form a name or identifier takes before it is blind-indexed, so exact
 * search forgives case, accents and spacing: NFKD, combining marks removed,
 * lower-case, trimmed, runs of whitespace collapsed to one space.
 */
export function normaliseForIndex(value: string): string {
  return value.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

export function isPhone(value: string): boolean {
  return typeof value === 'string' && PHONE.test(value.replace(/[\s().-]/g, ''));
}

function isEmail(value: string): boolean {
  return typeof value === 'string' && value.length <= 254 && EMAIL.test(value);
}

function isLanguageTag(value: string): boolean {
  return typeof value === 'string' && value.length <= 35 && BCP47.test(value);
}

/** IANA zone names as the runtime's Intl knows them (Area/Location, or UTC). */
function isTimeZone(value: string): boolean {
  if (typeof value !== 'string' || !/^([A-Za-z_]+(\/[A-Za-z0-9_+-]+)+|UTC)$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

function span(s: Span, at: string, startName: string, endName: string, add: (f: string, r: string) => void): void {
  const startOk = isCalendarDate(s.start);
  if (!startOk) add(`${at}.${startName}`, 'Must be a real calendar date YYYY-MM-DD.');
  if (s.end === null) return;
  if (!isCalendarDate(s.end)) add(`${at}.${endName}`, 'Must be a real calendar date YYYY-MM-DD, or null.');
  else if (startOk && s.end < s.start) add(`${at}.${endName}`, `Must not be before ${startName} (${s.start}).`);
}

function text(value: string, max: number): boolean {
  return typeof value === 'string' && value.trim().length > 0 && value.length <= max;
}

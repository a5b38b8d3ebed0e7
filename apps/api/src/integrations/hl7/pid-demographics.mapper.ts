import type { MemberAddress, MemberInput, MemberPhone } from '@careloop/contracts';
import type { RecordedSex } from '@careloop/domain';
import { componentOf } from './er7.parser';
import type { AdtMessage } from './adt-message';
import { valueOf } from './adt-message';

/** HL7 table 0001 (administrative sex) → the registry's recorded sex. */
const SEX: Record<string, RecordedSex> = { F: 'female', M: 'male', O: 'other', A: 'other', U: 'unknown', N: 'unknown' };
/** HL7 table 0201 (telecommunication use) → phone use; equipment CP (cell) is mobile whatever the use. */
const PHONE_USE: Record<string, MemberPhone['use']> = { PRN: 'home', ORN: 'home', VHN: 'home', WPN: 'work' };

export interface PidDemographicsContext {
  readonly planId: string;
  /** Of the contact preferences (the plan's time zone; the member's own is not in PID). */
  readonly timeZone: string;
}

/**
 * The member an ADT message describes (issue 16), as a registry record:
 *
 * | what       | where                                                                    |
 * |------------|--------------------------------------------------------------------------|
 * | name       | PID-5 (XPN: family ^ given ^ middle), first repetition                   |
 * | birth date | PID-7 (YYYYMMDD, a time part ignored)                                    |
 * | sex        | PID-8 (table 0001)                                                       |
 * | address    | PID-11 (XAD: street ^ other ^ city ^ state ^ zip ^ country), first       |
 * | phones     | PID-13 (XTN: country 5, area 6, local 7, else the formatted number 1), as E.164; others dropped |
 * | language   | PID-15.1 when a BCP 47-shaped code, else `und` (undetermined)            |
 *
 * The plan id is the one the client's rule read. Null when the message lacks a
 * name or birth date (the registry needs both): the intake then only looks
 * the member up by plan id. Nothing here is logged or echoed.
 */
export function pidDemographics(adt: AdtMessage, ctx: PidDemographicsContext): MemberInput | null {
  const pid = adt.message.segment('PID');
  if (!pid) return null;
  const d = adt.message.delimiters;
  const family = valueOf(pid.component(5, 1));
  const given = [pid.component(5, 2), pid.component(5, 3)].map(valueOf).filter((g) => g !== '');
  const dob = /^(\d{4})(\d{2})(\d{2})/.exec(valueOf(pid.component(7)));
  if (family === '' || given.length === 0 || !dob) return null;
  const address = addressOf([1, 2, 3, 4, 5, 6].map((c) => valueOf(pid.component(11, c))));
  const phones = pid.repetitions(13).flatMap((rep): MemberPhone[] => {
    const number = e164(componentOf(rep, d, 5), componentOf(rep, d, 6), componentOf(rep, d, 7), componentOf(rep, d, 1));
    if (!number) return [];
    const use = componentOf(rep, d, 3) === 'CP' ? 'mobile' : (PHONE_USE[componentOf(rep, d, 2)] ?? 'home');
    return [{ use, number }];
  });
  const language = valueOf(pid.component(15, 1)).toLowerCase();
  return {
    identifiers: [{ kind: 'plan', value: ctx.planId }],
    name: { given, family },
    birthDate: `${dob[1]}-${dob[2]}-${dob[3]}`,
    sex: SEX[valueOf(pid.component(8)).toUpperCase()] ?? 'unknown',
    ...(address ? { address } : {}),
    phones,
    portal: false,
    contactPreferences: { method: phones.length > 0 ? 'phone' : 'letter', windows: [], timeZone: ctx.timeZone },
    preferredLanguage: /^[a-z]{2,3}$/.test(language) ? language : 'und',
    interpreterNeeded: false,
    representatives: [],
    eligibility: [],
    // The intake adds the program's span (it knows the program and the date).
    enrollments: [],
  };
}

function addressOf([street, other, city, state, zip, country]: string[]): MemberAddress | null {
  if (!street || !city || !state || !zip) return null;
  return { lines: [street, ...(other ? [other] : [])], city, state, postalCode: zip, ...(country ? { country } : {}) };
}

/** +<country><area><local> from XTN 5-7 (country default 1, NANP), else a formatted number of 10 (NANP) or 8-15 digits with +. */
function e164(country: string, area: string, local: string, formatted: string): string | null {
  const digits = (s: string) => s.replace(/\D/g, '');
  if (digits(local) !== '') {
    const n = `+${digits(country) || '1'}${digits(area)}${digits(local)}`;
    return /^\+\d{8,15}$/.test(n) ? n : null;
  }
  const f = formatted.trim();
  if (f.startsWith('+') && /^\+\d{8,15}$/.test(`+${digits(f)}`)) return `+${digits(f)}`;
  if (digits(f).length === 10) return `+1${digits(f)}`;
  return null;
}

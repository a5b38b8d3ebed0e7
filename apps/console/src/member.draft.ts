import type { MemberInput, MemberView, RepresentativeInput } from '@careloop/contracts';
import type { MemberContactMethod, MemberIdentifierKind, PhoneUse, RecordedSex, RepresentativeAuthority, RepresentativeRelationship, Weekday } from '@careloop/domain';
import { ApiProblem } from './api-problem';

/**
 * The member form's working copy: MemberInput with every optional value as
 * text ('' = not given), so inputs stay controlled. `toInput` turns it into
 * the API's shape, leaving out what is blank; the API judges the rest (its
 * field errors name MemberInput paths, which the inputs carry as names).
 */
export interface MemberDraft {
  identifiers: { kind: MemberIdentifierKind; value: string; system: string }[];
  given: string;
  family: string;
  preferred: string;
  birthDate: string;
  sex: RecordedSex | '';
  genderIdentity: string;
  address: { lines: string; city: string; state: string; postalCode: string; country: string };
  phones: { use: PhoneUse; number: string; smsOk: boolean }[];
  email: string;
  portal: boolean;
  method: MemberContactMethod;
  windows: { days: Weekday[]; from: string; to: string }[];
  timeZone: string;
  preferredLanguage: string;
  interpreterNeeded: boolean;
  representatives: {
    id: string;
    name: string;
    relationship: RepresentativeRelationship | '';
    authorities: RepresentativeAuthority[];
    validFrom: string;
    validUntil: string;
    phone: string;
    email: string;
    preferredLanguage: string;
  }[];
  pcpProviderId: string;
  eligibility: { coverage: string; start: string; end: string }[];
  enrollments: { programCode: string; start: string; end: string }[];
}

export const blankPhone = (): MemberDraft['phones'][number] => ({ use: 'mobile', number: '', smsOk: false });
export const blankWindow = (): MemberDraft['windows'][number] => ({ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '09:00', to: '17:00' });
export const blankRepresentative = (): MemberDraft['representatives'][number] => ({
  id: '',
  name: '',
  relationship: '',
  authorities: [],
  validFrom: '',
  validUntil: '',
  phone: '',
  email: '',
  preferredLanguage: '',
});
export const blankSpan = () => ({ start: '', end: '' });

export function emptyDraft(timeZone: string): MemberDraft {
  return {
    identifiers: [{ kind: 'plan', value: '', system: '' }],
    given: '',
    family: '',
    preferred: '',
    birthDate: '',
    sex: '',
    genderIdentity: '',
    address: { lines: '', city: '', state: '', postalCode: '', country: '' },
    phones: [blankPhone()],
    email: '',
    portal: false,
    method: 'phone',
    windows: [],
    timeZone,
    preferredLanguage: 'en',
    interpreterNeeded: false,
    representatives: [],
    pcpProviderId: '',
    eligibility: [],
    enrollments: [],
  };
}

export function draftOf(m: MemberView): MemberDraft {
  return {
    identifiers: m.identifiers.map((i) => ({ kind: i.kind, value: i.value, system: i.system ?? '' })),
    given: m.name.given.join(' '),
    family: m.name.family,
    preferred: m.name.preferred ?? '',
    birthDate: m.birthDate,
    sex: m.sex,
    genderIdentity: m.genderIdentity ?? '',
    address: m.address
      ? { lines: m.address.lines.join('\n'), city: m.address.city, state: m.address.state, postalCode: m.address.postalCode, country: m.address.country ?? '' }
      : { lines: '', city: '', state: '', postalCode: '', country: '' },
    phones: m.phones.map((p) => ({ use: p.use, number: p.number, smsOk: p.smsOk ?? false })),
    email: m.email ?? '',
    portal: m.portal,
    method: m.contactPreferences.method,
    windows: m.contactPreferences.windows.map((w) => ({ days: [...w.days], from: w.from, to: w.to })),
    timeZone: m.contactPreferences.timeZone,
    preferredLanguage: m.preferredLanguage,
    interpreterNeeded: m.interpreterNeeded,
    representatives: m.representatives.map((r) => ({
      id: r.id,
      name: r.name,
      relationship: r.relationship,
      authorities: [...r.authorities],
      validFrom: r.validFrom,
      validUntil: r.validUntil ?? '',
      phone: r.phone ?? '',
      email: r.email ?? '',
      preferredLanguage: r.preferredLanguage ?? '',
    })),
    pcpProviderId: m.pcpProviderId ?? '',
    eligibility: m.eligibility.map((e) => ({ coverage: e.coverage, start: e.start, end: e.end ?? '' })),
    enrollments: m.enrollments.map((e) => ({ programCode: e.programCode, start: e.start, end: e.end ?? '' })),
  };
}

/** '' → left out; otherwise trimmed. */
const opt = <K extends string>(key: K, v: string): { [P in K]?: string } => (v.trim() === '' ? {} : ({ [key]: v.trim() } as { [P in K]: string }));

export function toInput(d: MemberDraft): MemberInput {
  const a = d.address;
  const hasAddress = [a.lines, a.city, a.state, a.postalCode, a.country].some((v) => v.trim() !== '');
  return {
    identifiers: d.identifiers.map((i) => ({ kind: i.kind, value: i.value.trim(), ...opt('system', i.system) })),
    name: { given: d.given.trim() === '' ? [] : d.given.trim().split(/\s+/), family: d.family.trim(), ...opt('preferred', d.preferred) },
    birthDate: d.birthDate,
    // An unchosen sex goes as '' so the API names the field.
    sex: d.sex as RecordedSex,
    ...opt('genderIdentity', d.genderIdentity),
    ...(hasAddress
      ? {
          address: {
            lines: a.lines
              .split('\n')
              .map((l) => l.trim())
              .filter(Boolean),
            city: a.city.trim(),
            state: a.state.trim(),
            postalCode: a.postalCode.trim(),
            ...opt('country', a.country),
          },
        }
      : {}),
    phones: d.phones.map((p) => ({ use: p.use, number: p.number.trim(), smsOk: p.smsOk })),
    ...opt('email', d.email),
    portal: d.portal,
    contactPreferences: { method: d.method, windows: d.windows.map((w) => ({ days: w.days, from: w.from, to: w.to })), timeZone: d.timeZone.trim() },
    preferredLanguage: d.preferredLanguage.trim(),
    interpreterNeeded: d.interpreterNeeded,
    representatives: d.representatives.map(
      (r): RepresentativeInput => ({
        ...opt('id', r.id),
        name: r.name.trim(),
        relationship: r.relationship as RepresentativeRelationship,
        authorities: r.authorities,
        validFrom: r.validFrom,
        validUntil: r.validUntil === '' ? null : r.validUntil,
        ...opt('phone', r.phone),
        ...opt('email', r.email),
        ...opt('preferredLanguage', r.preferredLanguage),
      }),
    ),
    pcpProviderId: d.pcpProviderId.trim() === '' ? null : d.pcpProviderId.trim(),
    eligibility: d.eligibility.map((e) => ({ coverage: e.coverage.trim(), start: e.start, end: e.end === '' ? null : e.end })),
    enrollments: d.enrollments.map((e) => ({ programCode: e.programCode.trim(), start: e.start, end: e.end === '' ? null : e.end })),
  };
}

/**
 * The API's error paths, moved onto the inputs that hold them: the given
 * names are one input (`name.given[1]` → `name.given`), address lines one
 * text area (`address.lines[0]` → `address.lines`).
 */
export function onInputs(p: ApiProblem): ApiProblem {
  const field = (f: string) => f.replace(/^name\.given\[\d+\]$/, 'name.given').replace(/^address\.lines\[\d+\]$/, 'address.lines');
  return new ApiProblem(
    p.status,
    p.code,
    p.detail,
    p.errors.map((e) => ({ field: field(e.field), reason: e.reason })),
  );
}

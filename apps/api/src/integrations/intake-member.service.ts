import { Inject, Injectable } from '@nestjs/common';
import { z } from 'zod';
import type { Patient } from '@medplum/fhirtypes';
import type { FieldError, MemberInput, MemberView } from '@careloop/contracts';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiError } from '../common/api-error';
import { patientToMemberInput, type PatientInOptions } from '../fhir/patient-in.mapper';
import { MemberRegistry } from '../members/member-registry.service';
import { PolicyRegistry } from '../policies/policy-registry';

/** What an intake did with a row's member (issue 16): registered it, or found it by plan id. Never PHI. */
export interface IntakeMemberOutcome {
  readonly memberId: string;
  /** The plan member id: the case's memberRef (PHI: never put in a row result). */
  readonly planId: string;
  readonly member: 'created' | 'matched';
  /** `created` raised a same-name-and-birth-date flag against another member: flagged for a person, never merged. */
  readonly duplicateFlagId?: string;
  /** `matched`: the feed's name, birth date or sex differ from the registry's record, which was left unchanged. */
  readonly demographicsDiffer?: true;
}

/** The member's demographics in a feed were unusable; `errors` name fields under the caller's prefix, never values. */
export class IntakeMemberInvalid extends Error {
  constructor(readonly errors: readonly FieldError[]) {
    super('member demographics invalid');
    this.name = 'IntakeMemberInvalid';
  }
}

/**
 * The shape of a CareLoop MemberInput sent inline by an intake (types only:
 * the domain's validateMemberRecord checks every value afterwards, so the
 * rules stay in one place). Unknown fields are refused.
 */
const Str = z.string({ error: 'must be a string' });
const Arr = <T extends z.ZodTypeAny>(t: T) => z.array(t, { error: 'must be a list' });
const MemberShape = z.strictObject({
  identifiers: Arr(z.object({ kind: Str, value: Str, system: Str.optional() })),
  name: z.object({ given: Arr(Str), family: Str, preferred: Str.optional() }),
  birthDate: Str,
  sex: Str,
  genderIdentity: Str.optional(),
  address: z.object({ lines: Arr(Str), city: Str, state: Str, postalCode: Str, country: Str.optional() }).optional(),
  phones: Arr(z.object({ use: Str, number: Str, smsOk: z.boolean().optional() })).default([]),
  email: Str.optional(),
  portal: z.boolean().default(false),
  contactPreferences: z.object({ method: Str, windows: Arr(z.object({ days: Arr(Str), from: Str, to: Str })), timeZone: Str }),
  preferredLanguage: Str,
  interpreterNeeded: z.boolean().default(false),
  representatives: Arr(
    z.object({
      name: Str,
      relationship: Str,
      authorities: Arr(Str),
      validFrom: Str,
      validUntil: Str.nullable(),
      phone: Str.optional(),
      email: Str.optional(),
      preferredLanguage: Str.optional(),
    }),
  ).default([]),
  pcpProviderId: Str.nullable().optional(),
  eligibility: Arr(z.object({ coverage: Str, start: Str, end: Str.nullable() })).default([]),
  enrollments: Arr(z.object({ programCode: Str, start: Str, end: Str.nullable() })).default([]),
});

/**
 * Creates or matches the member an intake row or feed describes, through
 * MemberRegistry.createOrMatch: a known plan id is matched and its record is
 * not touched (demographics that differ are reported, never written over: the
 * registry's record is maintained by people and the plan's member file); an
 * unknown one is registered, and a same-name-and-birth-date member with
 * another plan id raises a duplicate flag (never a merge). The actor is the
 * integration client (`integration:<clientId>`).
 */
@Injectable()
export class IntakeMemberService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly registry: MemberRegistry,
    private readonly policies: PolicyRegistry,
  ) {}

  /** A CareLoop MemberInput (`field`: where it sat in the request, e.g. `members[2].member`). */
  async fromMemberInput(raw: unknown, field: string, actor: string, enrollment?: Enrollment): Promise<IntakeMemberOutcome> {
    const parsed = MemberShape.safeParse(raw);
    if (!parsed.success) {
      throw new IntakeMemberInvalid(parsed.error.issues.map((i) => ({ field: [field, ...i.path.map(String)].join('.'), reason: i.message })));
    }
    return this.createOrMatch(withEnrollment(parsed.data as MemberInput, enrollment), field, actor);
  }

  /** A FHIR R4 Patient (US Core), read with the configured identifier systems; errors name FHIR paths under `field`. */
  async fromPatient(patient: unknown, field: string, actor: string, enrollment?: Enrollment): Promise<IntakeMemberOutcome> {
    const mapped = patientToMemberInput(patient as Patient, this.patientOptions(enrollment));
    if (!mapped.ok) throw new IntakeMemberInvalid(mapped.errors.map((e) => ({ field: `${field}.${e.field}`, reason: e.reason })));
    return this.createOrMatch(mapped.member, field, actor);
  }

  /** An already-mapped record (HL7 PID): invalid demographics throw IntakeMemberInvalid. */
  async fromRecord(input: MemberInput, field: string, actor: string, enrollment?: Enrollment): Promise<IntakeMemberOutcome> {
    return this.createOrMatch(withEnrollment(input, enrollment), field, actor);
  }

  private patientOptions(enrollment: Enrollment | undefined): PatientInOptions {
    // The same identifier systems as POST /fhir/Patient (CARELOOP_FHIR_*): one plan, one vocabulary of ids.
    const systems = this.config.fhir;
    const timeZone = this.policies.resolve(enrollment?.programCode ?? this.config.integrationDefaultProgram).transitionOfCare.calendar.timeZone;
    return {
      planSystems: [systems.planSystem],
      medicaidSystems: systems.medicaidSystems,
      otherSystems: systems.otherSystems,
      defaultContactPreferences: { method: 'letter', windows: [], timeZone },
      ...(enrollment ? { enrollments: [{ programCode: enrollment.programCode, start: enrollment.date, end: null }] } : {}),
    };
  }

  private async createOrMatch(input: MemberInput, field: string, actor: string): Promise<IntakeMemberOutcome> {
    try {
      const { member, created, duplicateFlagId } = await this.registry.createOrMatch(input, actor);
      const planId = member.identifiers.find((i) => i.kind === 'plan')!.value;
      if (created) return { memberId: member.id, planId, member: 'created', ...(duplicateFlagId ? { duplicateFlagId } : {}) };
      return { memberId: member.id, planId, member: 'matched', ...(differs(member, input) ? { demographicsDiffer: true as const } : {}) };
    } catch (error) {
      if (error instanceof ApiError && error.code === 'validation_failed' && error.errors) {
        throw new IntakeMemberInvalid(error.errors.map((e) => ({ field: `${field}.${e.field}`, reason: e.reason })));
      }
      throw error;
    }
  }
}

export interface Enrollment {
  readonly programCode: string;
  readonly date: string;
}

/** A new member from an enrollment row is enrolled in the row's program from its date (unless the record says otherwise). */
function withEnrollment(input: MemberInput, enrollment: Enrollment | undefined): MemberInput {
  if (!enrollment || input.enrollments.some((e) => e.programCode === enrollment.programCode)) return input;
  return { ...input, enrollments: [...input.enrollments, { programCode: enrollment.programCode, start: enrollment.date, end: null }] };
}

function differs(stored: MemberView, sent: MemberInput): boolean {
  const norm = (s: string) => s.trim().toLowerCase();
  return (
    norm(stored.name.family) !== norm(sent.name.family) ||
    stored.name.given.map(norm).join(' ') !== sent.name.given.map(norm).join(' ') ||
    stored.birthDate !== sent.birthDate ||
    stored.sex !== sent.sex
  );
}

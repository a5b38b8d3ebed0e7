import { Inject, Injectable, Logger } from '@nestjs/common';
import { z } from 'zod';
import { isCalendarDate, MEMBER_REF_PATTERN, PROGRAM_CODE_PATTERN } from '@careloop/domain';
import { caseWorkflowId, type FieldError } from '@careloop/contracts';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiError, fieldError, fieldErrors } from '../common/api-error';
import { mapWithConcurrency } from '../common/bounded-concurrency';
import { CasesService } from '../cases/cases.service';
import { issuesOf } from './fhir/fhir.schemas';
import { IntakeMemberInvalid, IntakeMemberService, type IntakeMemberOutcome } from './intake-member.service';
import type { IntegrationSender } from './integration-sender';

/** Most members one request may carry; a larger file is split by the sender. */
export const ENROLLMENT_BATCH_LIMIT = 1_000;
/** Case starts in flight at once: enough to finish 1,000 in seconds, few enough not to flood the frontend. */
const START_CONCURRENCY = 8;

const Row = z.strictObject({
  memberRef: z.string({ error: 'is required' }).regex(MEMBER_REF_PATTERN, { error: 'must be 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit' }),
  programCode: z.string({ error: 'is required' }).regex(PROGRAM_CODE_PATTERN, { error: 'must be 2-32 characters: an upper-case letter, then upper-case letters, digits, "_" or "-"' }),
  enrollmentDate: z.string({ error: 'is required' }).refine((v) => isCalendarDate(v) && v >= '1900-01-01', { error: 'must be a real calendar date written YYYY-MM-DD' }),
  /** The member's demographics as a CareLoop MemberInput (issue 16); checked when the row is started. */
  member: z.record(z.string(), z.unknown(), { error: 'must be an object (a CareLoop member record)' }).optional(),
  /** …or as a FHIR R4 Patient (US Core). */
  patient: z.record(z.string(), z.unknown(), { error: 'must be an object (a FHIR R4 Patient)' }).optional(),
}).refine((r) => r.member === undefined || r.patient === undefined, { error: 'send the member as member or as patient, not both', path: ['patient'] });

export type EnrollmentRowStatus = 'created' | 'existing' | 'duplicate' | 'invalid' | 'failed';

/** One member's outcome, by its position in the request (member references are not echoed). */
export interface EnrollmentRowResult {
  readonly index: number;
  readonly status: EnrollmentRowStatus;
  readonly caseId?: string;
  /** `duplicate`: the earlier row of the same member and program. */
  readonly duplicateOf?: number;
  readonly errors?: readonly FieldError[];
  /** `failed`: whether sending the row again may succeed (the workflow service was unavailable). */
  readonly retryable?: boolean;
  /** The registry member the case stands on (issue 16): an opaque id, not PHI. */
  readonly memberId?: string;
  /** Rows with demographics: the member was registered from them (`created`) or found by plan id (`matched`, record left unchanged). */
  readonly member?: 'created' | 'matched';
  /** `created`: the possible duplicate flagged for a person to resolve (same name and birth date, another plan id). */
  readonly duplicateFlagId?: string;
  /** `matched`: the row's name, birth date or sex differ from the registry's record (which was not overwritten). */
  readonly demographicsDiffer?: true;
}

export interface EnrollmentBatchResult {
  readonly summary: Readonly<Record<EnrollmentRowStatus, number>> & { readonly received: number };
  readonly results: readonly EnrollmentRowResult[];
}

/**
 * Enrollment events in bulk: each valid member gets their case in the program
 * (started, or the open one found: the case id is derived from member +
 * program, so a repeated delivery creates nothing new). Rows are independent:
 * an invalid row is reported and the others still start. Only a malformed
 * envelope (not a list, empty, too many rows) fails the whole request.
 */
@Injectable()
export class EnrollmentIntakeService {
  private readonly logger = new Logger('enrollment-events');

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly cases: CasesService,
    private readonly members: IntakeMemberService,
  ) {}

  async receive(body: unknown, sender: IntegrationSender): Promise<EnrollmentBatchResult> {
    const members = envelope(body);
    const firstOf = new Map<string, number>();
    const plan = members.map((raw, index): EnrollmentRowResult | { index: number; row: z.infer<typeof Row> } => {
      const parsed = Row.safeParse(raw);
      if (!parsed.success) {
        return { index, status: 'invalid', errors: issuesOf(parsed.error, `members[${index}]`) };
      }
      const caseId = caseWorkflowId(parsed.data.memberRef, parsed.data.programCode, this.config.caseIdSecret);
      const earlier = firstOf.get(caseId);
      if (earlier !== undefined) {
        return { index, status: 'duplicate', caseId, duplicateOf: earlier };
      }
      firstOf.set(caseId, index);
      return { index, row: parsed.data };
    });
    const results = await mapWithConcurrency(plan, START_CONCURRENCY, async (item) => ('row' in item ? this.start(item.index, item.row, sender) : item));
    const summary = { received: members.length, created: 0, existing: 0, duplicate: 0, invalid: 0, failed: 0 };
    for (const r of results) summary[r.status]++;
    this.logger.log(`enrollment batch: ${JSON.stringify(summary)}`);
    return { summary, results };
  }

  private async start(index: number, row: z.infer<typeof Row>, sender: IntegrationSender): Promise<EnrollmentRowResult> {
    const actor = sender.clientId; // already `integration:<id>` (the principal's sub)
    let member: IntakeMemberOutcome | undefined;
    try {
      member = await this.member(index, row, actor);
      const { member: _m, patient: _p, ...request } = row;
      const { created, caseId } = await this.cases.start(member ? { ...request, memberId: member.memberId } : request, null, actor);
      return { index, status: created ? 'created' : 'existing', caseId, ...memberFields(member) };
    } catch (err) {
      if (err instanceof IntakeMemberInvalid) return { index, status: 'invalid', errors: err.errors };
      // No demographics and a plan id the registry does not know: the row cannot stand on a member.
      if (err instanceof ApiError && err.code === 'member_not_registered') {
        return { index, status: 'invalid', errors: [{ field: `members[${index}].memberRef`, reason: 'names no registered member; send the member\'s demographics (member or patient) to register them' }] };
      }
      const code = err instanceof ApiError ? err.code : 'internal_error';
      if (!(err instanceof ApiError)) this.logger.error(`enrollment row ${index}: ${err instanceof Error ? err.name : 'error'}`);
      return {
        index,
        status: 'failed',
        errors: [{ field: `members[${index}]`, reason: code === 'temporal_unavailable' ? 'the workflow service is unavailable; send the row again' : 'the case could not be started' }],
        retryable: code === 'temporal_unavailable' || code === 'internal_error',
        ...memberFields(member),
      };
    }
  }

  /** The row's demographics, created or matched (issue 16); none sent: undefined (the case start then looks the plan id up). */
  private async member(index: number, row: z.infer<typeof Row>, actor: string): Promise<IntakeMemberOutcome | undefined> {
    const enrollment = { programCode: row.programCode, date: row.enrollmentDate };
    const outcome = row.patient
      ? await this.members.fromPatient(row.patient, `members[${index}].patient`, actor, enrollment)
      : row.member
        ? await this.members.fromMemberInput(row.member, `members[${index}].member`, actor, enrollment)
        : undefined;
    if (outcome && outcome.planId !== row.memberRef) {
      throw new IntakeMemberInvalid([{ field: `members[${index}].memberRef`, reason: 'is not the plan member id of the member sent with the row' }]);
    }
    return outcome;
  }
}

function memberFields(m: IntakeMemberOutcome | undefined): Partial<EnrollmentRowResult> {
  if (!m) return {};
  return { memberId: m.memberId, member: m.member, ...(m.duplicateFlagId ? { duplicateFlagId: m.duplicateFlagId } : {}), ...(m.demographicsDiffer ? { demographicsDiffer: true } : {}) };
}

function envelope(body: unknown): unknown[] {
  const members = (body as { members?: unknown } | null)?.members;
  const extra = typeof body === 'object' && body !== null ? Object.keys(body).filter((k) => k !== 'members') : [];
  if (!Array.isArray(members) || extra.length) {
    const errors = [
      ...(Array.isArray(members) ? [] : [{ field: 'members', reason: 'must be a list of { memberRef, programCode, enrollmentDate }' }]),
      ...extra.map((field) => ({ field, reason: 'is not a field of an enrollment batch' })),
    ];
    throw fieldErrors(errors);
  }
  if (members.length === 0) {
    throw fieldError('members', 'must list at least one member');
  }
  if (members.length > ENROLLMENT_BATCH_LIMIT) {
    throw new ApiError('payload_too_large', `A batch holds at most ${ENROLLMENT_BATCH_LIMIT} members (this one has ${members.length}); split it into several requests.`, [
      { field: 'members', reason: `must list at most ${ENROLLMENT_BATCH_LIMIT} members` },
    ]);
  }
  return members;
}

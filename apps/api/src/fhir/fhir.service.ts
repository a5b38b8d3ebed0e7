import { Inject, Injectable } from '@nestjs/common';
import type { Bundle, CarePlan, Patient } from '@medplum/fhirtypes';
import { MEMBER_ID_PATTERN, type FieldError, type MemberView, type PlanVersionEntry } from '@careloop/contracts';
import { MemberCasesRepository, type MemberCase } from '@careloop/persistence';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { isRelated, mayReadMember } from '../auth/access-policy';
import type { Principal } from '../auth/principal';
import { ApiError, fieldError, fieldErrors } from '../common/api-error';
import { MemberContactNotifier } from '../members/member-contact.notifier';
import { MemberRegistry, memberNotFound } from '../members/member-registry.service';
import { carePlanStatuses, carePlanVersionToFhir, searchsetBundle } from './care-plan.mapper';
import type { FhirConfig } from './fhir.config';
import { patientToMemberInput } from './patient-in.mapper';
import { memberToPatient } from './patient-out.mapper';
import { registryFieldToFhirPath } from './registry-paths';

/** A Patient written through the registry, and the duplicate flags its creation raised (never merged). */
export interface PatientWrite {
  readonly patient: Patient;
  readonly member: MemberView;
  readonly duplicateFlagIds: readonly string[];
}

/**
 * The FHIR R4 facade over the member registry and the cases' care plans.
 * Every answer is mapped and validated by fhir/*.mapper.ts; errors are
 * ApiErrors whose field errors name FHIR paths (the controller's filter
 * turns them into OperationOutcomes). Reads are audited by AuditMiddleware.
 */
@Injectable()
export class FhirService {
  private readonly config: FhirConfig;

  constructor(
    private readonly registry: MemberRegistry,
    private readonly cases: MemberCasesRepository,
    private readonly contact: MemberContactNotifier,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.config = config.fhir;
  }

  async readPatient(principal: Principal, id: string): Promise<Patient> {
    const { member } = await this.readableMember(principal, id);
    return this.toPatient(member);
  }

  /** `GET /fhir/CarePlan?patient=`: every version of the plans of the member's cases the caller relates to. */
  async searchCarePlans(principal: Principal, patient: unknown, selfUrl: string, baseUrl: string): Promise<Bundle<CarePlan>> {
    const id = patientParam(patient);
    const { member, cases } = await this.readableMember(principal, id);
    // Staff see the plans of the cases they may read (the case policy); the member's PCP sees all of the member's.
    const visible = principal.role === 'provider' && member.pcpProviderId === principal.sub ? cases : cases.filter((c) => isRelated(principal, c.relation));
    const plans: CarePlan[] = [];
    for (const c of visible) {
      const entries: PlanVersionEntry[] = (await this.cases.planVersions(c.id)).map((p) => ({
        ...p,
        proposedAt: p.proposedAt.toISOString(),
        consentedAt: p.consentedAt?.toISOString() ?? null,
      }));
      const statuses = carePlanStatuses(entries, c.phase === 'closed');
      for (const entry of entries) {
        plans.push(carePlanVersionToFhir({ caseId: c.id, episodeId: c.episodeId, memberId: member.id, entry, status: statuses.get(entry.version)! }));
      }
    }
    return searchsetBundle(plans, selfUrl, baseUrl);
  }

  async createPatient(body: unknown, actor: string): Promise<PatientWrite> {
    const input = this.memberInput(body, undefined);
    const { member, duplicateFlagIds } = await withFhirPaths(() => this.registry.create(input, actor));
    return { patient: this.toPatient(member), member, duplicateFlagIds };
  }

  /** Full replace at the If-Match version. Eligibility and enrollments are not Patient data: the stored ones are kept. */
  async updatePatient(id: string, ifMatch: string | undefined, body: unknown, actor: string): Promise<PatientWrite> {
    checkMemberId(id);
    const expectedVersion = versionOf(ifMatch);
    const current = await this.registry.findById(id);
    if (!current) throw memberNotFound(id);
    const bodyId = (body as { id?: unknown } | null)?.id;
    if (bodyId !== id) throw fieldError('Patient.id', 'must be present and equal the id in the URL');
    const input = this.memberInput(body, current);
    const member = await withFhirPaths(() => this.registry.replace(id, expectedVersion, input, actor));
    await this.contact.afterReplace(member);
    return { patient: this.toPatient(member), member, duplicateFlagIds: [] };
  }

  private memberInput(body: unknown, current: MemberView | undefined) {
    const result = patientToMemberInput(body as Patient, {
      planSystems: [this.config.planSystem],
      medicaidSystems: this.config.medicaidSystems,
      otherSystems: this.config.otherSystems,
      defaultContactPreferences: this.config.defaultContactPreferences,
      ...(current ? { eligibility: current.eligibility, enrollments: current.enrollments } : {}),
    });
    if (!result.ok) throw fieldErrors(result.errors);
    return result.member;
  }

  private async readableMember(principal: Principal, id: string): Promise<{ member: MemberView; cases: MemberCase[] }> {
    checkMemberId(id);
    const member = await this.registry.findById(id);
    if (!member) throw memberNotFound(id);
    const planId = member.identifiers.find((i) => i.kind === 'plan')?.value;
    const cases = planId ? await this.cases.withRelations(planId) : [];
    // Same answer as a member that does not exist: a member's existence is not revealed to an unrelated provider.
    if (!mayReadMember(principal, member, cases.map((c) => c.relation))) throw memberNotFound(id);
    return { member, cases };
  }

  private toPatient(member: MemberView): Patient {
    return memberToPatient(member, { planSystem: this.config.planSystem });
  }
}

function checkMemberId(id: string): void {
  if (!MEMBER_ID_PATTERN.test(id)) throw fieldError('Patient.id', 'must be a member id such as mbr_0123456789abcdefghjkmnpqrs');
}

/** `patient=<id>` or `patient=Patient/<id>` (a single value). */
function patientParam(value: unknown): string {
  const raw = typeof value === 'string' ? value.replace(/^Patient\//, '') : '';
  if (!MEMBER_ID_PATTERN.test(raw)) throw fieldError('patient', 'is required: a member id, or Patient/<member id>, given once');
  return raw;
}

/** FHIR's weak ETag: `W/"3"` (or a strong `"3"`). Missing: 428; malformed: 400 naming If-Match. */
export function versionOf(ifMatch: string | undefined): number {
  if (ifMatch === undefined || ifMatch === '') {
    throw new ApiError('precondition_required', 'Send If-Match: W/"<version>" with the Patient.meta.versionId you read.');
  }
  const m = /^(?:W\/)?"([1-9][0-9]{0,8})"$/.exec(ifMatch.trim());
  if (!m) throw fieldError('If-Match', 'must be W/"<version>", the version as read');
  return Number(m[1]);
}

/** The registry's own rules name MemberInput fields; on the FHIR routes they are given as the Patient paths they came from. */
async function withFhirPaths<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError && error.code === 'validation_failed' && error.errors) {
      const errors: FieldError[] = error.errors.map((e) => ({ field: registryFieldToFhirPath(e.field), reason: e.reason }));
      throw fieldErrors(errors);
    }
    throw error;
  }
}

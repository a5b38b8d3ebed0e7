import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { localDate, transitionSchedule, type DischargeEvent, type Hl7MemberIdRule } from '@careloop/domain';
import {
  caseWorkflowId,
  DISCHARGE_WORKFLOW_TYPE,
  dischargeWorkflowId,
  type CaseWorkflowInput,
  type DischargeWorkflowInput,
} from '@careloop/contracts';
import { AccessRepository, DischargeEventRepository, ProviderDirectoryRepository } from '@careloop/persistence';
import { resolveFeedPcp } from '../providers/feed-provider';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiError, fieldErrors } from '../common/api-error';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { PolicyRegistry } from '../policies/policy-registry';
import { DischargeFormatError, MemberIdMissingError, UnsupportedEventError, type FeedDemographics, type ParsedDischarge } from './discharge-input';
import { IntakeMemberInvalid, IntakeMemberService } from './intake-member.service';
import { MemberRegistry } from '../members/member-registry.service';
import { DischargeAmendmentService, type AmendmentResult } from './discharge-amendment.service';
import { parseFhirDischarge } from './fhir/fhir-discharge.mapper';
import { parseAdt, type ParsedAdt } from './hl7/adt.mapper';
import type { IntegrationSender } from './integration-sender';
import { parseJsonDischarge } from './json-discharge.parser';
import { HL7_MEDIA_TYPES, JSON_MEDIA_TYPES, mediaTypeOf } from './media-types';

export interface DischargeStartResult {
  readonly kind: 'discharge';
  /** True the first time the event is accepted (a workflow was started), false for a repeat. */
  readonly created: boolean;
  readonly dischargeId: string;
  readonly caseId: string;
}

/** A discharge started (or found again), or a sender's update / cancellation of one (HL7 ADT^A08, ADT^A13). */
export type DischargeIntakeResult = DischargeStartResult | ({ readonly kind: 'amendment' } & AmendmentResult);

/**
 * Discharge events in: read the message (JSON, FHIR or HL7 v2), store it once
 * per (client, source, event id), start its discharge workflow once. The
 * workflow id is derived from that key, and Temporal admits one execution per
 * id (REJECT_DUPLICATE: not even after it finished), so a repeat — sequential
 * or concurrent — finds the first one. If Postgres took the event but
 * Temporal was down, the sender's retry starts the workflow: nothing is lost.
 * An event stored before the client was part of the key keeps its stored id.
 * HL7 ADT^A08 / ADT^A13 go to the amendment service.
 */
@Injectable()
export class DischargeIntakeService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly temporal: TemporalGateway,
    private readonly events: DischargeEventRepository,
    private readonly policies: PolicyRegistry,
    private readonly amendments: DischargeAmendmentService,
    private readonly providers: ProviderDirectoryRepository,
    private readonly access: AccessRepository,
    private readonly intakeMembers: IntakeMemberService,
    private readonly registry: MemberRegistry,
  ) {}

  async receive(contentType: string | undefined, body: unknown, sender: IntegrationSender): Promise<DischargeIntakeResult> {
    const mediaType = mediaTypeOf(contentType);
    // Where this client's HL7 messages carry the member id (only HL7 needs the lookup).
    const rule = HL7_MEDIA_TYPES.includes(mediaType) ? await this.access.hl7MemberIdRule(sender.clientId.replace(/^integration:/, '')) : null;
    const parsed = this.parse(mediaType, body, sender, rule);
    if (parsed.kind === 'amendment') {
      return { kind: 'amendment', ...(await this.amendments.apply(parsed.amendment, sender)) };
    }
    return this.start(parsed.discharge, sender);
  }

  private async start(parsed: ParsedDischarge, sender: IntegrationSender): Promise<DischargeStartResult> {
    const { visitNumber = null, demographics, ...read } = parsed;
    const programCode = read.programCode ?? this.config.integrationDefaultProgram;
    const received: DischargeEvent = { ...read, programCode };
    // The PCP's NPI becomes the directory id where the directory has it; the fingerprint stays on what the
    // feed sent, so a retried message is the same event even if the directory changed in between.
    const event: DischargeEvent = { ...received, pcpId: (await resolveFeedPcp(this.providers, received.pcpId)) ?? null };
    const policy = this.policies.resolve(programCode);
    const secret = this.config.caseIdSecret;
    const key = { clientId: sender.clientId, source: event.source, sourceEventId: event.sourceEventId };
    const caseId = caseWorkflowId(event.memberRef, programCode, secret);

    // The work items of the transition of care: the same due times the workflow computes (libs/domain transitionSchedule).
    const tasks = transitionSchedule(event.dischargedAt, new Date().toISOString(), policy.transitionOfCare).map((t) => ({ task: t.task, dueAt: t.dueAt }));
    const intake = await this.events.record(key, dischargeWorkflowId(key, secret), caseId, event, visitNumber, fingerprint(received), tasks);
    const dischargeId = intake.dischargeId;
    if (intake.conflicting) {
      throw new ApiError(
        'integration_event_conflict',
        'This source already sent an event with this id and different content; send a correction with a new event id.',
      );
    }
    // A case opened by a discharge counts its screening deadline from the discharge day (plan's time zone).
    const enrollmentDate = localDate(event.dischargedAt, policy.transitionOfCare.calendar.timeZone);
    const memberId = await this.member(event.memberRef, demographics, { programCode, date: enrollmentDate }, sender);
    const caseStart: CaseWorkflowInput = {
      memberRef: event.memberRef,
      programCode,
      enrollmentDate,
      policy,
      startReason: 'discharge',
      ...(memberId ? { memberId } : {}),
    };
    const input: DischargeWorkflowInput = { event, caseId, caseStart, policy: policy.transitionOfCare, policyVersion: policy.version };
    const created = await this.temporal.startOnce(DISCHARGE_WORKFLOW_TYPE, { workflowId: dischargeId, args: [input], reuse: 'REJECT_DUPLICATE' });
    return { kind: 'discharge', created, dischargeId, caseId };
  }

  /**
   * The registry member of the discharge (issue 16): created or matched from the feed's demographics
   * (a likely duplicate is flagged by the registry, never merged), else looked up by plan id. A discharge is
   * never refused over its demographics: transition of care runs on a 2-day clock, so a feed whose member
   * cannot be registered (no name or birth date, a FHIR Patient the mapping refuses) still starts, and its case
   * carries no memberId until someone registers the member.
   */
  private async member(planId: string, demographics: FeedDemographics | undefined, enrollment: { programCode: string; date: string }, sender: IntegrationSender): Promise<string | undefined> {
    try {
      if (demographics?.kind === 'record') return (await this.intakeMembers.fromRecord(demographics.record, 'PID', sender.clientId, enrollment)).memberId;
      if (demographics?.kind === 'patient') {
        const found = await this.intakeMembers.fromPatient(demographics.patient, 'Patient', sender.clientId, enrollment);
        // A Patient whose plan id is not the one the discharge names is not this discharge's member.
        if (found.planId === planId) return found.memberId;
      }
    } catch (error) {
      if (!(error instanceof IntakeMemberInvalid)) throw error;
    }
    return (await this.registry.findByPlanId(planId))?.id;
  }

  private parse(mediaType: string, body: unknown, sender: IntegrationSender, rule: Hl7MemberIdRule | null): ParsedAdt {
    try {
      if (HL7_MEDIA_TYPES.includes(mediaType) && typeof body === 'string') {
        if (body.trim() === '') throw new DischargeFormatError([{ field: 'body', reason: 'is empty; send one HL7 v2 ADT^A03 message' }]);
        const timeZone = this.policies.resolve(this.config.integrationDefaultProgram).transitionOfCare.calendar.timeZone;
        return parseAdt(body, timeZone, rule);
      }
      if (JSON_MEDIA_TYPES.includes(mediaType) && typeof body === 'object' && body !== null && !Array.isArray(body)) {
        const discharge = 'resourceType' in body || mediaType === 'application/fhir+json' ? parseFhirDischarge(body, { defaultSource: sender.clientId }) : parseJsonDischarge(body);
        return { kind: 'discharge', discharge };
      }
      if (JSON_MEDIA_TYPES.includes(mediaType)) {
        throw new DischargeFormatError([{ field: 'body', reason: 'must be a JSON object' }]);
      }
    } catch (err) {
      if (err instanceof DischargeFormatError) {
        throw fieldErrors(err.errors);
      }
      if (err instanceof MemberIdMissingError) {
        throw new ApiError('integration_member_id_missing', `This client sends the plan member id in ${err.field}, and this message has none there; nothing was stored.`, [
          { field: err.field, reason: err.reason },
        ]);
      }
      if (err instanceof UnsupportedEventError) {
        throw new ApiError('integration_event_not_supported', 'This notification is well-formed but is not a discharge; nothing was stored.', err.errors);
      }
      throw err;
    }
    throw new ApiError(
      'unsupported_media_type',
      'Send a discharge as application/json (CareLoop or FHIR), application/fhir+json, or an HL7 v2 message as x-application/hl7-v2+er7 or text/plain.',
    );
  }
}

/**
 * SHA-256 of the normalised event (built by our code, so its key order is
 * fixed). The visit number is kept out of it (and out of the event): events
 * received before it was read must still compare equal when sent again.
 */
function fingerprint(event: DischargeEvent): string {
  return createHash('sha256').update(JSON.stringify(event)).digest('hex');
}

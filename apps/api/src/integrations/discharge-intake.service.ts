import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { localDate, type DischargeEvent } from '@careloop/domain';
import {
  caseWorkflowId,
  DISCHARGE_WORKFLOW_TYPE,
  dischargeWorkflowId,
  type CaseWorkflowInput,
  type DischargeWorkflowInput,
} from '@careloop/contracts';
import { DischargeEventRepository } from '@careloop/persistence';
import { TemporalClientService } from '@careloop/temporal';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiError } from '../common/api-error';
import { mapTemporalError } from '../common/temporal-error';
import { PolicyRegistry } from '../policies/policy-registry';
import { DischargeFormatError, type ParsedDischarge } from './discharge-input';
import { parseFhirDischarge } from './fhir/fhir-discharge.mapper';
import { parseAdtA03 } from './hl7/adt-a03.mapper';
import { parseJsonDischarge } from './json-discharge.parser';
import { HL7_MEDIA_TYPES, JSON_MEDIA_TYPES, mediaTypeOf } from './media-types';

export interface DischargeIntakeResult {
  /** True the first time the event is accepted (a workflow was started), false for a repeat. */
  readonly created: boolean;
  readonly dischargeId: string;
  readonly caseId: string;
}

/**
 * Discharge events in: read the message (JSON, FHIR or HL7 v2), store it once
 * per (source, event id), start its discharge workflow once. The workflow id
 * is derived from source + event id, and Temporal admits one execution per id
 * (REJECT_DUPLICATE: not even after it finished), so a repeat — sequential or
 * concurrent — finds the first one. If Postgres took the event but Temporal
 * was down, the sender's retry starts the workflow: nothing is lost.
 */
@Injectable()
export class DischargeIntakeService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly temporal: TemporalClientService,
    private readonly events: DischargeEventRepository,
    private readonly policies: PolicyRegistry,
  ) {}

  async receive(contentType: string | undefined, body: unknown): Promise<DischargeIntakeResult> {
    const parsed = this.parse(mediaTypeOf(contentType), body);
    const programCode = parsed.programCode ?? this.config.integrationDefaultProgram;
    const event: DischargeEvent = { ...parsed, programCode };
    const policy = this.policies.resolve(programCode);
    const secret = this.config.caseIdSecret;
    const dischargeId = dischargeWorkflowId(event.source, event.sourceEventId, secret);
    const caseId = caseWorkflowId(event.memberRef, programCode, secret);

    const intake = await this.events.record(dischargeId, caseId, event, fingerprint(event));
    if (intake.conflicting) {
      throw new ApiError(
        'integration_event_conflict',
        'This source already sent an event with this id and different content; send a correction with a new event id.',
      );
    }
    const caseStart: CaseWorkflowInput = {
      memberRef: event.memberRef,
      programCode,
      // A case opened by a discharge counts its screening deadline from the discharge day (plan's time zone).
      enrollmentDate: localDate(event.dischargedAt, policy.transitionOfCare.calendar.timeZone),
      policy,
      startReason: 'discharge',
    };
    const input: DischargeWorkflowInput = { event, caseId, caseStart, policy: policy.transitionOfCare, policyVersion: policy.version };
    try {
      await this.temporal.client.workflow.start(DISCHARGE_WORKFLOW_TYPE, {
        workflowId: dischargeId,
        taskQueue: this.config.temporal.taskQueue,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return { created: true, dischargeId, caseId };
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) {
        return { created: false, dischargeId, caseId };
      }
      throw mapTemporalError(err);
    }
  }

  private parse(mediaType: string, body: unknown): ParsedDischarge {
    try {
      if (HL7_MEDIA_TYPES.includes(mediaType) && typeof body === 'string') {
        if (body.trim() === '') throw new DischargeFormatError([{ field: 'body', reason: 'is empty; send one HL7 v2 ADT^A03 message' }]);
        const timeZone = this.policies.resolve(this.config.integrationDefaultProgram).transitionOfCare.calendar.timeZone;
        return parseAdtA03(body, timeZone);
      }
      if (JSON_MEDIA_TYPES.includes(mediaType) && typeof body === 'object' && body !== null && !Array.isArray(body)) {
        return 'resourceType' in body || mediaType === 'application/fhir+json' ? parseFhirDischarge(body) : parseJsonDischarge(body);
      }
      if (JSON_MEDIA_TYPES.includes(mediaType)) {
        throw new DischargeFormatError([{ field: 'body', reason: 'must be a JSON object' }]);
      }
    } catch (err) {
      if (err instanceof DischargeFormatError) {
        throw new ApiError('validation_failed', `Invalid field(s): ${[...new Set(err.errors.map((e) => e.field))].join(', ')}`, err.errors);
      }
      throw err;
    }
    throw new ApiError(
      'unsupported_media_type',
      'Send a discharge as application/json (CareLoop or FHIR), application/fhir+json, or an HL7 v2 message as x-application/hl7-v2+er7 or text/plain.',
    );
  }
}

/** SHA-256 of the normalised event (built by our code, so its key order is fixed). */
function fingerprint(event: DischargeEvent): string {
  return createHash('sha256').update(JSON.stringify(event)).digest('hex');
}

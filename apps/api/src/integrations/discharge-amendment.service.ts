import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DischargeAmendment, DischargeDetailChanges } from '@careloop/domain';
import {
  cancelDischargeUpdate,
  dischargeAmendmentId,
  dischargeStatusQuery,
  updateDischargeDetailsUpdate,
  type DischargeStatus,
  type IntegrationEventKey,
} from '@careloop/contracts';
import { DischargeEventRepository, ProviderDirectoryRepository, type DischargeOfVisit } from '@careloop/persistence';
import { resolveFeedPcp } from '../providers/feed-provider';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { ApiError } from '../common/api-error';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { DISCHARGE } from '../temporal/workflow-kinds';
import type { IntegrationSender } from './integration-sender';

/** What became of a sender's update or cancellation (docs/integrations.md, "Updates and cancellations"). */
export interface AmendmentResult {
  /**
   * `cancelled` / `updated`: applied now. `duplicate`: this message (or, for a
   * cancellation, any cancellation of the discharge) was applied before.
   * `unchanged`: an update that changes nothing CareLoop keeps. `ignored`: an
   * update about no discharge in progress (unknown visit, cancelled, ended).
   */
  readonly status: 'cancelled' | 'updated' | 'duplicate' | 'unchanged' | 'ignored';
  readonly dischargeId: string | null;
  readonly caseId: string | null;
  /** `updated`: the details that changed. */
  readonly changed?: readonly (keyof DischargeDetailChanges)[];
  /** Why nothing was done (`unchanged`, `ignored`, a duplicate cancellation); no PHI. */
  readonly detail?: string;
}

/**
 * HL7 v2 ADT^A13 (cancel discharge) and ADT^A08 (update patient information)
 * about a discharge the same client and sender sent: found by member and
 * visit number (PV1-19), applied to its discharge workflow as an update, then
 * stored once per (client, source, MSH-10). Order matters for retries: the
 * workflow update comes first (idempotent by amendment id), the row after, so
 * a crash in between is healed by the sender's retry; a stored row answers
 * every later repeat as `duplicate` without touching the workflow.
 */
@Injectable()
export class DischargeAmendmentService {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly temporal: TemporalGateway,
    private readonly events: DischargeEventRepository,
    private readonly providers: ProviderDirectoryRepository,
  ) {}

  async apply(amendment: DischargeAmendment, sender: IntegrationSender): Promise<AmendmentResult> {
    const key: IntegrationEventKey = { clientId: sender.clientId, source: amendment.source, sourceEventId: amendment.sourceEventId };
    const payloadHash = fingerprint(amendment);
    const repeat = await this.events.repeatedAmendment(key);
    if (repeat) {
      if (repeat.payloadHash !== payloadHash) throw conflict();
      return { status: 'duplicate', dischargeId: repeat.dischargeId, caseId: repeat.caseId };
    }
    const target = await this.events.findByVisit({ clientId: sender.clientId, source: amendment.source, memberRef: amendment.memberRef, visitNumber: amendment.visitNumber });
    const amendmentId = dischargeAmendmentId(key, this.config.caseIdSecret);
    if (amendment.kind === 'cancel') {
      return this.cancel(amendment, target, { key, amendmentId, payloadHash });
    }
    return this.update(amendment, target, { key, amendmentId, payloadHash });
  }

  private async cancel(amendment: DischargeAmendment, target: DischargeOfVisit | null, ids: AmendmentIds): Promise<AmendmentResult> {
    if (!target) {
      throw new ApiError('discharge_not_found', 'No discharge of this patient and visit from this sender; nothing was cancelled or stored.', [
        { field: 'PV1-19', reason: 'no discharge (ADT^A03) of this patient with this visit number was received from this sender' },
      ]);
    }
    const found = { dischargeId: target.dischargeId, caseId: target.caseId };
    if (target.cancelled) {
      return { status: 'duplicate', ...found, detail: 'This discharge was cancelled before.' };
    }
    try {
      await this.temporal.runUpdate(DISCHARGE, target.dischargeId, cancelDischargeUpdate, { key: ids.amendmentId, messageType: amendment.messageType }, ids.amendmentId);
    } catch (err) {
      // A closed workflow: cancelled by this very message before a crash (then store it now), or ended on its own.
      if (!isApiError(err, 'case_closed') || (await this.closedStatus(target.dischargeId)) !== 'cancelled') {
        throw notStarted(err, target.dischargeId);
      }
    }
    return this.store(amendment, ids, target, {}, 'cancelled');
  }

  private async update(amendment: DischargeAmendment, target: DischargeOfVisit | null, ids: AmendmentIds): Promise<AmendmentResult> {
    if (!target || target.cancelled) {
      const detail = target ? 'The discharge of this visit was cancelled; nothing to update.' : 'No discharge of this patient and visit from this sender; nothing to update.';
      return { status: 'ignored', dischargeId: target?.dischargeId ?? null, caseId: target?.caseId ?? null, detail };
    }
    const found = { dischargeId: target.dischargeId, caseId: target.caseId };
    const pcpId = await resolveFeedPcp(this.providers, amendment.details.pcpId);
    const changes = changedDetails(target, pcpId === undefined ? amendment.details : { ...amendment.details, pcpId });
    if (Object.keys(changes).length === 0) {
      return { status: 'unchanged', ...found, detail: 'The discharge time, disposition and PCP are as recorded.' };
    }
    try {
      await this.temporal.runUpdate(DISCHARGE, target.dischargeId, updateDischargeDetailsUpdate, { key: ids.amendmentId, messageType: amendment.messageType, changes }, ids.amendmentId);
    } catch (err) {
      // Ended (every task done or escalated), cancelled meanwhile, or never started: the transition of care takes no more updates.
      if (isApiError(err, 'case_closed', 'case_action_rejected', 'discharge_not_found')) {
        return { status: 'ignored', ...found, detail: 'The transition of care of this discharge has ended; nothing to update.' };
      }
      throw err;
    }
    return this.store(amendment, ids, target, changes, 'updated');
  }

  private async store(amendment: DischargeAmendment, ids: AmendmentIds, target: DischargeOfVisit, changes: DischargeDetailChanges, applied: 'cancelled' | 'updated'): Promise<AmendmentResult> {
    const stored = await this.events.recordAmendment({
      amendmentId: ids.amendmentId,
      key: ids.key,
      kind: amendment.kind,
      messageType: amendment.messageType,
      dischargeId: target.dischargeId,
      changes,
      occurredAt: amendment.occurredAt,
      payloadHash: ids.payloadHash,
    });
    if (stored.conflicting) throw conflict();
    const found = { dischargeId: target.dischargeId, caseId: target.caseId };
    if (!stored.inserted) return { status: 'duplicate', ...found };
    return applied === 'updated' ? { status: 'updated', ...found, changed: Object.keys(changes) as (keyof DischargeDetailChanges)[] } : { status: 'cancelled', ...found };
  }

  /** The status of a closed discharge workflow (its query still answers), or null when it never ran. */
  private async closedStatus(dischargeId: string): Promise<DischargeStatus | null> {
    try {
      return (await this.temporal.handle(dischargeId).query(dischargeStatusQuery)).status;
    } catch {
      return null;
    }
  }
}

interface AmendmentIds {
  readonly key: IntegrationEventKey;
  readonly amendmentId: string;
  readonly payloadHash: string;
}

/** The details of the message that differ from the recorded ones (an instant compares by time, not spelling). */
function changedDetails(target: DischargeOfVisit, details: DischargeDetailChanges): DischargeDetailChanges {
  const changes: { -readonly [K in keyof DischargeDetailChanges]: DischargeDetailChanges[K] } = {};
  if (details.dischargedAt !== undefined && Date.parse(details.dischargedAt) !== Date.parse(target.dischargedAt)) changes.dischargedAt = details.dischargedAt;
  if (details.disposition !== undefined && details.disposition !== target.disposition) changes.disposition = details.disposition;
  if (details.pcpId !== undefined && details.pcpId !== target.pcpId) changes.pcpId = details.pcpId;
  return changes;
}

function isApiError(err: unknown, ...codes: ApiError['code'][]): err is ApiError {
  return err instanceof ApiError && codes.includes(err.code);
}

/**
 * A stored discharge whose workflow never started (Temporal was down at intake, and the sender never
 * resent the A03) has nothing to cancel: the same 409 as an ended one, not the gateway's 404.
 */
function notStarted(err: unknown, dischargeId: string): unknown {
  return isApiError(err, 'discharge_not_found')
    ? new ApiError('case_closed', `Discharge ${dischargeId} has ended (every task done or escalated) or has not started; there is nothing to cancel.`)
    : err;
}

function conflict(): ApiError {
  return new ApiError('integration_event_conflict', 'This source already sent a message with this id and different content; send a correction with a new message control id.');
}

/** SHA-256 of the normalised amendment (built by our code, so its key order is fixed). */
function fingerprint(amendment: DischargeAmendment): string {
  return createHash('sha256').update(JSON.stringify(amendment)).digest('hex');
}

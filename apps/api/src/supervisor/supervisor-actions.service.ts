import { Injectable } from '@nestjs/common';
import { optionalTsToDate } from '@temporalio/common/lib/time';
import {
  caseDetailQuery,
  closeCaseUpdate,
  decideStopParticipationUpdate,
  extendDueDateUpdate,
  nudgeTaskUpdate,
  reassignUpdate,
  redeliverUpdate,
  SA_FLAGS,
  type CaseActionResult,
  type NotificationRequest,
} from '@careloop/contracts';
import { SupervisionRepository } from '@careloop/persistence';
import { TemporalClientService } from '@careloop/temporal';
import { ApiError } from '../common/api-error';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { CASE } from '../temporal/workflow-kinds';
import { PolicyRegistry } from '../policies/policy-registry';
import { caseloadView } from './caseloads.view';
import type { StopParticipationDecisionDto } from '../cases/dto/provider-request.dto';
import type { CloseBySupervisorDto, ExtendDueDateDto, NudgeDto, RetryDto, SupervisorReassignDto } from './dto/supervisor-actions.dto';
import { decodeOptionalFailureToOptionalError } from '@temporalio/common/lib/internal-non-workflow';

const RECENT_EVENTS = 20;
const MAX_FAILURE_MESSAGE = 300;

/**
 * What a supervisor does about a stuck case. Every action runs through the
 * case workflow (an update with a validator) or the Temporal API, and is
 * recorded in `supervisor_actions` with who, why and the outcome — refused
 * actions too.
 */
@Injectable()
export class SupervisorActionsService {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly gateway: TemporalGateway,
    private readonly supervision: SupervisionRepository,
    private readonly policies: PolicyRegistry,
  ) {}

  reassign(caseId: string, dto: SupervisorReassignDto, actorId: string, key?: string) {
    return this.audited(caseId, 'reassign', actorId, dto.reason, { careManagerId: dto.careManagerId, overrideCap: dto.overrideCap === true }, () =>
      this.gateway.runUpdate(CASE, caseId, reassignUpdate, { ...dto, overrideCap: dto.overrideCap === true, actorId }, key),
    );
  }

  extendDueDate(caseId: string, dto: ExtendDueDateDto, actorId: string, key?: string) {
    return this.audited(caseId, 'extend_due_date', actorId, dto.reason, { taskKey: dto.taskKey, dueAt: dto.dueAt }, () =>
      this.gateway.runUpdate(CASE, caseId, extendDueDateUpdate, { ...dto, actorId }, key),
    );
  }

  nudge(caseId: string, dto: NudgeDto, actorId: string, key?: string) {
    return this.audited(caseId, 'nudge', actorId, dto.reason, { taskKey: dto.taskKey }, () =>
      this.gateway.runUpdate(CASE, caseId, nudgeTaskUpdate, { ...dto, actorId }, key),
    );
  }

  close(caseId: string, dto: CloseBySupervisorDto, actorId: string, key?: string) {
    return this.audited(caseId, 'close', actorId, dto.reason, { closureReason: dto.closureReason }, () =>
      this.gateway.runUpdate(CASE, caseId, closeCaseUpdate, { reason: dto.closureReason, detail: dto.reason, actorId }, key),
    );
  }

  /** A provider's stop-participation request (seed 000): approval closes the case with `provider_request`. */
  decideStopParticipation(caseId: string, requestId: string, dto: StopParticipationDecisionDto, actorId: string, key?: string) {
    return this.audited(caseId, 'stop_participation_decision', actorId, dto.reason, { requestId, decision: dto.decision }, () =>
      this.gateway.runUpdate(CASE, caseId, decideStopParticipationUpdate, { ...dto, requestId, actorId }, key),
    );
  }

  /**
   * Retry now: activities still retrying start their next attempt at once
   * (ResetActivity), and notifications the workflow gave up on are queued
   * for delivery again.
   */
  retry(caseId: string, dto: RetryDto, actorId: string, key?: string) {
    return this.audited(caseId, 'retry', actorId, dto.reason, {}, async () => {
      const description = await this.describe(caseId);
      const pending = description.raw.pendingActivities ?? [];
      for (const activity of pending) {
        await this.temporal.client.workflowService.resetActivity({
          namespace: this.temporal.config.namespace,
          execution: { workflowId: caseId },
          id: activity.activityId ?? undefined,
          identity: `supervisor:${actorId}`,
        });
      }
      // A notification still retrying is in a pending activity, which the reset above restarts; the rest were given up.
      const retrying = pending.some((a) => a.activityType?.name === 'deliverNotification');
      const toRedeliver = retrying ? [] : await this.supervision.failedNotificationRequests(caseId);
      let result: CaseActionResult | null = null;
      if (toRedeliver.length) {
        result = await this.gateway.runUpdate(CASE, caseId, redeliverUpdate, { notifications: toRedeliver as NotificationRequest[], reason: dto.reason, actorId }, key);
      }
      if (pending.length === 0 && toRedeliver.length === 0) {
        throw new ApiError('case_action_rejected', 'Nothing is failing on this case: no pending activity and no failed notification.');
      }
      return { activitiesReset: pending.length, notificationsRequeued: toRedeliver.length, result };
    });
  }

  /** Why a case is stuck, in detail: the workflow's pending activities and problems, its open tasks and last events. */
  async diagnosis(caseId: string) {
    const description = await this.describe(caseId);
    const raw = description.raw;
    const [live, stored, failedNotifications, supervisorActions] = await Promise.all([
      this.gateway
        .handle(caseId)
        .query(caseDetailQuery)
        .then(
          (v) => ({ ok: true as const, v }),
          () => ({ ok: false as const }),
        ),
      this.supervision.caseRecord(caseId, RECENT_EVENTS),
      this.supervision.failedNotifications(caseId),
      this.supervision.actions(caseId),
    ]);
    const problems = (description.searchAttributes.TemporalReportedProblems as string[] | undefined) ?? [];
    // Failure messages are encrypted (encoded attributes); decode them for the supervisor with the client's converter.
    const lastFailures = await Promise.all(
      (raw.pendingActivities ?? []).map(async (a) =>
        (await decodeOptionalFailureToOptionalError(this.temporal.client.options.loadedDataConverter, a.lastFailure).catch(() => undefined))?.message ?? null,
      ),
    );
    return {
      caseId,
      workflow: {
        status: description.status.name,
        runId: description.runId,
        historyLength: description.historyLength,
        reportedProblems: problems,
        flags: description.typedSearchAttributes.get(SA_FLAGS) ?? [],
      },
      pendingActivities: (raw.pendingActivities ?? []).map((a, i) => ({
        activityId: a.activityId,
        activityType: a.activityType?.name ?? null,
        state: a.state,
        attempt: a.attempt,
        maximumAttempts: a.maximumAttempts,
        lastFailure: lastFailures[i]?.slice(0, MAX_FAILURE_MESSAGE) ?? null,
        lastAttemptCompleteTime: optionalTsToDate(a.lastAttemptCompleteTime)?.toISOString() ?? null,
        nextAttemptScheduleTime: optionalTsToDate(a.nextAttemptScheduleTime)?.toISOString() ?? null,
      })),
      failedNotifications,
      // The workflow's own view when it can answer; the stored record when it cannot (a failing workflow task).
      source: live.ok ? 'workflow' : 'postgres',
      openTasks: live.ok ? live.v.openTasks : stored.openTasks,
      lastEvents: live.ok ? live.v.recentTimeline : stored.lastEvents,
      supervisorActions,
    };
  }

  /** Each care manager's caseload against their own cap, else each program's configured cap (not a fixed 100). */
  async caseloads() {
    return (await this.supervision.caseloads()).map((row) => caseloadView(row, (programCode) => this.policies.caseloadCap(programCode)));
  }

  private describe(caseId: string) {
    return this.gateway.inspect(CASE, caseId, (handle) => handle.describe());
  }

  private async audited<R>(caseId: string, action: string, actorId: string, reason: string, details: Record<string, unknown>, run: () => Promise<R>): Promise<R> {
    try {
      const result = await run();
      await this.supervision.recordAction({ caseId, action, actorId, reason, details, outcome: 'applied' });
      return result;
    } catch (err) {
      const outcome = err instanceof ApiError ? err.code : 'error';
      if (outcome !== 'case_not_found') {
        await this.supervision.recordAction({ caseId, action, actorId, reason, details, outcome });
      }
      throw err;
    }
  }
}


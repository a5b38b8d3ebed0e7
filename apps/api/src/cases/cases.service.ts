import { Inject, Injectable, Logger } from '@nestjs/common';
import { checkPolicyOverrides, stuckReasons, teamQueueContact } from '@careloop/domain';
import {
  CASE_WORKFLOW_TYPE,
  SA_FLAGS,
  caseDetailQuery,
  caseStartSearchAttributes,
  caseWorkflowId,
  type CaseWorkflowInput,
} from '@careloop/contracts';
import { CaseEventRepository, CaseReadRepository, SupervisionRepository, TeamRepository, type CaseListCursor, type FailingDeliveries, type StoredCase } from '@careloop/persistence';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { mayOverridePolicy } from '../auth/access-policy';
import type { Principal } from '../auth/principal';
import { ApiError, caseNotFound, fieldError, fieldErrors } from '../common/api-error';
import { decodeCursor, encodeCursor } from '../common/page-cursor';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { CASE } from '../temporal/workflow-kinds';
import { PolicyRegistry } from '../policies/policy-registry';
import { MemberRegistry } from '../members/member-registry.service';
import { resolveCaseMember } from './case-member.resolver';
import { searchAttributeReader, stuckSignalsOf } from '../supervisor/stuck-signals';
import type { StartCaseDto } from './dto/start-case.dto';
import type { CaseListPage, CaseRecordView, CaseView, TimelineEntry } from './case.view';
import type { ListCasesQuery } from './dto/list-cases.query';

export interface StartCaseResult {
  readonly created: boolean;
  readonly caseId: string;
}

@Injectable()
export class CasesService {
  private readonly logger = new Logger(CasesService.name);

  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly temporal: TemporalGateway,
    private readonly cases: CaseReadRepository,
    private readonly events: CaseEventRepository,
    private readonly policies: PolicyRegistry,
    private readonly supervision: SupervisionRepository,
    private readonly teams: TeamRepository,
    private readonly members: MemberRegistry,
  ) {}

  /**
   * Starts the member's case in the program, or finds the open one. The id is
   * derived from member + program, so concurrent or repeated requests all land
   * on one workflow: the server admits a single running execution per id, and
   * the loser of a race gets "already started" and answers with the existing case.
   */
  /**
   * `principal` null: an integration's intake, which never sends overrides (`actor` then names the client).
   * The member must be registered (issue 16): `memberId`, or a `memberRef` the registry knows as a plan id.
   */
  async start(dto: StartCaseDto, principal: Principal | null, actor?: string): Promise<StartCaseResult> {
    if (dto.policyOverrides && (principal === null || !mayOverridePolicy(principal, this.config.auth))) {
      throw new ApiError('forbidden', 'A case runs on its program policy; overrides at case start are for local demos and tests.', [
        { field: 'policyOverrides', reason: 'accepted only from an admin, or on a local deployment that runs on the development signing secret' },
      ]);
    }
    const problems = dto.policyOverrides ? checkPolicyOverrides(dto.policyOverrides, 'policyOverrides') : [];
    if (problems.length) {
      throw fieldErrors(problems);
    }
    const member = await resolveCaseMember(this.members, dto, actor ?? (principal ? principal.sub : 'integration'));
    const caseId = caseWorkflowId(member.memberRef, dto.programCode, this.config.caseIdSecret);
    const { policyOverrides, teamId: _requested, memberId: _id, memberRef: _ref, ...request } = dto;
    const teamId = await this.owningTeam(dto, principal);
    const input: CaseWorkflowInput = {
      ...request,
      memberRef: member.memberRef,
      memberId: member.memberId,
      contact: member.contact,
      ...(teamId ? { teamId } : {}),
      policy: this.policies.resolve(dto.programCode, policyOverrides),
    };
    const created = await this.temporal.startOnce(CASE_WORKFLOW_TYPE, {
      workflowId: caseId,
      args: [input],
      // A closed case's id may be reused by a later enrolment; the read-model row then follows the new run.
      reuse: 'ALLOW_DUPLICATE',
      searchAttributes: caseStartSearchAttributes(dto.programCode),
    });
    return { created, caseId };
  }

  /** Explicit `teamId` (must be an active team serving the program) > the starter's team (staff table) > the program's only team > none. */
  private async owningTeam(dto: StartCaseDto, principal: Principal | null): Promise<string | null> {
    if (dto.teamId !== undefined) {
      if (!(await this.teams.servesProgram(dto.teamId, dto.programCode))) {
        throw fieldError('teamId', `is not an active team serving ${dto.programCode}`);
      }
      return dto.teamId;
    }
    return this.teams.defaultFor(dto.programCode, principal?.kind === 'user' ? principal.sub : null);
  }

  async get(caseId: string): Promise<CaseView> {
    return this.temporal.inspect(CASE, caseId, async (handle) => {
      const [description, state, record, failing] = await Promise.all([
        handle.describe(),
        handle.query(caseDetailQuery),
        this.cases.findById(caseId),
        this.failingDeliveries(caseId),
      ]);
      const { caseId: _id, ...live } = state;
      // The workflow answers the care manager or care-team:<program>; an unnamed case of a team is that team's queue (read model).
      const queue = live.careManagerId === null && record?.teamId ? await this.teams.contact(record.teamId) : null;
      // What the supervisors' stuck-case list says about this case, from the same signals (search attributes, outbox).
      const attrs = description.searchAttributes;
      return {
        ...live,
        id: caseId,
        pointOfContact: queue ? teamQueueContact(queue.teamId) : live.pointOfContact,
        pointOfContactTeam: queue,
        openTasks: [...live.openTasks],
        attempts: [...live.attempts],
        riskReasons: [...live.riskReasons],
        recentTimeline: [...live.recentTimeline],
        flags: searchAttributeReader(attrs).list(SA_FLAGS.name),
        stuckReasons: stuckReasons(stuckSignalsOf(attrs, failing), new Date().toISOString()),
        workflowStatus: description.status.name,
        record: record === null ? null : toRecordView(record),
      };
    });
  }

  /** The case's failing notification deliveries; while Postgres is unreachable, none (the case still answers from Temporal). */
  private async failingDeliveries(caseId: string): Promise<FailingDeliveries | undefined> {
    try {
      return (await this.supervision.failingDeliveries({ caseIds: [caseId], limit: 1 }))[0];
    } catch (err) {
      this.logger.warn(`outbox unreadable, case view without failing deliveries: ${err instanceof Error ? err.message.split('\n')[0] : 'error'}`);
      return undefined;
    }
  }

  /** `visibleTo`: the caller's access scope (care managers whose cases they may see, plus the unassigned pool). */
  async list(query: ListCasesQuery, scope?: { readonly visibleTo: readonly string[]; readonly visibleTeam: string | null }): Promise<CaseListPage> {
    const { cursor, limit = 50, ...filters } = query;
    const items = await this.cases.list({ ...filters, ...(scope ?? {}) }, cursor ? decodeCursor(cursor, caseListCursor) : null, limit);
    const last = items.at(-1);
    return {
      items: items.map((i) => ({ ...i, nextDueAt: i.nextDueAt?.toISOString() ?? null, openedAt: i.openedAt.toISOString() })),
      nextCursor: items.length === limit && last ? encodeCursor([last.openedAt.toISOString(), last.id]) : null,
    };
  }

  async timeline(caseId: string, afterSeq: number, limit: number): Promise<{ items: TimelineEntry[]; nextCursor: string | null }> {
    if ((await this.cases.findById(caseId)) === null) {
      throw caseNotFound(caseId);
    }
    const rows = await this.events.timeline(caseId, afterSeq, limit);
    const items = rows.map((r) => ({ seq: r.seq, at: r.at.toISOString(), kind: r.kind, actorId: r.actorId, summary: r.summary }));
    return { items, nextCursor: items.length === limit ? String(items.at(-1)!.seq) : null };
  }
}

/** The case list's cursor: `[openedAt, id]` of the page's last row (keyset, newest first). */
function caseListCursor(value: unknown): CaseListCursor | null {
  if (!Array.isArray(value)) return null;
  const [openedAt, id] = value as unknown[];
  return typeof openedAt === 'string' && typeof id === 'string' && !Number.isNaN(Date.parse(openedAt)) ? { openedAt, id } : null;
}

function toRecordView(r: StoredCase): CaseRecordView {
  return {
    memberRef: r.memberRef,
    memberId: r.memberId,
    programCode: r.programCode,
    enrollmentDate: r.enrollmentDate,
    phase: r.phase,
    status: r.status,
    riskTier: r.riskTier,
    careManagerId: r.careManagerId,
    activePlanVersion: r.activePlanVersion,
    closureReason: r.closureReason,
    policyVersion: r.policyVersion,
    openedAt: r.openedAt.toISOString(),
    phaseChangedAt: r.phaseChangedAt.toISOString(),
  };
}

import { Injectable } from '@nestjs/common';
import { providerViewQuery, type PlanSummaryView, type ProviderCaseView } from '@careloop/contracts';
import { teamQueueContact, type CarePlan } from '@careloop/domain';
import { CaseReadRepository, TeamRepository, type TeamContact } from '@careloop/persistence';
import { ApiError } from '../common/api-error';
import { TemporalGateway } from '../temporal/temporal.gateway';
import { CASE } from '../temporal/workflow-kinds';

export interface ProviderView extends ProviderCaseView {
  /** Seed 000: "to know … from whom to request a change". */
  readonly howToRequestChange: { readonly method: 'POST'; readonly path: string; readonly decidedBy: 'supervisor' };
  /** Seed 000: "to be informed of the scope of services and processes" — where the program's information is. */
  readonly programInformation: string;
  /** With a team:<teamId> point of contact: the team and its active members, whom the provider may ask for. */
  readonly pointOfContactTeam: TeamContact | null;
}

@Injectable()
export class CaseProviderService {
  constructor(
    private readonly temporal: TemporalGateway,
    private readonly reads: CaseReadRepository,
    private readonly teams: TeamRepository,
  ) {}

  async view(caseId: string): Promise<ProviderView> {
    const live = await this.query(caseId);
    // As the case view: an unnamed case of a team is that team's queue (the workflow says care-team:<program>).
    const record = live.careManagerId === null ? await this.reads.findById(caseId) : null;
    const queue = record?.teamId ? await this.teams.contact(record.teamId) : null;
    return {
      ...live,
      pointOfContact: queue ? teamQueueContact(queue.teamId) : live.pointOfContact,
      pointOfContactTeam: queue,
      howToRequestChange: { method: 'POST', path: `/cases/${caseId}/care-manager-change-requests`, decidedBy: 'supervisor' },
      programInformation: `/programs/${live.programCode}/information`,
    };
  }

  /** The active plan as stored with its consent: what the provider needs to take part in the plan, nothing more. */
  async planSummary(caseId: string): Promise<PlanSummaryView> {
    const { activePlanVersion } = await this.query(caseId);
    const stored = activePlanVersion === null ? null : await this.reads.planVersion(caseId, activePlanVersion);
    if (stored === null) {
      throw new ApiError('not_found', `Case ${caseId} has no active care plan yet.`);
    }
    const plan = stored.plan as unknown as CarePlan;
    return {
      version: activePlanVersion!,
      consentedAt: stored.consentedAt?.toISOString() ?? null,
      goals: plan.goals.map((g) => ({ id: g.id, description: g.description, targetDate: g.targetDate })),
      interventions: plan.interventions.map((i) => ({ id: i.id, description: i.description, owner: i.owner })),
      referrals: plan.referrals.map((r) => ({ id: r.id, specialty: r.specialty })),
    };
  }

  private query(caseId: string): Promise<ProviderCaseView> {
    return this.temporal.inspect(CASE, caseId, (handle) => handle.query(providerViewQuery));
  }
}

import { Injectable } from '@nestjs/common';
import type { UpdateDefinition } from '@temporalio/common';
import { providerViewQuery, type PlanSummaryView, type ProviderCaseView } from '@careloop/contracts';
import type { CarePlan } from '@careloop/domain';
import { CaseReadRepository } from '@careloop/persistence';
import { TemporalClientService } from '@careloop/temporal';
import { ApiError } from '../common/api-error';
import { mapTemporalError } from '../common/temporal-error';
import { CasesService } from './cases.service';

export interface ProviderView extends ProviderCaseView {
  /** Seed 000: "to know … from whom to request a change". */
  readonly howToRequestChange: { readonly method: 'POST'; readonly path: string; readonly decidedBy: 'supervisor' };
  /** Seed 000: "to be informed of the scope of services and processes" — where the program's information is. */
  readonly programInformation: string;
}

@Injectable()
export class CaseProviderService {
  constructor(
    private readonly temporal: TemporalClientService,
    private readonly cases: CasesService,
    private readonly reads: CaseReadRepository,
  ) {}

  async view(caseId: string): Promise<ProviderView> {
    const live = await this.query(caseId);
    return {
      ...live,
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

  act<I, R>(caseId: string, update: UpdateDefinition<R, [I]>, input: I, key: string | undefined): Promise<R> {
    return this.cases.act(caseId, update, input, key);
  }

  private async query(caseId: string): Promise<ProviderCaseView> {
    try {
      return await this.temporal.client.workflow.getHandle(caseId).query(providerViewQuery);
    } catch (err) {
      throw mapTemporalError(err, caseId);
    }
  }
}

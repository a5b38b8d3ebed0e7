import { Injectable } from '@nestjs/common';
import type { MemberView } from '@careloop/contracts';
import { CaseReadRepository } from '@careloop/persistence';
import { MemberRegistry } from '../members/member-registry.service';

/**
 * The registry member of a case, found by the case's plan member id
 * (`memberRef` in the read model). Null when the case is not in the read
 * model yet or its member is not in the registry. Reads PHI: only the
 * audited case routes call it, and nothing it returns is logged or echoed.
 */
@Injectable()
export class CaseMember {
  constructor(
    private readonly cases: CaseReadRepository,
    private readonly registry: MemberRegistry,
  ) {}

  async of(caseId: string): Promise<MemberView | null> {
    const stored = await this.cases.findById(caseId);
    return stored ? this.registry.findByPlanId(stored.memberRef) : null;
  }
}

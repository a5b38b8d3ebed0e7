import { Injectable } from '@nestjs/common';
import { AccessRepository } from '@careloop/persistence';
import { listScope } from './access-policy';
import type { Principal } from './principal';

/** Turns the access policy's list rule into the care-manager ids a list may show (undefined: every case). */
@Injectable()
export class AccessScope {
  constructor(private readonly access: AccessRepository) {}

  async visibleCareManagers(principal: Principal): Promise<readonly string[] | undefined> {
    const team = principal.team ? await this.access.teamMembers(principal.team) : [];
    const scope = listScope(principal, team);
    return scope.all ? undefined : scope.careManagerIds;
  }

  /** The case list's scope: those care managers' cases, plus the unassigned ones of the caller's team or of no team. */
  async caseListScope(principal: Principal): Promise<{ readonly visibleTo: readonly string[]; readonly visibleTeam: string | null } | undefined> {
    const visibleTo = await this.visibleCareManagers(principal);
    return visibleTo === undefined ? undefined : { visibleTo, visibleTeam: principal.team };
  }
}

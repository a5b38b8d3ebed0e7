import { isValidNpi } from '@careloop/domain';
import type { ProviderDirectoryRepository } from '@careloop/persistence';

/**
 * A PCP as an integration feed names it (HL7 PD1-4, FHIR generalPractitioner identifier, JSON pcpId):
 * an NPI that an active directory entry holds becomes that entry's id; anything else is kept as the
 * feed sent it. Feeds are never refused for an unknown provider (the hospital's record is what it is;
 * docs/integrations.md), unlike the care team's own PCP change, which must name a directory entry.
 */
export async function resolveFeedPcp<T extends string | null | undefined>(repo: Pick<ProviderDirectoryRepository, 'byNpi'>, pcpId: T): Promise<T | string> {
  if (typeof pcpId !== 'string' || !isValidNpi(pcpId)) {
    return pcpId;
  }
  const entry = await repo.byNpi(pcpId);
  return entry?.active ? entry.id : pcpId;
}

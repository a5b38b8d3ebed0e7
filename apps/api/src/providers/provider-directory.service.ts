import { Inject, Injectable } from '@nestjs/common';
import type { ProviderEntry } from '@careloop/contracts';
import { ProviderDirectoryRepository } from '@careloop/persistence';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { fieldError } from '../common/api-error';
import { TtlCache } from '../common/ttl-cache';

/** At most this many ids are cached; the oldest goes first (a burst of unknown ids cannot grow memory). */
const MAX_CACHED = 2_000;

/**
 * Who is in the provider directory, for every request that names a provider (a provider token's
 * `sub`, a PCP, a report's provider): one indexed lookup per id, cached for PROVIDER_DIRECTORY_CACHE_MS
 * (default 30 s; unknown ids too, so a forged-sub flood costs one query per id and window).
 * This instance drops its entry on its own writes; other API instances see a change (a deactivation)
 * within that window, which is the documented bound (docs/security.md).
 */
@Injectable()
export class ProviderDirectory {
  private readonly cache: TtlCache<string, ProviderEntry | null>;

  constructor(
    private readonly repo: ProviderDirectoryRepository,
    @Inject(API_CONFIG) config: ApiConfig,
  ) {
    this.cache = new TtlCache({ ttlMs: config.providerCacheMs, maxEntries: MAX_CACHED });
  }

  /** The entry if it exists and is active, else null. */
  async active(id: string): Promise<ProviderEntry | null> {
    const hit = this.cache.get(id);
    const entry = hit ? hit.value : await this.repo.byId(id);
    if (!hit) this.cache.set(id, entry);
    return entry?.active ? entry : null;
  }

  /** A 400 naming `field` unless `id` is an active directory entry (API-edge check; workflows are unchanged). */
  async requireActive(field: string, id: string): Promise<void> {
    if (!(await this.active(id))) {
      throw fieldError(field, `${field}: no active provider with this id in the directory`);
    }
  }

  forget(id: string): void {
    this.cache.delete(id);
  }
}

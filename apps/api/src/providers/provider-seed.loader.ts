import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { PROVIDER_ID_PATTERN } from '@careloop/domain';
import type { ProviderEndpoint, ProviderInput } from '@careloop/contracts';
import { ProviderDirectoryRepository } from '@careloop/persistence';
import { API_CONFIG, type ApiConfig } from '../api.config';
import { cleanEndpoint, providerInputProblems } from './provider-input';

export type SeedProvider = ProviderInput & { readonly id: string; readonly active?: boolean };

/**
 * Upserts the provider seed file (CARELOOP_PROVIDER_FILE, e.g. config/providers.demo.json) before the
 * API listens, so provider tokens of the demo and the tests resolve from the first request. The API
 * (not the worker, as for the staff roster) loads it because the API is what checks provider tokens.
 * A malformed entry stops the start with the entry and field named.
 */
@Injectable()
export class ProviderSeedLoader implements OnApplicationBootstrap {
  constructor(
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly repo: ProviderDirectoryRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.providerFile) {
      return;
    }
    const entries = parseProviderSeed(readFileSync(this.config.providerFile, 'utf8'), this.config.providerFile);
    await this.repo.upsert(entries);
    new Logger('providers').log(`directory: ${entries.length} provider(s) loaded from ${this.config.providerFile}`);
  }
}

export function parseProviderSeed(text: string, source: string): SeedProvider[] {
  const parsed: unknown = JSON.parse(text);
  if (!Array.isArray(parsed)) {
    throw new Error(`${source}: the provider seed must be a JSON list of directory entries`);
  }
  return parsed.map((p: Record<string, unknown>, i) => {
    const problems = providerInputProblems(p, `${source}[${i}].`);
    if (typeof p.id !== 'string' || !PROVIDER_ID_PATTERN.test(p.id)) {
      problems.unshift({ field: `${source}[${i}].id`, reason: 'id must be 1-64 letters, digits or "_.:@-"' });
    }
    if (p.active !== undefined && typeof p.active !== 'boolean') {
      problems.push({ field: `${source}[${i}].active`, reason: 'active must be true or false' });
    }
    if (problems.length > 0) {
      throw new Error(problems.map((e) => `${e.field}: ${e.reason}`).join('; '));
    }
    const entry = p as unknown as SeedProvider;
    return { ...entry, endpoint: cleanEndpoint(entry.endpoint as ProviderEndpoint) };
  });
}

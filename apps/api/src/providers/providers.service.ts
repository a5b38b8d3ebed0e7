import { Injectable } from '@nestjs/common';
import type { ProviderEntry } from '@careloop/contracts';
import { ProviderDirectoryRepository } from '@careloop/persistence';
import { ApiError, fieldError, fieldErrors } from '../common/api-error';
import { cleanEndpoint, providerInputProblems } from './provider-input';
import type { CreateProviderDto, UpdateProviderDto } from './provider.dto';
import { ProviderDirectory } from './provider-directory.service';

const SEARCH_LIMIT = 50;

/** The directory's writes and reads behind /providers. */
@Injectable()
export class ProvidersService {
  constructor(
    private readonly repo: ProviderDirectoryRepository,
    private readonly directory: ProviderDirectory,
  ) {}

  /** Idempotent: the same body again answers the same entry (`created: false`); another entry holding the id or NPI is a 400 naming it. */
  async create(dto: CreateProviderDto): Promise<{ created: boolean; entry: ProviderEntry }> {
    checked(dto);
    const id = dto.id ?? `prv-${dto.npi}`;
    const outcome = await this.repo.create(id, { ...dto, organization: dto.organization ?? null, endpoint: cleanEndpoint(dto.endpoint) });
    if (outcome.kind === 'conflict') {
      throw outcome.field === 'id'
        ? fieldError('id', 'id: another directory entry with different details has this id (use PUT /providers/{id} to change it)')
        : fieldError('npi', 'npi: another directory entry has this NPI');
    }
    this.directory.forget(id);
    return { created: outcome.kind === 'created', entry: outcome.entry };
  }

  async update(id: string, dto: UpdateProviderDto): Promise<ProviderEntry> {
    checked(dto);
    const current = await this.get(id);
    const updated = await this.repo.update(id, { ...dto, organization: dto.organization ?? null, endpoint: cleanEndpoint(dto.endpoint), active: dto.active ?? current.active });
    if (updated === 'npi') {
      throw fieldError('npi', 'npi: another directory entry has this NPI');
    }
    this.directory.forget(id);
    return updated ?? notFound(id);
  }

  async deactivate(id: string): Promise<ProviderEntry> {
    const { id: _id, createdAt: _c, updatedAt: _u, ...current } = await this.get(id);
    const updated = await this.repo.update(id, { ...current, active: false });
    this.directory.forget(id);
    return updated && updated !== 'npi' ? updated : notFound(id);
  }

  async get(id: string): Promise<ProviderEntry> {
    return (await this.repo.byId(id)) ?? notFound(id);
  }

  async search(query: { npi?: string; name?: string }): Promise<ProviderEntry[]> {
    if (query.npi !== undefined) {
      if (!/^\d{10}$/.test(query.npi)) {
        throw fieldError('npi', 'npi must be 10 digits');
      }
      const found = await this.repo.byNpi(query.npi);
      return found ? [found] : [];
    }
    if (query.name !== undefined) {
      if (query.name.length < 2 || query.name.length > 200) {
        throw fieldError('name', 'name must be 2-200 characters');
      }
      return this.repo.searchByName(query.name.trim(), SEARCH_LIMIT);
    }
    return this.repo.list(SEARCH_LIMIT);
  }
}

function checked(dto: CreateProviderDto | UpdateProviderDto): void {
  const problems = providerInputProblems(dto);
  if (problems.length > 0) {
    throw fieldErrors(problems);
  }
}

function notFound(id: string): never {
  throw new ApiError('not_found', `No provider with id ${id} in the directory.`);
}

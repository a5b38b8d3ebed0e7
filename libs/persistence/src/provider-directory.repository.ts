import type { DataSource } from 'typeorm';
import type { ProviderEndpoint, ProviderEntry, ProviderInput } from '@careloop/contracts';
import { execute, selectOne, selectRows } from './sql.query';

interface ProviderRow {
  id: string;
  npi: string;
  name: string;
  role: ProviderEntry['role'];
  organization: string | null;
  endpoint: ProviderEndpoint;
  active: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const COLUMNS = `id, npi, name, role, organization, endpoint, active, created_at AS "createdAt", updated_at AS "updatedAt"`;

function entry(r: ProviderRow): ProviderEntry {
  return { ...r, createdAt: r.createdAt.toISOString(), updatedAt: r.updatedAt.toISOString() };
}

/** What a create found: the entry it made, the same entry again (idempotent), or a conflicting one. */
export type ProviderCreateOutcome =
  | { readonly kind: 'created' | 'existing'; readonly entry: ProviderEntry }
  | { readonly kind: 'conflict'; readonly field: 'id' | 'npi' };

/** The provider directory (SQL over `providers`). */
export class ProviderDirectoryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async byId(id: string): Promise<ProviderEntry | null> {
    const row = await selectOne<ProviderRow>(this.dataSource, `SELECT ${COLUMNS} FROM providers WHERE id = $1`, [id]);
    return row ? entry(row) : null;
  }

  async byNpi(npi: string): Promise<ProviderEntry | null> {
    const row = await selectOne<ProviderRow>(this.dataSource, `SELECT ${COLUMNS} FROM providers WHERE npi = $1`, [npi]);
    return row ? entry(row) : null;
  }

  /** Case-insensitive substring of the name, active first, at most `limit`. */
  async searchByName(name: string, limit: number): Promise<ProviderEntry[]> {
    const pattern = `%${name.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await selectRows<ProviderRow>(
      this.dataSource,
      `SELECT ${COLUMNS} FROM providers WHERE name_lower LIKE $1 ORDER BY active DESC, name_lower, id LIMIT $2`,
      [pattern, limit],
    );
    return rows.map(entry);
  }

  async list(limit: number): Promise<ProviderEntry[]> {
    return (await selectRows<ProviderRow>(this.dataSource, `SELECT ${COLUMNS} FROM providers ORDER BY name_lower, id LIMIT $1`, [limit])).map(entry);
  }

  /**
   * Inserts unless the id or the NPI is taken. The same id with the same details answers `existing`
   * (a retried create); anything else already holding the id or NPI is a `conflict` naming which.
   */
  async create(id: string, input: ProviderInput): Promise<ProviderCreateOutcome> {
    const inserted = await selectOne<ProviderRow>(
      this.dataSource,
      `INSERT INTO providers (id, npi, name, name_lower, role, organization, endpoint) VALUES ($1, $2, $3::varchar, lower($3::varchar), $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING ${COLUMNS}`,
      [id, input.npi, input.name, input.role, input.organization ?? null, JSON.stringify(input.endpoint)],
    );
    if (inserted) {
      return { kind: 'created', entry: entry(inserted) };
    }
    const existing = await this.byId(id);
    if (existing && sameDetails(existing, input)) {
      return { kind: 'existing', entry: existing };
    }
    return { kind: 'conflict', field: existing ? 'id' : 'npi' };
  }

  /** Replaces an entry's details; null when there is no such id, `npi` when another entry holds the NPI. */
  async update(id: string, input: ProviderInput & { readonly active: boolean }): Promise<ProviderEntry | null | 'npi'> {
    const holder = await this.byNpi(input.npi);
    if (holder && holder.id !== id) {
      return 'npi';
    }
    const row = await selectOne<ProviderRow>(
      this.dataSource,
      `WITH u AS (UPDATE providers SET npi = $2, name = $3::varchar, name_lower = lower($3::varchar), role = $4, organization = $5, endpoint = $6, active = $7, updated_at = now()
         WHERE id = $1 RETURNING *)
       SELECT ${COLUMNS} FROM u`,
      [id, input.npi, input.name, input.role, input.organization ?? null, JSON.stringify(input.endpoint), input.active],
    );
    return row ? entry(row) : null;
  }

  /** Upserts the demo/seed file's entries by id (a seed is the source of truth for the entries it lists). */
  async upsert(entries: readonly (ProviderInput & { readonly id: string; readonly active?: boolean })[]): Promise<void> {
    for (const p of entries) {
      await execute(
        this.dataSource,
        `INSERT INTO providers (id, npi, name, name_lower, role, organization, endpoint, active) VALUES ($1, $2, $3::varchar, lower($3::varchar), $4, $5, $6, $7)
         ON CONFLICT (id) DO UPDATE SET npi = EXCLUDED.npi, name = EXCLUDED.name, name_lower = EXCLUDED.name_lower, role = EXCLUDED.role,
           organization = EXCLUDED.organization, endpoint = EXCLUDED.endpoint, active = EXCLUDED.active, updated_at = now()`,
        [p.id, p.npi, p.name, p.role, p.organization ?? null, JSON.stringify(p.endpoint), p.active ?? true],
      );
    }
  }
}

function sameDetails(e: ProviderEntry, input: ProviderInput): boolean {
  return (
    e.npi === input.npi &&
    e.name === input.name &&
    e.role === input.role &&
    e.organization === (input.organization ?? null) &&
    endpointText(e.endpoint) === endpointText(input.endpoint)
  );
}

/** Key order independent (jsonb reorders keys). */
function endpointText(p: ProviderEndpoint): string {
  return p.kind === 'webhook' ? `webhook ${p.url}` : `${p.kind} ${p.address}`;
}

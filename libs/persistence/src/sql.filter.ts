/**
 * A WHERE clause built from optional filters with positional parameters:
 * `param(v)` adds a value and answers its placeholder (`$3`), `where(sql)` adds
 * a condition. Values never go into the SQL text.
 */
export class SqlFilter {
  readonly params: unknown[] = [];
  private readonly conditions: string[] = [];

  param(value: unknown): string {
    this.params.push(value);
    return `$${this.params.length}`;
  }

  where(condition: string): this {
    this.conditions.push(condition);
    return this;
  }

  get clause(): string {
    return this.conditions.length ? `WHERE ${this.conditions.join(' AND ')}` : '';
  }
}

/** The access scope of a case list (apps/api access-policy `listScope`): these care managers' cases, plus the unassigned ones of `visibleTeam` or of no team. */
export interface CaseListScope {
  readonly visibleTo: readonly string[];
  readonly visibleTeam: string | null;
}

/**
 * The scope as a condition on the `cases` row aliased `c`. A case not yet in
 * the read model (a LEFT JOIN finds no row) counts as unassigned and of no team,
 * as the access policy treats it (docs/security.md).
 */
export function visibleCaseCondition(f: SqlFilter, scope: CaseListScope, alias = 'c'): string {
  const ids = f.param(scope.visibleTo);
  const team = f.param(scope.visibleTeam);
  return `(${alias}.care_manager_id = ANY(${ids}::varchar[]) OR (${alias}.care_manager_id IS NULL AND (${alias}.team_id IS NULL OR ${alias}.team_id = ${team}::varchar)))`;
}

/** The RFC 9457 problem details the API answers a refused request with (see api.client.ts). */
export interface FieldProblem {
  readonly field: string;
  readonly reason: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: readonly FieldProblem[] = [],
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }

  /** Reasons given for one field (its API path, e.g. `answers.selfRatedHealth`, `plan.goals[0].targetDate`). */
  reasonsFor(field: string): string[] {
    return this.errors.filter((e) => e.field === field).map((e) => e.reason);
  }
}

import { ERROR_CODES, type ErrorCode, type FieldError } from '@careloop/contracts';

/**
 * An error the API reports to its caller as problem details. Services throw
 * these (or return them); the single exception filter turns them into HTTP.
 * `detail` must never contain PHI: it is logged and shown to clients.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: readonly FieldError[],
  ) {
    super(detail);
    this.name = 'ApiError';
  }

  get status(): number {
    return ERROR_CODES[this.code].status;
  }
}

/** The one "no such case" answer: the access policy gives the same one for a case the caller may not see. */
export function caseNotFound(caseId: string): ApiError {
  return new ApiError('case_not_found', `No case with id ${caseId}.`);
}

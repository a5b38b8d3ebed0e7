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

/**
 * The one `400 validation_failed`: the detail names each failing field once,
 * `errors` says why for each. Everything that refuses input (pipes,
 * middleware, services) builds it here, so the answer has one shape.
 */
export function fieldErrors(errors: readonly FieldError[]): ApiError {
  return new ApiError('validation_failed', `Invalid field(s): ${[...new Set(errors.map((e) => e.field))].join(', ')}`, errors);
}

/** `fieldErrors` for a single field. */
export function fieldError(field: string, reason: string): ApiError {
  return fieldErrors([{ field, reason }]);
}

/** The one "malformed case id" answer (ParseCaseIdPipe, and the access guard before it). */
export function invalidCaseId(): ApiError {
  return fieldError('id', 'id must be a case id such as case-ccm-0123456789abcdef01234567');
}

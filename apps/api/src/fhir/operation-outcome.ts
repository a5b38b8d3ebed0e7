import type { OperationOutcome } from '@medplum/fhirtypes';
import type { FieldError } from '@careloop/contracts';

/** The media type FHIR routes answer with (errors included). */
export const FHIR_JSON = 'application/fhir+json';

export type OutcomeCode = 'invalid' | 'not-found' | 'forbidden' | 'conflict' | 'exception' | 'processing';

/**
 * A FHIR-style error: one issue per field error, `expression` the FHIR path.
 * Callers pass reasons without PHI (the mappers' reasons never quote values).
 */
export function operationOutcome(code: OutcomeCode, diagnostics: string, errors: readonly FieldError[] = []): OperationOutcome {
  const issue =
    errors.length > 0
      ? errors.map((e) => ({ severity: 'error' as const, code, diagnostics: e.reason, expression: [e.field] }))
      : [{ severity: 'error' as const, code, diagnostics }];
  return { resourceType: 'OperationOutcome', issue };
}

/** HTTP status for an outcome code (FHIR RESTful API conventions). */
export function outcomeStatus(code: OutcomeCode): number {
  return { invalid: 400, 'not-found': 404, forbidden: 403, conflict: 409, processing: 422, exception: 500 }[code];
}

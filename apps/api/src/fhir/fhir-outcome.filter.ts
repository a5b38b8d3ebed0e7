import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import type { OperationOutcome } from '@medplum/fhirtypes';
import { ApiError } from '../common/api-error';
import { FHIR_JSON } from './operation-outcome';

/** FHIR issue types (http://hl7.org/fhir/issue-type) for the statuses the FHIR routes answer. */
const ISSUE_TYPE: Partial<Record<number, string>> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  405: 'not-supported',
  409: 'conflict',
  412: 'conflict',
  413: 'too-long',
  415: 'not-supported',
  422: 'processing',
  428: 'required',
  429: 'throttled',
};

/**
 * Errors on the FHIR routes leave as OperationOutcome (application/fhir+json)
 * instead of problem details: the same ApiErrors, one issue per field error
 * with the FHIR path as `expression`. Diagnostics are the ApiError detail and
 * reasons, which never quote values (PHI). Scoped to the FHIR controller (it
 * sees guard refusals too); the global filter hands over /fhir requests that
 * fail before routing (bad JSON, too large) via `fhirOutcomeResponse`.
 */
@Catch()
export class FhirOutcomeFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    fhirOutcomeResponse(exception, host.switchToHttp().getResponse<Response>());
  }
}

const logger = new Logger('fhir');

export function fhirOutcomeResponse(exception: unknown, res: Response): void {
  const { status, outcome } = toOutcome(exception);
  if (status === HttpStatus.UNAUTHORIZED) res.setHeader('WWW-Authenticate', 'Bearer realm="careloop"');
  res.status(status).type(FHIR_JSON).send(JSON.stringify(outcome));
}

function toOutcome(exception: unknown): { status: number; outcome: OperationOutcome } {
  if (exception instanceof ApiError) {
    const code = ISSUE_TYPE[exception.status] ?? 'processing';
    const issue =
      exception.errors && exception.errors.length > 0
        ? exception.errors.map((e) => ({ severity: 'error' as const, code, diagnostics: e.reason, expression: [e.field] }))
        : [{ severity: 'error' as const, code, diagnostics: exception.detail }];
    return { status: exception.status, outcome: { resourceType: 'OperationOutcome', issue: issue as OperationOutcome['issue'] } };
  }
  const status =
    exception instanceof HttpException
      ? exception.getStatus()
      : typeof (exception as { status?: unknown } | null)?.status === 'number' && (exception as { expose?: unknown }).expose === true
        ? (exception as { status: number }).status
        : 500;
  if (status >= 500) logger.error(`unhandled ${exception instanceof Error ? exception.name : typeof exception} on a FHIR route`);
  const code = ISSUE_TYPE[status] ?? 'exception';
  const diagnostics =
    status === 400 ? 'The request body is not valid JSON.' : status >= 500 ? 'An unexpected error occurred; it has been logged.' : (HttpStatus[status] ?? 'error').toLowerCase().replace(/_/g, ' ');
  return { status: status >= 500 ? 500 : status, outcome: { resourceType: 'OperationOutcome', issue: [{ severity: 'error', code: code as 'invalid', diagnostics }] } };
}

import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ERROR_CODES, type ErrorCode, type ProblemDetails } from '@careloop/contracts';
import { ApiError } from './api-error';
import { JSON_BODY_LIMIT } from './body-shape.middleware';
import { fhirOutcomeResponse } from '../fhir/fhir-outcome.filter';

const PROBLEM_TYPE_BASE = 'https://careloop.dev/problems/';

/** Framework HTTP errors (routing, body parsing) mapped onto the stable codes. */
const STATUS_CODES: Partial<Record<number, ErrorCode>> = {
  [HttpStatus.BAD_REQUEST]: 'malformed_request',
  [HttpStatus.NOT_FOUND]: 'not_found',
  [HttpStatus.METHOD_NOT_ALLOWED]: 'method_not_allowed',
  [HttpStatus.PAYLOAD_TOO_LARGE]: 'payload_too_large',
  [HttpStatus.UNSUPPORTED_MEDIA_TYPE]: 'unsupported_media_type',
  [HttpStatus.TOO_MANY_REQUESTS]: 'rate_limited',
};

/**
 * The one place errors become HTTP: every failure leaves as RFC 9457 problem
 * details with a stable `code`. Unexpected errors are logged by name only
 * (their messages may quote input, i.e. PHI) and answered with a generic 500.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('http');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    // FHIR clients get OperationOutcome also for what fails before routing (bad JSON, too large, 415).
    if (req.path.startsWith('/fhir/')) {
      fhirOutcomeResponse(exception, res);
      return;
    }
    const problem = this.toProblem(exception, req.path);
    if (problem.status === HttpStatus.UNAUTHORIZED) {
      res.setHeader('WWW-Authenticate', 'Bearer realm="careloop"');
    }
    res.status(problem.status).type('application/problem+json').json(problem);
  }

  private toProblem(exception: unknown, instance: string): ProblemDetails {
    if (exception instanceof ApiError) {
      return problem(exception.code, exception.detail, instance, exception.errors);
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const code = STATUS_CODES[status];
      if (code) {
        return problem(code, httpDetail(exception, code), instance);
      }
    }
    // Body-parser errors (http-errors): a too-large, unreadable or wrongly encoded body.
    const status = (exception as { status?: unknown; expose?: unknown } | null)?.status;
    const code = typeof status === 'number' && (exception as { expose?: unknown }).expose === true ? STATUS_CODES[status] : undefined;
    if (code) {
      return problem(code, bodyErrorDetail(code), instance);
    }
    const name = exception instanceof Error ? exception.name : typeof exception;
    this.logger.error(`unhandled ${name} on ${instance}`);
    return problem('internal_error', 'An unexpected error occurred; it has been logged.', instance);
  }
}

function problem(code: ErrorCode, detail: string, instance: string, errors?: ProblemDetails['errors']): ProblemDetails {
  const { status, title } = ERROR_CODES[code];
  return { type: `${PROBLEM_TYPE_BASE}${code}`, title, status, detail, code, instance, ...(errors ? { errors } : {}) };
}

/** Body-parser messages describe the syntax problem without echoing the body; route misses name the route. */
function httpDetail(exception: HttpException, code: ErrorCode): string {
  if (code === 'malformed_request') {
    return 'The request body is not valid JSON.';
  }
  if (code === 'rate_limited') {
    return 'Too many requests from this client; retry after the number of seconds in Retry-After.';
  }
  return exception.message;
}

function bodyErrorDetail(code: ErrorCode): string {
  switch (code) {
    case 'malformed_request':
      return 'The request body is not valid JSON.';
    case 'payload_too_large':
      return `The request body is larger than the ${JSON_BODY_LIMIT} the API accepts.`;
    default:
      return ERROR_CODES[code].title;
  }
}

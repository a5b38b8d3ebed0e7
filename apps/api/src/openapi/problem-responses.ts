import type { HeadersObject, OpenAPIObject, OperationObject, ResponseObject } from '@nestjs/swagger';
import { JSON_BODY_LIMIT } from '../common/body-shape.middleware';
import { TEXT_BODY_LIMIT } from '../integrations/media-types';
import { ProblemDetailsView } from './problem-details.view';

const PROBLEM = { 'application/problem+json': { schema: { $ref: `#/components/schemas/${ProblemDetailsView.name}` } } };

const HEADERS: Partial<Record<string, HeadersObject>> = {
  // ProblemDetailsFilter sets it on every 401.
  '401': { 'WWW-Authenticate': { description: 'Bearer realm="careloop"', schema: { type: 'string' } } },
  // The throttler sets it on every 429.
  '429': { 'Retry-After': { description: 'Seconds until the client may send again.', schema: { type: 'integer' } } },
};

const BODY_METHODS = new Set(['post', 'put', 'patch']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/**
 * The answers every route can give whatever its handler does, added to each
 * operation they apply to (so no controller repeats them):
 * - 400: the request's parameters or body fail validation, or the body is not JSON;
 * - 413 / 415: a body over the size limit, or in a media type no parser reads (body-parser, body-shape middleware);
 * - 429: the per-client rate limit (a global guard, public routes included).
 * 401 / 403 and the access guard's 404 are declared by @Access on the routes it guards; 404 / 409
 * of the handlers by the routes themselves. Every error answer, whoever declared it, is then given
 * its body: problem details (ProblemDetailsFilter, the one place errors become HTTP).
 */
export function describeProblemResponses(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method] as OperationObject | undefined;
      if (!operation) {
        continue;
      }
      const takesInput = (operation.parameters?.length ?? 0) > 0 || operation.requestBody !== undefined || BODY_METHODS.has(method);
      if (takesInput) {
        add(operation, '400', 'The request is not valid: problem details name each failing field and why, or the body is not JSON.');
      }
      if (BODY_METHODS.has(method)) {
        add(operation, '413', `The body is larger than ${JSON_BODY_LIMIT} (JSON) or ${TEXT_BODY_LIMIT} (text).`);
        add(operation, '415', 'The body is in a media type this endpoint does not read.');
      }
      add(operation, '429', 'Too many requests from this client; retry after Retry-After seconds.');
      for (const [status, response] of Object.entries(operation.responses)) {
        if (response && Number(status) >= 400 && !('$ref' in response)) {
          withProblemBody(status, response);
        }
      }
    }
  }
}

function add(operation: OperationObject, status: string, description: string): void {
  operation.responses[status] ??= { description };
}

/** Error answers carry problem details, unless the route declares another body (readiness's 503 names its checks). */
function withProblemBody(status: string, response: ResponseObject): void {
  response.content ??= PROBLEM;
  const headers = HEADERS[status];
  if (headers) {
    response.headers = { ...headers, ...response.headers };
  }
}

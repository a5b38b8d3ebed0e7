import type { NextFunction, Request, Response } from 'express';
import { ApiError, fieldErrors } from './api-error';

/** Largest JSON body the API reads; larger requests get 413 before any parsing. */
export const JSON_BODY_LIMIT = '256kb';

/** Keys that reach object prototypes when a body is copied or transformed (prototype pollution). */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/** No CareLoop body nests deeper than this; deeper input only costs the validators time. */
export const MAX_BODY_DEPTH = 16;

/**
 * Runs right after body parsing, before anything copies or validates the
 * body: refuses a body no parser understood (415), prototype-polluting keys,
 * absurd nesting and NUL characters (400 naming where), so no later step
 * sees such input. NUL because Postgres text and jsonb cannot hold it: a note
 * with one was accepted, then its event could never be stored (the case's
 * persistence activity retried forever) and a supervisor reason with one was
 * a 500 whose audit row was lost.
 */
export function checkBodyShape(req: Request, _res: Response, next: NextFunction): void {
  if (req.body === undefined && BODY_METHODS.has(req.method)) {
    if (hasBody(req)) {
      // No parser took it: not JSON (integration routes register their own parsers before this).
      next(new ApiError('unsupported_media_type', 'Send the request body as application/json.'));
      return;
    }
    // An empty POST validates like {}: the DTO then names every required field.
    req.body = {};
  }
  const problem = findProblem(req.body, 'body', 0);
  if (problem) {
    next(fieldErrors([problem]));
    return;
  }
  next();
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

function hasBody(req: Request): boolean {
  const length = req.header('content-length');
  return req.header('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}

const NUL = '\u0000';
/** The same rule as a JSON Schema pattern, for the OpenAPI document's free-text fields. */
export const NO_NUL_PATTERN = '^[^\\u0000]*$';

function findProblem(value: unknown, path: string, depth: number): { field: string; reason: string } | null {
  if (typeof value === 'string') {
    return value.includes(NUL) ? { field: path, reason: 'contains a NUL character (U+0000), which is not allowed in text' } : null;
  }
  if (value === null || typeof value !== 'object') {
    return null;
  }
  if (depth > MAX_BODY_DEPTH) {
    return { field: path, reason: `the body nests deeper than ${MAX_BODY_DEPTH} levels` };
  }
  for (const key of Object.keys(value)) {
    const field = Array.isArray(value) ? `${path}[${key}]` : `${path}.${key}`;
    if (FORBIDDEN_KEYS.has(key)) {
      return { field, reason: `"${key}" is not allowed as a property name` };
    }
    if (key.includes(NUL)) {
      return { field: path, reason: 'has a property name with a NUL character (U+0000)' };
    }
    const inner = findProblem((value as Record<string, unknown>)[key], field, depth + 1);
    if (inner) {
      return inner;
    }
  }
  return null;
}

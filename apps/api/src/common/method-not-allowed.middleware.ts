import type { NextFunction, Request, Response } from 'express';
import type { OpenAPIObject } from '@nestjs/swagger';
import { ApiError } from './api-error';

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

interface Resource {
  readonly pattern: RegExp;
  readonly methods: readonly string[];
}

/**
 * 405 with `Allow` (RFC 9110 §15.5.6) for a method the resource does not
 * have, instead of the router's 404. The resources and their methods are the
 * API's own OpenAPI document, which is exact (test/e2e/openapi-contract.spec.ts):
 * a path the document does not describe (the console, the OpenAPI page) is
 * left to the router. Until `describe` is called every request passes.
 */
export class MethodNotAllowed {
  private resources: readonly Resource[] = [];

  describe(document: OpenAPIObject): void {
    this.resources = Object.entries(document.paths).map(([path, item]) => ({
      // `/cases/{id}/notes` → ^/cases/[^/]+/notes/?$ (the other characters of a path are literal).
      pattern: new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}/?$`),
      methods: METHODS.filter((m) => item[m] !== undefined).map((m) => m.toUpperCase()),
    }));
  }

  readonly use = (req: Request, res: Response, next: NextFunction): void => {
    const allowed = new Set(this.resources.filter((r) => r.pattern.test(req.path)).flatMap((r) => r.methods));
    // OPTIONS is CORS's (answered before this), HEAD is GET without the body.
    if (allowed.size === 0 || allowed.has(req.method) || req.method === 'OPTIONS' || (req.method === 'HEAD' && allowed.has('GET'))) {
      next();
      return;
    }
    const methods = [...allowed].sort().join(', ');
    res.setHeader('Allow', methods);
    next(new ApiError('method_not_allowed', `${req.method} is not allowed on this resource; it allows ${methods}.`));
  };
}

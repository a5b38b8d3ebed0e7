import { RequestMethod, type PipeTransform, type Type } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import type { INestApplication } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';

/** One argument of a route handler taken from the request (`@Param`, `@Query`, `@Body`). */
export interface RouteArgument {
  readonly source: 'path' | 'query' | 'body';
  /** The parameter name (`@Param('id')`), or undefined for a whole DTO (`@Query() q: AuditQuery`). */
  readonly name: string | undefined;
  /** The pipes, as classes or instances, in the order Nest runs them. */
  readonly pipes: readonly (Type<PipeTransform> | PipeTransform)[];
  /** The declared TypeScript type (emitted decorator metadata), e.g. a DTO class. */
  readonly metatype: unknown;
}

/** A mounted route as the OpenAPI document names it: `post` + `/cases/{id}/close`. */
export interface RouteMetadata {
  readonly method: string;
  readonly path: string;
  readonly args: readonly RouteArgument[];
}

const SOURCES: Partial<Record<number, RouteArgument['source']>> = {
  [RouteParamtypes.PARAM]: 'path',
  [RouteParamtypes.QUERY]: 'query',
  [RouteParamtypes.BODY]: 'body',
};

function joinPath(...parts: (string | undefined)[]): string {
  const joined = parts
    .flatMap((p) => (p ?? '').split('/'))
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment))
    .join('/');
  return `/${joined}`;
}

/**
 * Every route of the application's mounted controllers with the pipes and
 * types of its request arguments, read from the same decorator metadata Nest
 * routes with, so what the document derives from it (parameter schemas,
 * query constraints) describes exactly what the handlers run.
 */
export function routeMetadata(app: INestApplication): RouteMetadata[] {
  const routes: RouteMetadata[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller) {
        continue;
      }
      const base = Reflect.getMetadata(PATH_METADATA, controller) as string | undefined;
      const proto = controller.prototype as Record<string, unknown>;
      for (const key of Object.getOwnPropertyNames(proto)) {
        const handler = proto[key];
        const requestMethod = typeof handler === 'function' ? (Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined) : undefined;
        if (requestMethod === undefined || typeof handler !== 'function') {
          continue;
        }
        const paramTypes = (Reflect.getMetadata('design:paramtypes', proto, key) as unknown[] | undefined) ?? [];
        const stored = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, key) ?? {}) as Record<string, { index: number; data?: unknown; pipes?: RouteArgument['pipes'] }>;
        const args: RouteArgument[] = [];
        for (const [argKey, arg] of Object.entries(stored)) {
          const source = SOURCES[Number(argKey.split(':')[0])];
          if (source) {
            args.push({ source, name: typeof arg.data === 'string' ? arg.data : undefined, pipes: arg.pipes ?? [], metatype: paramTypes[arg.index] });
          }
        }
        routes.push({
          method: RequestMethod[requestMethod].toLowerCase(),
          path: joinPath(base, Reflect.getMetadata(PATH_METADATA, handler) as string | undefined),
          args,
        });
      }
    }
  }
  return routes;
}

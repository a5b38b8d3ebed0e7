import 'reflect-metadata';
import { PATH_METADATA, METHOD_METADATA } from '@nestjs/common/constants';
import { RequestMethod, type DynamicModule, type Type } from '@nestjs/common';
import { apiConfigFrom, apiEnvSchema } from '../../../apps/api/src/api.config';
import { AppModule } from '../../../apps/api/src/app.module';
import { ACCESS_METADATA } from '../../../apps/api/src/auth/access.decorator';
import { PERMISSIONS } from '../../../apps/api/src/auth/access-policy';

/** The controllers of a module and of every module it imports, as Nest mounts them (each module once). */
function controllersOf(module: Type | DynamicModule, seen = new Set<unknown>()): Type[] {
  const dynamic = 'module' in module ? module : undefined;
  const type = dynamic ? dynamic.module : (module as Type);
  if (seen.has(type)) {
    return [];
  }
  seen.add(type);
  const own = [...((Reflect.getMetadata('controllers', type) as Type[] | undefined) ?? []), ...(dynamic?.controllers ?? [])];
  const imports = [...((Reflect.getMetadata('imports', type) as (Type | DynamicModule)[] | undefined) ?? []), ...((dynamic?.imports ?? []) as (Type | DynamicModule)[])];
  return [...own, ...imports.flatMap((m) => controllersOf(m, seen))];
}

/** Every route of every controller the API mounts, with the endpoint family it declares. */
function routes(env: Record<string, string> = {}): { route: string; access: unknown }[] {
  const config = apiConfigFrom(apiEnvSchema.parse({ DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none', ...env }));
  const controllers = controllersOf(AppModule.forRoot(config));
  return controllers.flatMap((controller) => {
    const base = Reflect.getMetadata(PATH_METADATA, controller) as string;
    return Object.getOwnPropertyNames(controller.prototype)
      .map((name) => controller.prototype[name] as unknown)
      .filter((handler): handler is object => typeof handler === 'function' && Reflect.getMetadata(METHOD_METADATA, handler) !== undefined)
      .map((handler) => ({
        route: `${RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number]} ${`/${base}/${Reflect.getMetadata(PATH_METADATA, handler) as string}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1')}`,
        access: Reflect.getMetadata(ACCESS_METADATA, handler) ?? Reflect.getMetadata(ACCESS_METADATA, controller),
      }));
  });
}

describe('every route declares who may call it', () => {
  const all = routes();

  it('finds the routes (the reflection works)', () => {
    expect(all.length).toBeGreaterThan(30);
  });

  it('has an endpoint family from the access policy, or is one of the public probes', () => {
    const undeclared = all.filter((r) => r.access === undefined || (r.access !== 'public' && !(String(r.access) in PERMISSIONS)));
    expect(undeclared).toEqual([]);
    // The probes, and the console's local sign-in (local signing secret only: docs/security.md).
    expect(all.filter((r) => r.access === 'public').map((r) => r.route).sort()).toEqual(['GET /health', 'GET /health/ready', 'POST /auth/dev-login']);
  });

  it.each([
    ['an identity provider is configured', { AUTH_JWKS_URL: 'https://idp.example/.well-known/jwks.json' }],
    ['NODE_ENV=production', { NODE_ENV: 'production', AUTH_JWT_SECRET: 'a-private-secret-of-at-least-32-characters' }],
  ])('has no dev login when %s: only the probes are public', (_, env) => {
    const publicRoutes = routes(env).filter((r) => r.access === 'public').map((r) => r.route).sort();
    expect(publicRoutes).toEqual(['GET /health', 'GET /health/ready']);
  });
});

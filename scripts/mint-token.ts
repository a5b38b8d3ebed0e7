import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isRole, ROLES } from '@careloop/contracts';
import { projectRoot } from '@careloop/temporal';
import { authConfigFrom, authEnvSchema } from '../apps/api/src/auth/auth.config';
import { mintLocalToken } from '../apps/api/src/auth/local-token';
import { SUBJECT_PATTERN } from '../apps/api/src/auth/principal';

/**
 * `npm run token -- --role supervisor --sub sup-1 [--team north] [--ttl 8h]`:
 * prints a bearer token for a demo user, signed with the API's local secret
 * (AUTH_JWT_SECRET, default the development one). Care managers and
 * supervisors get their team from the staff roster when --team is left out.
 * Refuses when AUTH_JWKS_URL is set: then tokens come from the identity provider.
 */
function usage(problem: string): never {
  process.stderr.write(`${problem}\nusage: npm run token -- --role <${ROLES.join('|')}> --sub <id> [--team <team>] [--ttl <hours>h]\n`);
  process.exit(2);
}

function teamFromRoster(sub: string): string | undefined {
  const file = process.env.CARELOOP_STAFF_FILE ?? join(projectRoot(), 'config', 'staff.demo.json');
  try {
    const staff = JSON.parse(readFileSync(file, 'utf8')) as { id: string; team?: string }[];
    return staff.find((s) => s.id === sub)?.team;
  } catch {
    return undefined;
  }
}

/** Provider tokens are refused unless `sub` is an active directory entry: warn early when the seed file lacks it. */
function warnIfNotInProviderSeed(sub: string): void {
  const file = process.env.CARELOOP_PROVIDER_FILE ?? join(projectRoot(), 'config', 'providers.demo.json');
  try {
    const providers = JSON.parse(readFileSync(file, 'utf8')) as { id: string; active?: boolean }[];
    if (!providers.some((p) => p.id === sub && p.active !== false)) {
      process.stderr.write(`warning: ${sub} is not an active provider in ${file}; the API answers 403 provider_not_in_directory unless it was added through POST /providers\n`);
    }
  } catch {
    // No readable seed file: the directory may still hold the provider.
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { role: { type: 'string' }, sub: { type: 'string' }, team: { type: 'string' }, ttl: { type: 'string', default: '8h' } } });
  const env = authEnvSchema.safeParse(process.env);
  if (!env.success) {
    usage(`invalid auth configuration: ${env.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  const config = authConfigFrom(env.data);
  if (config.jwksUrl) {
    usage('AUTH_JWKS_URL is set: the API only accepts tokens from your identity provider, so a local token would be refused');
  }
  if (!isRole(values.role)) {
    usage(`--role must be one of ${ROLES.join(', ')}`);
  }
  if (!values.sub || !SUBJECT_PATTERN.test(values.sub)) {
    usage('--sub must be 1-128 letters, digits or "_.:@|-" (the staff, provider or client id)');
  }
  const hours = /^(\d{1,3})h$/.exec(values.ttl ?? '')?.[1];
  if (!hours || Number(hours) < 1) {
    usage('--ttl must be whole hours such as 8h');
  }
  if (values.role === 'provider') {
    warnIfNotInProviderSeed(values.sub);
  }
  const team = values.team ?? (values.role === 'care_manager' || values.role === 'supervisor' ? teamFromRoster(values.sub) : undefined);
  const token = await mintLocalToken(
    { sub: values.sub, role: values.role, ...(team ? { team } : {}), ttlSeconds: Number(hours) * 3600 },
    config.jwtSecret,
    config.issuer,
    config.audience,
  );
  process.stdout.write(`${token}\n`);
}

void main();

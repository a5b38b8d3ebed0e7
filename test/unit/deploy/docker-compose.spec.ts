import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { CARELOOP_SEARCH_ATTRIBUTES, searchAttributeCliPairs } from '@careloop/contracts';
import { resolveDockerCompose } from '../../../scripts/tools/docker-compose.tool';

const root = join(__dirname, '..', '..', '..');
const secrets = { CASE_ID_SECRET: 'x'.repeat(32), CARELOOP_PAYLOAD_KEYS: `k1:${Buffer.alloc(32, 1).toString('base64')}`, CARELOOP_MEMBER_INDEX_KEY: Buffer.alloc(32, 2).toString('base64'), POSTGRES_PASSWORD: 'p', CARELOOP_DB_PASSWORD: 'c', TEMPORAL_DB_PASSWORD: 't', AUTH_JWKS_URL: 'https://idp.example/jwks', AUTH_ISSUER: 'https://idp.example', AUTH_AUDIENCE: 'careloop' };

describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as {
    services: Record<string, { build?: { target: string }; image?: string }>;
  };

  describe('checked by docker-compose itself', () => {
    /** DOCKER_COMPOSE_PATH, the machine's docker-compose or compose plugin, else PyPI's into tools/ (scripts/tools/docker-compose.tool.ts). */
    let cmd: readonly string[];
    beforeAll(async () => {
      cmd = await resolveDockerCompose();
    }, 180_000);

    it('passes `docker-compose config -q`', () => {
      const res = spawnSync(cmd[0]!, [...cmd.slice(1), 'config', '-q'], { cwd: root, env: { ...process.env, ...secrets }, encoding: 'utf8' });
      expect(res.stderr).toBe('');
      expect(res.status).toBe(0);
    });

    it('refuses to start without the secrets instead of using defaults', () => {
      const env = { ...process.env };
      for (const key of Object.keys(secrets)) {
        delete env[key];
      }
      const res = spawnSync(cmd[0]!, [...cmd.slice(1), 'config', '-q'], { cwd: root, env, encoding: 'utf8' });
      expect(res.status).not.toBe(0);
      expect(res.stderr).toMatch(/set (POSTGRES_PASSWORD|CARELOOP_DB_PASSWORD|TEMPORAL_DB_PASSWORD|CASE_ID_SECRET|CARELOOP_PAYLOAD_KEYS|CARELOOP_MEMBER_INDEX_KEY|AUTH_JWKS_URL|AUTH_ISSUER|AUTH_AUDIENCE)/);
    });
  });

  it('has Postgres, Temporal on it, the Temporal UI, and the api and worker images', () => {
    expect(Object.keys(compose.services)).toEqual(
      expect.arrayContaining(['postgres', 'temporal-schema', 'temporal', 'temporal-setup', 'temporal-ui', 'api', 'worker']),
    );
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    for (const service of ['api', 'worker']) {
      const target = compose.services[service]!.build!.target;
      expect(dockerfile).toMatch(new RegExp(`^FROM .+ AS ${target}$`, 'm'));
    }
  });

  it('mounts only shell scripts that parse', () => {
    for (const script of ['deploy/postgres/01-careloop.sh', 'deploy/temporal/setup-schema.sh', 'deploy/temporal/register-search-attributes.sh']) {
      const res = spawnSync('sh', ['-n', join(root, script)], { encoding: 'utf8' });
      expect({ script, stderr: res.stderr, status: res.status }).toEqual({ script, stderr: '', status: 0 });
    }
  });

  it('registers exactly the search attributes the workflows use', () => {
    const script = readFileSync(join(root, 'deploy', 'temporal', 'register-search-attributes.sh'), 'utf8');
    const registered = [...script.matchAll(/^\s+(CareLoop\w+=\w+)/gm)].map((m) => m[1]);
    expect(registered).toEqual(searchAttributeCliPairs());
    expect(registered).toHaveLength(CARELOOP_SEARCH_ATTRIBUTES.length);
  });
});

import { execFile, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { CARELOOP_SEARCH_ATTRIBUTES } from '@careloop/contracts';
import { resolveTemporalBinary } from '../../scripts/temporal-binaries';

/**
 * The production compose stack's Temporal against what the tests run: the
 * images are pinned to the versions the tests' dev server embeds, and the
 * stack's setup script (namespace + CareLoop's search attributes) works
 * against a real server of that version.
 */
const root = join(__dirname, '..', '..');

function temporalCli(): string {
  const exe = resolveTemporalBinary('cli', { log: () => {} });
  if (exe.type !== 'existing-path') {
    throw new Error('the temporal CLI is not installed locally (npm run tools:install)');
  }
  return exe.path;
}

describe('Temporal in docker-compose.yml', () => {
  it('pins server, admin-tools and UI to the versions every test runs on', () => {
    // e.g. "temporal version 1.9.1 (Server 1.32.0, UI 2.54.1)"
    const version = spawnSync(temporalCli(), ['--version'], { encoding: 'utf8' }).stdout;
    const [, server, ui] = /Server (\d+\.\d+\.\d+), UI (\d+\.\d+\.\d+)/.exec(version) ?? [];
    expect(server).toBeDefined();
    const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8')) as { services: Record<string, { image?: string }> };
    const images = Object.values(compose.services)
      .map((s) => s.image)
      .filter((i): i is string => i?.startsWith('temporalio/') ?? false)
      .sort();
    expect(images).toEqual([
      `temporalio/admin-tools:${server}`,
      `temporalio/admin-tools:${server}`,
      `temporalio/server:${server}`,
      `temporalio/ui:${ui}`,
    ]);
  });

  it("its setup script creates the namespace and registers CareLoop's search attributes, and can run again", async () => {
    const cli = temporalCli();
    const namespace = `careloop-deploy-${randomBytes(4).toString('hex')}`;
    const env = { ...process.env, PATH: `${dirname(cli)}:${process.env.PATH}`, TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS!, TEMPORAL_NAMESPACE: namespace };
    const script = join(root, 'deploy', 'temporal', 'register-search-attributes.sh');
    const run = () => promisify(execFile)('sh', [script], { env, timeout: 60_000 });

    await run();
    const listed = JSON.parse(
      (await promisify(execFile)(cli, ['operator', 'search-attribute', 'list', '--namespace', namespace, '--output', 'json'], { env })).stdout,
    ) as { customAttributes?: Record<string, string>; systemAttributes: Record<string, string> };
    const registered = Object.fromEntries(CARELOOP_SEARCH_ATTRIBUTES.map((a) => [a.name, `INDEXED_VALUE_TYPE_${a.type}`]));
    expect(listed.customAttributes).toEqual(expect.objectContaining(registered));
    // The server attribute the stuck-case list relies on is there too.
    expect(listed.systemAttributes.TemporalReportedProblems).toBe('INDEXED_VALUE_TYPE_KEYWORD_LIST');

    // Idempotent: a second run (a restarted stack) succeeds and changes nothing.
    await expect(run()).resolves.toBeDefined();
  }, 120_000);
});

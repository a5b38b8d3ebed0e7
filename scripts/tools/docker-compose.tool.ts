import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipInstallTarget, type Log } from './install.helpers';
import { onPath } from './lookup.helpers';
import { resolveTool, type ResolveToolOptions, type ToolSpec } from './tool.resolver';

/**
 * docker-compose, for the test that validates docker-compose.yml
 * (`docker-compose config -q`; nothing is started, no Docker daemon needed).
 *
 * On the machine: `docker-compose` (v1, Debian's package) or the `docker
 * compose` v2 plugin. The tools/ copy is PyPI's docker-compose 1.29.2 (the
 * last v1 release, the same version Debian packages) installed with
 * `pip install --target`, run through a wrapper that puts that folder on
 * PYTHONPATH.
 */
const REQUIREMENT = 'docker-compose==1.29.2';
/**
 * docker-compose 1.29.2 needs PyYAML < 6, which has no wheel for current
 * Pythons and is built from source; its setup.py breaks under Cython 3.
 */
const BUILD_CONSTRAINTS = ['cython<3'];

function composePlugin(): readonly string[] | undefined {
  const docker = onPath('docker');
  if (docker && spawnSync(docker, ['compose', 'version'], { stdio: 'ignore' }).status === 0) {
    return [docker, 'compose'];
  }
  return undefined;
}

function fillFromPyPI(dir: string, log: Log): void {
  pipInstallTarget(REQUIREMENT, dir, log, BUILD_CONSTRAINTS);
  // Written last: its presence is what marks the copy complete.
  writeFileSync(
    join(dir, 'docker-compose'),
    [
      '#!/bin/sh',
      `# ${REQUIREMENT} (PyPI), installed with pip --target by scripts/tools/docker-compose.tool.ts.`,
      'dir=$(cd "$(dirname "$0")" && pwd)',
      'PYTHONPATH="$dir${PYTHONPATH:+:$PYTHONPATH}" exec "$dir/bin/docker-compose" "$@"',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
}

export const DOCKER_COMPOSE: ToolSpec = {
  name: 'docker-compose',
  envVar: 'DOCKER_COMPOSE_PATH',
  findOnMachine: () => {
    const v1 = onPath('docker-compose');
    return v1 ? [v1] : composePlugin();
  },
  toolsDir: 'docker-compose',
  toolsExecutable: (dir) => join(dir, 'docker-compose'),
  toolsPackage: `PyPI ${REQUIREMENT}`,
  fillTools: fillFromPyPI,
  apt: { package: 'docker-compose', executable: '/usr/bin/docker-compose' },
  hint: 'set DOCKER_COMPOSE_PATH to a docker-compose executable',
};

/** argv prefix that runs docker-compose, installed into tools/ if needed. */
export async function resolveDockerCompose(opts?: ResolveToolOptions): Promise<readonly string[]> {
  return (await resolveTool(DOCKER_COMPOSE, opts)).command;
}

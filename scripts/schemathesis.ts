import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isExecutable, onPath, toolsRoot } from './tools/lookup.helpers';

/**
 * Schemathesis, the OpenAPI-driven fuzzer of the contract test
 * (test/e2e/openapi-contract.spec.ts), found in this order:
 *   1. an explicit path in SCHEMATHESIS_PATH;
 *   2. `schemathesis` on PATH;
 *   3. the project-local tools/schemathesis virtualenv;
 *   4. otherwise that virtualenv is created (`python3 -m venv`) and the pinned
 *      version pip-installed into it.
 * A venv rather than `pip install --target` (as for the Temporal wheels):
 * schemathesis is a Python program with some forty dependencies, and only a
 * venv gives its console script an interpreter that finds them without
 * PYTHONPATH juggling. The version is pinned so CI fuzzes the same way
 * every run; the whole venv is git-ignored with the rest of tools/.
 */
export const SCHEMATHESIS_REQUIREMENT = 'schemathesis==4.32.5';
const ENV_VAR = 'SCHEMATHESIS_PATH';
const EXECUTABLE = 'schemathesis';

export function schemathesisVenv(): string {
  return join(toolsRoot(), 'schemathesis');
}

function venvExecutable(): string {
  return join(schemathesisVenv(), 'bin', EXECUTABLE);
}

/** The pinned version, installed into a fresh venv. Returns an error message, or undefined on success. */
function installIntoVenv(pythons: readonly string[], log: (line: string) => void): string | undefined {
  const venv = schemathesisVenv();
  // A half-made venv (interrupted install) would be found again next time without schemathesis in it.
  if (existsSync(venv)) {
    rmSync(venv, { recursive: true, force: true });
  }
  const failures: string[] = [];
  for (const python of pythons) {
    log(`installing ${SCHEMATHESIS_REQUIREMENT} into ${venv} (${python} -m venv, then pip)`);
    const made = spawnSync(python, ['-m', 'venv', venv], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (made.status !== 0) {
      failures.push(`${python} -m venv: ${made.error?.message ?? lastLines(made.stderr) ?? `exit ${made.status}`}`);
      continue;
    }
    const pip = spawnSync(
      join(venv, 'bin', 'python'),
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', SCHEMATHESIS_REQUIREMENT],
      { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' },
    );
    if (pip.status === 0 && isExecutable(venvExecutable())) {
      return undefined;
    }
    failures.push(`pip: ${pip.error?.message ?? lastLines(pip.stderr) ?? `exit ${pip.status}`}`);
    rmSync(venv, { recursive: true, force: true });
  }
  return failures.join('; ');
}

function lastLines(stderr: string | null | undefined): string | undefined {
  const lines = (stderr ?? '').split('\n').filter((l) => l && !l.startsWith('WARNING'));
  return lines.length ? lines.slice(-3).join(' | ') : undefined;
}

/** The schemathesis executable; installs it into tools/ when nothing else has it. Throws one line saying what to do. */
export function resolveSchemathesis(opts: { readonly log?: (line: string) => void; readonly pythons?: readonly string[] } = {}): string {
  const log = opts.log ?? ((line: string) => console.log(`[tools] ${line}`));
  const fromEnv = process.env[ENV_VAR];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`${ENV_VAR}=${fromEnv} is not an executable file`);
    }
    return fromEnv;
  }
  const found = onPath(EXECUTABLE) ?? (isExecutable(venvExecutable()) ? venvExecutable() : undefined);
  if (found) {
    return found;
  }
  const error = installIntoVenv(opts.pythons ?? ['python3', 'python'], log);
  if (error !== undefined) {
    throw new Error(`schemathesis is not installed and ${SCHEMATHESIS_REQUIREMENT} could not be installed into ${schemathesisVenv()} (${error}); install it (pip install ${SCHEMATHESIS_REQUIREMENT}) or set ${ENV_VAR}`);
  }
  return venvExecutable();
}

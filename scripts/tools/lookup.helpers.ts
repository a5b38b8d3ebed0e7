import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { projectRoot } from '@careloop/temporal';

/**
 * Finding an executable that is already there: the git-ignored tools/ folder
 * (CARELOOP_TOOLS_DIR overrides it, e.g. to share one folder between
 * worktrees), PATH, and the check that a path can be run. No network.
 */
export function toolsRoot(): string {
  return process.env.CARELOOP_TOOLS_DIR || join(projectRoot(), 'tools');
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `executables` found on PATH, or undefined. */
export function onPath(...executables: string[]): string | undefined {
  for (const executable of executables) {
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      const candidate = join(dir, executable);
      if (dir && isExecutable(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

/**
 * The path in an explicit environment variable. One that points at nothing
 * is an error, never a silent fall-through to another copy: the caller asked
 * for that one.
 */
export function fromEnv(envVar: string): string | undefined {
  const value = process.env[envVar];
  if (!value) {
    return undefined;
  }
  if (!isExecutable(value)) {
    throw new Error(`${envVar}=${value} is not an executable file`);
  }
  return value;
}

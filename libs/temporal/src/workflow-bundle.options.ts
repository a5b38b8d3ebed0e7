import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BundleOptions } from '@temporalio/worker';
import { FAILURE_CONVERTER_PATH } from './payload-codec';
import { projectRoot } from './project-root';

type BundlerOptions = NonNullable<BundleOptions['webpackConfigHook']>;

/**
 * Webpack aliases for the workflow bundle, read from tsconfig.json's `paths`
 * so that Nest, jest and the workflow sandbox resolve `@careloop/*` the same
 * way from one definition.
 */
export function tsconfigPathAliases(root: string = projectRoot()): Record<string, string> {
  const tsconfig = JSON.parse(readFileSync(join(root, 'tsconfig.json'), 'utf8')) as {
    compilerOptions: { baseUrl?: string; paths?: Record<string, string[]> };
  };
  const base = resolve(root, tsconfig.compilerOptions.baseUrl ?? '.');
  const aliases: Record<string, string> = {};
  for (const [key, targets] of Object.entries(tsconfig.compilerOptions.paths ?? {})) {
    const [target] = targets;
    if (target !== undefined) {
      aliases[key] = resolve(base, target);
    }
  }
  return aliases;
}

export const addPathAliases: BundlerOptions = (config) => ({
  ...config,
  resolve: { ...config.resolve, alias: { ...(config.resolve?.alias as object), ...tsconfigPathAliases() } },
});

/** Where workflow sources live, and where `npm run build` writes the prebuilt bundle. */
export function workflowsSourcePath(root: string = projectRoot()): string {
  return join(root, 'workflows', 'index.ts');
}

export function prebuiltWorkflowBundlePath(root: string = projectRoot()): string {
  return join(root, 'dist', 'workflow-bundle.js');
}

/**
 * Modules loaded once per worker thread and shared (deep-frozen) by every
 * workflow in the reused V8 context, instead of being evaluated again for
 * each cached case: the pure libraries and the workflow modules themselves.
 * Safe only while none of them keeps state at module level (constants, pure
 * functions, classes and caches of deterministic values such as the business
 * calendar's Intl formatters are fine): a case's state lives in the objects
 * its workflow function creates. Anything else would let one case see
 * another's. test/unit/temporal/preloaded-modules.spec.ts guards it; the
 * saving is in BENCHMARKS.md (worker memory per cached case).
 */
export const PRELOADED_WORKFLOW_MODULES: readonly string[] = ['@careloop/domain', '@careloop/contracts', '@careloop/workflows'];

/**
 * The options every workflow bundle is built with (npm run build, the test
 * bundles): the sources, the path aliases, the modules shared between cases, and the
 * failure converter that encodes failure messages (it must be inside the
 * bundle to apply to workflows).
 */
export function workflowBundleOptions(
  root: string = projectRoot(),
): Pick<BundleOptions, 'workflowsPath' | 'webpackConfigHook' | 'failureConverterPath' | 'preloadModules'> {
  return {
    workflowsPath: workflowsSourcePath(root),
    webpackConfigHook: addPathAliases,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    preloadModules: [...PRELOADED_WORKFLOW_MODULES],
  };
}

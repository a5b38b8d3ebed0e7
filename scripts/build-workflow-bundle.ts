import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { prebuiltWorkflowBundlePath, projectRoot, workflowBundleOptions } from '@careloop/temporal';

/**
 * Prebuilds the workflow bundle (what the worker would otherwise webpack at
 * every start). Skipped when the bundle is newer than every source it can
 * contain: workflows/ and the libraries workflows may import.
 */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function main(): Promise<void> {
  const root = projectRoot();
  const out = prebuiltWorkflowBundlePath(root);
  const sources = ['workflows', 'libs/domain', 'libs/contracts', 'libs/temporal/src/failure-converter.ts', 'libs/temporal/src/workflow-bundle.options.ts', 'tsconfig.json', 'package-lock.json'].map((p) => join(root, p));
  const newestSource = Math.max(
    ...sources.map((p) => (statSync(p).isDirectory() ? newestMtime(p) : statSync(p).mtimeMs)),
  );
  let bundleMtime = 0;
  try {
    bundleMtime = statSync(out).mtimeMs;
  } catch {
    // no bundle yet
  }
  if (bundleMtime > newestSource && process.argv[2] !== '--force') {
    return;
  }
  const { code } = await bundleWorkflowCode({
    ...workflowBundleOptions(root),
    logger: new DefaultLogger('WARN'),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle written to ${out} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

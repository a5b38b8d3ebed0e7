import { chmodSync, createReadStream, createWriteStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createBrotliDecompress } from 'node:zlib';
import { npmPack, untar, type Log } from './install.helpers';
import { onPath } from './lookup.helpers';
import { resolveTool, type ResolveToolOptions, type ToolSpec } from './tool.resolver';

/**
 * Chromium for the browser tests (playwright-core drives it headless).
 *
 * The tools/ copy comes from the npm package @sparticuz/chromium: a headless
 * Chromium build (chrome-headless-shell) made for serverless hosts, shipped
 * brotli-compressed inside the package. Playwright's own browser download
 * needs its CDN, which machines that only reach the package registries do not
 * have; this package comes through the npm registry like any dependency. It
 * is fetched with `npm pack` (pinned version and integrity; no package script
 * runs) and unpacked here, instead of being a devDependency, so machines that
 * already have Chromium never download its 70 MB.
 *
 * What is unpacked: the browser binary, the SwiftShader libraries it loads
 * from its own folder (software GL), and the NSS libraries the package
 * carries for Amazon Linux, put on LD_LIBRARY_PATH by a small wrapper, so the
 * copy needs only glibc and libexpat from the machine.
 */
const PACKAGE = '@sparticuz/chromium@153.0.0';
const INTEGRITY = 'sha512-jiGWqSvPMdu4+P9TilYqAR7yEGPEHINx+lCvE/NqNO/EHYzF/x1hUiI5T6ioVIt7dEy7n88byyT0vk+dnsgQwA==';

async function unbrotli(source: string, target: string): Promise<void> {
  await pipeline(createReadStream(source), createBrotliDecompress(), createWriteStream(target));
}

async function fillFromNpm(dir: string, log: Log): Promise<void> {
  const download = join(dir, 'download');
  mkdirSync(download);
  const tarball = npmPack(PACKAGE, INTEGRITY, download, log);
  untar(tarball, download, ['package/bin/chromium.br', 'package/bin/swiftshader.tar.br', 'package/bin/al2023.tar.br']);
  const bin = join(download, 'package', 'bin');
  log(`unpacking Chromium into ${dir}`);
  await unbrotli(join(bin, 'chromium.br'), join(dir, 'headless_shell'));
  chmodSync(join(dir, 'headless_shell'), 0o755);
  for (const [archive, into] of [['swiftshader', dir], ['al2023', dir]] as const) {
    const tar = join(download, `${archive}.tar`);
    await unbrotli(join(bin, `${archive}.tar.br`), tar);
    untar(tar, into); // swiftshader: lib*.so beside the binary; al2023: lib/
  }
  rmSync(download, { recursive: true, force: true });
  // Written last: its presence is what marks the copy complete.
  writeFileSync(
    join(dir, 'chromium'),
    [
      '#!/bin/sh',
      `# Chromium from ${PACKAGE} (npm), unpacked by scripts/tools/chromium.tool.ts.`,
      'dir=$(cd "$(dirname "$0")" && pwd)',
      'LD_LIBRARY_PATH="$dir/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}" exec "$dir/headless_shell" "$@"',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
}

export const CHROMIUM: ToolSpec = {
  name: 'Chromium',
  envVar: 'CHROMIUM_PATH',
  findOnMachine: () => {
    const found = onPath('chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable');
    return found ? [found] : undefined;
  },
  toolsDir: join('chromium', PACKAGE.replace('@sparticuz/chromium@', 'sparticuz-')),
  toolsExecutable: (dir) => join(dir, 'chromium'),
  toolsPackage: `npm ${PACKAGE}`,
  fillTools: fillFromNpm,
  apt: { package: 'chromium', executable: '/usr/bin/chromium' },
  hint: 'set CHROMIUM_PATH to a Chromium or Chrome binary',
};

/** The Chromium executable to launch, installed into tools/ if needed. */
export async function resolveChromium(opts?: ResolveToolOptions): Promise<string> {
  return (await resolveTool(CHROMIUM, opts)).command[0]!;
}

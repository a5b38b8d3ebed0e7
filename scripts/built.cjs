#!/usr/bin/env node
// @ts-check
/**
 * Runs a built script without rebuilding when the build is current:
 *   node scripts/built.cjs run dist/scripts/mint-token.js [args…]
 * builds first (`npm run build`) only when dist/.build-stamp is missing or
 * older than a source file the TypeScript build reads; then runs the script in
 * this same process (no extra child: signals and exit codes are the script's
 * own). `node scripts/built.cjs stamp` is the last step of `npm run build`.
 *
 * Plain CommonJS on purpose: it must run before anything is compiled.
 */
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const stamp = join(root, 'dist', '.build-stamp');
/** What tsconfig.build.json compiles (apps/console is the vite build: not needed by scripts). */
const SOURCE_DIRS = ['apps', 'libs', 'workflows', 'activities', 'scripts'];
const SOURCE_FILES = ['tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];
const SKIP = new Set([join(root, 'apps', 'console')]);

/** Newest mtime (ms) of the build's inputs; stops early once one is newer than `than`. */
function newestSource(than) {
  let newest = 0;
  const visit = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (newest > than) {
        return;
      }
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== 'node_modules' && !SKIP.has(path)) {
          visit(path);
        }
      } else if (/\.(ts|json)$/.test(entry.name) && !entry.name.endsWith('.spec.ts')) {
        newest = Math.max(newest, statSync(path).mtimeMs);
      }
    }
  };
  for (const dir of SOURCE_DIRS.map((d) => join(root, d)).filter((d) => existsSync(d))) {
    visit(dir);
  }
  for (const file of SOURCE_FILES) {
    if (existsSync(join(root, file))) {
      newest = Math.max(newest, statSync(join(root, file)).mtimeMs);
    }
  }
  return newest;
}

function isCurrent(target) {
  if (!existsSync(stamp) || !existsSync(target)) {
    return false;
  }
  const built = statSync(stamp).mtimeMs;
  return newestSource(built) <= built;
}

const [mode, script, ...args] = process.argv.slice(2);
if (mode === 'stamp') {
  writeFileSync(stamp, `${new Date().toISOString()}\n`);
} else if (mode === 'run' && script) {
  const target = resolve(root, script);
  if (!isCurrent(target)) {
    process.stderr.write('[careloop] sources changed since the last build: building first (npm run build)\n');
    const res = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] });
    if (res.status !== 0) {
      process.exit(res.status ?? 1);
    }
  }
  // The script reads its arguments from process.argv as if it had been started directly.
  process.argv = [process.argv[0], target, ...args];
  require(target);
} else {
  process.stderr.write('usage: node scripts/built.cjs stamp | run <dist/script.js> [args…]\n');
  process.exit(2);
}

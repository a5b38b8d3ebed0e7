import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The checkout's root (the folder holding CareLoop's package.json), found by
 * walking up from `start`. Works from sources (ts via jest) and from dist/.
 */
export function projectRoot(start: string = __dirname): string {
  let dir = start;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && (JSON.parse(readFileSync(pkg, 'utf8')) as { name?: string }).name === 'careloop') {
      return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`cannot find the CareLoop project root above ${start}`);
    }
    dir = parent;
  }
}

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Lints each source as if it were the file `filePath`, with the project's real
 * configuration; returns `rule: message` per source. ESLint loads its flat
 * config with a dynamic import, which jest's module sandbox does not support,
 * so this runs in one child process.
 */
export function lintAll(sources: string[], filePath: string): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    const { sources, filePath } = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      const eslint = new ESLint();
      const out = [];
      for (const code of sources) {
        const [r] = await eslint.lintText(code, { filePath });
        out.push(r.messages.map((m) => m.ruleId + ': ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const res = spawnSync(process.execPath, ['-e', script], {
    cwd: join(__dirname, '..', '..'),
    input: JSON.stringify({ sources, filePath }),
    encoding: 'utf8',
  });
  if (res.status !== 0) {
    throw new Error(`eslint failed: ${res.stderr}`);
  }
  return JSON.parse(res.stdout) as string[][];
}

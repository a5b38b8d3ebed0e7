import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PRELOADED_WORKFLOW_MODULES, projectRoot, tsconfigPathAliases } from '@careloop/temporal';

/**
 * The workflow bundle preloads these modules (the pure libraries and the
 * workflows) once per worker thread and shares them, frozen, between every
 * cached case. A module-level `let` or
 * `var` there would be one variable for all cases: one case could see
 * another's value, and replay would depend on which cases ran before.
 */
const MODULE_LEVEL_MUTABLE = /^(export\s+)?(let|var)\s/;

describe('modules preloaded into the workflow sandbox', () => {
  const aliases = tsconfigPathAliases(projectRoot());

  function sources(dir: string): string[] {
    return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [join(dir, e.name)] : [],
    );
  }

  it.each([...PRELOADED_WORKFLOW_MODULES])('%s has no module-level mutable binding', (name) => {
    const entry = aliases[name];
    expect(entry).toBeDefined();
    const files = sources(entry!);
    expect(files.length).toBeGreaterThan(3);
    const offenders = files.flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .map((line, i) => ({ line, at: `${file.slice(projectRoot().length + 1)}:${i + 1}` }))
        .filter(({ line }) => MODULE_LEVEL_MUTABLE.test(line))
        .map(({ at }) => at),
    );
    expect(offenders).toEqual([]);
  });

  it('a module-level let is caught', () => {
    expect(MODULE_LEVEL_MUTABLE.test('export let counter = 0;')).toBe(true);
    expect(MODULE_LEVEL_MUTABLE.test('  let local = 0;')).toBe(false);
  });
});

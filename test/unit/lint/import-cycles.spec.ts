import { join } from 'node:path';
import madge from 'madge';

/**
 * No import circle anywhere in the product code (types included: a circle of type files is a contract
 * split by size instead of by dependency). madge reads the imports as TypeScript resolves them.
 */
describe('import graph', () => {
  it('has no circle in apps, libs, workflows or activities', async () => {
    const root = join(__dirname, '..', '..', '..');
    const graph = await madge(['apps', 'libs', 'workflows', 'activities'].map((d) => join(root, d)), {
      baseDir: root,
      fileExtensions: ['ts', 'tsx'],
      tsConfig: join(root, 'tsconfig.json'),
      excludeRegExp: [/\.spec\.ts$/, /node_modules/],
      detectiveOptions: { ts: { skipTypeImports: false }, tsx: { skipTypeImports: false } },
    });
    expect(graph.circular()).toEqual([]);
  }, 60_000);
});

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MEASURE_IDS, MEASURES, SMALL_CELL_MAX } from '@careloop/domain';

/** docs/reporting.md and the measure table cannot drift: every id has its section, with its source rule word for word. */
const DOC = readFileSync(join(__dirname, '..', '..', '..', '..', 'docs', 'reporting.md'), 'utf8');

describe('docs/reporting.md', () => {
  it.each(MEASURE_IDS)('defines %s under a heading of its own, naming its source rule', (id) => {
    expect(DOC).toContain(`### \`${id}\``);
    const section = DOC.slice(DOC.indexOf(`### \`${id}\``)).split('\n### ')[0]!;
    expect(section).toContain(`**Source**: ${MEASURES[id].source}`);
  });

  it('names no measure that is not in the table', () => {
    const headings = [...DOC.matchAll(/^### `([a-z0-9_]+)`$/gm)].map((m) => m[1]);
    expect(headings).toEqual([...MEASURE_IDS]);
  });

  it('states the period, reproducibility and small-cell rules', () => {
    expect(DOC).toContain('(start, end]');
    expect(DOC).toContain('Events after `period.end` are never read');
    expect(DOC).toContain(`\`SMALL_CELL_MAX\` = ${SMALL_CELL_MAX}`);
  });
});

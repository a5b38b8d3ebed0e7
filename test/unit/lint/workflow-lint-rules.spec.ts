import { lintAll as lintSources } from '../../support/lint';

/**
 * The lint rules that keep workflow code deterministic are part of the
 * architecture, so they are tested: each forbidden import or call under
 * workflows/ is reported, and the allowed ones are not.
 */
const FORBIDDEN: [string, string][] = [
  ["import { readFileSync } from 'fs';", 'no-restricted-imports'],
  ["import { readFileSync } from 'node:fs';", 'no-restricted-imports'],
  ["import { Injectable } from '@nestjs/common';", 'no-restricted-imports'],
  ["import { DataSource } from 'typeorm';", 'no-restricted-imports'],
  ["import { Client } from 'pg';", 'no-restricted-imports'],
  ["import { createCaseActivities } from '@careloop/activities';", 'no-restricted-imports'],
  ["import { CaseRecordRepository } from '@careloop/persistence';", 'no-restricted-imports'],
  ['export const t = Date.now();', 'no-restricted-properties'],
  ['export const r = Math.random();', 'no-restricted-properties'],
];
const ALLOWED = [
  "import { sleep } from '@temporalio/workflow';",
  "import { CASE_PHASES } from '@careloop/domain';",
  "import { CASE_WORKFLOW_TYPE } from '@careloop/contracts';",
  "import type { CaseActivities } from '@careloop/activities';",
  'export type A = CaseActivities;',
  'export const x = [sleep, CASE_PHASES, CASE_WORKFLOW_TYPE];',
].join('\n');
const lintAll = (sources: string[]) => lintSources(sources, 'workflows/lint-fixture.ts');
const FLOATING = 'async function f(): Promise<void> {}\nf();\nexport {};\n';

describe('lint rules for workflows/', () => {
  const hitsBySource = new Map<string, string[]>();
  const asModule = (code: string) => `${code}\nexport {};\n`;
  const ruleHits = (source: string): string[] => hitsBySource.get(source)!;

  beforeAll(() => {
    const sources = [...FORBIDDEN.map(([code]) => asModule(code)), ALLOWED, FLOATING];
    lintAll(sources).forEach((hits, i) => hitsBySource.set(sources[i]!, hits));
  }, 60_000);

  it.each(FORBIDDEN)('reports %s', (code, rule) => {
    const hits = ruleHits(asModule(code));
    expect(hits.some((h) => h.startsWith(rule))).toBe(true);
  });

  it('allows the workflow SDK, the domain and contracts libraries, and type-only activity imports', () => {
    const hits = ruleHits(ALLOWED);
    expect(hits.filter((h) => h.startsWith('no-restricted'))).toEqual([]);
  });

  it('reports a floating promise anywhere', () => {
    const hits = ruleHits(FLOATING);
    expect(hits.some((h) => h.startsWith('@typescript-eslint/no-floating-promises'))).toBe(true);
  });
});

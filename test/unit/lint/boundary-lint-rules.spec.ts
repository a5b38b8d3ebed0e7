import { lintAll } from '../../support/lint';

/**
 * The layer boundaries that were convention are lint rules (eslint.config.mjs), and each is tested
 * here: every forbidden import is reported where it is forbidden, and the allowed ones are not.
 */
const CASES: { readonly file: string; readonly forbidden: readonly string[]; readonly allowed: readonly string[] }[] = [
  {
    file: 'libs/domain/src/lint-fixture.ts',
    forbidden: [
      "import { CASE_WORKFLOW_TYPE } from '@careloop/contracts';",
      "import type { ApiConfig } from '../../../apps/api/src/api.config';",
      "import { Injectable } from '@nestjs/common';",
      "import { proxyActivities } from '@temporalio/workflow';",
      "import { DataSource } from 'typeorm';",
      "import { readFileSync } from 'node:fs';",
    ],
    allowed: ["import { DAY_MS } from './duration';"],
  },
  {
    file: 'libs/contracts/src/lint-fixture.ts',
    forbidden: ["import { CaseReadRepository } from '@careloop/persistence';", "import { DataSource } from 'typeorm';", "import { CaseEntity } from '../../persistence/src/entities/case.entity';"],
    allowed: ["import type { CasePhase } from '@careloop/domain';", "import { defineUpdate } from '@temporalio/workflow';"],
  },
  {
    file: 'apps/api/src/lint-fixture.ts',
    forbidden: ["import { createCaseActivities } from '@careloop/activities';", "import { createCaseActivities } from '../../../activities';", "import { x } from '../../../activities/case.activities';"],
    allowed: ["import { CaseReadRepository } from '@careloop/persistence';", "import { CASE_WORKFLOW_TYPE } from '@careloop/contracts';"],
  },
];

describe('layer boundary lint rules', () => {
  const results = new Map<string, string[]>();
  beforeAll(() => {
    for (const c of CASES) {
      const sources = [...c.forbidden, ...c.allowed].map((line) => `${line}\nexport {};\n`);
      lintAll(sources, c.file).forEach((hits, i) => results.set(`${c.file}\n${sources[i]}`, hits));
    }
  }, 60_000);

  const rows = (pick: 'forbidden' | 'allowed') => CASES.flatMap((c) => c[pick].map((line) => [c.file, line] as const));

  it.each(rows('forbidden'))('%s: refuses %s', (file, line) => {
    expect(results.get(`${file}\n${line}\nexport {};\n`)!.filter((h) => h.startsWith('no-restricted-imports'))).toHaveLength(1);
  });

  it.each(rows('allowed'))('%s: allows %s', (file, line) => {
    expect(results.get(`${file}\n${line}\nexport {};\n`)!.filter((h) => h.startsWith('no-restricted-imports'))).toEqual([]);
  });
});

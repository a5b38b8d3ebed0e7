// @ts-check
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Node built-ins by exact name (`fs`, `fs/promises`, …); the `node:` spelling is caught by a pattern. */
const builtinMessage = 'Node built-ins are not deterministic and are unavailable in the workflow sandbox.';
const nodeBuiltinPaths = builtinModules.filter((m) => !m.startsWith('_')).map((name) => ({ name, message: builtinMessage }));

export default tseslint.config(
  { ignores: ['dist/**', 'tools/**', 'data/**', 'coverage/**', 'node_modules/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: {
        // The lint-rule tests lint fixtures under these names (test/unit/lint).
        projectService: { allowDefaultProject: ['workflows/lint-fixture.ts', 'libs/domain/src/lint-fixture.ts', 'libs/contracts/src/lint-fixture.ts', 'apps/api/src/lint-fixture.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // Every promise is awaited, returned, or explicitly voided: a dropped promise is a lost write.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports', disallowTypeAnnotations: false }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', ignoreRestSiblings: true }],
      'no-console': 'off',
    },
  },
  {
    // Nest's DI reads constructor parameter types at runtime: they must stay value imports.
    files: ['apps/**/*.ts', 'libs/persistence/**/*.ts', 'libs/temporal/**/*.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox and is replayed from history.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@careloop/activities', allowTypeImports: true, message: 'Workflows call activities through proxyActivities; import their types only.' },
            { name: '@careloop/persistence', message: 'Persistence runs in activities, never in workflows.' },
            { name: '@careloop/temporal', message: 'Client/worker wiring is not workflow code.' },
            { name: '@careloop/observability', message: 'Process logging is not workflow code: use log from @temporalio/workflow.' },
            { name: '@temporalio/client', message: 'Use @temporalio/workflow APIs inside workflows.' },
            { name: '@temporalio/worker', message: 'Use @temporalio/workflow APIs inside workflows.' },
            { name: '@temporalio/activity', message: 'Activity APIs are not available in workflows.' },
            ...nodeBuiltinPaths,
          ],
          patterns: [
            { group: ['node:*'], message: builtinMessage },
            { group: ['@nestjs/*'], message: 'Nest is not available in workflows.' },
            { group: ['typeorm', 'typeorm/*', 'pg', 'pg/*'], message: 'Database access belongs in activities.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Use workflowNow() so the intent (workflow time) is explicit.' },
        { object: 'Math', property: 'random', message: 'Use uuid4() or a value passed in: randomness breaks replay.' },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'setTimeout', message: 'Use sleep() or condition() with a timeout from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use a loop with sleep() from @temporalio/workflow.' },
        { name: 'process', message: 'process is not available in workflows.' },
      ],
    },
  },
  {
    // The domain is pure TypeScript: it imports nothing else of the project and no framework.
    files: ['libs/domain/**/*.ts'],
    ignores: ['libs/domain/**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@careloop/*'], message: 'libs/domain imports nothing else of the project: it is the bottom layer.' },
            { group: ['../../*'], message: 'libs/domain imports nothing outside itself.' },
            { group: ['@nestjs/*', '@temporalio/*', 'typeorm', 'typeorm/*', 'pg', 'pg/*'], message: 'libs/domain is framework-free.' },
            { group: ['node:*'], message: 'libs/domain is pure: no Node built-ins (workflows run it in their sandbox).' },
          ],
        },
      ],
    },
  },
  {
    // Contracts are shared by the API and the workflows: never persistence.
    files: ['libs/contracts/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: '@careloop/persistence', message: 'libs/contracts never imports persistence (workflows import the contracts).' }],
          patterns: [{ group: ['typeorm', 'typeorm/*', 'pg', 'pg/*', '**/persistence/**'], message: 'libs/contracts never imports persistence (workflows import the contracts).' }],
        },
      ],
    },
  },
  {
    // The API talks to Temporal and Postgres; activities run only in the worker.
    files: ['apps/api/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          // Matches @careloop/activities and any relative path into activities/.
          patterns: [{ group: ['**/activities', '**/activities/**'], message: 'The API never imports activities: they run in the worker.' }],
        },
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);

// @ts-check
const { compilerOptions } = require('./tsconfig.json');

/** `@careloop/*` aliases from tsconfig.json, so jest resolves them exactly like tsc and the workflow bundler. */
const moduleNameMapper = Object.fromEntries(
  Object.entries(compilerOptions.paths).map(([alias, [target]]) => [`^${alias}$`, `<rootDir>/${target}`]),
);

/** SWC with legacy decorators and emitted metadata: Nest's DI needs both. */
const transform = {
  '^.+\\.ts$': [
    '@swc/jest',
    {
      jsc: {
        parser: { syntax: 'typescript', decorators: true },
        transform: { legacyDecorator: true, decoratorMetadata: true },
        target: 'es2022',
        // Rewrites `@careloop/*` at transform time too, so globalSetup files (plain Node, no moduleNameMapper) resolve them.
        baseUrl: __dirname,
        paths: compilerOptions.paths,
      },
      module: { type: 'commonjs' },
      sourceMaps: 'inline',
    },
  ],
};

/**
 * The unit tests once more on a clock 400 days ahead (another year, another weekday): a test whose outcome
 * depends on today's date fails here. Only Date is faked; timers stay real, and the shifted clock advances
 * with real time. See test/support/fixture-dates.ts for the rule the other suites follow.
 */
const CLOCK_SHIFT_DAYS = 400;
const shiftedClock = {
  enableGlobally: true,
  advanceTimers: true,
  now: Date.now() + CLOCK_SHIFT_DAYS * 86_400_000,
  doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
};

const common = { rootDir: __dirname, testEnvironment: 'node', transform, moduleNameMapper, moduleFileExtensions: ['ts', 'js', 'json'] };

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/test/unit/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: `unit@+${CLOCK_SHIFT_DAYS}d`,
      testMatch: ['<rootDir>/test/unit/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts'],
      fakeTimers: shiftedClock,
    },
    {
      ...common,
      displayName: 'workflows',
      // Time-skipping test server per suite; replay of saved histories.
      testMatch: ['<rootDir>/test/workflows/**/*.spec.ts', '<rootDir>/test/replay/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/workflows.global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/setup.workflows.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      // A real Temporal dev server and a real (embedded) Postgres, started once for all e2e suites.
      // …and the console in a real browser (Chromium) against the same stack.
      testMatch: ['<rootDir>/test/e2e/**/*.spec.ts', '<rootDir>/test/integration/**/*.spec.ts', '<rootDir>/test/browser/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/e2e.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/e2e.global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/setup.e2e.ts'],
    },
    {
      ...common,
      displayName: 'faults',
      // The built API and worker as OS processes, killed and restarted; servers stopped and restarted.
      testMatch: ['<rootDir>/test/faults/**/*.spec.ts'],
      globalSetup: '<rootDir>/test/support/faults.global-setup.ts',
      globalTeardown: '<rootDir>/test/support/faults.global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/support/setup.faults.ts'],
    },
  ],
};

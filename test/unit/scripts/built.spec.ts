import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * scripts/built.cjs (`npm run token`, `npm run integration-key`): builds only
 * when a source is newer than the last build, then runs the built script with
 * its arguments. Exercised on a scratch project whose "build" only counts how
 * often it ran, so the real 12-second build is not needed.
 */
describe('scripts/built.cjs', () => {
  const real = join(__dirname, '..', '..', '..', 'scripts', 'built.cjs');
  let project: string;

  const builds = () => (existsSync(join(project, 'builds.log')) ? readFileSync(join(project, 'builds.log'), 'utf8').length : 0);
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(project, 'scripts', 'built.cjs'), 'run', 'dist/hello.js', ...args], { cwd: project, encoding: 'utf8' });
  /** Moves a file's mtime `seconds` into the future, as an edit after the build would. */
  const touchLater = (path: string, seconds: number) => {
    const t = new Date(Date.now() + seconds * 1000);
    utimesSync(path, t, t);
  };

  beforeEach(() => {
    project = mkdtempSync(join(tmpdir(), 'careloop-built-'));
    for (const dir of ['scripts', 'dist', 'libs/x/src', 'apps/console']) {
      mkdirSync(join(project, dir), { recursive: true });
    }
    copyFileSync(real, join(project, 'scripts', 'built.cjs'));
    writeFileSync(join(project, 'libs/x/src/index.ts'), 'export const x = 1;\n');
    writeFileSync(join(project, 'dist', 'hello.js'), 'process.stdout.write(JSON.stringify(process.argv.slice(2)));\n');
    // The scratch project's build: count the run, then stamp like the real build's last step.
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'scratch', private: true, scripts: { build: 'printf x >> builds.log && node scripts/built.cjs stamp' } }),
    );
  });

  it('builds once when there is no build yet, then runs the script with its arguments and a clean stdout', () => {
    const first = run('--role', 'admin');
    expect(first.status).toBe(0);
    expect(first.stdout).toBe('["--role","admin"]');
    expect(first.stderr).toContain('building first');
    expect(builds()).toBe(1);
  });

  it('does not build again while the build is current', () => {
    run();
    const again = run('--sub', 'ops-1');
    expect(again.stdout).toBe('["--sub","ops-1"]');
    expect(again.stderr).toBe('');
    expect(builds()).toBe(1);
  });

  it('builds again after a source changes, but not for a test or console file', () => {
    run();
    writeFileSync(join(project, 'libs/x/src/index.spec.ts'), '');
    touchLater(join(project, 'libs/x/src/index.spec.ts'), 5);
    writeFileSync(join(project, 'apps/console/main.ts'), '');
    touchLater(join(project, 'apps/console/main.ts'), 5);
    run();
    expect(builds()).toBe(1);

    touchLater(join(project, 'libs/x/src/index.ts'), 5);
    run();
    expect(builds()).toBe(2);
  });

  it("passes the script's exit code through", () => {
    writeFileSync(join(project, 'dist', 'hello.js'), 'process.exitCode = 2;\n');
    expect(run().status).toBe(2);
  });
});

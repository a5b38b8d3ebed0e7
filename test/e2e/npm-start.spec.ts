import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../scripts/ports';
import { bearer, USERS } from '../support/auth';
import { dateFromToday } from '../support/fixture-dates';
import { registerMembersIn } from '../support/member-fixtures';
import { EMBEDDED_PG_PASSWORD } from '../../scripts/embedded-postgres';

/**
 * `npm start` as a user meets it: the built start script brings up the
 * embedded stack, serves the API, stops everything on Ctrl-C (SIGINT to the
 * terminal's process group) and on SIGTERM without leaving a process behind,
 * and a second start finds the data of the first.
 */
const root = join(__dirname, '..', '..');
const startScript = join(root, 'dist', 'scripts', 'start.js');

interface Started {
  readonly proc: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

function descendants(pid: number): number[] {
  const table = spawnSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' }).stdout.trim().split('\n');
  const children = new Map<number, number[]>();
  for (const line of table) {
    const [p, pp] = line.trim().split(/\s+/).map(Number);
    children.set(pp!, [...(children.get(pp!) ?? []), p!]);
  }
  const out: number[] = [];
  const walk = (p: number) => (children.get(p) ?? []).forEach((c) => (out.push(c), walk(c)));
  walk(pid);
  return out;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const launched: ChildProcess[] = [];

/** After a failure mid-test, nothing may outlive the suite: stop each launched tree, forcibly if needed. */
async function killLeftovers(): Promise<void> {
  for (const proc of launched) {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      continue;
    }
    const tree = descendants(proc.pid!);
    process.kill(-proc.pid!, 'SIGTERM');
    await new Promise((r) => setTimeout(r, 5_000));
    for (const pid of [proc.pid!, ...tree].filter(alive)) {
      process.kill(pid, 'SIGKILL');
    }
  }
}

async function startCareLoop(dataDir: string, apiPort: number): Promise<Started> {
  const env: NodeJS.ProcessEnv = { ...process.env, CARELOOP_DATA_DIR: dataDir, PORT: String(apiPort) };
  // The e2e setup's servers must not be reused: npm start brings its own.
  delete env.TEMPORAL_ADDRESS;
  delete env.DATABASE_URL;
  delete env.WORKFLOW_BUNDLE_PATH;
  // Own process group, like a shell job, so "Ctrl-C" can be sent to the whole group.
  const proc = spawn(process.execPath, [startScript], { cwd: root, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  launched.push(proc);
  let output = '';
  proc.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 120_000;
  while (!output.includes('CareLoop is up')) {
    if (Date.now() > deadline || proc.exitCode !== null) {
      throw new Error(`npm start did not come up:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return { proc, output: () => output, exited };
}

describe('npm start (the whole system on embedded defaults)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'careloop-start-'));
  const body = { memberRef: 'M-START-1', programCode: 'CCM', enrollmentDate: dateFromToday(-30) };
  // npm start runs on the development signing secret, so a locally minted token is accepted.
  const auth = bearer(USERS.cm1);

  afterAll(killLeftovers, 30_000);

  beforeAll(() => {
    chmodSync(dataDir, 0o755); // mkdtemp makes it private; Postgres (as the postgres user under root) must enter it
    if (!existsSync(startScript)) {
      throw new Error(`${startScript} is missing: run \`npm run build\` first (npm test does)`);
    }
  });

  it('starts, serves, stops cleanly on Ctrl-C and on SIGTERM, and keeps its data between runs', async () => {
    const apiPort = await freePort();
    const api = `http://127.0.0.1:${apiPort}`;

    const first = await startCareLoop(dataDir, apiPort);
    expect(first.output()).toContain(`API           http://localhost:${apiPort}`);
    expect(first.output()).toMatch(/Temporal UI +http:\/\/localhost:\d+/);
    const ready = await fetch(`${api}/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ok' });
    // A case stands on a registered member (issue 16): register it in the database npm start reports.
    const printed = /Postgres +(postgres(?:ql)?:\/\/\S+)/.exec(first.output())?.[1];
    expect(printed).toBeDefined();
    const databaseUrl = new URL(printed!);
    databaseUrl.password = EMBEDDED_PG_PASSWORD; // printed redacted
    await registerMembersIn(databaseUrl.toString(), [body.memberRef]);
    const created = await fetch(`${api}/cases`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const firstTree = descendants(first.proc.pid!);
    expect(firstTree.length).toBeGreaterThanOrEqual(4); // temporal, postgres, worker, api (+ postgres's own children)
    process.kill(-first.proc.pid!, 'SIGINT'); // what Ctrl-C in a terminal does
    expect(await first.exited).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(firstTree.filter(alive)).toEqual([]);

    const second = await startCareLoop(dataDir, apiPort);
    const again = await fetch(`${api}/cases`, { method: 'POST', headers: { 'content-type': 'application/json', ...auth }, body: JSON.stringify(body) });
    expect(again.status).toBe(200); // the case from the first run is still open
    // The first run may have been stopped before its worker wrote the case row: the restarted worker
    // picks the workflow up and writes it, once.
    let read: { phase: string; record: { memberRef: string } | null } = { phase: '', record: null };
    for (let i = 0; i < 60 && read.record === null; i++) {
      read = (await (await fetch(`${api}/cases/${id}`, { headers: auth })).json()) as typeof read;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(read.phase).toBe('screening');
    expect(read.record?.memberRef).toBe(body.memberRef);

    const secondTree = descendants(second.proc.pid!);
    second.proc.kill('SIGTERM'); // what a process manager does
    expect(await second.exited).toBe(0);
    await new Promise((r) => setTimeout(r, 500));
    expect(secondTree.filter(alive)).toEqual([]);
  }, 300_000);
});

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const ROOT = join(__dirname, '..', '..');
const live = new Set<ServiceProcess>();

/**
 * The API or the worker as a real OS process (`node dist/...`, as `npm start`
 * runs them), in its own process group, with its JSON-lines log kept in
 * memory so a test can wait for a line. `killAllServiceProcesses()` in
 * afterAll (and at process exit) leaves nothing behind, even on failure.
 */
export class ServiceProcess {
  readonly lines: Record<string, unknown>[] = [];
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly name: string,
    script: 'dist/apps/worker/src/main.js' | 'dist/apps/api/src/main.js',
    env: Record<string, string>,
  ) {
    this.child = spawn(process.execPath, ['--enable-source-maps', join(ROOT, script)], {
      env: { PATH: process.env.PATH ?? '', LOG_FORMAT: 'json', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    live.add(this);
    for (const stream of [this.child.stdout, this.child.stderr]) {
      createInterface({ input: stream! }).on('line', (line) => this.onLine(line));
    }
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => {
        live.delete(this);
        this.notify();
        resolve({ code, signal });
      }),
    );
  }

  get pid(): number {
    return this.child.pid!;
  }

  get running(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Resolves with the first log line (past or future) matching `match`; rejects after `timeoutMs` or if the process exits first. */
  waitForLine(match: (line: Record<string, unknown>) => boolean, timeoutMs = 60_000): Promise<Record<string, unknown>> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const hit = this.lines.find(match);
        if (hit) {
          done();
          resolve(hit);
        } else if (!this.running) {
          done();
          reject(new Error(`${this.name} exited before the awaited log line; last lines:\n${this.tail()}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`${this.name}: no matching log line within ${timeoutMs} ms; last lines:\n${this.tail()}`));
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(check);
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Sends `signal` to the whole process group and waits for the exit (SIGKILL after `graceMs` if still alive). */
  async kill(signal: NodeJS.Signals = 'SIGKILL', graceMs = 10_000): Promise<void> {
    if (!this.running) {
      return;
    }
    this.signalGroup(signal);
    const timer = setTimeout(() => this.signalGroup('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
  }

  /** SIGSTOP / SIGCONT: a frozen process keeps its sockets but does nothing (a hung worker). */
  signalGroup(signal: NodeJS.Signals): void {
    try {
      process.kill(-this.pid, signal);
    } catch {
      // already gone
    }
  }

  tail(n = 15): string {
    return this.lines
      .slice(-n)
      .map((l) => JSON.stringify(l))
      .join('\n');
  }

  private onLine(line: string): void {
    try {
      this.lines.push(JSON.parse(line) as Record<string, unknown>);
    } catch {
      this.lines.push({ msg: line, level: 'raw' });
    }
    this.notify();
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) {
      waiter();
    }
  }
}

export async function killAllServiceProcesses(): Promise<void> {
  await Promise.all([...live].map((p) => p.kill('SIGKILL')));
}

process.once('exit', () => {
  for (const p of live) {
    p.signalGroup('SIGKILL');
  }
});
